import ICAL from 'ical.js';
import { GqlResponse, TestApp } from '../support/harness';

/** Building blocks of the events tests: each a GraphQL call a real client makes. */

const EVENT_FIELDS = `id status version kind format title { en ko } startsAt endsAt timeZone capacity spacesLeft registeredCount waitlistCount registrationOpen url calendarUrl`;
const REGISTRATION_FIELDS = `id eventId status queueOrder registeredAt promotedAt cancelledAt waitlistPosition`;

export const E = {
  CREATE: `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`,
  UPDATE: `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { ${EVENT_FIELDS} } }`,
  PUBLISH: `mutation($input: EventStepInput!) { publishEvent(input: $input) { ${EVENT_FIELDS} publishedAt } }`,
  CANCEL: `mutation($input: CancelEventInput!) { cancelEvent(input: $input) { ${EVENT_FIELDS} cancelledAt cancelReason } }`,
  EVENT: `query($id: ID!) { event(id: $id) { ${EVENT_FIELDS} joinUrl venue sectors workspaceId organiserName
    startsAtLocal { timeZone cityId local utcOffset zoneName text } endsAtLocal { timeZone local } myRegistration { ${REGISTRATION_FIELDS} } } }`,
  EVENTS: `query($filter: EventFilter, $first: Int, $after: String) { events(filter: $filter, first: $first, after: $after) { totalCount nodes { id status title { en ko } startsAt } pageInfo { hasNextPage endCursor } } }`,
  REGISTER: `mutation($input: EventRegistrationInput!) { registerForEvent(input: $input) { ${REGISTRATION_FIELDS} } }`,
  CANCEL_REGISTRATION: `mutation($input: EventRegistrationInput!) { cancelEventRegistration(input: $input) { ${REGISTRATION_FIELDS} } }`,
  MY_REGISTRATIONS: `query($filter: RegistrationFilter) { myRegistrations(filter: $filter, first: 100) { totalCount nodes { ${REGISTRATION_FIELDS} event { id title { en } } } } }`,
  REGISTRATIONS: `query($id: ID!, $filter: RegistrationFilter) { event(id: $id) { id registrations(first: 100, filter: $filter) { totalCount nodes { ${REGISTRATION_FIELDS} attendee { userId displayName email language timeZone } } } } }`,
  FOLLOW: `mutation($input: EventFollowInput!) { followEvents(input: $input) { scope sector workspaceId viaWorkspaceDigest since } }`,
  UNFOLLOW: `mutation($input: EventFollowInput!) { unfollowEvents(input: $input) }`,
  MY_FOLLOWS: `query { myEventFollows { scope sector workspaceId viaWorkspaceDigest } }`,
  MY_CALENDAR_ADDRESS: `query { myCalendarAddress { createdAt lastUsedAt } }`,
  CREATE_CALENDAR_ADDRESS: `mutation { createCalendarAddress { url createdAt } }`,
  ROTATE_CALENDAR_ADDRESS: `mutation { rotateCalendarAddress { url createdAt } }`,
  REMOVE_CALENDAR_ADDRESS: `mutation { removeCalendarAddress }`,
  FOLLOW_WORKSPACE: `mutation($workspaceId: ID!) { followWorkspace(workspaceId: $workspaceId, frequency: DAILY) { id } }`,
};

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export const codeOf = (res: GqlResponse<unknown>): string => res.errors?.[0]?.extensions.code ?? 'OK';
export const reasonOf = (res: GqlResponse<unknown>): unknown => res.errors?.[0]?.extensions.reason;
export const fieldsOf = (res: GqlResponse<unknown>): string[] => (res.errors?.[0]?.extensions.fields ?? []).map((f) => f.field);

export interface EventView {
  id: string;
  status: string;
  version: number;
  title: { en: string | null; ko: string | null };
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  spacesLeft: number | null;
  registeredCount: number;
  waitlistCount: number;
  registrationOpen: boolean;
  url: string;
  calendarUrl: string | null;
}

export interface RegistrationView {
  id: string;
  eventId: string;
  status: 'REGISTERED' | 'WAITLISTED' | 'CANCELLED';
  queueOrder: number;
  registeredAt: string;
  promotedAt: string | null;
  waitlistPosition: number | null;
}

