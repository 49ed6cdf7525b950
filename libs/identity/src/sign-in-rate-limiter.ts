import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, RateLimitedError, REDIS } from '@app/core';

/**
 * Failed sign-ins are counted per account (the email tried) and per client
 * address, in Redis so every API instance shares the counts. Past either
 * limit, sign-in is refused until the window passes, with the same answer
 * whether or not the account exists. A success clears the account's count.
 */
@Injectable()
export class SignInRateLimiter {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(AppConfig) config: AppConfig) {
    const common = { storeClient: redis, duration: config.SIGNIN_RATE_WINDOW_SECONDS, useRedisPackage: false };
    this.perAccount = new RateLimiterRedis({ ...common, keyPrefix: 'signin:account', points: config.SIGNIN_MAX_PER_ACCOUNT });
    this.perAddress = new RateLimiterRedis({ ...common, keyPrefix: 'signin:address', points: config.SIGNIN_MAX_PER_ADDRESS });
  }

  /** Throws RATE_LIMITED when either counter is spent. */
  async check(email: string, address: string): Promise<void> {
    const [account, ip] = await Promise.all([this.perAccount.get(email), this.perAddress.get(address)]);
    const blocked = [
      { res: account, limiter: this.perAccount },
      { res: ip, limiter: this.perAddress },
    ].filter(({ res, limiter }) => res && res.consumedPoints >= limiter.points);
    if (blocked.length > 0) {
      throw new RateLimitedError(Math.max(...blocked.map(({ res }) => (res as RateLimiterRes).msBeforeNext / 1000)));
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.perAccount.penalty(email, 1),
      this.perAddress.penalty(address, 1),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}
