import { Client } from 'pg';
import { takeOverlaps } from './one-query-per-connection';

// The guard every test file runs under (jest.config.js, setupFilesAfterEnv), on a real connection.
describe('the one-query-per-connection guard', () => {
  let client: Client;

  beforeAll(async () => {
    // The server's own database: a connection to the tests' template would stop its cloning.
    client = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  it('reports a query sent while another runs on the same connection, and which one', async () => {
    await Promise.all([client.query('SELECT pg_sleep(0.05)'), client.query('SELECT 2 AS second')]);
    const found = takeOverlaps();
    expect(found.map((o) => o.sql)).toEqual(['SELECT 2 AS second']);
    expect(found[0].stack).toContain('one-query-per-connection.e2e-spec');
  });

  it('reports nothing for queries one after the other, nor after a query that pg refused before sending it', async () => {
    expect(() => client.query(null as never)).toThrow('Client was passed a null or undefined query');
    expect(() => client.query(null as never, () => undefined)).toThrow('Client was passed a null or undefined query');
    await client.query('SELECT 1');
    await new Promise((resolve, reject) => client.query('SELECT 2', (error) => (error ? reject(error) : resolve(undefined))));
    await client.query('SELECT 3');
    expect(takeOverlaps()).toEqual([]);
  });
});
