import { formatInstant } from '@app/rules';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Clock, ConflictError, Connection, escapeLike, FieldProblem, ForbiddenError, hasRole, isUuid, NotFoundError, PageArgs, paginate, Role, words } from '@app/core';
import { recipientsOf } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { knownSectorKeys } from '@app/pairing';
import { WorkspaceDirectoryService } from '@app/twinning';
import type { CancelEventInput, CreateEventInput, EventFilter, EventStepInput, UpdateEventInput } from './dto/events.inputs';
import { EventsEmail } from './emails/events.emails';
import { EventRegistration, RegistrationStatus } from './entities/event-registration.entity';
import { EventFormat, EventStatus, ProgrammeEvent } from './entities/programme-event.entity';
import { canManage, canSee, eventEmailData } from './event-access';
import { eventShapeProblems, EventShape } from './event-rules';
import { FollowsService } from './follows.service';
import { RegistrationsService } from './registrations.service';

/** Fields an update may not empty (null): leave them out to keep them. */
const REQUIRED = ['kind', 'format', 'title', 'startsAt', 'endsAt', 'timeZone', 'sectors'] as const;

/**
 * Programme events from draft to publication or cancellation, for organisers
 * (their own events) and admins (all). Every change locks the event's row and
 * checks the version the client read; every email it causes (announcement,
 * new time, cancellation, promotion) is written to the outbox in the same
 * transaction.
 */
