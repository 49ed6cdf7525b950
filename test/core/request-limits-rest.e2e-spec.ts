import { Logger } from '@nestjs/common';
import { linkIn, tokenFrom } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/harness';

/** The routes outside GraphQL: the pages emailed links open, /auth/*, unsubscribe links. */

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/**
 * The same fields as JSON, which every route takes too. Half a surrogate pair can only arrive
 * this way (as an escape): a form encodes text as UTF-8, which has no place for one.
 */
const json = (fields: Record<string, string>) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });

async function post(app: TestApp, path: string, init: { headers: Record<string, string>; body: string }, from?: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { ...init.headers, ...(from ? { 'x-forwarded-for': from } : {}) },
    body: init.body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const accountRequests = async (app: TestApp) => Number((await app.dataSource.query(`SELECT count(*) AS n FROM account_request`))[0].n);

describe('the request limit on routes outside GraphQL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      worker: false,
      // One proxy in front, so each test speaks from the address it chooses; three requests a minute,
      // and a cost budget of 10000 (the least allowed: GRAPHQL_MAX_COMPLEXITY).
      env: { TRUST_PROXY_HOPS: '1', GRAPHQL_RATE_MAX_REQUESTS: '3', GRAPHQL_RATE_WINDOW_SECONDS: '60', GRAPHQL_RATE_MAX_COST: '10000' },
    });
  });
  afterAll(() => app.close());

  it('answers the POST past the limit with a 429 page and Retry-After, writing nothing, while another address still passes', async () => {
    const before = await accountRequests(app);
    for (let i = 1; i <= 3; i++) {
      const res = await post(app, '/account/forgot-password', form({ email: `someone${i}@example.org` }), '203.0.113.5');
      expect(res.status).toBe(201);
    }
    expect(await accountRequests(app)).toBe(before + 3);

    const refused = await post(app, '/account/forgot-password', form({ email: 'someone4@example.org' }), '203.0.113.5');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.text).toContain('Too many requests · 요청이 너무 많습니다');
    expect(refused.text).toMatch(/You have sent too many requests\. Try again in \d+ seconds?\./);
    expect(refused.text).toMatch(/요청을 너무 많이 보냈습니다\. \d+초 후에 다시 시도하세요\./);
    expect(await accountRequests(app)).toBe(before + 3);

    // The address's GraphQL requests share the same window.
    const graphql = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.5' },
      body: JSON.stringify({ query: '{ countries { code } }' }),
    });
    expect(graphql.status).toBe(429);

    const other = await post(app, '/account/forgot-password', form({ email: 'someone5@example.org' }), '203.0.113.6');
    expect(other.status).toBe(201);
    expect(await accountRequests(app)).toBe(before + 4);
  });

  it('answers /auth/* past the limit in JSON, as GraphQL does', async () => {
    const refresh = (from: string) => post(app, '/auth/refresh', { headers: { 'content-type': 'application/json' }, body: '{}' }, from);
    for (let i = 0; i < 3; i++) expect((await refresh('198.51.100.20')).status).toBe(401);
    const refused = await refresh('198.51.100.20');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.text)).toEqual({
      errors: [{ message: expect.stringMatching(/too many requests\. Try again in \d+ seconds?\./i), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }],
    });
  });

  it('counts a route that hashes a password at the hash’s cost: the third in a minute is past the budget', async () => {
    const reset = () => post(app, '/account/reset-password', form({ token: 'not-a-real-token-at-all', newPassword: 'a long enough password' }), '192.0.2.77');
    // Two hashes (4000 each) fit in the budget of 10000; a third does not, though three requests are within the limit.
    expect((await reset()).status).toBe(400);
    expect((await reset()).status).toBe(400);
    const refused = await reset();
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/Your recent requests have asked for too much work\. Try again in/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('text the routes outside GraphQL cannot store', () => {
  let app: TestApp;
  let errors: jest.SpyInstance;
  beforeAll(async () => {
    app = await startTestApp();
  });
  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error');
  });
  afterEach(() => {
    // Refused as the input it is, never logged as an unexpected error.
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
  afterAll(() => app.close());

  it('refuses a NUL or half a surrogate pair in the e-mail of forgot-password, form or JSON, with a 400 page naming the field', async () => {
    const before = await accountRequests(app);
    const nul = await post(app, '/account/forgot-password', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%00b%40x.org' });
    expect(nul.status).toBe(400);
    expect(nul.headers.get('content-type')).toMatch(/^text\/html/);
    expect(nul.text).toContain('Email must not contain a NUL character (U+0000); remove it and try again.');
    expect(nul.text).toContain('이메일에는 NUL 문자(U+0000)를 쓸 수 없습니다. 지우고 다시 시도하세요.');

    const surrogate = await post(app, '/account/forgot-password', json({ email: 'a\ud800b@x.org' }));
    expect(json({ email: 'a\ud800b@x.org' }).body).toBe('{"email":"a\\ud800b@x.org"}');
    expect(surrogate.status).toBe(400);
    expect(surrogate.text).toContain('Email holds broken text (half of a UTF-16 surrogate pair); type or paste it again.');
    expect(surrogate.text).toContain('이메일에 깨진 글자(UTF-16 서로게이트 쌍의 한쪽)가 들어 있습니다.');

    const long = await post(app, '/account/forgot-password', form({ email: `${'a'.repeat(320)}@x.org` }));
    expect(long.status).toBe(400);
    expect(long.text).toContain('Email must be at most 320 characters long.');
    expect(await accountRequests(app)).toBe(before);

    // An ordinary address is taken as before.
    expect((await post(app, '/account/forgot-password', form({ email: 'min-ji@example.org' }))).status).toBe(201);
    expect(await accountRequests(app)).toBe(before + 1);
  });

  it('refuses them in the name of a platform invitation’s form, creating nothing, and the link still works', async () => {
    const admin = await app.signIn('admin@demo.twins.test');
    await app.gqlOk(`mutation { inviteUser(input: { email: "guarded.invitee@example.org", roles: [] }) { ok } }`, {}, { token: admin });
    const token = tokenFrom(linkIn(await app.mail.waitFor((m) => m.to === 'guarded.invitee@example.org'), `${app.url}/accept-invitation`));
    const accept = (displayName: string, as = form) => post(app, '/account/accept-invitation', as({ token, displayName, password: 'a long enough password' }));

    const nul = await accept('Min\u0000jun');
    expect(nul.status).toBe(400);
    expect(nul.text).toContain('Your name must not contain a NUL character (U+0000)');
    expect(nul.text).toContain('이름에는 NUL 문자(U+0000)를 쓸 수 없습니다.');
    const surrogate = await accept('Min\ud800jun', json);
    expect(surrogate.status).toBe(400);
    expect(surrogate.text).toContain('Your name holds broken text (half of a UTF-16 surrogate pair)');
    const users = () => app.dataSource.query(`SELECT display_name FROM user_account WHERE email = 'guarded.invitee@example.org'`);
    expect(await users()).toEqual([]);

    expect((await accept('Min-jun')).status).toBe(200);
    expect(await users()).toEqual([{ display_name: 'Min-jun' }]);
  });

  it('refuses them in the name of a workspace invitation’s form the same way', async () => {
    const lead = await app.signIn('officer.liverpool@demo.twins.test');
    const busan = await app.signIn('officer.busan@demo.twins.test');
    const { proposeTwinning } = await app.gqlOk<{ proposeTwinning: { id: string } }>(
      `mutation { proposeTwinning(input: { cityId: "liverpool", partnerCityId: "busan", message: "Shall we?" }) { id } }`, {}, { token: lead });
    const { respondToTwinningProposal } = await app.gqlOk<{ respondToTwinningProposal: { workspaceId: string } }>(
      `mutation($id: ID!) { respondToTwinningProposal(input: { id: $id, accept: true, reason: "Yes" }) { workspaceId } }`, { id: proposeTwinning.id }, { token: busan });
    await app.gqlOk(`mutation($id: ID!) { inviteToWorkspace(input: { workspaceId: $id, email: "guarded.colleague@example.org", role: MEMBER }) { id } }`,
      { id: respondToTwinningProposal.workspaceId }, { token: lead });
    const token = tokenFrom(linkIn(await app.mail.waitFor((m) => m.to === 'guarded.colleague@example.org'), `${app.url}/join-workspace`));
    const accept = (displayName: string, as = form) => post(app, '/workspaces/accept-invitation', as({ token, displayName, password: 'a long enough password' }));

    for (const [name, as] of [['Ji\u0000hoon', form], ['Ji\udc00hoon', json]] as const) {
      const refused = await accept(name, as);
      expect(refused.status).toBe(400);
      expect(refused.text).toMatch(/Your name (must not contain a NUL character|holds broken text)/);
    }
    const users = () => app.dataSource.query(`SELECT display_name FROM user_account WHERE email = 'guarded.colleague@example.org'`);
    expect(await users()).toEqual([]);
    expect((await accept('Ji-hoon')).status).toBe(200);
    expect(await users()).toEqual([{ display_name: 'Ji-hoon' }]);
  });

  it('refuses them in JSON on /auth/*, and in query strings too', async () => {
    const refresh = await post(app, '/auth/refresh', { headers: { 'content-type': 'application/json' }, body: '{"note":"a\\u0000"}' });
    expect(refresh.status).toBe(400);
    expect(JSON.parse(refresh.text)).toEqual({
      errors: [{ message: expect.stringMatching(/^Please correct the input: note must not contain a NUL/), extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'note', message: expect.stringMatching(/NUL/) }] } }],
    });
    const page = await fetch(`${app.url}/account/reset-password?token=abc%00def`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('The link must not contain a NUL character');
  });
});
