import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, startRedis, stopAll, StoppableService } from '@app/dev-services';

/**
 * Throw-away PostgreSQL (and Redis when asked) for tooling scripts: schema
 * printing and migration checks run on a fresh, empty database.
 */
export async function withTemporaryServices<T>(
  needs: { redis?: boolean },
  work: (urls: { databaseUrl: string; redisUrl?: string }) => Promise<T>,
): Promise<T> {
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
    return await work({ databaseUrl: pg.url, redisUrl });
  } finally {
    await stopAll(services);
    await rm(root, { recursive: true, force: true });
  }
}
