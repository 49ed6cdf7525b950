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
