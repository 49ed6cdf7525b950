import { formatInstant } from '@app/rules';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppConfig, AuthUser, Clock, ConflictError, Connection, GroupedList, insertReturning, isUuid, NotFoundError, PageArgs, pageOfOwner, paginate, RequestContext, requestLoader, toCsv, updateReturning, words } from '@app/core';
import { accountProfileSql, nameIn, recipientsOf, UsersService } from '@app/identity';
import { OutboxService } from '@app/notifications';
import type { RegistrationFilter } from './dto/events.inputs';
import { EventsEmail } from './emails/events.emails';
import { EventRegistration, RegistrationStatus } from './entities/event-registration.entity';
import { EventStatus, ProgrammeEvent } from './entities/programme-event.entity';
import { calendarUrl, canSee, eventEmailData, isPublic } from './event-access';
import { registrationState, registrationWindow } from './event-rules';

export interface EventCounts {
  registered: number;
  waitlisted: number;
}

/**
 * Registration, the waiting list and promotion. Every change takes the
 * event's row lock first (FOR NO KEY UPDATE), so registrations for one event
 * happen one after another: places are counted under the lock and never given
 * twice, and `queueOrder` (the next number under the lock) is arrival order.
 * A freed place goes to the first person waiting in the same transaction, and
 * the email telling them is written to the outbox with it.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
  ) {}

  /** Locks the event's row; NOT_FOUND when it does not exist or the person may not see it. */
  async lockEvent(em: EntityManager, user: AuthUser | null, id: string): Promise<ProgrammeEvent> {
    const event = isUuid(id) ? await em.createQueryBuilder(ProgrammeEvent, 'e').setLock('for_no_key_update').where('e.id = :id', { id }).getOne() : null;
    if (!event || !canSee(user, event)) throw new NotFoundError('event', id);
    return event;
  }

  async register(user: AuthUser, eventId: string): Promise<EventRegistration> {
    return this.dataSource.transaction(async (em) => {
      const event = await this.lockEvent(em, user, eventId);
      this.requireOpenEvent(event);
      // "Now" is read under the lock: the order of registeredAt is the order of arrival.
      const now = this.clock.now();
      const state = registrationState(event, now);
      const { opensAt, closesAt } = registrationWindow(event);
      if (state === 'NOT_OPEN') {
        throw new ConflictError(
          words(
            `Registration for this event opens on ${formatInstant(opensAt!, event.timeZone, 'en')}: register then.`,
            `이 행사의 참가 신청은 ${formatInstant(opensAt!, event.timeZone, 'ko')}에 시작합니다. 그때 신청해 주세요.`,
          ),
          { reason: 'REGISTRATION_NOT_OPEN', opensAt: opensAt!.toISOString() },
        );
      }
      if (state === 'CLOSED') {
        throw new ConflictError(
          words(`Registration for this event closed on ${formatInstant(closesAt, event.timeZone, 'en')}.`, `이 행사의 참가 신청은 ${formatInstant(closesAt, event.timeZone, 'ko')}에 마감되었습니다.`),
          { reason: 'REGISTRATION_CLOSED', closesAt: closesAt.toISOString() },
        );
      }
      const existing = await em.createQueryBuilder(EventRegistration, 'r').setLock('pessimistic_write').where('r.event_id = :eventId AND r.user_id = :userId', { eventId: event.id, userId: user.id }).getOne();
      if (existing && existing.status !== RegistrationStatus.CANCELLED) {
        const waiting = existing.status === RegistrationStatus.WAITLISTED;
        throw new ConflictError(
          waiting
            ? words('You are already on the waiting list for this event.', '이미 이 행사의 대기자 명단에 올라 있습니다.')
            : words('You are already registered for this event.', '이미 이 행사에 참가 신청을 하셨습니다.'),
          { reason: 'ALREADY_REGISTERED', status: existing.status, registrationId: existing.id },
        );
      }
      const counts = await this.queueOf(em, event.id);
      const hasPlace = event.capacity === null || (counts.registered < event.capacity && counts.waitlisted === 0);
      const values = {
        status: hasPlace ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED,
        queueOrder: counts.next,
        registeredAt: now,
        promotedAt: null,
        cancelledAt: null,
      };
      const registration = existing
        ? (await updateReturning(em, EventRegistration, existing.id, values))!
        : await insertReturning(em, EventRegistration, { eventId: event.id, userId: user.id, ...values });
      // Under the event's lock nobody else joined the queue: this person is right behind those counted.
      await this.confirm(em, event, user.id, registration.id, hasPlace ? null : counts.waitlisted + 1, now);
      return registration;
    });
  }

  /** Tells the person, in their language, that they hold a place (with the calendar file) or where they are in the queue. */
  private async confirm(em: EntityManager, event: ProgrammeEvent, userId: string, registrationId: string, waitlistPosition: number | null, now: Date): Promise<void> {
    const to = (await recipientsOf(em, [userId])).get(userId);
    if (!to) return;
    const data = eventEmailData(this.config, event, waitlistPosition === null);
    const idempotencyKey = `event-registered:${registrationId}:${now.toISOString()}`;
    if (waitlistPosition === null) {
      await this.outbox.enqueueEmail(em, { template: EventsEmail.REGISTERED, idempotencyKey, to, data: { ...data, calendarUrl: calendarUrl(this.config, event.id) } });
    } else {
      await this.outbox.enqueueEmail(em, { template: EventsEmail.WAITLISTED, idempotencyKey, to, data: { ...data, waitlistPosition } });
    }
  }

  /** Gives up a place (or a place in the queue); a freed place goes to the first person waiting. */
  async cancel(user: AuthUser, eventId: string): Promise<EventRegistration> {
    return this.dataSource.transaction(async (em) => {
      const event = await this.lockEvent(em, user, eventId);
      if (event.status === EventStatus.CANCELLED) throw this.cancelledError(event);
      const now = this.clock.now();
      if (now.getTime() >= event.startsAt.getTime()) {
        throw new ConflictError(words('This event has already started: registrations can no longer be cancelled.', '이미 시작한 행사라 참가 신청을 취소할 수 없습니다.'), {
          reason: 'EVENT_STARTED',
          startsAt: event.startsAt.toISOString(),
        });
      }
      const registration = await em.createQueryBuilder(EventRegistration, 'r').setLock('pessimistic_write').where('r.event_id = :eventId AND r.user_id = :userId', { eventId: event.id, userId: user.id }).getOne();
      if (!registration || registration.status === RegistrationStatus.CANCELLED) {
        throw new ConflictError(words('You are not registered for this event, nor on its waiting list.', '이 행사에 참가 신청을 하지 않았고 대기자 명단에도 없습니다.'), { reason: 'NOT_REGISTERED' });
      }
      const held = registration.status === RegistrationStatus.REGISTERED;
      const cancelled = (await updateReturning(em, EventRegistration, registration.id, { status: RegistrationStatus.CANCELLED, cancelledAt: now }))!;
      if (held) await this.promote(em, event);
      return cancelled;
    });
  }

  /**
   * Fills free places from the waiting list, first come first served, in the
   * caller's transaction (the event's row must be locked); each promoted
   * person is emailed through the outbox. Returns who was promoted.
   */
  async promote(em: EntityManager, event: ProgrammeEvent): Promise<EventRegistration[]> {
    // Once it has started nobody is told "you have a place": the place would be of no use.
    if (event.status !== EventStatus.PUBLISHED || this.clock.now() >= event.startsAt) return [];
    const counts = (await this.countsIn(em, [event.id])).get(event.id)!;
    const free = event.capacity === null ? counts.waitlisted : Math.max(0, event.capacity - counts.registered);
    if (free === 0 || counts.waitlisted === 0) return [];
    const next = await em
      .createQueryBuilder(EventRegistration, 'r')
      .setLock('pessimistic_write')
      .where('r.event_id = :eventId AND r.status = :waiting', { eventId: event.id, waiting: RegistrationStatus.WAITLISTED })
      .orderBy('r.queue_order', 'ASC')
      .take(free)
      .getMany();
    if (!next.length) return [];
    const now = this.clock.now();
    await em.update(EventRegistration, { id: In(next.map((r) => r.id)) }, { status: RegistrationStatus.REGISTERED, promotedAt: now });
    const recipients = await recipientsOf(em, next.map((r) => r.userId));
    for (const registration of next) {
      const to = recipients.get(registration.userId);
      if (!to) continue;
      await this.outbox.enqueueEmail(em, {
        template: EventsEmail.PROMOTED,
        idempotencyKey: `event-promoted:${registration.id}:${now.toISOString()}`,
        to,
        data: { ...eventEmailData(this.config, event, true) },
      });
    }
    return next.map((r) => Object.assign(r, { status: RegistrationStatus.REGISTERED, promotedAt: now }));
  }

  /** An event's places taken, people waiting and the next place in its queue, in one statement (under the event's lock). */
  private async queueOf(em: EntityManager, eventId: string): Promise<EventCounts & { next: number }> {
    const [row]: Array<{ registered: number; waitlisted: number; next: number }> = await em.query(
      `SELECT count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
              coalesce(max(queue_order), 0)::int + 1 AS next
         FROM event_registration WHERE event_id = $1`,
      [eventId],
    );
    return row;
  }

  // ---------- reading ----------

  /** Places taken and people waiting, per event. */
  async countsIn(em: EntityManager, eventIds: readonly string[]): Promise<Map<string, EventCounts>> {
    const rows: Array<{ event_id: string; registered: number; waitlisted: number }> = await em.query(
      `SELECT event_id,
              count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
         FROM event_registration WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`,
      [[...eventIds]],
    );
    return new Map(eventIds.map((id) => {
      const row = rows.find((r) => r.event_id === id);
      return [id, { registered: row?.registered ?? 0, waitlisted: row?.waitlisted ?? 0 }];
    }));
  }

  counts(ctx: RequestContext, eventId: string): Promise<EventCounts> {
    return requestLoader<string, EventCounts>(ctx, 'events.counts', async (ids) => {
      const counts = await this.countsIn(this.dataSource.manager, ids);
      return ids.map((id) => counts.get(id)!);
    }).load(eventId);
  }

  /** The signed-in person's registration for each event asked about (any status), one query per request. */
  mine(ctx: RequestContext, eventId: string): Promise<EventRegistration | null> {
    return requestLoader<string, EventRegistration | null>(ctx, 'events.myRegistration', async (ids) => {
      const rows = await this.dataSource.getRepository(EventRegistration).findBy({ userId: ctx.user!.id, eventId: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.eventId === id) ?? null);
    }).load(eventId);
  }

  /** 1 for the first person waiting; null unless waiting. */
  waitlistPosition(ctx: RequestContext, registration: EventRegistration): Promise<number | null> | null {
    if (registration.status !== RegistrationStatus.WAITLISTED) return null;
    return requestLoader<string, number>(ctx, 'events.waitlistPosition', async (ids) => {
      const rows: Array<{ id: string; position: number }> = await this.dataSource.query(
        `SELECT r.id, (SELECT count(*)::int FROM event_registration o
                        WHERE o.event_id = r.event_id AND o.status = 'WAITLISTED' AND o.queue_order <= r.queue_order) AS position
           FROM event_registration r WHERE r.id = ANY($1::uuid[])`,
        [[...ids]],
      );
      return ids.map((id) => rows.find((r) => r.id === id)?.position ?? 0);
    }).load(registration.id);
  }

  /**
   * An event's registrations in arrival order (the caller has checked the reader runs the event): the
   * pages of every event of the request asked with the same filter and page are one statement, their
   * totals one more. Each registration carries its event, so its fields need not look it up.
   */
  forEvent(ctx: RequestContext, event: ProgrammeEvent, statuses: RegistrationStatus[] | undefined, page: PageArgs): Promise<Connection<EventRegistration>> {
    const shown = statuses?.length ? [...new Set(statuses)].sort() : [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED];
    const list: GroupedList<EventRegistration> = {
      key: 'events.registrations',
      filter: { statuses: shown },
      rows: (eventIds) =>
        this.dataSource.getRepository(EventRegistration).createQueryBuilder('r').where('r.event_id IN (:...eventIds)', { eventIds }).andWhere('r.status IN (:...statuses)', { statuses: shown }),
      owner: { expression: 'r.event_id', of: (r) => r.eventId },
      sort: { expression: 'r.queue_order', direction: 'ASC', valueOf: (r) => r.queueOrder, cast: 'integer', notNull: true },
    };
    return pageOfOwner(ctx, list, event.id, page).then((connection) => {
      for (const registration of connection.nodes) registration.event = event;
      return connection;
    });
  }

  /** The person's own registrations, soonest event first. */
  listMine(user: AuthUser, filter: RegistrationFilter, page: PageArgs): Promise<Connection<EventRegistration>> {
    const query = this.dataSource
      .getRepository(EventRegistration)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.event', 'e')
      .where('r.user_id = :userId', { userId: user.id })
      .andWhere('r.status IN (:...statuses)', { statuses: filter.statuses?.length ? filter.statuses : [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED] });
    if (filter.upcoming !== undefined) query.andWhere(filter.upcoming ? 'e.ends_at > :now' : 'e.ends_at <= :now', { now: this.clock.now() });
    return paginate(query, page, { expression: 'e.starts_at', direction: 'ASC', valueOf: (r) => r.event!.startsAt.toISOString(), notNull: true }, 'r.id');
  }

  /** Attendee details for the organiser's list, batched. */
  attendee(ctx: RequestContext, userId: string) {
    return this.users
      .loader(ctx)
      .load(userId)
      .then((u) => (u ? { userId: u.id, displayName: nameIn(u, ctx.language), email: u.email, language: u.preferredLanguage, timeZone: u.timeZone } : null));
  }

  /**
   * Every registration (cancelled ones too) as CSV, in arrival order: UTF-8
   * with a byte-order mark so spreadsheets read Korean names, and cells that
   * a spreadsheet would run as a formula defused.
   */
  async csv(eventId: string): Promise<string> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT r.queue_order, r.status, r.account->>'name' AS display_name, r.account->>'email' AS email, r.account->>'language' AS preferred_language,
              r.account->>'timeZone' AS time_zone, r.registered_at, r.promoted_at, r.cancelled_at, r.waitlist_position
         FROM (SELECT r.*, ${accountProfileSql('r.user_id')} AS account,
                      CASE WHEN r.status = 'WAITLISTED' THEN (SELECT count(*) FROM event_registration o WHERE o.event_id = r.event_id AND o.status = 'WAITLISTED' AND o.queue_order <= r.queue_order) END AS waitlist_position
                 FROM event_registration r WHERE r.event_id = $1) r
        WHERE r.account IS NOT NULL ORDER BY r.queue_order`,
      [eventId],
    );
    return toCsv(
      ['arrival', 'status', 'waitlist_position', 'name', 'email', 'language', 'time_zone', 'registered_at_utc', 'promoted_at_utc', 'cancelled_at_utc'],
      rows.map((r) => [r.queue_order, r.status, r.waitlist_position, r.display_name, r.email, r.preferred_language, r.time_zone, r.registered_at, r.promoted_at, r.cancelled_at]),
    );
  }

  // ---------- helpers ----------

  private requireOpenEvent(event: ProgrammeEvent): void {
    if (event.status === EventStatus.CANCELLED) throw this.cancelledError(event);
    if (!isPublic(event)) {
      throw new ConflictError(words('This event is still a draft: publish it before anyone registers.', '아직 초안인 행사입니다. 참가 신청을 받으려면 먼저 게시해 주세요.'), { reason: 'NOT_PUBLISHED' });
    }
  }

  private cancelledError(event: ProgrammeEvent): ConflictError {
    return new ConflictError(
      words(`This event was cancelled${event.cancelReason ? `: ${event.cancelReason}` : '.'}`, `취소된 행사입니다.${event.cancelReason ? ` 사유: ${event.cancelReason}` : ''}`),
      { reason: 'EVENT_CANCELLED', cancelledAt: event.cancelledAt?.toISOString() ?? null },
    );
  }
}
