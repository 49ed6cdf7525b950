import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { PollingLoop } from '../queue/polling-loop';
import { MAX_OPERATION_NAMES, Metrics, routeOf, SCRAPE_READ_MS, scrapeReading } from './metrics';
import { metricsAccess, metricsRefusal } from './metrics-access';
import { jobLabel } from './platform-metrics';

const TOKEN = 'a-metrics-token-of-at-least-32-characters';

describe('metricsAccess', () => {
  const development = loadConfig({ NODE_ENV: 'development' });
  const withToken = loadConfig({ NODE_ENV: 'development', METRICS_TOKEN: TOKEN });

  it('outside production without a token, opens to this machine only', () => {
    expect(metricsAccess(development, undefined, '127.0.0.1')).toBe('open');
    expect(metricsAccess(development, undefined, '::1')).toBe('open');
    expect(metricsAccess(development, undefined, '::ffff:127.0.0.1')).toBe('open');
    expect(metricsAccess(development, undefined, '192.168.1.20')).toBe('off');
    expect(metricsAccess(development, undefined, undefined)).toBe('off');
  });

  it('in production without a token, is off for everyone', () => {
    expect(metricsAccess({ METRICS_TOKEN: undefined, isProduction: true }, undefined, '127.0.0.1')).toBe('off');
    expect(metricsAccess({ METRICS_TOKEN: undefined, isProduction: true }, `Bearer ${TOKEN}`, '127.0.0.1')).toBe('off');
  });

  it('with a token, opens to that token alone, from anywhere and in any environment', () => {
    for (const config of [withToken, { METRICS_TOKEN: TOKEN, isProduction: true }]) {
      expect(metricsAccess(config, `Bearer ${TOKEN}`, '10.0.0.5')).toBe('open');
      expect(metricsAccess(config, undefined, '127.0.0.1')).toBe('unauthorized');
      expect(metricsAccess(config, TOKEN, '10.0.0.5')).toBe('unauthorized');
      expect(metricsAccess(config, `Bearer ${TOKEN}x`, '10.0.0.5')).toBe('unauthorized');
      expect(metricsAccess(config, `Bearer ${TOKEN.slice(1)}`, '10.0.0.5')).toBe('unauthorized');
      expect(metricsAccess(config, 'Bearer ', '10.0.0.5')).toBe('unauthorized');
    }
  });

  it('refuses in JSON as the other REST routes do, in the language asked for', () => {
    expect(metricsRefusal('unauthorized', 'ko')).toEqual({
      status: 401,
      headers: { 'www-authenticate': 'Bearer' },
      body: { errors: [{ message: expect.stringContaining('토큰'), extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect(metricsRefusal('off', undefined)).toEqual({ status: 404, headers: {}, body: { errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] } });
  });
});

describe('METRICS_TOKEN and METRICS_PORT', () => {
  const production = {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://twins.example.org',
    DATABASE_URL: 'postgres://app:secret@db/twins',
    REDIS_URL: 'redis://cache:6379',
    SMTP_URL: 'smtp://mail.example.org:587',
    JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  };

  it('refuses a short token without echoing it, and a worker port in production without a token', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short-token' })).toThrow(/METRICS_TOKEN: .*32.*\(got a value of 11 characters\)/);
    expect(() => loadConfig({ ...production, METRICS_PORT: '9464' })).toThrow(/METRICS_PORT: .*METRICS_TOKEN/);
    expect(loadConfig({ ...production, METRICS_PORT: '9464', METRICS_TOKEN: TOKEN })).toMatchObject({ METRICS_PORT: 9464, METRICS_TOKEN: TOKEN });
    expect(loadConfig({ METRICS_PORT: '' }).METRICS_PORT).toBeUndefined();
  });

  it("refuses in production the token docker-compose.yml publishes, which anyone who read it could use", () => {
    const published = 'change-me-metrics-token-0123456789abcdef';
    expect(() => loadConfig({ ...production, METRICS_TOKEN: published })).toThrow(/METRICS_TOKEN: is a published default/);
    expect(loadConfig({ METRICS_TOKEN: published }).METRICS_TOKEN).toBe(published);
  });
});

describe('Metrics', () => {
  it('labels an operation by the name in its document, with fixed labels for the rest and at most MAX_OPERATION_NAMES names', () => {
    const metrics = new Metrics();
    expect(metrics.operationLabel(undefined)).toBe('unknown');
    expect(metrics.operationLabel(null)).toBe('anonymous');
    expect(metrics.operationLabel('CountryCodes')).toBe('CountryCodes');
    expect(metrics.operationLabel('x'.repeat(65))).toBe('other');
    expect(metrics.operationLabel('not a name')).toBe('other');
    for (let i = metrics.operationLabel('_1') === '_1' ? 2 : 0; i < MAX_OPERATION_NAMES; i++) metrics.operationLabel(`Op${i}`);
    expect(metrics.operationLabel('OneTooMany')).toBe('other');
    // Names already seen keep their label.
    expect(metrics.operationLabel('CountryCodes')).toBe('CountryCodes');
  });

  it('records operations and requests in its own registry', async () => {
    const one = new Metrics();
    const two = new Metrics();
    one.observeOperation('CountryCodes', 'query', false, 0.02);
    one.observeOperation('SignIn', 'mutation', true, 0.3);
    one.observeOperation(undefined, undefined, true, 0.001);
    one.observeRequest({ method: 'POST', url: '/graphql' } as IncomingMessage, 200, 0.02);
    const text = await one.scrape();
    expect(text).toContain('twins_graphql_operation_duration_seconds_count{operation="CountryCodes",type="query",outcome="ok"} 1');
    expect(text).toContain('twins_graphql_operation_duration_seconds_count{operation="SignIn",type="mutation",outcome="error"} 1');
    expect(text).toContain('twins_graphql_operation_duration_seconds_count{operation="unknown",type="unknown",outcome="error"} 1');
    expect(text).toContain('twins_http_request_duration_seconds_count{method="POST",route="/graphql",status="200"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(await two.scrape()).not.toContain('CountryCodes');
  });
});

describe('routeOf', () => {
  const request = (fields: Record<string, unknown>) => fields as unknown as IncomingMessage;

  it("is the template of the route that answered, /graphql, or other: never a client's path", () => {
    expect(routeOf(request({ url: '/', originalUrl: '/open-data/cities.csv', route: { path: '/open-data/:file' }, baseUrl: '' }))).toBe('/open-data/:file');
    expect(routeOf(request({ url: '/', originalUrl: '/graphql' }))).toBe('/graphql');
    expect(routeOf(request({ url: '/graphql?x=1' }))).toBe('/graphql');
    expect(routeOf(request({ url: '/assets/index-3f2a.js' }))).toBe('other');
    expect(routeOf(request({ url: '/wp-login.php' }))).toBe('other');
  });
});

describe('polling jobs', () => {
  it('names each by a label, and lists the loops that run in this process', async () => {
    expect(jobLabel('Outbox dispatch')).toBe('outbox-dispatch');
    expect(jobLabel('Event reminder check')).toBe('event-reminder-check');
    const loop = new PollingLoop('Test loop', () => Promise.resolve(0), 60_000, new Logger('test'));
    expect(PollingLoop.running().has(loop)).toBe(false);
    loop.start();
    expect(PollingLoop.running().has(loop)).toBe(true);
    expect(loop.secondsSinceSuccess()).toBeGreaterThanOrEqual(0);
    await loop.stop();
    expect(PollingLoop.running().has(loop)).toBe(false);
  });
});

describe('scrapeReading', () => {
  afterEach(() => jest.useRealTimers());

  it('reads once for all the series of a scrape, and again for the next scrape', async () => {
    let reads = 0;
    const read = scrapeReading(async () => ++reads, 0);
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    expect(await read()).toBe(2);
  });

  it('answers `missing` when the source does not answer within SCRAPE_READ_MS, and starts no second read while the first still runs', async () => {
    jest.useFakeTimers();
    let reads = 0;
    let answer: (value: string) => void = () => undefined;
    const read = scrapeReading(() => {
      reads++;
      return new Promise<string>((resolve) => (answer = resolve));
    }, 'missing');
    const first = read();
    jest.advanceTimersByTime(SCRAPE_READ_MS);
    await expect(first).resolves.toBe('missing');
    // The database still slow: the next scrape waits on the same read, not a new query in the pool.
    const second = read();
    jest.advanceTimersByTime(SCRAPE_READ_MS);
    await expect(second).resolves.toBe('missing');
    expect(reads).toBe(1);
    answer('late');
    await Promise.resolve();
    await Promise.resolve();
    // Once it has answered, the next scrape reads afresh.
    const third = read();
    expect(reads).toBe(2);
    answer('fresh');
    await expect(third).resolves.toBe('fresh');
  });
});
