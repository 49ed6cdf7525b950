import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, clientAddressKey, RateLimitedError, REDIS } from '@app/core';

/** The first delay once an address is past its free failures; each further failure doubles it. */
const FIRST_ADDRESS_DELAY_MS = 250;

/**
 * How long an attempt from an address waits before its password is checked,
 * given the failures already counted from that address in the window: none
 * up to `delayAfter`, then 250 ms doubling with each further failure, never
 * more than `maxDelayMs`.
 */
export function addressDelayMs(failuresBefore: number, delayAfter: number, maxDelayMs: number): number {
  if (failuresBefore < delayAfter) return 0;
  return Math.min(maxDelayMs, FIRST_ADDRESS_DELAY_MS * 2 ** Math.min(failuresBefore - delayAfter, 20));
}

/**
 * Failed sign-ins are counted in Redis (every API instance shares the counts)
 * under three keys, following OWASP's advice to throttle rather than lock out
 * everyone behind an address:
 * - the account, from any address: stops guessing one account from many
 *   addresses (SIGNIN_MAX_PER_ACCOUNT);
 * - the account from one client address: stops one address guessing one
 *   account, so an attacker alone cannot lock the account for its owner
 *   elsewhere (SIGNIN_MAX_PER_ADDRESS_ACCOUNT);
 * - the client address over all accounts: a high ceiling that stops one
 *   address spraying many accounts (SIGNIN_MAX_PER_ADDRESS). Below it nobody
 *   is refused for other people's failures from the same address (an office,
 *   a council behind one NAT); past SIGNIN_ADDRESS_DELAY_AFTER failures each
 *   attempt from it waits a short, growing delay on the server instead.
 * Client addresses are keyed by clientAddressKey: an IPv6 /64 is one address,
 * loopback one machine. An attempt is counted before the password is checked,
 * atomically, so parallel guesses cannot slip past a limit; an attempt refused
 * by one limit is given back to the others (it checked no password, so it is
 * no failure), and a success gives its attempt back and forgives the
 * account's failures. Refusals are alike whether or not the account exists.
 */
@Injectable()
export class SignInRateLimiter {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddressAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    const common = { storeClient: redis, duration: config.SIGNIN_RATE_WINDOW_SECONDS, useRedisPackage: false };
    this.perAccount = new RateLimiterRedis({ ...common, keyPrefix: 'signin:account', points: config.SIGNIN_MAX_PER_ACCOUNT });
    this.perAddressAccount = new RateLimiterRedis({ ...common, keyPrefix: 'signin:address-account', points: config.SIGNIN_MAX_PER_ADDRESS_ACCOUNT });
    this.perAddress = new RateLimiterRedis({ ...common, keyPrefix: 'signin:address', points: config.SIGNIN_MAX_PER_ADDRESS });
  }

  /**
   * Counts one attempt on `email` from the client address `ip`; throws
   * RATE_LIMITED when a limit is spent, and waits the address's delay, if
   * any, before returning.
   */
  async consume(email: string, ip: string): Promise<void> {
    const { address, pair } = keys(email, ip);
    await take(this.perAddressAccount, pair);
    try {
      await take(this.perAccount, email);
    } catch (error) {
      await this.perAddressAccount.reward(pair, 1);
      throw error;
    }
    let counted: RateLimiterRes;
    try {
      counted = await take(this.perAddress, address);
    } catch (error) {
      await Promise.all([this.perAddressAccount.reward(pair, 1), this.perAccount.reward(email, 1)]);
      throw error;
    }
    const delay = addressDelayMs(counted.consumedPoints - 1, this.config.SIGNIN_ADDRESS_DELAY_AFTER, this.config.SIGNIN_ADDRESS_MAX_DELAY_MS);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  /** A correct password: the attempt does not count, and the account's earlier failures are forgiven. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    const { address, pair } = keys(email, ip);
    await Promise.all([this.perAccount.delete(email), this.perAddressAccount.delete(pair), this.perAddress.reward(address, 1)]);
  }
}

function keys(email: string, ip: string): { address: string; pair: string } {
  const address = clientAddressKey(ip);
  return { address, pair: `${address}|${email}` };
}

/** One point from `limiter`; RATE_LIMITED, saying when to try again, when it is spent. */
async function take(limiter: RateLimiterRedis, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(error.msBeforeNext / 1000, { en: 'Too many sign-in attempts', ko: '로그인 시도가 너무 많습니다' });
    throw error;
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
