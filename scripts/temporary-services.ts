import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparePlatformDatabase, startPostgres, startRedis, stopAll, StoppableService } from '@app/dev-services';

export interface TemporaryUrls {
  /** The application's role (DATABASE_URL): what the API and worker sign in as. */
  databaseUrl: string;
  /** The schema's owner (MIGRATION_DATABASE_URL): what the migrations run as. */
  migrationDatabaseUrl: string;
  /** The server's superuser, for tools that compare schemas. */
  adminUrl: string;
  redisUrl?: string;
}

/**
 * Throw-away PostgreSQL (and Redis when asked) for tooling scripts: schema
 * printing, migration checks and benchmarks run on a fresh, empty database,
 * with the platform's owner and application roles as everywhere else.
 */
export async function withTemporaryServices<T>(needs: { redis?: boolean }, work: (urls: TemporaryUrls) => Promise<T>): Promise<T> {
  const root = await mkdtemp(join(tmpdir(), 'twins-tool-'));
  const services: StoppableService[] = [];
  try {
    // mkdtemp makes it private (0700); PostgreSQL, run as its own user under root, must be able to enter it.
    await chmod(root, 0o755);
    const pg = await startPostgres({ dataDir: join(root, 'pg'), persistent: false });
    services.push(pg);
    let redisUrl: string | undefined;
    if (needs.redis) {
      const redis = await startRedis({ dataDir: join(root, 'redis') });
      services.push(redis);
      redisUrl = redis.url;
    }
    const roles = await preparePlatformDatabase(pg.url);
    return await work({ databaseUrl: roles.appUrl, migrationDatabaseUrl: roles.ownerUrl, adminUrl: pg.url, redisUrl });
  } finally {
    await stopAll(services);
    await rm(root, { recursive: true, force: true });
  }
}
