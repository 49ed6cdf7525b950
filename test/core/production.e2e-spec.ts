import { startTestApp, TestApp } from '../support/harness';

describe('the API in production mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { NODE_ENV: 'production', LOG_LEVEL: 'warn' } });
  });
  afterAll(() => app.close());

  it('turns introspection off', async () => {
    const res = await app.gql(`query { __schema { queryType { name } } }`);
    expect(res.errors?.[0].message).toMatch(/introspection/i);
  });

  it('serves no explorer, but still answers queries', async () => {
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/sandbox|explorer|<html/i);
    const data = await app.gqlOk<{ countries: Array<{ code: string }> }>(`query { countries { code } }`);
    expect(data.countries.map((c) => c.code).sort()).toEqual(['GB', 'KR']);
  });

  it('answers input errors with their code and fields, and no internals', async () => {
    const res = await app.gql(`query { organisations(after: "x") { nodes { id } } }`);
    expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'after' })] });
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|node_modules/);
  });
});
