import { ConfigError, loadConfig } from '@app/core';
import { addressDelayMs } from './sign-in-rate-limiter';

describe('addressDelayMs', () => {
  it('is nothing up to the free failures, then doubles from 250 ms to the cap', () => {
    expect([0, 5, 19].map((f) => addressDelayMs(f, 20, 3000))).toEqual([0, 0, 0]);
    expect([20, 21, 22, 23, 24, 25, 500].map((f) => addressDelayMs(f, 20, 3000))).toEqual([250, 500, 1000, 2000, 3000, 3000, 3000]);
  });

  it('never waits with a cap of zero, and starts at once with no free failures', () => {
    expect(addressDelayMs(50, 20, 0)).toBe(0);
    expect(addressDelayMs(0, 0, 3000)).toBe(250);
  });
});

describe('the sign-in limits in the configuration', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig({ NODE_ENV: 'test', ...env });
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('refuses a per-(address, account) limit that is not below the per-account limit, naming both variables', () => {
    // Equal or above: failures from one address alone would spend the account's whole budget and lock its owner out everywhere.
    for (const [perAccount, perPair] of [['10', '10'], ['3', '5'], ['1', '1']]) {
      const problems = problemsOf({ SIGNIN_MAX_PER_ACCOUNT: perAccount, SIGNIN_MAX_PER_ADDRESS_ACCOUNT: perPair });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^SIGNIN_MAX_PER_ADDRESS_ACCOUNT: .*below SIGNIN_MAX_PER_ACCOUNT/);
      expect(problems[0]).toContain(`(${perAccount})`);
      expect(problems[0]).toContain(`(got ${perPair})`);
    }
  });

  it('takes the defaults and any per-(address, account) limit below the per-account one', () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ SIGNIN_MAX_PER_ACCOUNT: '4', SIGNIN_MAX_PER_ADDRESS_ACCOUNT: '3' })).toEqual([]);
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.SIGNIN_MAX_PER_ADDRESS_ACCOUNT).toBeLessThan(config.SIGNIN_MAX_PER_ACCOUNT);
  });

  it('reports an unreadable limit as itself, not as a comparison', () => {
    const problems = problemsOf({ SIGNIN_MAX_PER_ACCOUNT: 'ten' });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith('SIGNIN_MAX_PER_ACCOUNT: '))).toBe(true);
  });
});
