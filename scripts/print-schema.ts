import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig } from '@app/core';
import { createApiApp } from '../apps/api/src/create-api';
import { runMigrations } from './migrate';
import { withTemporaryServices } from './temporary-services';

/** `npm run schema`: writes schema.gql from the code, on throw-away services. */
withTemporaryServices({ redis: true }, async ({ databaseUrl, migrationDatabaseUrl, redisUrl }) => {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    MIGRATION_DATABASE_URL: migrationDatabaseUrl,
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
  });
  await runMigrations(config, () => undefined);
  const file = join(__dirname, '..', '..', 'schema.gql');
  const app = await createApiApp(config, { schemaFile: file });
  await app.init();
  await app.close();
  console.log('Wrote schema.gql');
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
