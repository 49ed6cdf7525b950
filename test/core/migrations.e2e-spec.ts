import { loadConfig } from '@app/core';
import { platformDataSource } from '@app/platform';
import { takeOverlaps } from '../setup/one-query-per-connection';
import { startTestApp, TestApp } from '../support/harness';

/*
 * Every file's database is cloned from a template the real migrations built,
 * so this compares what they built with what the entities describe. Any
 * difference is a migration still to write: `npm run migration:generate -- Name`.
 */
describe('the migrations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
  });
  afterAll(() => app.close());

  it('build exactly the schema the entities describe', async () => {
    const dataSource = platformDataSource(loadConfig({ NODE_ENV: 'test', DATABASE_URL: app.ownerUrl }));
    await dataSource.initialize();
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      // TypeORM reads the catalogue with several queries at once on one connection: its code, not
      // ours, and reads only. Taken here so they do not fail the test; anything else still would.
      const overlaps = takeOverlaps();
      expect(overlaps.filter((overlap) => !/\b(information_schema|pg_catalog|pg_[a-z_]+)\b/.test(overlap.sql))).toEqual([]);
      expect(upQueries.map((query) => query.query)).toEqual([]);
      // The comparison saw the tables: an empty list from an empty schema would prove nothing.
      expect(dataSource.entityMetadatas.length).toBeGreaterThan(30);
      const [{ count }] = (await dataSource.query(`SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'`)) as Array<{ count: number }>;
      expect(count).toBeGreaterThanOrEqual(dataSource.entityMetadatas.filter((meta) => meta.tableType === 'regular').length);
    } finally {
      await dataSource.destroy();
    }
  });
});
