import { expect, test } from './fixtures';

/**
 * The developers' GraphQL IDE at /graphql: GraphiQL from the app's own bundle.
 * Every request the page makes stays on this site, so it works offline, and a
 * query runs against the API.
 */
test('the GraphQL IDE loads from the app itself, with nothing from another site, and runs a query', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) elsewhere.push(request.url());
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  await page.goto('/graphql');
  await expect(page).toHaveTitle(/GraphQL IDE/);
  const run = page.getByRole('button', { name: /Execute query/ });
  await expect(run).toBeVisible();
  // The first query, written in the page, asks for the countries.
  await expect(page.locator('.graphiql-query-editor')).toContainText('countries');
  await run.click();
  await expect(page.locator('.graphiql-response')).toContainText('"GB"');
  await expect(page.locator('.graphiql-response')).toContainText('"KR"');
  expect(elsewhere).toEqual([]);
  expect(problems).toEqual([]);
});
