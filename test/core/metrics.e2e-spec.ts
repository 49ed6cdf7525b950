import { randomUUID } from 'node:crypto';
import { findFreePort } from '@app/dev-services';
import { eventually, startTestApp, TestApp } from '../support/harness';

/** One sample of a scrape: `name{labels} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Reads Prometheus's text format strictly: every line is `# HELP name text`,
 * `# TYPE name type` or a sample `name{label="value",…} number` (NaN and
 * ±Inf as Prometheus reads them, in any case); every sample
 * belongs to a family declared by TYPE before it (a histogram's `_bucket`,
 * `_sum` and `_count` to the histogram), and no family is declared twice.
 * Throws on anything else.
 */
function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const help = new RegExp(`^# HELP (${NAME}) .+$`);
  const type = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
  // Values as Prometheus reads them (Go's ParseFloat): NaN and Inf in any case, as prom-client writes NaN (`Nan`).
  const sample = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (-?[0-9.e+-]+|[Nn][Aa][Nn]|[+-]?[Ii]nf)$`);
  const label = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (help.test(line)) continue;
    const declared = type.exec(line);
    if (declared) {
      if (types.has(declared[1])) throw new Error(`${declared[1]} is declared twice`);
      types.set(declared[1], declared[2]);
      continue;
    }
    const match = sample.exec(line);
    if (!match) throw new Error(`Not a line of the Prometheus text format: ${line}`);
    const [, name, labelText = '', value] = match;
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    if (!types.has(family)) throw new Error(`${name} has no TYPE before it`);
    if (family !== name && !['histogram', 'summary'].includes(types.get(family)!)) throw new Error(`${name} is not a series of ${family}`);
    const labels: Record<string, string> = {};
    for (let rest = labelText; rest.length > 0; ) {
      const pair = label.exec(rest);
      if (!pair) throw new Error(`Unreadable labels in: ${line}`);
      labels[pair[1]] = pair[2];
      rest = rest.slice(pair[0].length);
    }
    const special = value.toLowerCase();
    const number = special === 'nan' ? NaN : /^[+-]?inf$/.test(special) ? (special.startsWith('-') ? -Infinity : Infinity) : Number(value);
    if (Number.isNaN(number) && special !== 'nan') throw new Error(`Not a number in: ${line}`);
    samples.push({ name, labels, value: number });
  }
  return { types, samples };
}

/** The samples named `name` whose labels include `labels`. */
function find(samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value));
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = find(samples, name, labels);
  if (found.length !== 1) throw new Error(`${found.length} samples of ${name}${JSON.stringify(labels)}`);
  return found[0].value;
}

async function scrape(url: string, token?: string): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

const POLLING_JOBS = ['outbox-dispatch', 'account-requests', 'pairing-dispatch', 'digest-check', 'event-reminder-check', 'review-reminder-check', 'deadline-reminder-check'];

describe('/metrics outside production', () => {
  let app: TestApp;
  let workerPort: number;
  beforeAll(async () => {
    workerPort = await findFreePort();
    app = await startTestApp({ env: { METRICS_PORT: String(workerPort) } });
  });
  afterAll(() => app.close());

  it("serves the API's series in Prometheus's text format, the operations it answered among them", async () => {
    await app.gqlOk(`query CountryCodes { countries { code } }`);
    await app.gqlOk(`query CountryCodes { countries { code } }`);
    await app.gqlOk(`{ countries { code } }`);
    expect((await app.gql(`query Broken { nothingHere }`)).errors?.length).toBe(1);
    const { status, contentType, text } = await scrape(`${app.url}/metrics`);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const { types, samples } = parseExposition(text);

    // GraphQL operations by the name in their document; anonymous and unresolved ones under fixed labels.
    expect(types.get('twins_graphql_operation_duration_seconds')).toBe('histogram');
    expect(value(samples, 'twins_graphql_operation_duration_seconds_count', { operation: 'CountryCodes', type: 'query', outcome: 'ok' })).toBe(2);
    expect(value(samples, 'twins_graphql_operation_duration_seconds_count', { operation: 'anonymous', type: 'query', outcome: 'ok' })).toBe(1);
    expect(value(samples, 'twins_graphql_operation_duration_seconds_count', { operation: 'unknown', type: 'unknown', outcome: 'error' })).toBe(1);
    expect(find(samples, 'twins_graphql_operation_duration_seconds_count', { operation: 'Broken' })).toEqual([]);
    expect(value(samples, 'twins_graphql_operation_duration_seconds_bucket', { operation: 'CountryCodes', type: 'query', outcome: 'ok', le: '+Inf' })).toBe(2);

    // HTTP requests by route: these four to /graphql (one answered 400), and nothing for the scrapes themselves.
    expect(types.get('twins_http_request_duration_seconds')).toBe('histogram');
    const graphqlRequests = find(samples, 'twins_http_request_duration_seconds_count', { method: 'POST', route: '/graphql' });
    expect(graphqlRequests.reduce((sum, s) => sum + s.value, 0)).toBeGreaterThanOrEqual(4);
    expect(find(samples, 'twins_http_request_duration_seconds_count', { route: '/metrics' })).toEqual([]);

    // Readiness, the outbox, the queues, the database pool and the process.
    for (const status of ['PENDING', 'SENDING', 'FAILED', 'DEAD']) expect(value(samples, 'twins_outbox_messages', { status })).toBeGreaterThanOrEqual(0);
    expect(find(samples, 'twins_outbox_messages', { status: 'SENT' })).toEqual([]);
    expect(value(samples, 'twins_outbox_oldest_unsent_age_seconds')).toBeGreaterThanOrEqual(0);
    for (const queue of ['email', 'pairing']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(value(samples, 'twins_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
      expect(types.get('twins_queue_jobs_failed_total')).toBe('counter');
      expect(value(samples, 'twins_queue_jobs_failed_total', { queue })).toBeGreaterThanOrEqual(0);
      expect(value(samples, 'twins_queue_jobs_completed_total', { queue })).toBeGreaterThanOrEqual(0);
    }
    expect(value(samples, 'twins_ready')).toBe(1);
    expect(value(samples, 'twins_dependency_up', { dependency: 'database' })).toBe(1);
    expect(value(samples, 'twins_dependency_up', { dependency: 'redis' })).toBe(1);
    expect(value(samples, 'twins_db_pool_clients')).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'twins_db_pool_idle_clients')).toBeGreaterThanOrEqual(0);
    expect(value(samples, 'twins_db_pool_waiting_requests')).toBe(0);
    expect(value(samples, 'twins_db_pool_max_clients')).toBe(10);
    expect(value(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });

  it('labels a REST request with its route template, never its path', async () => {
    const files = ['no-such-file.csv', `${randomUUID()}.json`];
    for (const file of files) await fetch(`${app.url}/open-data/${file}`);
    const { samples } = parseExposition((await scrape(`${app.url}/metrics`)).text);
    const openData = find(samples, 'twins_http_request_duration_seconds_count', { method: 'GET', route: '/open-data/:file' });
    expect(openData.reduce((sum, s) => sum + s.value, 0)).toBe(2);
    const routes = new Set(find(samples, 'twins_http_request_duration_seconds_count').map((s) => s.labels.route));
    for (const file of files) expect([...routes].some((route) => route.includes(file))).toBe(false);
  });

  it('counts the outbox by status, parked messages apart from the age of what is on its way', async () => {
    const before = parseExposition((await scrape(`${app.url}/metrics`)).text).samples;
    await app.dataSource.query(
      `INSERT INTO outbox_message (idempotency_key, template, recipient_email, language, time_zone, status, attempts, last_error, created_at, updated_at)
       VALUES ($1, 'notifications.test', 'parked@example.test', 'en', 'UTC', 'DEAD', 20, 'refused', now() - interval '2 days', now())`,
      [`metrics-test-${randomUUID()}`],
    );
    const after = parseExposition((await scrape(`${app.url}/metrics`)).text).samples;
    expect(value(after, 'twins_outbox_messages', { status: 'DEAD' })).toBe(value(before, 'twins_outbox_messages', { status: 'DEAD' }) + 1);
    // Two days old, but parked: not what "oldest unsent" measures.
    expect(value(after, 'twins_outbox_oldest_unsent_age_seconds')).toBeLessThan(86400);
  });

  it('counts a job that fails for good, for every worker together, as the outbox parks its message', async () => {
    const scrapeSamples = async () => parseExposition((await scrape(`${app.url}/metrics`)).text).samples;
    const before = await scrapeSamples();
    // A template nobody registered cannot render: the worker parks the message and fails its job at once.
    await app.dataSource.query(
      `INSERT INTO outbox_message (idempotency_key, template, recipient_email, language, time_zone)
       VALUES ($1, 'metrics.unregistered', 'nobody@example.test', 'en', 'UTC')`,
      [`metrics-test-${randomUUID()}`],
    );
    const after = await eventually(async () => {
      const samples = await scrapeSamples();
      return value(samples, 'twins_queue_jobs_failed_total', { queue: 'email' }) > value(before, 'twins_queue_jobs_failed_total', { queue: 'email' }) && samples;
    }, 15_000, 'the failed job to be counted');
    expect(value(after, 'twins_queue_jobs_failed_total', { queue: 'email' })).toBe(value(before, 'twins_queue_jobs_failed_total', { queue: 'email' }) + 1);
    expect(value(after, 'twins_outbox_messages', { status: 'DEAD' })).toBe(value(before, 'twins_outbox_messages', { status: 'DEAD' }) + 1);
  });

  it("serves the worker's polling-job lag, pool and process on METRICS_PORT", async () => {
    const { status, text } = await scrape(`http://127.0.0.1:${workerPort}/metrics`);
    expect(status).toBe(200);
    const { samples } = parseExposition(text);
    const jobs = find(samples, 'twins_job_seconds_since_success').map((s) => s.labels.job);
    expect(jobs.sort()).toEqual([...POLLING_JOBS].sort());
    for (const job of POLLING_JOBS) expect(value(samples, 'twins_job_seconds_since_success', { job })).toBeGreaterThanOrEqual(0);
    expect(value(samples, 'twins_job_interval_seconds', { job: 'outbox-dispatch' })).toBe(0.1);
    expect(value(samples, 'twins_job_interval_seconds', { job: 'event-reminder-check' })).toBe(60);
    expect(value(samples, 'twins_db_pool_clients')).toBeGreaterThanOrEqual(1);
    expect(value(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // The API's series are the API's: no request histogram here.
    expect(find(samples, 'twins_http_request_duration_seconds_count')).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${workerPort}/other`)).status).toBe(404);
  });
});

describe('/metrics in production mode', () => {
  it('is off (404) while no METRICS_TOKEN is set', async () => {
    const app = await startTestApp({ worker: false, env: { NODE_ENV: 'production' } });
    try {
      const response = await fetch(`${app.url}/metrics`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
    } finally {
      await app.close();
    }
  });

  it('answers only the METRICS_TOKEN: 401 without it or with another, the metrics with it, on the API and the worker', async () => {
    const token = `metrics-${randomUUID()}`;
    const workerPort = await findFreePort();
    const app = await startTestApp({ env: { NODE_ENV: 'production', METRICS_TOKEN: token, METRICS_PORT: String(workerPort) } });
    try {
      for (const url of [`${app.url}/metrics`, `http://127.0.0.1:${workerPort}/metrics`]) {
        for (const wrong of [undefined, `${token}x`, token.slice(0, -1)]) {
          const refused = await scrape(url, wrong);
          expect(refused.status).toBe(401);
          expect((JSON.parse(refused.text) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
        }
        const { status, text } = await scrape(url, token);
        expect(status).toBe(200);
        expect(parseExposition(text).samples.length).toBeGreaterThan(0);
      }
      const api = parseExposition((await scrape(`${app.url}/metrics`, token)).text).samples;
      expect(find(api, 'twins_outbox_oldest_unsent_age_seconds')).toHaveLength(1);
      const worker = parseExposition((await scrape(`http://127.0.0.1:${workerPort}/metrics`, token)).text).samples;
      expect(find(worker, 'twins_job_seconds_since_success', { job: 'outbox-dispatch' })).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
