import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AppConfig, Clock } from '@app/core';
import { isUuid } from '@app/twinning';
import { EventRegistration, EventStatus, ProgrammeEvent, RegistrationStatus } from '../entities/event.entity';
import { isPublic } from '../event-access';
import { signToken, verifyToken } from '../signed-token';
import { buildCalendar, CalendarEntry } from './ics';

const FEED = 'event-calendar';
/** Feeds keep this much of the past, so a calendar still shows last month's events. */
const FEED_HISTORY_MS = 90 * 86_400_000;
const FEED_MAX_ENTRIES = 500;

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
 * programme, of one workspace, and of one person's registrations (at an
 * address signed for them, since calendar apps cannot sign in). Cancelled
 * events stay in the feeds marked CANCELLED, so subscribed calendars drop them.
 */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  userToken(userId: string): string {
    return signToken(this.config.JWT_SECRET, FEED, userId);
  }

  userFeedUrl(userId: string): string {
    return `${this.config.PUBLIC_URL}/calendars/users/${encodeURIComponent(this.userToken(userId))}.ics`;
  }

  /** A published event (or one cancelled after publication); null for drafts and unknown ids. */
  async event(id: string): Promise<string | null> {
    const event = isUuid(id) ? await this.dataSource.getRepository(ProgrammeEvent).findOneBy({ id }) : null;
    if (!event || !isPublic(event)) return null;
    return buildCalendar({ name: event.titleEn ?? event.titleKo ?? 'Event', publicUrl: this.config.PUBLIC_URL, timeZone: event.timeZone, entries: [toEntry(event)] });
  }

  async programme(): Promise<string> {
    const events = await this.publicEvents();
    return buildCalendar({ name: 'Innovation Twins events · 이노베이션 트윈스 행사', publicUrl: this.config.PUBLIC_URL, timeZone: 'UTC', entries: events.map((e) => toEntry(e)) });
  }

  /** Null for a workspace that does not exist. */
  async workspace(workspaceId: string): Promise<string | null> {
    if (!isUuid(workspaceId)) return null;
    const [pair]: Array<{ en: string; ko: string }> = await this.dataSource.query(
      `SELECT a.name_en || '–' || b.name_en AS en, a.name_ko || '–' || b.name_ko AS ko
         FROM workspace w JOIN twinning t ON t.id = w.twinning_id JOIN city a ON a.id = t.city_a_id JOIN city b ON b.id = t.city_b_id
        WHERE w.id = $1`,
      [workspaceId],
    );
    if (!pair) return null;
    const events = await this.publicEvents(workspaceId);
    return buildCalendar({ name: `${pair.en} events · ${pair.ko} 행사`, publicUrl: this.config.PUBLIC_URL, timeZone: 'UTC', entries: events.map((e) => toEntry(e)) });
  }

  /** The events a person holds a place at (and, as tentative, waits for); null for a token that was never valid. */
  async user(token: string): Promise<string | null> {
    const userId = verifyToken(this.config.JWT_SECRET, FEED, token);
    if (!userId || !isUuid(userId)) return null;
    const [account]: Array<{ time_zone: string; disabled_at: Date | null }> = await this.dataSource.query(`SELECT time_zone, disabled_at FROM user_account WHERE id = $1`, [userId]);
    if (!account || account.disabled_at) return null;
    const held = await this.dataSource.getRepository(EventRegistration).findBy({ userId, status: In([RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]) });
    const statusOf = new Map(held.map((r) => [r.eventId, r.status]));
    const events = held.length
      ? await this.dataSource
          .getRepository(ProgrammeEvent)
          .createQueryBuilder('e')
          .where('e.id IN (:...ids) AND e.published_at IS NOT NULL AND e.ends_at > :since', { ids: [...statusOf.keys()], since: new Date(this.clock.now().getTime() - FEED_HISTORY_MS) })
          .orderBy('e.starts_at', 'ASC')
          .take(FEED_MAX_ENTRIES)
          .getMany()
      : [];
    const entries = events.map((e) => {
      const waitlisted = statusOf.get(e.id) === RegistrationStatus.WAITLISTED;
      return toEntry(e, { waitlisted, joinUrl: waitlisted || e.status === EventStatus.CANCELLED ? null : e.joinUrl });
    });
    return buildCalendar({ name: 'My Innovation Twins events · 나의 행사', publicUrl: this.config.PUBLIC_URL, timeZone: account.time_zone, entries });
  }

  private publicEvents(workspaceId?: string): Promise<ProgrammeEvent[]> {
    const query = this.dataSource
      .getRepository(ProgrammeEvent)
      .createQueryBuilder('e')
      .where('e.published_at IS NOT NULL AND e.ends_at > :since', { since: new Date(this.clock.now().getTime() - FEED_HISTORY_MS) });
    if (workspaceId) query.andWhere('e.workspace_id = :workspaceId', { workspaceId });
    return query.orderBy('e.starts_at', 'ASC').take(FEED_MAX_ENTRIES).getMany();
  }
}