@Injectable()
export class EventsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly registrations: RegistrationsService,
    private readonly follows: FollowsService,
    private readonly workspaces: WorkspaceDirectoryService,
  ) {}

  /** The event if the person may see it; NOT_FOUND otherwise (drafts are their organiser's and admins'). */
  async get(user: AuthUser | null, id: string, em: EntityManager = this.dataSource.manager): Promise<ProgrammeEvent> {
    const event = isUuid(id) ? await em.findOneBy(ProgrammeEvent, { id }) : null;
    if (!event || !canSee(user, event)) throw new NotFoundError('event', id);
    return event;
  }

  /** Events the person may see, soonest first: published ones by default; drafts only their organiser's (all for admins). */
  list(user: AuthUser | null, filter: EventFilter, page: PageArgs): Promise<Connection<ProgrammeEvent>> {
    return paginate(this.visible(user, filter), page, { expression: 'e.starts_at', direction: 'ASC', valueOf: (e) => e.startsAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  /** The events `list` (the `events` query) gives the person for this filter, unordered: the calendar feeds list exactly these. */
  visible(user: AuthUser | null, filter: EventFilter): SelectQueryBuilder<ProgrammeEvent> {
    const admin = hasRole(user, Role.ADMIN);
    const me = user?.id ?? null;
    const statuses = filter.statuses?.length ? filter.statuses : [EventStatus.PUBLISHED];
    const query = this.dataSource.getRepository(ProgrammeEvent).createQueryBuilder('e');
    query.andWhere(
      new Brackets((q) => {
        q.where('false');
        if (statuses.includes(EventStatus.PUBLISHED)) q.orWhere(`e.status = 'PUBLISHED'`);
        if (statuses.includes(EventStatus.CANCELLED)) {
          q.orWhere(admin ? `e.status = 'CANCELLED'` : `(e.status = 'CANCELLED' AND (e.published_at IS NOT NULL OR e.organiser_user_id = :me))`, { me });
        }
        if (statuses.includes(EventStatus.DRAFT) && (admin || me)) q.orWhere(admin ? `e.status = 'DRAFT'` : `(e.status = 'DRAFT' AND e.organiser_user_id = :me)`, { me });
      }),
    );
    if (filter.mine) query.andWhere('e.organiser_user_id = :me', { me });
    if (filter.kind) query.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.sector) query.andWhere(':sector = ANY(e.sectors)', { sector: filter.sector });
    if (filter.workspaceId) query.andWhere('e.workspace_id = :workspaceId', { workspaceId: filter.workspaceId });
    if (filter.from) query.andWhere('e.ends_at > :from', { from: filter.from });
    if (filter.to) query.andWhere('e.starts_at < :to', { to: filter.to });
    if (filter.search) {
      const like = `%${escapeLike(filter.search)}%`;
      query.andWhere(
        new Brackets((q) =>
          q
            .where('e.title_en ILIKE :like', { like })
            .orWhere('e.title_ko ILIKE :like')
            .orWhere('e.description_en ILIKE :like')
            .orWhere('e.description_ko ILIKE :like')
            .orWhere('e.venue ILIKE :like'),
        ),
      );
    }
    return query;
  }

  // ---------- the organiser's steps ----------

  async create(user: AuthUser, input: CreateEventInput): Promise<ProgrammeEvent> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const shape: EventShape = {
        format: input.format,
        venue: input.venue ?? null,
        joinUrl: input.joinUrl ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        registrationOpensAt: input.registrationOpensAt ?? null,
        registrationClosesAt: input.registrationClosesAt ?? null,
      };
      await this.validate(em, shape, now, true, { sectors: input.sectors, workspaceId: input.workspaceId, timeZone: input.timeZone });
      const inserted = await em.insert(ProgrammeEvent, {
        kind: input.kind,
        titleEn: input.title.en ?? null,
        titleKo: input.title.ko ?? null,
        descriptionEn: input.description?.en ?? null,
        descriptionKo: input.description?.ko ?? null,
        ...shape,
        timeZone: input.timeZone,
        organiserUserId: user.id,
        workspaceId: input.workspaceId ?? null,
        sectors: input.sectors ?? [],
        capacity: input.capacity ?? null,
        status: EventStatus.DRAFT,
        publishedAt: null,
        cancelledAt: null,
        cancelReason: null,
        version: 1,
      });
      return em.findOneByOrFail(ProgrammeEvent, { id: inserted.identifiers[0].id as string });
    });
  }

  async update(user: AuthUser, input: UpdateEventInput): Promise<ProgrammeEvent> {
    return this.dataSource.transaction(async (em) => {
      const event = await this.lockManaged(em, user, input.id);
      if (event.status === EventStatus.CANCELLED) throw this.cancelledError(event);
      this.requireVersion(event, input.version);
      for (const key of REQUIRED) {
        if (input[key] === null) {
          throw BadInputError.field(
            key,
            words('cannot be emptied: leave it out to keep it, or give a new value.', '비울 수 없습니다. 그대로 두려면 보내지 말고, 바꾸려면 새 값을 넣어 주세요.'),
          );
        }
      }
      const now = this.clock.now();
      const pick = <K extends keyof EventShape>(key: K): EventShape[K] => (input[key] !== undefined ? (input[key] as EventShape[K]) : event[key]);
      const shape: EventShape = {
        format: pick('format'),
        venue: pick('venue'),
        // An event moved in person keeps no joining link that people holding a place would still be shown.
        joinUrl: pick('format') === EventFormat.IN_PERSON && input.joinUrl === undefined ? null : pick('joinUrl'),
        startsAt: pick('startsAt'),
        endsAt: pick('endsAt'),
        registrationOpensAt: pick('registrationOpensAt'),
        registrationClosesAt: pick('registrationClosesAt'),
      };
      const moved = shape.startsAt.getTime() !== event.startsAt.getTime() || shape.endsAt.getTime() !== event.endsAt.getTime();
      await this.validate(em, shape, now, shape.startsAt.getTime() !== event.startsAt.getTime(), {
        sectors: input.sectors,
        workspaceId: input.workspaceId === null ? undefined : input.workspaceId,
        timeZone: input.timeZone ?? event.timeZone,
      });
      if (input.capacity !== undefined && input.capacity !== null) {
        const { registered } = (await this.registrations.countsIn(em, [event.id])).get(event.id)!;
        if (input.capacity < registered) {
          throw new ConflictError(
            words(
              `${registered} people already hold a place: the capacity cannot go below ${registered}. Ask some to cancel first.`,
              `이미 ${registered}명의 참가가 확정되어 있어 정원을 ${registered}명보다 줄일 수 없습니다. 먼저 일부 참가자에게 신청을 취소해 달라고 요청해 주세요.`,
            ),
            { reason: 'CAPACITY_BELOW_REGISTRATIONS', registered },
          );
        }
      }
      const previous = { startsAt: event.startsAt, endsAt: event.endsAt };
      Object.assign(event, shape, {
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.title ? { titleEn: input.title.en ?? null, titleKo: input.title.ko ?? null } : {}),
        ...(input.description !== undefined ? { descriptionEn: input.description?.en ?? null, descriptionKo: input.description?.ko ?? null } : {}),
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
        ...(input.workspaceId !== undefined ? { workspaceId: input.workspaceId } : {}),
        ...(input.sectors ? { sectors: input.sectors } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        version: event.version + 1,
        updatedAt: now,
      });
      const saved = await em.save(event);
      if (saved.status === EventStatus.PUBLISHED) {
        if (moved) await this.tellRescheduled(em, saved, previous);
        if (input.capacity !== undefined) await this.registrations.promote(em, saved);
      }
      return saved;
    });
  }

  async publish(user: AuthUser, input: EventStepInput): Promise<ProgrammeEvent> {
    return this.dataSource.transaction(async (em) => {
      const event = await this.lockManaged(em, user, input.id);
      if (event.status === EventStatus.CANCELLED) throw this.cancelledError(event);
      if (event.status === EventStatus.PUBLISHED) {
        throw new ConflictError(words('This event is already published.', '이미 게시된 행사입니다.'), { reason: 'ALREADY_PUBLISHED', publishedAt: event.publishedAt!.toISOString() });
      }
      this.requireVersion(event, input.version);
      const now = this.clock.now();
      if (now.getTime() >= event.startsAt.getTime()) {
        throw new ConflictError(
          words(
            `This event started on ${formatInstant(event.startsAt, event.timeZone, 'en')}, which has passed: move it to a future time before publishing.`,
            `이 행사의 시작 시각(${formatInstant(event.startsAt, event.timeZone, 'ko')})이 이미 지났습니다. 게시하려면 먼저 앞으로 올 시각으로 옮겨 주세요.`,
          ),
          { reason: 'EVENT_STARTED', startsAt: event.startsAt.toISOString() },
        );
      }
      Object.assign(event, { status: EventStatus.PUBLISHED, publishedAt: now, version: event.version + 1, updatedAt: now });
      const saved = await em.save(event);
      await this.follows.announce(em, saved);
      return saved;
    });
  }

  async cancel(user: AuthUser, input: CancelEventInput): Promise<ProgrammeEvent> {
    return this.dataSource.transaction(async (em) => {
      const event = await this.lockManaged(em, user, input.id);
      if (event.status === EventStatus.CANCELLED) throw this.cancelledError(event);
      this.requireVersion(event, input.version);
      const now = this.clock.now();
      if (now.getTime() >= event.endsAt.getTime()) {
        throw new ConflictError(words('This event has already taken place: it can no longer be cancelled.', '이미 끝난 행사라 취소할 수 없습니다.'), {
          reason: 'EVENT_ENDED',
          endsAt: event.endsAt.toISOString(),
        });
      }
      const wasPublished = event.status === EventStatus.PUBLISHED;
      Object.assign(event, { status: EventStatus.CANCELLED, cancelledAt: now, cancelReason: input.reason, version: event.version + 1, updatedAt: now });
      const saved = await em.save(event);
      if (wasPublished) await this.tellCancelled(em, saved, input.reason);
      return saved;
    });
  }

  // ---------- emails ----------

  /** Everyone registered or waiting learns the new time (the reminders follow the new start on their own). */
  private async tellRescheduled(em: EntityManager, event: ProgrammeEvent, previous: { startsAt: Date; endsAt: Date }): Promise<void> {
    for (const { registration, to } of await this.holders(em, event.id)) {
      const waitlisted = registration.status === RegistrationStatus.WAITLISTED;
      await this.outbox.enqueueEmail(em, {
        template: EventsEmail.RESCHEDULED,
        idempotencyKey: `event-rescheduled:${event.id}:v${event.version}:${registration.userId}`,
        to,
        data: { ...eventEmailData(this.config, event, !waitlisted), previousStartsAt: previous.startsAt.toISOString(), previousEndsAt: previous.endsAt.toISOString(), waitlisted },
      });
    }
  }

  private async tellCancelled(em: EntityManager, event: ProgrammeEvent, reason: string): Promise<void> {
    for (const { registration, to } of await this.holders(em, event.id)) {
      await this.outbox.enqueueEmail(em, {
        template: EventsEmail.CANCELLED,
        idempotencyKey: `event-cancelled:${event.id}:${registration.userId}`,
        to,
        data: { ...eventEmailData(this.config, event, false), reason, waitlisted: registration.status === RegistrationStatus.WAITLISTED },
      });
    }
  }

  /** People registered or waiting, with where to write to them. */
  private async holders(em: EntityManager, eventId: string) {
    const registrations = await em.find(EventRegistration, { where: { eventId, status: In([RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]) }, order: { queueOrder: 'ASC' } });
    const recipients = await recipientsOf(em, registrations.map((r) => r.userId));
    return registrations.flatMap((registration) => {
      const to = recipients.get(registration.userId);
      return to ? [{ registration, to }] : [];
    });
  }

  // ---------- helpers ----------

  private async lockManaged(em: EntityManager, user: AuthUser, id: string): Promise<ProgrammeEvent> {
    const event = await this.registrations.lockEvent(em, user, id);
    if (!canManage(user, event)) throw new ForbiddenError(words('Only the event’s organiser and admins may change it.', '행사는 주최자와 관리자만 바꿀 수 있습니다.'));
    return event;
  }

  private requireVersion(event: ProgrammeEvent, version: number): void {
    if (event.version === version) return;
    throw new ConflictError(
      words(
        `Someone changed this event since you read it (you have version ${version}; it is now at version ${event.version}). Look at the current version, then make your change again.`,
        `불러온 뒤에 다른 사람이 이 행사를 바꿨습니다(보고 계신 것은 버전 ${version}, 지금은 버전 ${event.version}). 최신 내용을 확인한 뒤 다시 바꿔 주세요.`,
      ),
      { reason: 'STALE_VERSION', currentVersion: event.version },
    );
  }

  private cancelledError(event: ProgrammeEvent): ConflictError {
    return new ConflictError(
      words(
        'This event was cancelled: it can no longer be changed, published or registered for.',
        '취소된 행사입니다. 더 이상 바꾸거나 게시하거나 참가 신청을 받을 수 없습니다.',
      ),
      { reason: 'EVENT_CANCELLED', cancelledAt: event.cancelledAt?.toISOString() ?? null },
    );
  }

  /** Everything an event refers to and its dates, each problem by field. */
  private async validate(
    em: EntityManager,
    shape: EventShape,
    now: Date,
    startsAtChanged: boolean,
    refs: { sectors?: string[]; workspaceId?: string | null; timeZone: string },
  ): Promise<void> {
    const problems: FieldProblem[] = eventShapeProblems(shape, now, startsAtChanged, refs.timeZone);
    if (refs.sectors?.length) {
      const known = await knownSectorKeys(em, refs.sectors);
      const unknown = refs.sectors.filter((s) => !known.has(s));
      if (unknown.length) {
        const named = unknown.map((u) => `"${u}"`).join(', ');
        problems.push({
          field: 'sectors',
          message: words(
            `has no sector ${named}: use keys from the sectors query, e.g. hydrogen or digital.`,
            `없는 분야가 있습니다: ${named}. sectors 쿼리에 있는 키를 써 주세요(예: hydrogen, digital).`,
          ),
        });
      }
    }
    if (refs.workspaceId && !(await this.workspaces.getMany([refs.workspaceId], em))[0]) {
      problems.push({
        field: 'workspaceId',
        message: words(`names no workspace: "${refs.workspaceId}" does not exist.`, `ID가 "${refs.workspaceId}"인 워크스페이스는 없습니다.`),
      });
    }
    if (problems.length) throw BadInputError.ofFields(problems);
  }
}
