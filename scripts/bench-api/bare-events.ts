import { BareContext, encodeCursor, lazyCount, loader, OwnedList, pageOfOwner, rows } from './bare-context';
import { hasRole, localized, nameIn, renderInZones, userLoader } from './bare-common';

/** Events and registrations as the platform reads them (libs/events: EventsService.list, RegistrationsService, the resolvers). */
const EVENT_FIELDS = [
  'id', 'kind', 'format', 'title_en', 'title_ko', 'description_en', 'description_ko', 'venue', 'join_url', 'starts_at', 'ends_at', 'time_zone', 'organiser_user_id', 'workspace_id',
  'sectors', 'capacity', 'registration_opens_at', 'registration_closes_at', 'status', 'published_at', 'cancelled_at', 'cancel_reason', 'version', 'created_at', 'updated_at',
];
const eventColumns = (alias: string) => EVENT_FIELDS.map((f) => `"${alias}"."${f}" AS "${alias}_${f}"`).join(', ');

export interface EventRow {
  id: string;
  kind: string;
  format: string;
  titleEn: string | null;
  titleKo: string | null;
  descriptionEn: string | null;
  descriptionKo: string | null;
  venue: string | null;
  joinUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  organiserUserId: string;
  workspaceId: string | null;
  sectors: string[];
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  status: string;
  publishedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  version: number;
}

const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
export const eventOf = (r: Record<string, unknown>, alias: string) =>
  Object.fromEntries(EVENT_FIELDS.map((f) => [camel(f), r[`${alias}_${f}`]])) as unknown as EventRow;

export interface RegistrationRow {
  id: string;
  eventId: string;
  userId: string;
  status: string;
  queueOrder: number;
  registeredAt: Date;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  event?: EventRow;
}

const REGISTRATION_FIELDS = ['id', 'event_id', 'user_id', 'status', 'queue_order', 'registered_at', 'promoted_at', 'cancelled_at', 'day_reminder_for', 'hour_reminder_for', 'created_at', 'updated_at'];
export const registrationColumns = (alias: string) => REGISTRATION_FIELDS.map((f) => `"${alias}"."${f}" AS "${alias}_${f}"`).join(', ');
export const registrationOf = (r: Record<string, unknown>, alias: string) =>
  Object.fromEntries(REGISTRATION_FIELDS.map((f) => [camel(f), r[`${alias}_${f}`]])) as unknown as RegistrationRow;

export const canManage = (ctx: BareContext, event: Pick<EventRow, 'organiserUserId'>) =>
  !!ctx.user && (hasRole(ctx, 'ADMIN') || (hasRole(ctx, 'EVENT_ORGANISER') && event.organiserUserId === ctx.user.id));

