import { DateTime } from 'luxon';
import { DigestFrequency } from './workspace-follow.entity';

/**
 * Digests go out at a local hour of the reader's own zone: every day
 * (DAILY) or on Mondays (WEEKLY). Arithmetic is in local time, so the hour
 * holds across daylight-saving changes.
 */
export function latestDigestBoundary(now: Date, timeZone: string, frequency: DigestFrequency, hour: number): Date {
  let boundary = DateTime.fromJSDate(now, { zone: timeZone }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (frequency === DigestFrequency.WEEKLY) boundary = boundary.set({ weekday: 1 });
  if (boundary.toMillis() > now.getTime()) boundary = boundary.minus(frequency === DigestFrequency.WEEKLY ? { weeks: 1 } : { days: 1 });
  return boundary.toJSDate();
}

/** The first boundary strictly after `after`. */
export function nextDigestBoundary(after: Date, timeZone: string, frequency: DigestFrequency, hour: number): Date {
  const latest = DateTime.fromJSDate(latestDigestBoundary(after, timeZone, frequency, hour), { zone: timeZone });
  return latest.plus(frequency === DigestFrequency.WEEKLY ? { weeks: 1 } : { days: 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
