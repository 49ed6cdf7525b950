import ical, { escape, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime, IANAZone } from 'luxon';
import { pick, type Bilingual, type Language } from '@app/core';
import { formatSpan } from '@app/rules';
import { vtimezone } from './vtimezone';

/** One event as a calendar shows it. */
export interface CalendarEntry {
  id: string;
  kind: string;
  title: Bilingual;
  description: Bilingual;
  startsAt: Date;
  endsAt: Date;
  /** The zone it takes place in: the entry is written in it (DTSTART;TZID=…) with its VTIMEZONE. */
  timeZone: string;
  venue: string | null;
  /** Only in a person's own feed, for events they hold a place at. */
  joinUrl?: string | null;
  cancelled: boolean;
  /** On someone's waiting list: shown as tentative. */
  waitlisted?: boolean;
  /** Moves with every edit, so subscribed calendars take the change. */
  version: number;
  updatedAt: Date;
}

export interface CalendarOptions {
  /** The calendar's name (NAME, X-WR-CALNAME), already in `language`. */
  name: string;
  /** The one language the calendar is written in: titles, descriptions, when each event is, the labels. */
  language: Language;
  /** Links back to `${publicUrl}/events/{id}`; also the host of each entry's UID. */
  publicUrl: string;
  /** The calendar's own zone (X-WR-TIMEZONE); each entry still carries its event's zone. */
  timeZone: string;
  entries: CalendarEntry[];
  /** How often subscribers should fetch the feed again. */
  refreshSeconds?: number;
}

/** Characters no iCalendar TEXT value may hold (RFC 5545 §3.3.11): C0 controls other than tab and line breaks, DEL, C1 controls. */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * People's text made fit for an iCalendar TEXT value: every line break (CR,
 * LF or CRLF) becomes one LF, which is then written as the escape `\n`, and
 * other control characters are dropped. Escaping itself is the writer's job:
 * ical-generator escapes SUMMARY, DESCRIPTION, LOCATION and CATEGORIES;
 * `calendarProperty` does it for what the library writes as given.
 */
export function calendarText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(NOT_TEXT, '');
}

/**
 * A TEXT value escaped as RFC 5545 says (backslash, semicolon, comma, line
 * breaks), with the library's own escaping, for the calendar's NAME and
 * X-WR-CALNAME: ical-generator 11 writes those as given, so a name holding a
 * line break would otherwise start a property of its own.
 */
export function calendarProperty(value: string): string {
  return escape(calendarText(value), false);
}

/** The words a calendar adds to people's text, in each language. */
const LABELS = {
  en: { waitlisted: '[Waiting list]', join: 'Join' },
  ko: { waitlisted: '[대기자 명단]', join: '참여 링크' },
} as const;

/** The title in the language (the other language's when the event has only one), marked when the person is waiting for a place. */
export function calendarSummary(title: Bilingual, language: Language, waitlisted = false): string {
  const text = pick(title, language);
  return waitlisted ? `${LABELS[language].waitlisted} ${text}` : text;
}

/**
 * An iCalendar document (RFC 5545) of events: each with a stable UID, its
 * sequence, its start and end in the event's own zone (with a VTIMEZONE for
 * every zone used), and, in the calendar's one language, the title as
 * summary and in the description when it is (on the clocks where it takes
 * place, the zone named), the event's description and the joining link, then
 * a URL back to the event's page. A title or description written only in the
 * other language is given as written. Every text that comes from people (titles,
 * descriptions, venues, the calendar's name) is cleaned
 * with `calendarText` and escaped exactly once; the library folds every line
 * at 75 octets without splitting a UTF-8 sequence.
 */
export function buildCalendar(options: CalendarOptions): string {
  const { language } = options;
  const host = new URL(options.publicUrl).host;
  const years = options.entries.flatMap((e) => [e.startsAt.getUTCFullYear(), e.endsAt.getUTCFullYear()]);
  const fromYear = Math.min(...years, new Date().getUTCFullYear()) - 1;
  const toYear = Math.max(...years, new Date().getUTCFullYear()) + 1;
  const calendar = ical({
    name: calendarProperty(options.name),
    prodId: { company: 'Innovation Twins', product: 'Programme events', language: options.language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: options.refreshSeconds ?? 3600,
    // A hint for apps that show floating times; every entry names its own zone.
    x: { 'X-WR-TIMEZONE': options.timeZone },
  });
  // No calendar-wide zone name: the library would then write DTSTAMP in local time. The generator
  // still writes a VTIMEZONE for each zone the entries use.
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) });
  for (const entry of options.entries) {
    // The zone is checked on input; one the runtime does not know would have no VTIMEZONE, so it is written in UTC.
    const zone = IANAZone.isValidZone(entry.timeZone) ? entry.timeZone : 'UTC';
    const url = `${options.publicUrl}/events/${entry.id}`;
    const description = [
      // When, on the clocks where it takes place, the zone named (calendar apps show their own zone).
      formatSpan(entry.startsAt, entry.endsAt, zone, language),
      pick(entry.description, language),
      entry.joinUrl ? `${LABELS[language].join}: ${entry.joinUrl}` : null,
      url,
    ].filter(Boolean);
    calendar.createEvent({
      id: `${entry.id}@${host}`,
      sequence: entry.version,
      start: DateTime.fromJSDate(entry.startsAt, { zone }),
      end: DateTime.fromJSDate(entry.endsAt, { zone }),
      timezone: zone,
      stamp: entry.updatedAt,
      lastModified: entry.updatedAt,
      summary: calendarText(calendarSummary(entry.title, language, entry.waitlisted)),
      description: calendarText(description.join('\n\n')),
      location: entry.venue ? calendarText(entry.venue) : entry.joinUrl ? calendarText(entry.joinUrl) : null,
      url,
      categories: [{ name: entry.kind }],
      status: entry.cancelled ? ICalEventStatus.CANCELLED : entry.waitlisted ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
