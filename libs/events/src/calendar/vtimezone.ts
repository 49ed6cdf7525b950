import { zoneAbbreviation } from '@app/rules';
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

const DAY_MS = 86_400_000;

/** ±HHMM, as iCalendar writes a UTC offset given in minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The instants in [from, to) at which the zone's offset changes, found day by day and then to the second. */
export function offsetTransitions(zone: IANAZone, from: number, to: number): number[] {
  const found: number[] = [];
  for (let t = from; t < to; t += DAY_MS) {
    const next = Math.min(t + DAY_MS, to);
    if (zone.offset(t) === zone.offset(next)) continue;
    let lo = t;
    let hi = next;
    // The offset at lo is the old one and at hi the new one: narrow to the first second of the new.
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (zone.offset(mid) === zone.offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/**
 * A VTIMEZONE for `zoneName` covering the years given (RFC 5545 §3.6.5): one
 * observance from the first of January of `fromYear`, then one per change of
 * offset, each with the wall-clock time it begins at (in the offset it
 * replaces). Built from the runtime's time-zone data, so it says exactly what
 * the rest of the platform computes. Null for a zone the runtime does not know.
 */
export function vtimezone(zoneName: string, fromYear: number, toYear: number): string | null {
  if (!IANAZone.isValidZone(zoneName)) return null;
  const zone = IANAZone.create(zoneName);
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear + 1, 0, 1);
  const observance = (at: number, fromOffset: number, toOffset: number) => {
    const inZone = DateTime.fromMillis(at, { zone });
    const kind = inZone.isInDST ? 'DAYLIGHT' : 'STANDARD';
    // KST, GMT, BST as everywhere else on the platform; other zones as the runtime abbreviates them.
    const name = zoneAbbreviation(zoneName, at) ?? inZone.setLocale('en-GB').toFormat('ZZZZ');
    const wallClock = DateTime.fromMillis(at, { zone: FixedOffsetZone.instance(fromOffset) }).toFormat("yyyyMMdd'T'HHmmss");
    return [
      `BEGIN:${kind}`,
      `DTSTART:${wallClock}`,
      `TZOFFSETFROM:${offsetText(fromOffset)}`,
      `TZOFFSETTO:${offsetText(toOffset)}`,
      `TZNAME:${name}`,
      `END:${kind}`,
    ];
  };
  const first = zone.offset(from);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zoneName}`, ...observance(from, first, first)];
  for (const at of offsetTransitions(zone, from, to)) lines.push(...observance(at, zone.offset(at - 1000), zone.offset(at)));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
