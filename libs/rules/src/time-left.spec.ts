import { durationText, timeLeft } from './time-left';

const AT = new Date('2026-03-29T14:00:00.000Z');
const before = (ms: number) => new Date(AT.getTime() - ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('timeLeft', () => {
  it.each([
    ['ten days', 10 * DAY, { unit: 'days', count: 10 }],
    ['three days less a minute', 3 * DAY - MINUTE, { unit: 'days', count: 2 }],
    ['48 hours exactly', 2 * DAY, { unit: 'days', count: 2 }],
    ['48 hours less a second', 2 * DAY - 1000, { unit: 'hours', count: 47 }],
    ['a day less a minute', DAY - MINUTE, { unit: 'hours', count: 23 }],
    ['18 and a half hours', 18.5 * HOUR, { unit: 'hours', count: 18 }],
    ['an hour exactly', HOUR, { unit: 'hours', count: 1 }],
    ['59 minutes', 59 * MINUTE, { unit: 'underAnHour' }],
    ['a second', 1000, { unit: 'underAnHour' }],
    ['nothing', 0, { unit: 'passed' }],
    ['an hour past', -HOUR, { unit: 'passed' }],
  ] as const)('%s before', (_, ms, expected) => {
    expect(timeLeft(AT, before(ms))).toEqual(expected);
  });

  it('takes ISO strings, as the outbox stores times', () => {
    expect(timeLeft(AT.toISOString(), before(30 * HOUR).toISOString())).toEqual({ unit: 'hours', count: 30 });
  });

  it('refuses what is not a time rather than say NaN hours', () => {
    expect(() => timeLeft('not a time', AT)).toThrow(RangeError);
  });
});

describe('durationText', () => {
  it.each([
    [{ unit: 'days', count: 2 }, '2 days', '이틀'],
    [{ unit: 'days', count: 1 }, '1 day', '하루'],
    [{ unit: 'days', count: 3 }, '3 days', '3일'],
    [{ unit: 'days', count: 1200 }, '1,200 days', '1,200일'],
    [{ unit: 'hours', count: 1 }, '1 hour', '1시간'],
    [{ unit: 'hours', count: 18 }, '18 hours', '18시간'],
  ] as const)('%j: %s, %s', (left, en, ko) => {
    expect(durationText(left, 'en')).toBe(en);
    expect(durationText(left, 'ko')).toBe(ko);
  });
});
