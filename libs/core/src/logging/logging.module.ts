import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Global, Inject, Injectable, LoggerService, Module } from '@nestjs/common';
import pino, { Logger as Pino, LevelWithSilent } from 'pino';
import { AppConfig } from '../config/app-config';

/** Fields the GraphQL layer records on the request for the access log. */
export interface LoggedRequest {
  id?: unknown;
  operationName?: string;
  userId?: string;
  /** When requestLog saw the request arrive (process.hrtime.bigint()): the GraphQL histogram times operations from it. */
  startedAt?: bigint;
}

/** The process's pino logger. */
export const PINO = Symbol('PINO');

/** Nest's levels in pino's words. */
const LEVELS = { log: 'info', error: 'error', warn: 'warn', debug: 'debug', verbose: 'trace', fatal: 'fatal' } as const;

/**
 * Nest's LoggerService on pino: `log(message, context)` becomes one JSON line
 * (or one pretty line) with its context; an error's stack, or the stack Nest
 * passes beside the message, goes with it. A line below LOG_LEVEL costs a
 * level check and nothing else.
 */
@Injectable()
export class PlatformLogger implements LoggerService {
  constructor(@Inject(PINO) readonly pino: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(method: keyof typeof LEVELS, message: unknown, rest: unknown[]): void {
    const level = LEVELS[method];
    if (!this.pino.isLevelEnabled(level)) return;
    const params = [...rest];
    const fields: Record<string, unknown> = {};
    if (params.length && typeof params.at(-1) === 'string') fields.context = params.pop();
    // Nest's Logger.error(message, stack, context): the stack comes before the context.
    if (method === 'error' && typeof params[0] === 'string' && params[0].includes('\n    at ')) fields.stack = params.shift();
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (message && typeof message === 'object') this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}

/** A request id: the caller's X-Request-Id when it is a plain token, else a new one. */
export function requestId(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
}

/**
 * The access log: one line per request when it has been answered, with its
 * id, method, path (never the query string: it carries single-use tokens),
 * status, duration, GraphQL operation name and user id. In production at
 * info; in development at debug (LOG_LEVEL=debug shows them), so the terminal
 * of `npm start` is not a request log. Failures (5xx) are errors everywhere.
 * Health checks are not logged.
 *
 * A plain middleware: no child logger and no async context per request, so a
 * request whose line is below LOG_LEVEL pays for a request id and a timer.
 * `observe`, when given, gets the same timing of every logged route (the
 * request latency histogram of /metrics). Scrapes of /metrics are neither
 * logged nor observed, as health checks are not.
 */
export function requestLog(log: Pino, config: AppConfig, observe?: (req: IncomingMessage, status: number, seconds: number) => void) {
  const level: LevelWithSilent = config.isProduction ? 'info' : 'debug';
  return (req: IncomingMessage & LoggedRequest, res: ServerResponse, next: () => void): void => {
    req.id = requestId(req);
    res.setHeader('x-request-id', req.id as string);
    const url = req.url ?? '';
    if (url.startsWith('/health') || url === '/metrics' || url.startsWith('/metrics?')) return next();
    const started = process.hrtime.bigint();
    req.startedAt = started;
    res.once('finish', () => {
      const elapsedNs = process.hrtime.bigint() - started;
      observe?.(req, res.statusCode, Number(elapsedNs) / 1e9);
      const failed = res.statusCode >= 500;
      if (!failed && !log.isLevelEnabled(level)) return;
      const line = {
        req: { id: req.id, method: req.method, url: url.split('?')[0] },
        res: { statusCode: res.statusCode },
        responseTime: Number(elapsedNs / 1000n) / 1000,
        operationName: req.operationName,
        userId: req.userId,
      };
      if (failed) log.error(line, 'request failed');
      else log[level as 'info' | 'debug'](line, 'request completed');
    });
    next();
  };
}

/** The process's pino: JSON in production, readable lines in development (LOG_PRETTY decides when set). */
export function createPino(config: AppConfig): Pino {
  const pretty = config.LOG_PRETTY ?? config.isDevelopment;
  return pino({
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    transport: pretty ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } : undefined,
  });
}

/**
 * Structured logs (pino) for the API and the worker: PlatformLogger is Nest's
 * logger, and the API adds requestLog in front of its routes.
 */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: PINO, inject: [AppConfig], useFactory: createPino }, PlatformLogger],
      exports: [PINO, PlatformLogger],
    };
  }
}