/** A hybrid seminar starting `startsInMs` from the API clock's now (on the next whole minute, as people set times), two hours long, in Seoul. */
export function eventInput(app: TestApp, over: Record<string, unknown> = {}, startsInMs = 10 * DAY): Record<string, unknown> {
  const start = Math.ceil((app.clock.now().getTime() + startsInMs) / 60_000) * 60_000;
  return {
    kind: 'SEMINAR',
    format: 'HYBRID',
    title: { en: 'Hydrogen ports seminar', ko: '수소 항만 세미나' },
    description: { en: 'What Liverpool and Busan learnt about hydrogen at the quayside.', ko: '리버풀과 부산이 부두에서 수소에 대해 배운 것.' },
    venue: 'BEXCO, Busan',
    joinUrl: 'https://meet.example.org/hydrogen-ports',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * HOUR).toISOString(),
    timeZone: 'Asia/Seoul',
    sectors: ['hydrogen'],
    ...over,
  };
}

export async function createEvent(app: TestApp, token: string, over: Record<string, unknown> = {}, startsInMs?: number): Promise<EventView> {
  return (await app.gqlOk<{ createEvent: EventView }>(E.CREATE, { input: eventInput(app, over, startsInMs) }, { token })).createEvent;
}

export async function publish(app: TestApp, token: string, event: { id: string; version: number }): Promise<EventView> {
  return (await app.gqlOk<{ publishEvent: EventView }>(E.PUBLISH, { input: { id: event.id, version: event.version } }, { token })).publishEvent;
}

export async function publishedEvent(app: TestApp, token: string, over: Record<string, unknown> = {}, startsInMs?: number): Promise<EventView> {
  return publish(app, token, await createEvent(app, token, over, startsInMs));
}

export async function versionOf(app: TestApp, token: string, id: string): Promise<number> {
  return (await app.gqlOk<{ event: { version: number } }>(E.EVENT, { id }, { token })).event.version;
}

export async function register(app: TestApp, token: string, eventId: string): Promise<RegistrationView> {
  return (await app.gqlOk<{ registerForEvent: RegistrationView }>(E.REGISTER, { input: { eventId } }, { token })).registerForEvent;
}

/**
 * `count` extra accounts, made directly in the database with the demo password
 * (its hash copied from a demo account, so signing in is real), each signed in.
 */
export async function crowd(app: TestApp, prefix: string, count: number, language: 'en' | 'ko' = 'en'): Promise<Array<{ email: string; id: string; token: string }>> {
  const rows: Array<{ id: string; email: string }> = await app.dataSource.query(
    `INSERT INTO user_account (email, display_name, preferred_language, time_zone, password_hash, email_confirmed_at)
     SELECT $1 || '.' || i || '@example.org', initcap($1) || ' ' || i, $3, $4, (SELECT password_hash FROM user_account WHERE email = 'participant@demo.twins.test'), now()
       FROM generate_series(1, $2::int) AS i
     RETURNING id, email`,
    [prefix, count, language, language === 'ko' ? 'Asia/Seoul' : 'Europe/London'],
  );
  const people: Array<{ email: string; id: string; token: string }> = [];
  for (let i = 0; i < rows.length; i += 10) {
    const batch = rows.slice(i, i + 10);
    const tokens = await Promise.all(batch.map((r) => app.signIn(r.email)));
    batch.forEach((r, j) => people.push({ email: r.email, id: r.id, token: tokens[j] }));
  }
  return people.sort((a, b) => a.email.localeCompare(b.email, 'en', { numeric: true }));
}

/** Fetches a calendar and parses it as a calendar app would, its time zones registered. */
export async function fetchCalendar(url: string): Promise<{ status: number; contentType: string | null; text: string; events: ICAL.Component[] }> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) return { status: response.status, contentType: response.headers.get('content-type'), text, events: [] };
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { status: 200, contentType: response.headers.get('content-type'), text, events: calendar.getAllSubcomponents('vevent') };
}

/** A new personal calendar address for the person, as createCalendarAddress gives it (once). */
export async function newCalendarAddress(app: TestApp, token: string): Promise<string> {
  return (await app.gqlOk<{ createCalendarAddress: { url: string } }>(E.CREATE_CALENDAR_ADDRESS, {}, { token })).createCalendarAddress.url;
}

/** How many outbox rows of a template (optionally for one address) exist. */
export async function outboxCount(app: TestApp, template: string, email?: string): Promise<number> {
  const [{ n }]: Array<{ n: number }> = await app.dataSource.query(
    `SELECT count(*)::int AS n FROM outbox_message WHERE template = $1 AND ($2::text IS NULL OR recipient_email = $2)`,
    [template, email ?? null],
  );
  return n;
}

/** Lets the worker run a few more checks, so a test can assert that nothing more arrives. */
export const settle = (ms = 1000) => new Promise((resolve) => setTimeout(resolve, ms));
