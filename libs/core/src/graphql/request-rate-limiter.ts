import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../queue/redis.module';
import { SlidingWindowLimiter } from './sliding-window-limiter';

export type { RateDecision } from './sliding-window-limiter';

/**
 * The platform's request limit (SlidingWindowLimiter, which says how it
 * counts) with its configuration: GRAPHQL_RATE_WINDOW_SECONDS,
 * GRAPHQL_RATE_MAX_REQUESTS and GRAPHQL_RATE_MAX_COST, warnings in its log.
 */
@Injectable()
export class RequestRateLimiter extends SlidingWindowLimiter {
  constructor(@Inject(REDIS) redis: Redis, @Inject(AppConfig) config: AppConfig) {
    const logger = new Logger('RequestRateLimiter');
    super(
      redis,
      { windowSeconds: config.GRAPHQL_RATE_WINDOW_SECONDS, maxRequests: config.GRAPHQL_RATE_MAX_REQUESTS, maxCost: config.GRAPHQL_RATE_MAX_COST },
      (message) => logger.warn(message),
    );
  }
}
