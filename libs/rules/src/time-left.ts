const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long is left until a moment, as a reminder says it, rounded down so it
 * never promises more time than there is: from 48 hours, whole days (71 hours
 * 59 minutes is 2 days); from an hour, whole hours (1 to 47); then "less than
 * an hour"; and once the moment has come, that it has passed.
 */
export type TimeLeft = { unit: 'days' | 'hours'; count: number } | { unit: 'underAnHour' } | { unit: 'passed' };

export function timeLeft(until: Date | string | number, now: Date | string | number): TimeLeft {
  const left = new Date(until).getTime() - new Date(now).getTime();
  if (Number.isNaN(left)) throw new RangeError(`timeLeft: not a time (${String(until)}, ${String(now)})`);
  if (left <= 0) return { unit: 'passed' };
  if (left < HOUR_MS) return { unit: 'underAnHour' };
  if (left < 2 * DAY_MS) return { unit: 'hours', count: Math.floor(left / HOUR_MS) };
  return { unit: 'days', count: Math.floor(left / DAY_MS) };
}

/** Korean counts days in its own words up to two (하루, 이틀), then as 3일: 사흘 and beyond are misread too often. */
const KOREAN_DAYS: Record<number, string> = { 1: '하루', 2: '이틀' };

/**
 * The days or hours of a time left as a count with its unit, for a sentence of
 * the language to hold: "2 days", "1 hour", "18 hours"; "이틀", "3일", "18시간".
 */
export function durationText(left: { unit: 'days' | 'hours'; count: number }, language: 'en' | 'ko'): string {
  const { unit, count } = left;
  const number = count.toLocaleString(language === 'ko' ? 'ko-KR' : 'en-GB');
  if (language === 'ko') return unit === 'days' ? (KOREAN_DAYS[count] ?? `${number}일`) : `${number}시간`;
  const noun = unit === 'days' ? 'day' : 'hour';
  return `${number} ${count === 1 ? noun : `${noun}s`}`;
}
