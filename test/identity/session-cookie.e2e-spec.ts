import { AuthService } from '@app/identity';
import { startTestApp, TestApp } from '../support/harness';

/**
 * The web app's session: signIn without asking for the refresh token sets it
 * as an httpOnly cookie for /auth; POST /auth/refresh rotates it there and
 * never puts it in a body; POST /auth/sign-out ends it. Clients that ask for
 * the token in the body keep refreshSession as before.
 */
const SIGN_IN_COOKIE = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken accessTokenExpiresAt user { id displayName } } }`;
const SIGN_IN_BODY = `mutation($input: SignInInput!) { signIn(input: $input) { ...Tokens } } fragment Tokens on AuthPayload { accessToken refreshToken }`;
const REFRESH_BODY = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken } }`;
const ME = `query { me { id displayName } }`;

interface Cookie {
  value: string;
  attributes: Map<string, string>;
}

/** The refresh cookie a response sets, with its attributes (names lower-cased); undefined when it sets none. */
function refreshCookie(response: Response): Cookie | undefined {
  const line = response.headers.getSetCookie().find((c) => c.startsWith('twins_refresh='));
  if (!line) return undefined;
  const [pair, ...rest] = line.split(';').map((part) => part.trim());
  const attributes = new Map(rest.map((a) => [a.split('=')[0].toLowerCase(), a.split('=').slice(1).join('=')]));
  return { value: decodeURIComponent(pair.slice('twins_refresh='.length)), attributes };
}

