import { DateTime } from 'luxon';
import { DigestFrequency } from './workspace-follow.entity';

/** The local time of day digests go out: DIGEST_HOUR and DIGEST_MINUTE. */
export interface DigestTime {
  hour: number;
  minute: number;
}

/**
 * Digests go out at a local time of day of the reader's own zone: every day
 * (DAILY) or on Mondays (WEEKLY). Arithmetic is in local time, so the time
 * holds across daylight-saving changes.
 */
export function latestDigestBoundary(now: Date, timeZone: string, frequency: DigestFrequency, { hour, minute }: DigestTime): Date {
  let boundary = DateTime.fromJSDate(now, { zone: timeZone }).set({ hour, minute, second: 0, millisecond: 0 });
  if (frequency === DigestFrequency.WEEKLY) boundary = boundary.set({ weekday: 1 });
  if (boundary.toMillis() > now.getTime()) boundary = boundary.minus(frequency === DigestFrequency.WEEKLY ? { weeks: 1 } : { days: 1 });
  return boundary.toJSDate();
}

/**
 * The first boundary strictly after `after`. In the hour a clock repeats when it goes back, the local
 * time names two instants and luxon takes the earlier: a period further on, then, until it is after.
 */
export function nextDigestBoundary(after: Date, timeZone: string, frequency: DigestFrequency, time: DigestTime): Date {
  const period = frequency === DigestFrequency.WEEKLY ? { weeks: 1 } : { days: 1 };
  let next = DateTime.fromJSDate(latestDigestBoundary(after, timeZone, frequency, time), { zone: timeZone });
  do next = next.plus(period).set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
  while (next.toMillis() <= after.getTime());
  return next.toJSDate();
}
