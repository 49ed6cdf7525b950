import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningPostgres, RunningRedis, startPostgres, startRedis } from '@app/dev-services';
import { TEST_DEMO_PASSWORD } from '../support/constants';
import { eventually, GqlResponse, startTestApp, TestApp } from '../support/harness';
import { outboxRowWhen } from '../support/outbox';
import { preparePlatformTemplate } from '../support/template';

const SEND_TEST = `mutation($to: String) { sendTestEmail(input: { to: $to }) { queued to } }`;
const LEASE_MS = 2000;

/**
 * PostgreSQL and Redis restart under a running API and worker (in this
 * process, as `npm start` runs them in theirs). Nobody restarts the app: it
 * says it is not ready while a server is away, is ready again once it is
 * back, takes writes, and delivers every email exactly once. The servers are
 * this file's own, so the restarts touch no other test file.
 */
describe('restarts of PostgreSQL and Redis under a running platform', () => {
  let root: string;
  let pg: RunningPostgres;
  let redis: RunningRedis;
  let app: TestApp;
  let admin: string;

  const readiness = async (): Promise<number> => (await fetch(`${app.url}/health/ready`)).status;
  const sentRow = (to: string) => outboxRowWhen(app, to, 'SENT', 20_000);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'twins-restarts-'));
    // PostgreSQL, run as its own user under root, must be able to enter it.
    await chmod(root, 0o755);
    pg = await startPostgres({ dataDir: join(root, 'pg'), persistent: false });
    redis = await startRedis({ dataDir: join(root, 'redis') });
    const template = await preparePlatformTemplate(pg.url, 'twins_template');
    app = await startTestApp({
      services: { adminUrl: pg.url, ...template, redisUrl: redis.url },
      // Lost jobs come back because the restart is noticed, not because a minute has passed.
      env: { EMAIL_LEASE_MS: String(LEASE_MS), OUTBOX_REQUEUE_MS: '600000' },
    });
    admin = await app.signIn('admin@demo.twins.test');
  }, 120_000);

  afterAll(async () => {
    // A test that failed mid-outage leaves a server down: bring both back so the app closes cleanly, and stop them whatever happens.
    await Promise.all([pg?.up().catch(() => undefined), redis?.up().catch(() => undefined)]);
    try {
      await app?.close();
    } finally {
      await redis?.stop();
      await pg?.stop();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('Redis: not ready while it is away, ready after; emails queued before (their jobs lost) and while it was away arrive once', async () => {
    expect(await readiness()).toBe(200);
    // A message whose job waits in Redis for its next attempt (the mail server is down) when Redis restarts empty.
    await app.mail.stop();
    await app.gqlOk(SEND_TEST, { to: 'before-redis@example.org' }, { token: admin });
    await outboxRowWhen(app, 'before-redis@example.org', 'FAILED', 20_000);

    await redis.down();
    await eventually(async () => (await readiness()) === 503, 15_000, 'readiness to fail');
    // Signing in counts the attempt in Redis: away, it says so (try again shortly), not an unexplained fault.
    const signIn = await app.gql(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, { input: { email: 'admin@demo.twins.test', password: TEST_DEMO_PASSWORD } });
    expect(signIn.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    // A write while Redis is away: the email is a row in PostgreSQL, written with the change.
    await app.gqlOk(SEND_TEST, { to: 'during-redis@example.org' }, { token: admin });
    // Away long enough for the clients' reconnection attempts to back off to their longest pause.
    await new Promise((r) => setTimeout(r, 5000));

    await redis.up();
    await eventually(async () => (await readiness()) === 200, 20_000, 'readiness to recover');
    await app.mail.restart();
    await app.gqlOk(SEND_TEST, { to: 'after-redis@example.org' }, { token: admin });
    for (const to of ['before-redis@example.org', 'during-redis@example.org', 'after-redis@example.org']) await sentRow(to);
    // Give a duplicate time to show up.
    await new Promise((r) => setTimeout(r, 2 * LEASE_MS));
    for (const to of ['before-redis@example.org', 'during-redis@example.org', 'after-redis@example.org']) expect(app.mail.to(to)).toHaveLength(1);
  });

  it('PostgreSQL: not ready while it is away, ready after; a send under way is called off and made once after, and writes work again', async () => {
    expect(await readiness()).toBe(200);
    app.mail.hold();
    await app.gqlOk(SEND_TEST, { to: 'during-pg@example.org' }, { token: admin });
    await eventually(async () => app.mail.heldCount === 1, 20_000, 'the worker to be mid-send');

    await pg.down();
    await eventually(async () => (await readiness()) === 503, 15_000, 'readiness to fail');
    // A signed-in request needs its session, in the database: refused before it runs with 503 and a wait, never a 500.
    const refused = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'accept-language': 'ko' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    // In the language the request asks for, though the account's is unknown with the database away.
    expect(((await refused.json()) as GqlResponse<unknown>).errors?.[0]).toMatchObject({ message: expect.stringContaining('다시 시도해 주세요'), extensions: { code: 'SERVICE_UNAVAILABLE' } });
    // A scrape still answers, within its readers' time limit, and says what is down: the outbox's series are left out.
    const scrape = await (await fetch(`${app.url}/metrics`)).text();
    expect(scrape).toMatch(/^twins_ready 0$/m);
    expect(scrape).toMatch(/^twins_dependency_up\{dependency="database"\} 0$/m);
    expect(scrape).toMatch(/^twins_dependency_up\{dependency="redis"\} 1$/m);
    expect(scrape).not.toMatch(/^twins_outbox_messages\{/m);
    // A REST route (open data) says the same: 503, a wait, the code, never a 500.
    const file = await fetch(`${app.url}/open-data/cities.json`, { headers: { 'accept-language': 'ko' } });
    expect(file.status).toBe(503);
    expect(file.headers.get('retry-after')).toBe('5');
    expect(((await file.json()) as GqlResponse<unknown>).errors?.[0]).toMatchObject({ message: expect.stringContaining('다시 시도해 주세요'), extensions: { code: 'SERVICE_UNAVAILABLE' } });
    // A page an email's link leads to answers as a page, in both languages, not as JSON.
    const form = await fetch(`${app.url}/account/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=someone%40example.org' });
    expect(form.status).toBe(503);
    expect(form.headers.get('retry-after')).toBe('5');
    expect(form.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await form.text();
    expect(html).toContain('잠시 후 다시 시도해 주세요');
    expect(html).toContain('Please try again in 5 seconds');
    // An anonymous read fails as it runs: the same code, in the language asked for.
    const read = await app.gql('{ countries { code } }', {}, { headers: { 'accept-language': 'ko' } });
    expect(read.errors?.[0]).toMatchObject({ message: expect.stringContaining('다시 시도해 주세요'), extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } });
    // Longer than a lease: the sender, unable to renew its claim, has called the send off (another worker could claim it once the database is back).
    await new Promise((r) => setTimeout(r, 2 * LEASE_MS));
    // Let the server answer the called-off session: had the message gone, it would be counted twice below.
    app.mail.release();

    await pg.up();
    await eventually(async () => (await readiness()) === 200, 30_000, 'readiness to recover');
    await app.gqlOk(SEND_TEST, { to: 'after-pg@example.org' }, { token: admin });
    expect((await sentRow('during-pg@example.org')).attempts).toBe(2);
    await sentRow('after-pg@example.org');
    await new Promise((r) => setTimeout(r, 2 * LEASE_MS));
    expect(app.mail.to('during-pg@example.org')).toHaveLength(1);
    expect(app.mail.to('after-pg@example.org')).toHaveLength(1);
  });
});
