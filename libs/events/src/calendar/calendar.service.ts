import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AppConfig, Clock, isUuid, LANGUAGES, type Language, pick, requestLanguage } from '@app/core';
import { PLATFORM_NAME } from '@app/notifications';
import { PUBLIC_TWINNING_STATUSES, WorkspaceDirectoryService } from '@app/twinning';
import { EventRegistration, RegistrationStatus } from '../entities/event-registration.entity';
import { EventStatus, ProgrammeEvent } from '../entities/programme-event.entity';
import { isPublic } from '../event-access';
import { EventsService } from '../events.service';
import { CalendarAddressesService } from './calendar-addresses.service';
import { buildCalendar, CalendarEntry } from './ics';

/** Feeds keep this much of the past, so a calendar still shows last month's events. */
const FEED_HISTORY_MS = 90 * 86_400_000;
const FEED_MAX_ENTRIES = 500;

/** What a calendar request says about its language: the `lang` of its query string (en or ko; anything else is ignored) and its Accept-Language. */
export interface CalendarRequest {
  lang?: unknown;
  acceptLanguage?: string | string[];
}

/**
 * The one language a calendar is written in: the `lang` the link asks for
 * (the web app's links and emails carry the reader's), else the owner's for a
 * personal feed (calendar apps fetch without a session, and their
 * Accept-Language is the device's), else Accept-Language's, else English.
 * Links without `lang` keep working.
 */
export function calendarLanguage(request: CalendarRequest, owner?: Language | null): Language {
  const asked = request.lang;
  if (typeof asked === 'string' && (LANGUAGES as readonly string[]).includes(asked)) return asked as Language;
  return owner ?? requestLanguage(request.acceptLanguage);
}

/** The feeds' names (NAME, X-WR-CALNAME), as each language writes them. */
const FEED_NAMES = {
  programme: { en: `${PLATFORM_NAME.en} events`, ko: `${PLATFORM_NAME.ko} 행사` },
  personal: { en: `My ${PLATFORM_NAME.en} events`, ko: `나의 ${PLATFORM_NAME.ko} 행사` },
  event: { en: 'Event', ko: '행사' },
} as const;

const toEntry = (e: ProgrammeEvent, extra: Partial<CalendarEntry> = {}): CalendarEntry => ({
  id: e.id,
  kind: e.kind,
  title: { en: e.titleEn, ko: e.titleKo },
  description: { en: e.descriptionEn, ko: e.descriptionKo },
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  timeZone: e.timeZone,
  venue: e.venue,
  cancelled: e.status === EventStatus.CANCELLED,
  version: e.version,
  updatedAt: e.updatedAt,
  ...extra,
});

