import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, RateLimitedError, REDIS } from '@app/core';

/**
 * Sign-in attempts are counted per account (the email tried) and per client
 * address, in Redis so every API instance shares the counts. An attempt is
 * counted before the password is checked, atomically, so parallel guesses
 * cannot slip past the limit; a success gives the attempt back. Past either
 * limit sign-in is refused until the window passes, with the same answer
 * whether or not the account exists.
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

  /** Counts one attempt against both limits; throws RATE_LIMITED when either is spent. */
  async consume(email: string, address: string): Promise<void> {
    const results = await Promise.allSettled([this.perAccount.consume(email), this.perAddress.consume(address)]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    if (refused.length === 0) return;
    const limited = refused.filter((r): r is RateLimiterRes => r instanceof RateLimiterRes);
    if (limited.length < refused.length) throw refused.find((r) => !(r instanceof RateLimiterRes));
    throw new RateLimitedError(Math.max(...limited.map((r) => r.msBeforeNext / 1000)));
  }

  /** A correct password: the attempt does not count, and the account's earlier failures are forgiven. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.delete(email), this.perAddress.reward(address, 1)]);
  }
}

/**
 * Account emails anyone can trigger (reset links, "you already have an
 * account", new confirmation links) are capped per address, so the platform
 * cannot be used to flood someone's inbox. Over the cap the request is
 * answered as usual and no email is sent.
 */
@Injectable()
export class AccountEmailLimiter {
  private readonly logger = new Logger(AccountEmailLimiter.name);
  private readonly perRecipient: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(AppConfig) config: AppConfig) {
    this.perRecipient = new RateLimiterRedis({
      storeClient: redis,
      useRedisPackage: false,
      keyPrefix: 'account-email',
      points: config.ACCOUNT_EMAILS_PER_HOUR,
      duration: 3600,
    });
  }

  /**
   * True when another email may go to this address now. While Redis is
   * unreachable the email goes (a reset link must not silently vanish), and
   * every address is answered alike, so an outage reveals no account.
   */
  async allow(email: string): Promise<boolean> {
    try {
      await this.perRecipient.consume(email);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      this.logger.warn(`Account email limit unavailable, sending anyway: ${(error as Error).message}`);
      return true;
    }
  }
}