describe('the session cookie of the web app', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
  });
  afterAll(() => app.close());
  afterEach(() => app.clock.reset());

  const graphql = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });

  /** What the web app sends: JSON, from its own origin, with the cookie. */
  const post = (path: string, cookie: string | undefined, headers: Record<string, string> = {}, body = '{}') =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: app.url,
        'sec-fetch-site': 'same-origin',
        ...(cookie ? { cookie: `twins_refresh=${encodeURIComponent(cookie)}` } : {}),
        ...headers,
      },
      body,
    });

  async function signInWithCookie(email = 'participant@demo.twins.test'): Promise<{ cookie: Cookie; body: string; accessToken: string }> {
    const response = await graphql(SIGN_IN_COOKIE, { input: { email, password: app.env.DEMO_PASSWORD } });
    const body = await response.text();
    const cookie = refreshCookie(response);
    expect(cookie).toBeDefined();
    return { cookie: cookie!, body, accessToken: (JSON.parse(body) as { data: { signIn: { accessToken: string } } }).data.signIn.accessToken };
  }

  const meWith = async (accessToken: string) => app.gql<{ me: { id: string } }>(ME, {}, { token: accessToken });

  it('sign-in sets the refresh token as an httpOnly, SameSite=Strict cookie for /auth only, and not in the body', async () => {
    const { cookie, body } = await signInWithCookie();
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')).toBe('Strict');
    expect(cookie.attributes.get('path')).toBe('/auth');
    expect(cookie.attributes.has('secure')).toBe(false); // PUBLIC_URL is http here; see security-headers for https
    // It lives as long as the session (REFRESH_TOKEN_TTL_DAYS, 30 by default).
    const days = (Date.parse(cookie.attributes.get('expires')!) - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
    expect(cookie.value).toMatch(/^[0-9a-f-]{36}\.[\w-]+$/);
    expect(body).not.toContain(cookie.value.split('.')[1]);
  });

  it('refresh rotates the token in the cookie, answers an access token and the person, and never the token', async () => {
    const { cookie } = await signInWithCookie();
    const response = await post('/auth/refresh', cookie.value);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const next = refreshCookie(response)!;
    expect(next.value).not.toBe(cookie.value);
    expect(next.attributes.has('httponly')).toBe(true);
    expect(next.attributes.get('samesite')).toBe('Strict');
    expect(next.attributes.get('path')).toBe('/auth');
    const text = await response.text();
    expect(text).not.toContain(next.value.split('.')[1]);
    expect(text).not.toContain(cookie.value.split('.')[1]);
    expect(text).not.toMatch(/refreshToken"/);
    const body = JSON.parse(text) as { accessToken: string; accessTokenExpiresAt: string; user: Record<string, unknown> };
    expect(body.user).toMatchObject({ email: 'participant@demo.twins.test', preferredLanguage: 'en', roles: [] });
    expect(Date.parse(body.accessTokenExpiresAt)).toBeGreaterThan(Date.now());
    expect((await meWith(body.accessToken)).data?.me.id).toBe(body.user.id);

    // The next one works in its turn.
    const third = await post('/auth/refresh', next.value);
    expect(third.status).toBe(200);
    expect(refreshCookie(third)!.value).not.toBe(next.value);
  });

  it('an old cookie presented again ends the whole session', async () => {
    const { cookie } = await signInWithCookie();
    const rotated = await post('/auth/refresh', cookie.value);
    const next = refreshCookie(rotated)!;
    const { accessToken } = (await rotated.json()) as { accessToken: string };

    // Past the grace in which a retry of a lost answer is forgiven (see the next test).
    app.clock.advance((app.config.REFRESH_REUSE_GRACE_SECONDS + 1) * 1000);
    const reuse = await post('/auth/refresh', cookie.value);
    expect(reuse.status).toBe(401);
    const refusal = (await reuse.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(refusal.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refusal.errors[0].message).toMatch(/used again/);
    // The refused cookie is cleared.
    expect(refreshCookie(reuse)?.value).toBe('');

    // The newest cookie and the newest access token are over too.
    expect((await post('/auth/refresh', next.value)).status).toBe(401);
    expect((await meWith(accessToken)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('forgives a reload that cut off the answer: the old cookie again at once gets a new pair, and the lost one ends the session if it ever comes back', async () => {
    const { cookie } = await signInWithCookie();
    const lost = refreshCookie(await post('/auth/refresh', cookie.value))!; // rotated on the server; the browser never saw it

    const retry = await post('/auth/refresh', cookie.value);
    expect(retry.status).toBe(200);
    const kept = refreshCookie(retry)!;
    expect(kept.value).not.toBe(lost.value);
    const { accessToken } = (await retry.json()) as { accessToken: string };
    expect((await meWith(accessToken)).data?.me.id).toBeDefined();
    // Retried again before anything newer was used: still the same lost answer.
    const again = refreshCookie(await post('/auth/refresh', cookie.value))!;
    expect(again.value).not.toBe(kept.value);

    // The chain moves on; the withdrawn token presented later is a copy: the session ends.
    const next = refreshCookie(await post('/auth/refresh', again.value))!;
    app.clock.advance((app.config.REFRESH_REUSE_GRACE_SECONDS + 1) * 1000);
    const copy = await post('/auth/refresh', lost.value);
    expect(copy.status).toBe(401);
    expect(((await copy.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/used again/);
    expect((await post('/auth/refresh', next.value)).status).toBe(401);
  });

  it('once the chain has moved on, the old cookie is a copy even within the grace', async () => {
    const { cookie } = await signInWithCookie();
    const second = refreshCookie(await post('/auth/refresh', cookie.value))!;
    const third = refreshCookie(await post('/auth/refresh', second.value))!;
    expect((await post('/auth/refresh', cookie.value)).status).toBe(401);
    expect((await post('/auth/refresh', third.value)).status).toBe(401);
  });

  it('refuses what another site could send: a cross-site origin, a form, no JSON, and changes nothing', async () => {
    const { cookie } = await signInWithCookie();
    const refusals: Array<[Record<string, string>, string | undefined, number, string]> = [
      [{ origin: 'https://evil.example' }, undefined, 403, 'FORBIDDEN'],
      [{ origin: 'null' }, undefined, 403, 'FORBIDDEN'],
      [{ 'sec-fetch-site': 'cross-site' }, undefined, 403, 'FORBIDDEN'],
      [{ 'sec-fetch-site': 'same-site' }, undefined, 403, 'FORBIDDEN'],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1', 415, 'BAD_USER_INPUT'],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, '--x--', 415, 'BAD_USER_INPUT'],
      [{ 'content-type': 'text/plain' }, '{}', 415, 'BAD_USER_INPUT'],
    ];
    for (const path of ['/auth/refresh', '/auth/sign-out']) {
      for (const [headers, body, status, code] of refusals) {
        const response = await post(path, cookie.value, headers, body);
        expect({ path, headers, status: response.status }).toEqual({ path, headers, status });
        expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(code);
        expect(refreshCookie(response)).toBeUndefined();
      }
    }
    // None of them spent the token nor ended the session.
    expect((await post('/auth/refresh', cookie.value)).status).toBe(200);
  });

  it('takes a request without Origin (not from a browser), and answers 401 without a cookie', async () => {
    const { cookie } = await signInWithCookie();
    const response = await fetch(`${app.url}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `twins_refresh=${encodeURIComponent(cookie.value)}` },
      body: '{}',
    });
    expect(response.status).toBe(200);
    const none = await post('/auth/refresh', undefined);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await post('/auth/refresh', `${cookie.value.split('.')[0]}.forged-secret`);
    expect(forged.status).toBe(401);
  });

  it('answers its refusals, and its sign-out, in the language the request asks for', async () => {
    const ko = { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' };
    const none = await post('/auth/refresh', undefined, ko);
    expect(none.status).toBe(401);
    expect((await none.json()) as unknown).toEqual({ errors: [{ message: '이 기기에서는 로그인되어 있지 않습니다. 로그인해 주세요.', extensions: { code: 'UNAUTHENTICATED' } }] });
    const { cookie } = await signInWithCookie();
    const forged = await post('/auth/refresh', `${cookie.value.split('.')[0]}.forged-secret`, ko);
    expect(((await forged.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe('로그인이 끝났습니다. 다시 로그인해 주세요.');
    const crossSite = await post('/auth/refresh', cookie.value, { ...ko, origin: 'https://evil.example' });
    expect((await crossSite.json()) as unknown).toEqual({
      errors: [{ message: '다른 사이트에서 온 요청이라 받지 않았습니다. 이노베이션 트윈스 웹 앱을 이용해 주세요.', extensions: { code: 'FORBIDDEN' } }],
    });
    const english = await post('/auth/refresh', undefined, { 'accept-language': 'en-GB' });
    expect(((await english.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe('You are not signed in on this device. Sign in.');
    const signedOut = await post('/auth/sign-out', cookie.value, ko);
    expect((await signedOut.json()) as unknown).toEqual({ ok: true, message: '로그아웃했습니다.' });
  });

  it('signing out ends the session and clears the cookie', async () => {
    const { cookie, accessToken } = await signInWithCookie();
    const response = await post('/auth/sign-out', cookie.value);
    expect(response.status).toBe(200);
    const cleared = refreshCookie(response)!;
    expect(cleared.value).toBe('');
    expect(Date.parse(cleared.attributes.get('expires')!)).toBeLessThan(Date.now());
    expect(cleared.attributes.get('path')).toBe('/auth');
    expect((await meWith(accessToken)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await post('/auth/refresh', cookie.value)).status).toBe(401);
    // Signing out again, or without a cookie, is harmless.
    expect((await post('/auth/sign-out', undefined)).status).toBe(200);
  });

  it('a sign-out the server cannot finish says so and keeps the cookie, so signing out again ends the session', async () => {
    const { cookie, accessToken } = await signInWithCookie();
    const failing = jest.spyOn(app.api.get(AuthService), 'signOutWithRefreshToken').mockRejectedValueOnce(new Error('database unavailable (test)'));
    try {
      const response = await post('/auth/sign-out', cookie.value);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(refreshCookie(response)).toBeUndefined();
      expect((await meWith(accessToken)).data?.me.id).toBeDefined();
    } finally {
      failing.mockRestore();
    }
    expect((await post('/auth/sign-out', cookie.value)).status).toBe(200);
    expect((await meWith(accessToken)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('signOut and signOutEverywhere through GraphQL clear the cookie too', async () => {
    for (const mutation of ['signOut', 'signOutEverywhere']) {
      const { cookie, accessToken } = await signInWithCookie('organiser@demo.twins.test');
      const response = await graphql(`mutation { ${mutation} { ok } }`, {}, { authorization: `Bearer ${accessToken}` });
      expect(response.status).toBe(200);
      expect(refreshCookie(response)?.value).toBe('');
      expect((await post('/auth/refresh', cookie.value)).status).toBe(401);
    }
  });

  it('a client that asks for the refresh token gets it in the body, with no cookie, and refreshes as before', async () => {
    const response = await graphql(SIGN_IN_BODY, { input: { email: 'participant@demo.twins.test', password: app.env.DEMO_PASSWORD } });
    expect(refreshCookie(response)).toBeUndefined();
    const { refreshToken } = ((await response.json()) as { data: { signIn: { refreshToken: string } } }).data.signIn;
    const refreshed = await graphql(REFRESH_BODY, { input: { refreshToken } });
    expect(refreshCookie(refreshed)).toBeUndefined();
    const next = ((await refreshed.json()) as { data: { refreshSession: { refreshToken: string } } }).data.refreshSession;
    expect(next.refreshToken).not.toBe(refreshToken);
    // A body token is no cookie: /auth/refresh does not read bodies.
    expect((await post('/auth/refresh', undefined, {}, JSON.stringify({ refreshToken: next.refreshToken }))).status).toBe(401);
    // Skipped by a directive, the field is not asked for: the cookie is set.
    const skipped = await graphql(
      `mutation($input: SignInInput!, $body: Boolean!) { signIn(input: $input) { accessToken refreshToken @include(if: $body) } }`,
      { input: { email: 'participant@demo.twins.test', password: app.env.DEMO_PASSWORD }, body: false },
    );
    expect(refreshCookie(skipped)).toBeDefined();
  });
});
