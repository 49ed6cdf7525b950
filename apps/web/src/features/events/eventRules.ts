import { EVENT_LIMITS, eventShapeRules } from '@app/rules';
import type { EventFormat, EventKind } from '../../gql/graphql';
import type { Language } from '../../i18n';

export const KINDS: EventKind[] = ['SEMINAR', 'WORKSHOP', 'FORUM', 'ANNUAL_SHOWCASE', 'OTHER'];
export const FORMATS: EventFormat[] = ['IN_PERSON', 'ONLINE', 'HYBRID'];

/** What the organiser's form keeps (in sessionStorage, through useDraft): times as local date-times in the event's zone. */
export interface EventDraft {
  titleEn: string;
  titleKo: string;
  descriptionEn: string;
  descriptionKo: string;
  kind: EventKind;
  format: EventFormat;
  venue: string;
  joinUrl: string;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  capacity: string;
  opensLocal: string;
  closesLocal: string;
  sectors: string[];
  workspaceId: string;
}

/** A calendar file's address in the page's language: the API writes the file in the `lang` it is asked for (else in the browser's Accept-Language). */
export function calendarIn(url: string, language: Language): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${language}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** How far `zone`'s clocks are ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "2027-06-03T18:00" read on the clocks of `zone` → the instant (ISO, UTC); null when not a date-time. */
export function localToInstant(local: string, zone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  try {
    let guess = wall - offsetAt(wall, zone);
    guess = wall - offsetAt(guess, zone);
    return new Date(guess).toISOString();
  } catch {
    return null;
  }
}

/** An instant as the clocks of `zone` read it, for a datetime-local input. */
export function instantToLocal(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  try {
    const local = new Date(instant + offsetAt(instant, zone));
    return local.toISOString().slice(0, 16);
  } catch {
    return '';
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return !!zone;
  } catch {
    return false;
  }
}

export type ProblemKey =
  | 'titleNeeded'
  | 'titleTooLong'
  | 'descriptionTooLong'
  | 'venueNeeded'
  | 'venueTooLong'
  | 'joinUrlNeeded'
  | 'joinUrlInvalid'
  | 'startNeeded'
  | 'startPast'
  | 'endNeeded'
  | 'endBeforeStart'
  | 'timeZoneInvalid'
  | 'capacityRange'
  | 'closesAfterEnd'
  | 'opensAfterCloses'
  | 'opensAfterStart'
  | 'tooManySectors';

export type DraftField = 'title' | 'description' | 'venue' | 'joinUrl' | 'startsAt' | 'endsAt' | 'timeZone' | 'capacity' | 'registrationOpensAt' | 'registrationClosesAt' | 'sectors' | 'workspaceId';

/**
 * The API's rules for an event (CreateEventInput, UpdateEventInput and the
 * event rules), checked as the organiser types: each problem by the input
 * field the API would name. `startChanged` is false for an edit that keeps the
 * start: an event that has begun may still get a new description.
 */
export function draftProblems(draft: EventDraft, now: number, startChanged = true): Partial<Record<DraftField, ProblemKey>> {
  const out: Partial<Record<DraftField, ProblemKey>> = {};
  const en = draft.titleEn.trim();
  const ko = draft.titleKo.trim();
  if (!en && !ko) out.title = 'titleNeeded';
  else if (en.length > EVENT_LIMITS.title || ko.length > EVENT_LIMITS.title) out.title = 'titleTooLong';
  if (draft.descriptionEn.length > EVENT_LIMITS.description || draft.descriptionKo.length > EVENT_LIMITS.description) out.description = 'descriptionTooLong';
  const venue = draft.venue.trim();
  const joinUrl = draft.joinUrl.trim();
  const zoneOk = isTimeZone(draft.timeZone);
  if (!zoneOk) out.timeZone = 'timeZoneInvalid';
  const zone = zoneOk ? draft.timeZone : 'UTC';
  const instant = (local: string) => {
    const iso = localToInstant(local, zone);
    return iso ? Date.parse(iso) : null;
  };
  const starts = instant(draft.startsLocal);
  const ends = instant(draft.endsLocal);
  if (starts === null) out.startsAt = 'startNeeded';
  if (ends === null) out.endsAt = 'endNeeded';
  // The API's own rules (libs/rules), by the field it names.
  const shape = { format: draft.format, venue, joinUrl, startsAt: starts, endsAt: ends, registrationOpensAt: instant(draft.opensLocal), registrationClosesAt: instant(draft.closesLocal) };
  for (const { field, rule } of eventShapeRules(shape, now, startChanged)) out[field] ??= rule;
  if (!out.venue && venue.length > EVENT_LIMITS.venue) out.venue = 'venueTooLong';
  if (!out.joinUrl && joinUrl && !/^https?:\/\/[^\s/]+\S*$/i.test(joinUrl)) out.joinUrl = 'joinUrlInvalid';
  const capacity = draft.capacity.trim();
  if (capacity && !(/^\d+$/.test(capacity) && +capacity >= 1 && +capacity <= EVENT_LIMITS.capacity)) out.capacity = 'capacityRange';
  if (draft.sectors.length > EVENT_LIMITS.sectors) out.sectors = 'tooManySectors';
  return out;
}
