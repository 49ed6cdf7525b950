import { ConfigError, loadConfig, roleOfUrl } from '@app/core';
import { preparePlatformDatabase, withDatabase, type PlatformRole } from '@app/dev-services';

/**
 * `node dist/scripts/prepare-database.js <administrator's URL>`: makes the
 * roles of MIGRATION_DATABASE_URL (the owner) and DATABASE_URL (the
 * application) with the passwords those URLs carry, and gives DATABASE_URL's
 * database to the owner, handing it whatever the public schema holds that
 * someone else owns (libs/dev-services/src/roles.ts). For a database made
 * before the platform had its own roles, such as a docker compose volume of
 * an earlier version (its tables owned by the superuser "twins"), once, as a
 * superuser; `npm run migrate` then grants the application its rights.
 */
async function main(): Promise<void> {
  const [adminUrl] = process.argv.slice(2);
  if (!adminUrl) throw new Error("Usage: node dist/scripts/prepare-database.js postgres://superuser:password@host:5432/database");
  const config = loadConfig();
  if (!config.DATABASE_URL || !config.MIGRATION_DATABASE_URL) {
    throw new Error('Set DATABASE_URL (the application) and MIGRATION_DATABASE_URL (the owner): their roles are the ones to prepare.');
  }
  const database = new URL(config.DATABASE_URL).pathname.slice(1);
  const owner = roleOf(config.MIGRATION_DATABASE_URL);
  const app = roleOf(config.DATABASE_URL);
  await preparePlatformDatabase(withDatabase(adminUrl, database), { roles: { owner, app } });
  console.log(`Database "${database}" belongs to "${owner.name}"; "${app.name}" signs in and gets its rights from the next migration run.`);
}

function roleOf(url: string): PlatformRole {
  return { name: roleOfUrl(url), password: decodeURIComponent(new URL(url).password) };
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
