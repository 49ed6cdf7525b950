import { Redis } from 'ioredis';
import { findFreePort } from '@app/dev-services';
import { AccountEmailLimiter } from '@app/identity';
import { eventually, startTestApp, TestApp } from '../support/harness';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

/** Sign-in as seen from a client address (the API trusts one proxy's X-Forwarded-For in these tests). */
const signInFrom = (app: TestApp, address: string, email: string, password: string) =>
  app.gql<{ signIn: { accessToken: string } }>(SIGN_IN, { input: { email, password } }, { headers: { 'x-forwarded-for': address } });
const codeOf = (res: { errors?: Array<{ extensions: { code: string } }> }) => res.errors?.[0].extensions.code ?? 'OK';
const WRONG = 'not the password at all';

describe('sign-in limits stop attackers, not offices', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The default limits, with the address's growing delay capped low so the test runs quickly.
    app = await startTestApp({ worker: false, env: { TRUST_PROXY_HOPS: '1', SIGNIN_ADDRESS_MAX_DELAY_MS: '20' } });
  });
  afterAll(() => app.close());

  it('two people behind one address: one’s typos, and colleagues’, never lock the other out', async () => {
    const office = '203.0.113.10';
    const { SIGNIN_MAX_PER_ADDRESS_ACCOUNT: perPair, SIGNIN_ADDRESS_DELAY_AFTER: delayAfter } = app.config;
    // Jordan mistypes 30 times, well past the 20 that used to lock the whole address: stopped after the per-(address, account) limit.
    const jordan: string[] = [];
    for (let i = 0; i < 30; i++) jordan.push(codeOf(await signInFrom(app, office, 'participant@demo.twins.test', WRONG)));
    expect(jordan).toEqual([...Array(perPair).fill('UNAUTHENTICATED'), ...Array(30 - perPair).fill('RATE_LIMITED')]);
    // Colleagues' typos take the office past the failures after which it waits a little before each attempt.
    for (let colleague = 0; colleague * perPair <= delayAfter; colleague++) {
      for (let i = 0; i < perPair; i++) expect(codeOf(await signInFrom(app, office, `colleague${colleague}@council.example`, WRONG))).toBe('UNAUTHENTICATED');
    }
    // Oliver, at the next desk, types his password right: in at once, and again.
    expect(codeOf(await signInFrom(app, office, 'board.uk2@demo.twins.test', app.env.DEMO_PASSWORD))).toBe('OK');
    expect(codeOf(await signInFrom(app, office, 'board.kr2@demo.twins.test', app.env.DEMO_PASSWORD))).toBe('OK');
    // Jordan's own account is not locked for Jordan elsewhere (at home, say).
    expect(codeOf(await signInFrom(app, '198.51.100.20', 'participant@demo.twins.test', app.env.DEMO_PASSWORD))).toBe('OK');
  });

  it('the per-account limit still stops guessing one account from many addresses, whether or not it exists', async () => {
    const max = app.config.SIGNIN_MAX_PER_ACCOUNT;
    for (const email of ['officer.busan@demo.twins.test', 'nobody.here@council.example']) {
      const got: string[] = [];
      for (let i = 0; i <= max; i++) got.push(codeOf(await signInFrom(app, `192.0.2.${i + 1}`, email, WRONG)));
      expect(got).toEqual([...Array(max).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    }
    // The right password from yet another address waits out the window too.
    const right = await signInFrom(app, '192.0.2.200', 'officer.busan@demo.twins.test', app.env.DEMO_PASSWORD);
    expect(codeOf(right)).toBe('RATE_LIMITED');
    expect(right.errors?.[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('the per-(address, account) limit stops one address guessing one account without locking its owner out elsewhere', async () => {
    const max = app.config.SIGNIN_MAX_PER_ADDRESS_ACCOUNT;
    const attacker = '198.51.100.66';
    const got: string[] = [];
    for (let i = 0; i <= max; i++) got.push(codeOf(await signInFrom(app, attacker, 'organiser@demo.twins.test', WRONG)));
    expect(got).toEqual([...Array(max).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    // Not even the right password from that address, now…
    expect(codeOf(await signInFrom(app, attacker, 'organiser@demo.twins.test', app.env.DEMO_PASSWORD))).toBe('RATE_LIMITED');
    // …while the organiser signs in from their own, and the attacker's address still reaches other accounts.
    expect(codeOf(await signInFrom(app, '198.51.100.67', 'organiser@demo.twins.test', app.env.DEMO_PASSWORD))).toBe('OK');
    expect(codeOf(await signInFrom(app, attacker, 'someone.else@council.example', WRONG))).toBe('UNAUTHENTICATED');
  });
});

describe('the per-address ceiling', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { TRUST_PROXY_HOPS: '1', SIGNIN_MAX_PER_ACCOUNT: '100', SIGNIN_MAX_PER_ADDRESS_ACCOUNT: '99', SIGNIN_MAX_PER_ADDRESS: '4' } });
  });
  afterAll(() => app.close());

  it('stops one address trying many accounts, whatever the account', async () => {
    const emails = ['a@example.org', 'b@example.org', 'officer.busan@demo.twins.test', 'c@example.org'];
    for (const email of emails) expect(codeOf(await signInFrom(app, '203.0.113.50', email, WRONG))).toBe('UNAUTHENTICATED');
    // An execution error like any other (HTTP 200), with Retry-After, and the wait in words and in seconds.
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.50' },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: 'admin@demo.twins.test', password: app.env.DEMO_PASSWORD } } }),
    });
    expect(response.status).toBe(200);
    const next = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(next.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(next.errors[0].message).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(next.errors[0].extensions.retryAfterSeconds).toBe(retryAfter);
    expect(next.errors[0].extensions).not.toHaveProperty('http');
    // Refused attempts checked no password: they cost the accounts nothing (the admin signs in from elsewhere).
    expect(codeOf(await signInFrom(app, '203.0.113.51', 'admin@demo.twins.test', app.env.DEMO_PASSWORD))).toBe('OK');
  });

  it('counts an IPv6 /64 as one address, so rotating through it gains nothing', async () => {
    for (let i = 1; i <= 4; i++) expect(codeOf(await signInFrom(app, `2001:db8:aa:1::${i}`, `spray${i}@example.org`, WRONG))).toBe('UNAUTHENTICATED');
    expect(codeOf(await signInFrom(app, '2001:db8:aa:1:ffff:ffff:ffff:fffe', 'spray5@example.org', WRONG))).toBe('RATE_LIMITED');
    // The next /64 is someone else.
    expect(codeOf(await signInFrom(app, '2001:db8:aa:2::1', 'spray5@example.org', WRONG))).toBe('UNAUTHENTICATED');
  });

  it('counts the loopback addresses, IPv4 and IPv6, as one machine', async () => {
    // The test client itself is on loopback: `::1` and `127.0.0.1` used to be two budgets.
    for (const [i, address] of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.0.0.2'].entries()) {
      expect(codeOf(await signInFrom(app, address, `loop${i}@example.org`, WRONG))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await signInFrom(app, '::1', 'loop9@example.org', WRONG))).toBe('RATE_LIMITED');
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

  it('sends at most the hourly number of confirmation links to a new address, however many sign-ups name it', async () => {
    const email = 'flooded@example.org';
    const signUp = `mutation($input: SignUpInput!) { signUp(input: $input) { ok } }`;
    for (let i = 0; i < 3; i++) await app.gqlOk(signUp, { input: { email, displayName: `Sign-up ${i}`, password: 'a long enough password' } });
    await app.mail.waitFor(() => app.mail.to(email).length >= 2);
    const processed = async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM account_request WHERE email = $1 AND processed_at IS NOT NULL`, [email]))[0].n as number;
    await eventually(async () => (await processed()) === 3, 15_000, 'the three sign-ups to be processed');
    const rows: Array<{ n: number }> = await app.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE recipient_email = $1`, [email]);
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
