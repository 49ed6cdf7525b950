import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** Fields the GraphQL layer records on the request for the access log. */
export interface LoggedRequest {
  id?: unknown;
  operationName?: string;
  userId?: string;
}

/**
 * Structured logs (pino): one line per request with its request id,
 * GraphQL operation name, duration and user id; JSON in production,
 * readable lines in development, where the request lines are at debug level.
 */
@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              transport:
                (config.LOG_PRETTY ?? config.isDevelopment)
                  ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
                  : undefined,
              genReqId: (req: IncomingMessage) => {
                const header = req.headers['x-request-id'];
                return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
              },
              customProps: (req: IncomingMessage) => {
                const logged = req as unknown as LoggedRequest;
                return { operationName: logged.operationName, userId: logged.userId };
              },
              autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
              // A line per request: in production at info; in development at debug (LOG_LEVEL=debug shows them),
              // so the terminal of `npm start` is not a request log. Failures keep their level everywhere.
              customLogLevel: (_req: IncomingMessage, res: { statusCode: number }, error?: Error) =>
                error || res.statusCode >= 500 ? 'error' : config.isProduction ? 'info' : 'debug',
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              serializers: {
                // The path only: query strings carry single-use tokens (password reset, invitations).
                req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
          }),
        }),
      ],
    };
  }
}
