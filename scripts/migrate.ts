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
  // Before any migration: run as the application's role, they would make it the owner of every new table.
  const appRole = applicationRoleToGrant(config, log);
  const dataSource = new DataSource(migrationDatabaseOptions(config, PLATFORM_ENTITIES, MIGRATIONS));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of ran) log(`migration applied: ${migration.name}`);
    if (appRole) {
      const granted = await dataSource.transaction((em) => grantApplicationPrivileges(em, appRole));
      if (ran.length > 0) {
        log(`privileges: "${granted.role}" reads and writes ${granted.tables} tables, of which only reads and adds to: ${granted.appendOnly.join(', ')}`);
      }
    }
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * DATABASE_URL's role, to be granted its privileges once the migrations have
 * run as MIGRATION_DATABASE_URL's; undefined when both sign in as one role
 * (by the user names of their URLs), which production refuses before anything
 * is migrated.
 */
function applicationRoleToGrant(config: AppConfig, log: (line: string) => void): string | undefined {
  // Without DATABASE_URL there is nothing to connect to: the connection says so.
  if (!config.DATABASE_URL) return undefined;
  const appRole = roleOfUrl(config.DATABASE_URL);
  const ownerRole = config.MIGRATION_DATABASE_URL ? roleOfUrl(config.MIGRATION_DATABASE_URL) : appRole;
  if (config.MIGRATION_DATABASE_URL && appRole && ownerRole !== appRole) return appRole;
  const why =
    `The migrations and the application both sign in as ${appRole ? `"${appRole}"` : 'one role'}, which would own the tables and so ` +
    'could switch off the triggers that keep the permanent record append-only.';
  if (config.isProduction) {
    throw new Error(
      `${why} In production set MIGRATION_DATABASE_URL to the owner's connection and DATABASE_URL to the application's own role ` +
        '(README: Production). Nothing was migrated.',
    );
  }
  log(`${why} Set MIGRATION_DATABASE_URL (the owner) beside DATABASE_URL (the application's role) to keep them apart.`);
  return undefined;
}

if (require.main === module) {
  runMigrations(loadConfig()).catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
