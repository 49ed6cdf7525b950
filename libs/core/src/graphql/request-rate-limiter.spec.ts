import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ConfigError, loadConfig } from '../config/app-config';
import { RequestRateLimiter } from './request-rate-limiter';

/** A Redis client whose every command fails, as while Redis is down. */
function unreachableRedis(): Redis {
  const down = () => Promise.reject(new Error('Connection is closed.'));
  return { defineCommand: () => undefined, graphqlSlidingWindow: down } as unknown as Redis;
}

describe('RequestRateLimiter', () => {
  it('counts a signed-in client by account and anyone else by address, an IPv6 /64 as one', () => {
    expect(RequestRateLimiter.clientKey('u-1', '203.0.113.7')).toBe('account:u-1');
    expect(RequestRateLimiter.clientKey(null, '203.0.113.7')).toBe('address:203.0.113.7');
    expect(RequestRateLimiter.clientKey(null, '2001:db8:1:2::1')).toBe(RequestRateLimiter.clientKey(undefined, '2001:db8:1:2:ffff::9'));
    expect(RequestRateLimiter.clientKey(null, '2001:db8:1:2::1')).not.toBe(RequestRateLimiter.clientKey(null, '2001:db8:1:3::1'));
  });

  it('lets every request through while Redis is unreachable, and says so in the log once, not per request', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const limiter = new RequestRateLimiter(unreachableRedis(), loadConfig({ GRAPHQL_RATE_MAX_REQUESTS: '1', GRAPHQL_RATE_MAX_COST: '10000' }));
      for (let i = 0; i < 3; i++) {
        expect(await limiter.admitRequest('address:203.0.113.7')).toMatchObject({ allowed: true });
        expect(await limiter.chargeCost('address:203.0.113.7', 5000)).toMatchObject({ allowed: true });
      }
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toMatch(/rate limit unavailable.*Connection is closed/);
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses a cost budget smaller than the largest query allowed, which could then never run', () => {
    expect(() => loadConfig({ GRAPHQL_MAX_COMPLEXITY: '10000', GRAPHQL_RATE_MAX_COST: '9999' })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAPHQL_MAX_COMPLEXITY: '10000', GRAPHQL_RATE_MAX_COST: '9999' })).toThrow(/GRAPHQL_RATE_MAX_COST: must be at least GRAPHQL_MAX_COMPLEXITY/);
    expect(loadConfig({ GRAPHQL_MAX_COMPLEXITY: '10000', GRAPHQL_RATE_MAX_COST: '10000' }).GRAPHQL_RATE_MAX_COST).toBe(10000);
  });
});
