import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Relative imports: Jest applies no module mapping to global setup.
import { startPostgres, startRedis, StoppableService } from '../../libs/dev-services/src';
import { builtScripts, preparePlatformTemplate } from '../support/template';

/**
 * Starts real PostgreSQL and Redis for the whole run (unless DATABASE_URL /
 * REDIS_URL point at servers already running), then builds a template
 * database with the real migrate and seed scripts. Each test file clones it
 * (CREATE DATABASE ... TEMPLATE), so files never see each other's rows.
 *
 * As in production, two roles that are not superusers: the template (and every
 * clone) belongs to the owner role, which runs the migrations; the seed, the
 * API and the worker sign in as the application's role. Roles belong to the
 * server and grants to the database, so every clone keeps them. DATABASE_URL
 * here is an administrator's (one that may create roles and databases).
 */
export default async function globalSetup(): Promise<void> {
  // Before any server starts: a run without a build stops at once.
  builtScripts();

  const services: StoppableService[] = [];
  (globalThis as { __testServices?: StoppableService[] }).__testServices = services;
  const root = await mkdtemp(join(tmpdir(), 'twins-test-'));
  // mkdtemp makes it private (0700); PostgreSQL, run as its own user under root, must be able to enter it.
  await chmod(root, 0o755);
  process.env.TEST_ROOT_DIR = root;

  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const pg = await startPostgres({ dataDir: join(root, 'pg'), persistent: false });
    services.push(pg);
    adminUrl = pg.url;
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await startRedis({ dataDir: join(root, 'redis') });
    services.push(redis);
    redisUrl = redis.url;
  }

  const templateName = `twins_template_${process.pid}`;
  const roles = await preparePlatformTemplate(adminUrl, templateName);

  process.env.TEST_PG_ADMIN_URL = adminUrl;
  // The template's URLs: test/support/harness.ts points them at each file's clone (a connection to
  // the template itself would stop the cloning).
  process.env.TEST_PG_OWNER_URL = roles.ownerUrl;
  process.env.TEST_PG_APP_URL = roles.appUrl;
  process.env.TEST_TEMPLATE_DB = templateName;
  process.env.TEST_REDIS_URL = redisUrl;
}
