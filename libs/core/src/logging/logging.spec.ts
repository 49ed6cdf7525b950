import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { loadConfig } from '../config/app-config';
import { LoggedRequest, PlatformLogger, requestLog } from './logging.module';

/** A pino writing JSON lines into an array. */
function capture(level: string): { log: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

type FakeResponse = ServerResponse & { headers: Record<string, string> };
function exchange(url: string, headers: Record<string, string> = {}): { req: IncomingMessage & LoggedRequest; res: FakeResponse; finish: (status: number) => void } {
  const req = { url, method: 'POST', headers } as unknown as IncomingMessage & LoggedRequest;
  const res = Object.assign(new EventEmitter(), { statusCode: 200, headers: {} as Record<string, string> }) as unknown as FakeResponse;
  res.setHeader = ((name: string, value: string) => {
    res.headers[name] = value;
    return res;
  }) as FakeResponse['setHeader'];
  return {
    req,
    res,
    finish: (status) => {
      res.statusCode = status;
      res.emit('finish');
    },
  };
}

describe('PlatformLogger', () => {
  it("writes Nest's calls as pino lines with their context, an error with its stack", () => {
    const { log, lines } = capture('debug');
    const logger = new PlatformLogger(log);
    logger.log('Worker started', 'WorkerMain');
    logger.debug('details', 'Digest');
    logger.error('Sign-out failed', 'Error: boom\n    at somewhere (file.js:1:1)', 'SessionController');
    logger.warn({ event: 'slow', ms: 12 }, 'Outbox');
    const failure = new Error('broken');
    logger.error(failure);
    expect(lines.map((l) => [l.level, l.msg, l.context])).toEqual([
      [30, 'Worker started', 'WorkerMain'],
      [20, 'details', 'Digest'],
      [50, 'Sign-out failed', 'SessionController'],
      [40, undefined, 'Outbox'],
      [50, 'broken', undefined],
    ]);
    expect(lines[2].stack).toContain('at somewhere');
    expect(lines[3]).toMatchObject({ event: 'slow', ms: 12 });
    expect((lines[4].err as { stack: string }).stack).toContain('Error: broken');
  });

  it('writes nothing below its level', () => {
    const { log, lines } = capture('warn');
    const logger = new PlatformLogger(log);
    logger.log('chatter', 'InstanceLoader');
    logger.debug('more');
    logger.warn('attention');
    expect(lines.map((l) => l.msg)).toEqual(['attention']);
  });
});

describe('requestLog', () => {
  const production = loadConfig({
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://twins.example.org',
    DATABASE_URL: 'postgres://app:secret@db/twins',
    MIGRATION_DATABASE_URL: 'postgres://owner:secret@db/twins',
    REDIS_URL: 'redis://cache:6379',
    SMTP_URL: 'smtp://mail.example.org:587',
    JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  });

  it('gives each request an id (the caller’s when it is a plain token) and logs one line when answered, without the query string', () => {
    const { log, lines } = capture('info');
    const middleware = requestLog(log, production);
    const next = jest.fn();
    const { req, res, finish } = exchange('/auth/reset?token=secret', { 'x-request-id': 'abc-123' });
    middleware(req, res, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(req.id).toBe('abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    req.operationName = 'ResetPassword';
    req.userId = 'u-1';
    finish(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { id: 'abc-123', method: 'POST', url: '/auth/reset' }, res: { statusCode: 200 }, operationName: 'ResetPassword', userId: 'u-1' });
    expect(typeof lines[0].responseTime).toBe('number');

    const other = exchange('/graphql', { 'x-request-id': 'not a token; with spaces' });
    middleware(other.req, other.res, next);
    expect(other.req.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('outside production logs requests at debug, failures at error, and never health checks', () => {
    const { log, lines } = capture('info');
    const middleware = requestLog(log, loadConfig({ NODE_ENV: 'development' }));
    const ok = exchange('/graphql');
    middleware(ok.req, ok.res, () => undefined);
    ok.finish(200);
    const failed = exchange('/graphql');
    middleware(failed.req, failed.res, () => undefined);
    failed.finish(503);
    const health = exchange('/health/ready');
    middleware(health.req, health.res, () => undefined);
    health.finish(503);
    expect(lines.map((l) => [l.level, l.msg, (l.res as { statusCode: number }).statusCode])).toEqual([[50, 'request failed', 503]]);
  });

  it('hands every answered request to the metrics with its status and duration, whatever the log level, but no health check or scrape', () => {
    const { log, lines } = capture('silent');
    const observed: Array<[string | undefined, number, number]> = [];
    const middleware = requestLog(log, production, (req, status, seconds) => observed.push([req.url, status, seconds]));
    for (const [url, status] of [['/graphql', 200], ['/auth/refresh', 401], ['/health/ready', 200], ['/metrics', 200], ['/metrics?x=1', 404]] as const) {
      const request = exchange(url);
      middleware(request.req, request.res, () => undefined);
      request.finish(status);
    }
    expect(lines).toEqual([]);
    expect(observed.map(([url, status]) => [url, status])).toEqual([
      ['/graphql', 200],
      ['/auth/refresh', 401],
    ]);
    for (const [, , seconds] of observed) expect(seconds).toBeGreaterThanOrEqual(0);
  });
});
