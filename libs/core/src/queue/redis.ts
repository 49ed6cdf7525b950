import type { Logger } from '@nestjs/common';
import type { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * ioredis options from REDIS_URL (redis:// or rediss://, optional user, password and /db).
 * - 'worker': BullMQ workers block on Redis and must wait through an outage.
 * - 'client' (rate limits, health, queue producers): fail fast while Redis is
 *   unreachable instead of queueing commands, so a request or a dispatcher
 *   holding database locks never hangs on it.
 */
export function redisOptions(config: AppConfig, mode: 'worker' | 'client' = 'client'): RedisOptions {
  if (!config.REDIS_URL) {
    throw new Error(
      'REDIS_URL is not set. Run `npm start`, which starts a local redis-server for development, ' +
        'or set REDIS_URL=redis://host:6379.',
    );
  }
  const url = new URL(config.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    ...(mode === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 5000 }),
    // Keep trying to reconnect after a Redis restart, backing off to 2 s.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  };
}

/**
 * An 'error' listener for a BullMQ queue or worker. Without one BullMQ writes
 * every failed reconnection to the console (a line every two seconds while
 * Redis is away); with it, a warning when the error changes, and again once a
 * minute while it lasts.
 */
export function warnOnRedisError(logger: Pick<Logger, 'warn'>, what: string): (error: Error) => void {
  let last = '';
  let loggedAt = 0;
  return (error) => {
    const now = Date.now();
    if (error.message === last && now - loggedAt < 60_000) return;
    last = error.message;
    loggedAt = now;
    logger.warn(`${what}: ${error.message}`);
  };
}
