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
