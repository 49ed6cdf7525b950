import { DigestFrequency } from './workspace-follow.entity';
import { latestDigestBoundary, nextDigestBoundary } from './digest-schedule';

const EIGHT = { hour: 8, minute: 0 };

describe('digest schedule', () => {
  it('daily digests go out at the local hour, before and after London changes its clocks', () => {
    // 29 March 2026: London moves from GMT to BST at 01:00 UTC.
    const before = new Date('2026-03-28T12:00:00Z');
    expect(nextDigestBoundary(before, 'Europe/London', DigestFrequency.DAILY, EIGHT).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(latestDigestBoundary(before, 'Europe/London', DigestFrequency.DAILY, EIGHT).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(nextDigestBoundary(new Date('2026-03-29T07:00:00Z'), 'Europe/London', DigestFrequency.DAILY, EIGHT).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('weekly digests go out on Monday mornings in the reader’s zone', () => {
    // Wednesday 25 November 2026.
    const now = new Date('2026-11-25T10:00:00Z');
    expect(latestDigestBoundary(now, 'Asia/Seoul', DigestFrequency.WEEKLY, EIGHT).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(nextDigestBoundary(now, 'Asia/Seoul', DigestFrequency.WEEKLY, EIGHT).toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(latestDigestBoundary(now, 'Europe/London', DigestFrequency.WEEKLY, EIGHT).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    // At the boundary itself, it is the latest one.
    const monday = new Date('2026-11-23T08:00:00Z');
    expect(latestDigestBoundary(monday, 'Europe/London', DigestFrequency.WEEKLY, EIGHT).toISOString()).toBe(monday.toISOString());
    expect(nextDigestBoundary(monday, 'Europe/London', DigestFrequency.WEEKLY, EIGHT).toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });

  it('a minute past the hour is kept, in the reader’s zone and across a clock change', () => {
    const time = { hour: 7, minute: 45 };
    expect(nextDigestBoundary(new Date('2026-03-28T12:00:00Z'), 'Europe/London', DigestFrequency.DAILY, time).toISOString()).toBe('2026-03-29T06:45:00.000Z');
    expect(latestDigestBoundary(new Date('2026-11-25T10:00:00Z'), 'Asia/Seoul', DigestFrequency.DAILY, time).toISOString()).toBe('2026-11-24T22:45:00.000Z');
    // A minute before the boundary, the latest is the day before's.
    expect(latestDigestBoundary(new Date('2026-11-25T07:44:00Z'), 'Europe/London', DigestFrequency.DAILY, time).toISOString()).toBe('2026-11-24T07:45:00.000Z');
  });

  it('the next boundary is after the moment given and within a day and an hour, minute by minute across both of London’s clock changes', () => {
    for (const [from, to] of [
      ['2026-03-28T22:00:00Z', '2026-03-29T04:00:00Z'],
      ['2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z'],
    ]) {
      for (const time of [{ hour: 0, minute: 30 }, { hour: 1, minute: 0 }, { hour: 1, minute: 30 }, { hour: 2, minute: 15 }]) {
        for (let at = Date.parse(from); at < Date.parse(to); at += 60_000) {
          const next = nextDigestBoundary(new Date(at), 'Europe/London', DigestFrequency.DAILY, time);
          expect(next.getTime()).toBeGreaterThan(at);
          // Within a day and an hour (a day, and the hour a clock change adds).
          expect(next.getTime() - at).toBeLessThanOrEqual(25 * 3_600_000);
        }
      }
    }
  });
});
