import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/harness';

/**
 * The API serves the built web app at every path it does not answer itself:
 * the app's routes get index.html; GraphQL, health, the pages emailed links
 * open and files (.ics, .csv, .json, .atom) stay the API's.
 */
describe('the web app, served by the API', () => {
  let app: TestApp;
  let web: string;
  const INDEX = '<!doctype html><html><body><div id="root"></div><!-- the web app --></body></html>';

  beforeAll(async () => {
    web = await mkdtemp(join(tmpdir(), 'twins-web-'));
    await mkdir(join(web, 'assets'));
    await writeFile(join(web, 'index.html'), INDEX);
    await writeFile(join(web, 'assets', 'app-1234.js'), 'console.log("app");');
    app = await startTestApp({ worker: false, env: { WEB_DIST: web } });
  });
  afterAll(async () => {
    await app.close();
    await rm(web, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { accept: 'text/html' } });

  it.each(['/', '/pairs', '/explorer', '/case-studies/liverpool-busan-hydrogen-ports', '/events/0b7c6f2e-8d1a-4a7e-9a55-2f1c1a0d9e11', '/workspaces/abc', '/applications/abc'])(
    'answers the app route %s with index.html, never cached',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('serves built files, cached for good (their names change with their content)', async () => {
    const res = await get('/assets/app-1234.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("app");');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing file with 404, not the app', async () => {
    const res = await get('/assets/missing-0000.js');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('the web app');
  });

  it.each([
    ['/health/ready', 200, /application\/json/],
    ['/calendars/programme.ics', 200, /text\/calendar/],
    ['/open-data', 200, /application\/json/],
    ['/feeds/case-studies.atom', 200, /atom/],
    ['/events/0b7c6f2e-8d1a-4a7e-9a55-2f1c1a0d9e11.ics', 404, /json/],
  ])('leaves %s to the API', async (path, status, type) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(await res.text()).not.toContain('the web app');
  });

  it.each([
    ['/account/confirm-email?token=x', '/confirm-email?token=x'],
    ['/account/forgot-password', '/forgot-password'],
    ['/events/unsubscribe?token=x', '/unsubscribe/events?token=x'],
    ['/workspaces/accept-invitation?token=x', '/join-workspace?token=x'],
  ])('sends %s, where older emails link to, to the web app’s page, which the app answers', async (path, page) => {
    const res = await fetch(`${app.url}${path}`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect([res.status, res.headers.get('location')]).toEqual([302, page]);
    const opened = await get(page);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toBe(INDEX);
  });

  it('answers /favicon.ico with the web app’s icon, never a 404', async () => {
    const res = await fetch(`${app.url}/favicon.ico`, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([301, '/favicon.svg']);
  });

  it('still answers GraphQL', async () => {
    const data = await app.gqlOk<{ countries: Array<{ code: string }> }>(`query { countries { code } }`);
    expect(data.countries).toHaveLength(2);
  });
});
