import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/harness';

/**
 * Every answer carries the security headers: the web app, its files, GraphQL,
 * health, calendars and the pages emailed links open. The Content-Security-
 * Policy allows script from this site only and no framing at all.
 */
const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-1234.js"></script></body></html>';

function policy(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

async function webApp(): Promise<string> {
  const web = await mkdtemp(join(tmpdir(), 'twins-web-'));
  await mkdir(join(web, 'assets'));
  await writeFile(join(web, 'index.html'), INDEX);
  await writeFile(join(web, 'assets', 'app-1234.js'), 'console.log("app");');
  // The GraphQL IDE, built beside the web app (apps/web/graphiql.html).
  await writeFile(join(web, 'graphiql.html'), '<!doctype html><html><head><script type="module" src="/assets/graphiql-1234.js"></script></head><body><div id="graphiql"></div></body></html>');
  await writeFile(join(web, 'assets', 'graphiql-1234.js'), 'console.log("ide");');
  return web;
}

describe('security headers', () => {
  let app: TestApp;
  let web: string;

  beforeAll(async () => {
    web = await webApp();
    app = await startTestApp({ worker: false, env: { WEB_DIST: web } });
  });
  afterAll(async () => {
    await app.close();
    await rm(web, { recursive: true, force: true });
  });

  const get = (path: string, accept = 'text/html') => fetch(`${app.url}${path}`, { headers: { accept } });
  const graphqlPost = () =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ countries { code } }' }) });

  const answers: Array<[string, () => Promise<Response>, number]> = [
    ['the web app (GET /)', () => get('/'), 200],
    ['a web app route', () => get('/pairs'), 200],
    ['a built script', () => get('/assets/app-1234.js', '*/*'), 200],
    ['GraphQL (POST /graphql)', graphqlPost, 200],
    ['a calendar (.ics)', () => get('/calendars/programme.ics', 'text/calendar'), 200],
    ['an open-data file', () => get('/open-data', 'application/json'), 200],
    ['health', () => get('/health/ready', 'application/json'), 200],
    ['a page an emailed link opens', () => get('/reset-password?token=abc'), 200],
    ['an older email’s link, sent on to its page', () => fetch(`${app.url}/events/unsubscribe?token=abc`, { redirect: 'manual' }), 302],
    ['a missing file', () => get('/assets/missing-0000.js', '*/*'), 404],
    ['a refused session refresh', () => fetch(`${app.url}/auth/refresh`, { method: 'POST' }), 415],
  ];

  it.each(answers)('%s carries the headers', async (_what, request, status) => {
    const response = await request();
    expect(response.status).toBe(status);
    const csp = policy(response);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    // PUBLIC_URL is http here: no HSTS.
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('the addresses older emails linked to open the web app’s pages; the answers to forms posted there need neither inline script nor inline style', async () => {
    for (const [path, page] of [
      ['/account/confirm-email?token=abc', '/confirm-email?token=abc'],
      ['/account/reset-password?token=abc', '/reset-password?token=abc'],
      ['/account/forgot-password', '/forgot-password'],
      ['/account/accept-invitation?token=abc', '/accept-invitation?token=abc'],
      ['/events/unsubscribe?token=abc', '/unsubscribe/events?token=abc'],
      ['/workspaces/unsubscribe?token=abc', '/unsubscribe/workspace-digest?token=abc'],
      ['/workspaces/accept-invitation?token=abc', '/join-workspace?token=abc'],
    ]) {
      const response = await fetch(`${app.url}${path}`, { redirect: 'manual', headers: { accept: 'text/html' } });
      expect({ path, status: response.status, location: response.headers.get('location') }).toEqual({ path, status: 302, location: page });
    }
    const answer = await fetch(`${app.url}/account/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=someone%40example.org' });
    const html = await answer.text();
    expect(/<script|<style|\sstyle=|\son[a-z]+=/i.test(html)).toBe(false);
    expect(html).toContain('<link rel="stylesheet" href="/account/page.css">');
    const css = await get('/account/page.css', 'text/css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('a.button');
  });

  it('the GraphQL IDE (a browser’s GET of /graphql) is this site’s own page: only its scripts, inline styles for its editor, no framing', async () => {
    const response = await get('/graphql');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<div id="graphiql"></div>');
    // Nothing from another site: every script and stylesheet is one of the bundle's.
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^\/(assets\/|favicon)/);
    const csp = policy(response);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // A query sent by GET, and anything else, keeps the app's policy: no inline styles.
    const query = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ countries { code } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(((await query.json()) as { data: { countries: unknown[] } }).data.countries.length).toBe(2);
    expect(policy(query).get('style-src')).toEqual(["'self'"]);
  });
});

describe('security headers with an https PUBLIC_URL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { PUBLIC_URL: 'https://twins.example.org' } });
  });
  afterAll(() => app.close());

  it('tells browsers to keep to https, and the session cookie is Secure', async () => {
    const response = await fetch(`${app.url}/health/live`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(policy(response).has('upgrade-insecure-requests')).toBe(true);

    const signIn = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
        variables: { input: { email: 'participant@demo.twins.test', password: app.env.DEMO_PASSWORD } },
      }),
    });
    expect(signIn.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('twins_refresh='));
    expect(cookie).toMatch(/; Secure(;|$)/);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Strict(;|$)/);
    expect(cookie).toMatch(/; Path=\/auth(;|$)/);
  });
});
