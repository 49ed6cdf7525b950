import { Redis } from 'ioredis';
import { findFreePort } from '@app/dev-services';
import { AccountEmailLimiter } from '../../libs/identity/src/sign-in-rate-limiter';
import { startTestApp, TestApp } from '../support/harness';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

describe('sign-in rate limit per client address', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { SIGNIN_MAX_PER_ACCOUNT: '100', SIGNIN_MAX_PER_ADDRESS: '4' } });
  });
  afterAll(() => app.close());

  it('stops one address trying many accounts, whatever the account', async () => {
    const emails = ['a@example.org', 'b@example.org', 'officer.busan@demo.twins.test', 'c@example.org'];
    for (const email of emails) {
      const res = await app.gql(SIGN_IN, { input: { email, password: 'not the password' } });
      expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const next = await app.gql(SIGN_IN, { input: { email: 'admin@demo.twins.test', password: app.env.DEMO_PASSWORD } });
    expect(next.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect(next.errors?.[0].message).toMatch(/Try again in \d+ minute/);
  });
});

describe('account emails per address', () => {
  let app: TestApp;
  const RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) { ok message } }`;
  beforeAll(async () => {
    app = await startTestApp({ env: { ACCOUNT_EMAILS_PER_HOUR: '2' } });
  });
  afterAll(() => app.close());

  it('sends at most the hourly number of reset links to one address, answering every request alike', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await app.gqlOk<{ requestPasswordReset: unknown }>(RESET, { email: 'participant@demo.twins.test' })).requestPasswordReset);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    await app.mail.waitFor(() => app.mail.to('participant@demo.twins.test').length >= 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(app.mail.to('participant@demo.twins.test')).toHaveLength(2);
    const rows: Array<{ n: number }> = await app.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE recipient_email = 'participant@demo.twins.test'`);
    expect(rows[0].n).toBe(2);
  });

  it('lets the email go, for every address alike, while Redis is unreachable', async () => {
    const port = await findFreePort();
    const unreachable = new Redis({ host: '127.0.0.1', port, enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      const limiter = new AccountEmailLimiter(unreachable, app.config);
      expect(await limiter.allow('participant@demo.twins.test')).toBe(true);
      expect(await limiter.allow('nobody@example.org')).toBe(true);
    } finally {
      unreachable.disconnect();
    }
  });
});