/**
 * Calendars: one published event as .ics, and subscribable feeds of the
 * programme, of one workspace, and of one person's registrations (at their
 * calendar address, since calendar apps cannot sign in). Cancelled events stay
 * in the feeds marked CANCELLED, so subscribed calendars drop them. Each is
 * written in one language (calendarLanguage): its name, the titles, the
 * descriptions and when each event is.
 *
 * The public feeds show what GraphQL shows a caller without a token, because
 * a calendar app sends none:
 * - the programme feed lists exactly `events(filter: { statuses: [PUBLISHED,
 *   CANCELLED], from: <90 days ago> })` (the same query, EventsService.visible):
 *   published events, and those cancelled after publication;
 * - a workspace's feed answers only for a workspace whose existence is public:
 *   that of a twinning the public sees (ACTIVE or DORMANT, as `twinning(id)`
 *   and `twinnings` answer, whose `workspaceId` is the only public way to a
 *   workspace's id). The feed is named after that twinning's two cities, which
 *   `twinning(id)` hides (NOT_FOUND) for any other status, so an unknown or
 *   malformed id, and the workspace of a twinning that is not public (CLOSED),
 *   all answer 404 alike. The workspace's own content (`workspace(id)`:
 *   members, feed, projects) is for members only and is never in the feed.
 *   What it lists is exactly `events(filter: { workspaceId, statuses:
 *   [PUBLISHED, CANCELLED], from: <90 days ago> })`, which is public: no draft
 *   and nothing else of the workspace.
 */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly addresses: CalendarAddressesService,
    private readonly workspaces: WorkspaceDirectoryService,
  ) {}

  /** A published event (or one cancelled after publication); null for drafts and unknown ids. */
  async event(id: string, request: CalendarRequest): Promise<string | null> {
    const event = isUuid(id) ? await this.dataSource.getRepository(ProgrammeEvent).findOneBy({ id }) : null;
    if (!event || !isPublic(event)) return null;
    const language = calendarLanguage(request);
    const name = pick({ en: event.titleEn, ko: event.titleKo }, language) || FEED_NAMES.event[language];
    return buildCalendar({ name, language, publicUrl: this.config.PUBLIC_URL, timeZone: event.timeZone, entries: [toEntry(event)] });
  }

  async programme(request: CalendarRequest): Promise<string> {
    const events = await this.publicEvents();
    const language = calendarLanguage(request);
    return buildCalendar({ name: FEED_NAMES.programme[language], language, publicUrl: this.config.PUBLIC_URL, timeZone: 'UTC', entries: events.map((e) => toEntry(e)) });
  }

  /**
   * Null (404) unless the workspace's twinning is public (PUBLIC_TWINNING_STATUSES, the rule
   * TwinningAccessService.canSeeTwinning applies to someone not signed in): see the class comment.
   */
  async workspace(workspaceId: string, request: CalendarRequest): Promise<string | null> {
    if (!isUuid(workspaceId)) return null;
    const [pair] = await this.workspaces.pairNamesOf([workspaceId]);
    if (!pair || !PUBLIC_TWINNING_STATUSES.includes(pair.status)) return null;
    const events = await this.publicEvents(workspaceId);
    const language = calendarLanguage(request);
    return buildCalendar({
      name: language === 'ko' ? `${pair.name.ko} 행사` : `${pair.name.en} events`,
      language,
      publicUrl: this.config.PUBLIC_URL,
      timeZone: 'UTC',
      entries: events.map((e) => toEntry(e)),
    });
  }

  /**
   * The events a person holds a place at (and, as tentative, waits for), in their language unless the
   * address asks for one; null for anything but a current calendar address.
   */
  async user(token: string, request: CalendarRequest): Promise<string | null> {
    const account = await this.addresses.use(token);
    if (!account) return null;
    const { userId } = account;
    const held = await this.dataSource.getRepository(EventRegistration).findBy({ userId, status: In([RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]) });
    const statusOf = new Map(held.map((r) => [r.eventId, r.status]));
    const events = held.length
      ? await this.dataSource
          .getRepository(ProgrammeEvent)
          .createQueryBuilder('e')
          .where('e.id IN (:...ids) AND e.published_at IS NOT NULL AND e.ends_at > :since', { ids: [...statusOf.keys()], since: this.feedSince() })
          .orderBy('e.starts_at', 'ASC')
          .take(FEED_MAX_ENTRIES)
          .getMany()
      : [];
    const entries = events.map((e) => {
      const waitlisted = statusOf.get(e.id) === RegistrationStatus.WAITLISTED;
      return toEntry(e, { waitlisted, joinUrl: waitlisted || e.status === EventStatus.CANCELLED ? null : e.joinUrl });
    });
    const language = calendarLanguage(request, account.language);
    return buildCalendar({ name: FEED_NAMES.personal[language], language, publicUrl: this.config.PUBLIC_URL, timeZone: account.timeZone, entries });
  }

  /** What `events` lists to a caller without a token: published events and those cancelled after publication, soonest first. */
  private publicEvents(workspaceId?: string): Promise<ProgrammeEvent[]> {
    return this.events
      .visible(null, { statuses: [EventStatus.PUBLISHED, EventStatus.CANCELLED], from: this.feedSince(), ...(workspaceId ? { workspaceId } : {}) })
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(FEED_MAX_ENTRIES)
      .getMany();
  }

  private feedSince(): Date {
    return new Date(this.clock.now().getTime() - FEED_HISTORY_MS);
  }
}
