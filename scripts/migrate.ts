import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError, grantApplicationPrivileges, loadConfig, migrationDatabaseOptions, roleOfUrl } from '@app/core';
import { MIGRATIONS, PLATFORM_ENTITIES } from '@app/platform';

/**
 * Runs pending migrations, each in its own transaction, as the role that owns
 * the schema (MIGRATION_DATABASE_URL), then grants DATABASE_URL's role its
 * privileges on every table, new ones included (libs/core/src/database/privileges.ts).
 */
export async function runMigrations(config: AppConfig, log: (line: string) => void = console.log): Promise<string[]> {
  const dataSource = new DataSource(migrationDatabaseOptions(config, PLATFORM_ENTITIES, MIGRATIONS));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of ran) log(`migration applied: ${migration.name}`);
    await grantToApplication(dataSource, config, ran.length > 0 ? log : () => undefined);
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

async function grantToApplication(owner: DataSource, config: AppConfig, log: (line: string) => void): Promise<void> {
  const [{ role: ownerRole }] = (await owner.query('SELECT current_user AS role')) as Array<{ role: string }>;
  const appRole = config.DATABASE_URL ? roleOfUrl(config.DATABASE_URL) : '';
  if (!config.MIGRATION_DATABASE_URL || !appRole || appRole === ownerRole) {
    const why =
      `The migrations and the application both sign in as "${ownerRole}", which owns the tables and so could switch off ` +
      'the triggers that keep the permanent record append-only.';
    if (config.isProduction) {
      throw new Error(`${why} In production set MIGRATION_DATABASE_URL to the owner's connection and DATABASE_URL to the application's own role (README: Production).`);
    }
    log(`${why} Set MIGRATION_DATABASE_URL (the owner) beside DATABASE_URL (the application's role) to keep them apart.`);
    return;
  }
  const granted = await owner.transaction((em) => grantApplicationPrivileges(em, appRole));
  log(`privileges: "${granted.role}" reads and writes ${granted.tables} tables, of which only reads and adds to: ${granted.appendOnly.join(', ')}`);
}

if (require.main === module) {
  runMigrations(loadConfig()).catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
