import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisOptions, warnOnRedisError } from './redis';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One shared Redis connection for rate limits and readiness checks. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      // Connected before the app serves requests: the client fails fast rather than queueing commands.
      useFactory: async (config: AppConfig) => {
        const redis = new IORedis({ ...redisOptions(config), keyPrefix: `${config.QUEUE_PREFIX}:`, lazyConnect: true });
        // Without a listener ioredis prints every failed reconnection while Redis is away; /health/ready says it is.
        redis.on('error', warnOnRedisError(new Logger('Redis'), 'Shared Redis connection'));
        await redis.connect().catch((error: Error) => new Logger('Redis').warn(`Redis is not reachable yet (${error.message}); retrying`));
        return redis;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