/** `events(first)` without a filter: the published ones, soonest first. */
export async function eventsPage(ctx: BareContext, first: number) {
  const where = `(false OR "e"."status" = 'PUBLISHED')`;
  const found = (await rows(ctx, `SELECT ${eventColumns('e')} FROM "programme_event" "e" WHERE ${where} ORDER BY date_trunc('milliseconds', "e"."starts_at") ASC, "e"."id" ASC LIMIT ${first + 1}`)).map((r) => eventOf(r, 'e'));
  const nodes = found.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(node.startsAt.toISOString(), node.id) }));
  return {
    nodes,
    edges,
    totalCount: lazyCount(async () => Number((await rows<{ cnt: string }>(ctx, `SELECT COUNT(1) AS "cnt" FROM "programme_event" "e" WHERE ${where}`))[0].cnt)),
    pageInfo: { hasNextPage: found.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

/** Places taken and people waiting, per event, batched per request. */
export async function countsIn(ctx: BareContext, eventIds: readonly string[], query = (text: string, values: unknown[]) => rows<{ event_id: string; registered: number; waitlisted: number }>(ctx, text, values)) {
  const found = await query(
    `SELECT event_id,
              count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
         FROM event_registration WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`,
    [[...eventIds]],
  );
  return new Map(eventIds.map((id) => {
    const row = found.find((r) => r.event_id === id);
    return [id, { registered: row?.registered ?? 0, waitlisted: row?.waitlisted ?? 0 }];
  }));
}

const counts = (ctx: BareContext, eventId: string) =>
  loader<string, { registered: number; waitlisted: number }>(ctx, 'events.counts', async (ids) => {
    const byId = await countsIn(ctx, ids);
    return ids.map((id) => byId.get(id)!);
  }).load(eventId);

const eventById = (ctx: BareContext) =>
  loader<string, EventRow | null>(ctx, 'events.byId', async (ids) => {
    const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ');
    const found = (await rows(ctx, `SELECT ${eventColumns('ProgrammeEvent')} FROM "programme_event" "ProgrammeEvent" WHERE (("ProgrammeEvent"."id" IN (${placeholders})))`, [...ids])).map((r) => eventOf(r, 'ProgrammeEvent'));
    return ids.map((id) => found.find((e) => e.id === id) ?? null);
  });

/** Every country's zone, read once per request (programme-wide events). */
const countryZones = (ctx: BareContext) =>
  loader<string, Array<{ timeZone: string }>>(ctx, 'events.countryZones', async (keys) => {
    const countries = await rows(
      ctx,
      'SELECT "co"."code" AS "co_code", "co"."name_en" AS "co_name_en", "co"."name_ko" AS "co_name_ko", "co"."currency" AS "co_currency", "co"."time_zone" AS "co_time_zone", "co"."default_language" AS "co_default_language", "co"."created_at" AS "co_created_at", "co"."updated_at" AS "co_updated_at" FROM "country" "co" ORDER BY "co"."code" ASC',
    );
    return keys.map(() => countries.map((c) => ({ timeZone: c.co_time_zone as string })));
  }).load('all');

function mergeZones(own: string, others: ReadonlyArray<{ timeZone: string; cityId?: string | null }>) {
  const zones: Array<{ timeZone: string; cityId: string | null }> = [{ timeZone: own, cityId: null }];
  for (const zone of others) {
    const same = zones.find((z) => z.timeZone === zone.timeZone);
    if (!same) zones.push({ timeZone: zone.timeZone, cityId: zone.cityId ?? null });
    else if (!same.cityId && zone.cityId) same.cityId = zone.cityId;
  }
  return zones;
}

/** The event's own zone, then every country's (the demo's events are programme-wide; a workspace's would read its cities'). */
async function eventZones(ctx: BareContext, event: EventRow) {
  if (event.workspaceId) throw new Error('The baseline serves programme-wide events only.');
  return mergeZones(event.timeZone, await countryZones(ctx));
}

async function attendee(ctx: BareContext, userId: string) {
  const u = await userLoader(ctx).load(userId);
  return u ? { userId: u.id, displayName: nameIn(u, ctx.language), email: u.email, language: u.preferredLanguage, timeZone: u.timeZone } : null;
}

/**
 * An event's registrations in arrival order, REGISTERED and WAITLISTED: every
 * event's page of the request in one statement (RegistrationsService.forEvent),
 * each registration carrying its event.
 */
function registrationsPage(ctx: BareContext, event: EventRow, first: number) {
  const list: OwnedList<RegistrationRow> = {
    key: 'events.registrations:REGISTERED,WAITLISTED',
    from: '"event_registration" "r"',
    columns: registrationColumns('r'),
    owner: '"r"."event_id"',
    where: (value) => `"r"."status" IN (${value('REGISTERED')}, ${value('WAITLISTED')})`,
    sort: '"r"."queue_order"',
    direction: 'ASC',
    id: '"r"."id"',
    of: (row) => registrationOf(row, 'r'),
    ownerOf: (registration) => registration.eventId,
    cursorOf: (registration) => registration.queueOrder,
  };
  return pageOfOwner(ctx, list, event.id, first).then((connection) => {
    for (const registration of connection.nodes) registration.event = event;
    return connection;
  });
}

/** 1 for the first person waiting; null unless waiting. */
export function waitlistPosition(ctx: BareContext, registration: RegistrationRow): Promise<number | null> | null {
  if (registration.status !== 'WAITLISTED') return null;
  return loader<string, number>(ctx, 'events.waitlistPosition', async (ids) => {
    const found = await rows<{ id: string; position: number }>(
      ctx,
      `SELECT r.id, (SELECT count(*)::int FROM event_registration o
                        WHERE o.event_id = r.event_id AND o.status = 'WAITLISTED' AND o.queue_order <= r.queue_order) AS position
           FROM event_registration r WHERE r.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return ids.map((id) => found.find((r) => r.id === id)?.position ?? 0);
  }).load(registration.id);
}

export const eventResolvers = {
  ProgrammeEvent: {
    title: (event: EventRow) => localized({ en: event.titleEn, ko: event.titleKo }),
    startsAtLocal: async (event: EventRow, _: unknown, ctx: BareContext) => renderInZones(event.startsAt, await eventZones(ctx, event), ctx.user?.language ?? 'en'),
    organiserName: async (event: EventRow, _: unknown, ctx: BareContext) => (await attendee(ctx, event.organiserUserId))?.displayName ?? '',
    registeredCount: async (event: EventRow, _: unknown, ctx: BareContext) => (await counts(ctx, event.id)).registered,
    waitlistCount: async (event: EventRow, _: unknown, ctx: BareContext) => (await counts(ctx, event.id)).waitlisted,
    spacesLeft: async (event: EventRow, _: unknown, ctx: BareContext) => (event.capacity === null ? null : Math.max(0, event.capacity - (await counts(ctx, event.id)).registered)),
    registrations: (event: EventRow, args: { first?: number }, ctx: BareContext) => {
      if (!canManage(ctx, event)) throw new Error('NOT_FOUND');
      return registrationsPage(ctx, event, args.first ?? 20);
    },
  },
  EventRegistration: {
    event: async (registration: RegistrationRow, _: unknown, ctx: BareContext) => registration.event ?? (await eventById(ctx).load(registration.eventId))!,
    waitlistPosition: (registration: RegistrationRow, _: unknown, ctx: BareContext) => waitlistPosition(ctx, registration),
    attendee: async (registration: RegistrationRow, _: unknown, ctx: BareContext) => {
      if (registration.userId !== ctx.user!.id) {
        const event = registration.event ?? (await eventById(ctx).load(registration.eventId));
        if (!event || !canManage(ctx, event)) return null;
      }
      return attendee(ctx, registration.userId);
    },
  },
};

type Query = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

/** A transaction on one connection of the pool, as TypeORM's DataSource.transaction runs it. */
async function transaction<T>(ctx: BareContext, work: (query: Query) => Promise<T>): Promise<T> {
  const client = await ctx.db.connect();
  const query: Query = async <R>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as R[];
  try {
    await query('START TRANSACTION');
    const result = await work(query);
    await query('COMMIT');
    return result;
  } catch (error) {
    await query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const lockEvent = async (ctx: BareContext, query: Query, id: string) => {
  const [row] = UUID.test(id) ? await query(`SELECT ${eventColumns('e')} FROM "programme_event" "e" WHERE "e"."id" = $1 FOR NO KEY UPDATE`, [id]) : [];
  const event = row ? eventOf(row, 'e') : null;
  if (!event || !(event.publishedAt !== null || canManage(ctx, event) || event.organiserUserId === ctx.user?.id)) throw new Error('NOT_FOUND: event');
  return event;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lockRegistration = async (query: Query, eventId: string, userId: string) => {
  const [row] = await query(`SELECT ${registrationColumns('r')} FROM "event_registration" "r" WHERE "r"."event_id" = $1 AND "r"."user_id" = $2 FOR UPDATE`, [eventId, userId]);
  return row ? registrationOf(row, 'r') : null;
};
/** A registration as `UPDATE … RETURNING *` gives it (columns by their own names). */
const registrationOfRow = (row: Record<string, unknown>) => Object.fromEntries(REGISTRATION_FIELDS.map((f) => [camel(f), row[f]])) as unknown as RegistrationRow;

/**
 * `registerForEvent` for a person whose registration exists (cancelled): the
 * path every request of the benchmark takes after the first (RegistrationsService.register).
 * The refusals a person could meet (not open, closed, already registered) are
 * errors without the platform's words: the benchmark never meets them.
 */
export async function registerForEvent(ctx: BareContext, eventId: string) {
  const user = ctx.user!;
  return transaction(ctx, async (query) => {
    const event = await lockEvent(ctx, query, eventId);
    if (event.status === 'CANCELLED' || event.publishedAt === null) throw new Error('CONFLICT: the event is not open');
    const now = new Date();
    const closesAt = event.registrationClosesAt ?? event.startsAt;
    if (event.registrationOpensAt && now.getTime() < event.registrationOpensAt.getTime()) throw new Error('CONFLICT: REGISTRATION_NOT_OPEN');
    if (now.getTime() >= closesAt.getTime()) throw new Error('CONFLICT: REGISTRATION_CLOSED');
    const existing = await lockRegistration(query, event.id, user.id);
    if (existing && existing.status !== 'CANCELLED') throw new Error('CONFLICT: ALREADY_REGISTERED');
    if (!existing) throw new Error('The baseline re-registers only: the benchmark registers each person once through the platform first.');
    const [counts] = await query<{ registered: number; waitlisted: number; next: number }>(
      `SELECT count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
              coalesce(max(queue_order), 0)::int + 1 AS next
         FROM event_registration WHERE event_id = $1`,
      [event.id],
    );
    const hasPlace = event.capacity === null || (counts.registered < event.capacity && counts.waitlisted === 0);
    const [row] = await query(
      `UPDATE "event_registration" SET "status" = $1, "queue_order" = $2, "registered_at" = $3, "promoted_at" = $4, "cancelled_at" = $5, "updated_at" = CURRENT_TIMESTAMP WHERE "id" = $6 RETURNING *`,
      [hasPlace ? 'REGISTERED' : 'WAITLISTED', counts.next, now, null, null, existing.id],
    );
    await confirm(ctx, query, event, user.id, existing.id, hasPlace ? null : counts.waitlisted + 1, now);
    return registrationOfRow(row);
  });
}

/** The email that tells them, written to the outbox in the same transaction (OutboxService.enqueueEmail). */
async function confirm(ctx: BareContext, query: Query, event: EventRow, userId: string, registrationId: string, waitlistPosition: number | null, now: Date): Promise<void> {
  const [to] = await query<{ id: string; email: string; preferred_language: string; time_zone: string }>(
    `SELECT u.id, u.email, u.preferred_language, u.time_zone FROM user_account u WHERE u.id IN (SELECT unnest($1::uuid[])) AND u.disabled_at IS NULL ORDER BY u.email`,
    [[userId]],
  );
  if (!to) return;
  const url = `${ctx.publicUrl}/events/${event.id}`;
  const data = {
    kind: event.kind,
    format: event.format,
    title: { en: event.titleEn, ko: event.titleKo },
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    venue: event.venue,
    joinUrl: waitlistPosition === null ? event.joinUrl : null,
    url,
  };
  const [template, full] = waitlistPosition === null ? ['events.registered', { ...data, calendarUrl: `${url}.ics` }] : ['events.waitlisted', { ...data, waitlistPosition }];
  await query(
    `INSERT INTO "outbox_message"("id", "idempotency_key", "template", "recipient_email", "recipient_user_id", "language", "time_zone", "data", "status", "attempts", "last_error", "subject", "lease_until", "lease_owner", "queued_at", "sent_at", "created_at", "updated_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) ON CONFLICT DO NOTHING RETURNING "id", "data", "status", "attempts", "created_at", "updated_at"`,
    [`event-registered:${registrationId}:${now.toISOString()}`, template, to.email, to.id, to.preferred_language === 'ko' ? 'ko' : 'en', to.time_zone, JSON.stringify(full)],
  );
}

/** `cancelEventRegistration`: gives the place up; a freed place would go to the first person waiting (RegistrationsService.cancel, promote). */
export async function cancelEventRegistration(ctx: BareContext, eventId: string) {
  const user = ctx.user!;
  return transaction(ctx, async (query) => {
    const event = await lockEvent(ctx, query, eventId);
    if (event.status === 'CANCELLED') throw new Error('CONFLICT: EVENT_CANCELLED');
    const now = new Date();
    if (now.getTime() >= event.startsAt.getTime()) throw new Error('CONFLICT: EVENT_STARTED');
    const registration = await lockRegistration(query, event.id, user.id);
    if (!registration || registration.status === 'CANCELLED') throw new Error('CONFLICT: NOT_REGISTERED');
    const held = registration.status === 'REGISTERED';
    const [row] = await query(`UPDATE "event_registration" SET "status" = $1, "cancelled_at" = $2, "updated_at" = CURRENT_TIMESTAMP WHERE "id" = $3 RETURNING *`, ['CANCELLED', now, registration.id]);
    if (held && event.status === 'PUBLISHED' && new Date() < event.startsAt) {
      const counts = (await countsIn(ctx, [event.id], query)).get(event.id)!;
      const free = event.capacity === null ? counts.waitlisted : Math.max(0, event.capacity - counts.registered);
      if (free > 0 && counts.waitlisted > 0) throw new Error('The baseline does not promote from a waiting list: the benchmark\'s events have room.');
    }
    return registrationOfRow(row);
  });
}
