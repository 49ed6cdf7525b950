import { GqlResponse, startTestApp, TestApp } from '../support/harness';
import { codeOf, createEvent, crowd, DAY, E, EventView, HOUR, outboxCount, publishedEvent, reasonOf, register, RegistrationView, settle, versionOf } from './events-support';

interface Listed extends RegistrationView {
  attendee: { userId: string; displayName: string; email: string; language: string; timeZone: string } | null;
}

/** Places, the waiting list in arrival order, promotion when a place frees, and no overbooking under concurrency. */
describe('events: registration and the waiting list', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    await app.signInDemo(t, id, ['admin', 'organiser', 'participant', 'liverpool']);
  });
  afterAll(() => app?.close());

  const listed = async (eventId: string, statuses?: string[]) =>
    (await app.gqlOk<{ event: { registrations: { nodes: Listed[] } } }>(E.REGISTRATIONS, { id: eventId, filter: statuses ? { statuses } : null }, { token: t.organiser })).event.registrations.nodes;
  const counts = async (eventId: string) => (await app.gqlOk<{ event: EventView }>(E.EVENT, { id: eventId })).event;

  it('keeps the waiting list in arrival order and gives a freed place, or a new one, to the first person waiting, who is told', async () => {
    const event = await publishedEvent(app, t.organiser, { capacity: 2, format: 'IN_PERSON', joinUrl: null });
    const [p1, p2, p3, p4, p5] = await crowd(app, 'queue', 5);
    expect((await register(app, p1.token, event.id)).status).toBe('REGISTERED');
    expect((await register(app, p2.token, event.id)).status).toBe('REGISTERED');
    expect((await register(app, p3.token, event.id))).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect((await register(app, p4.token, event.id))).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect((await register(app, p5.token, event.id))).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 3 });
    expect(await counts(event.id)).toMatchObject({ registeredCount: 2, waitlistCount: 3, spacesLeft: 0 });

    // Nobody holds two places or two places in the queue.
    for (const [who, status] of [[p1, 'REGISTERED'], [p3, 'WAITLISTED']] as const) {
      const twice = await app.gql(E.REGISTER, { input: { eventId: event.id } }, { token: who.token });
      expect([codeOf(twice), reasonOf(twice), twice.errors![0].extensions.status]).toEqual(['CONFLICT', 'ALREADY_REGISTERED', status]);
    }
    // The capacity cannot go below the places taken.
    const lower = await app.gql(E.UPDATE, { input: { id: event.id, version: event.version, capacity: 1 } }, { token: t.organiser });
    expect([codeOf(lower), reasonOf(lower), lower.errors![0].extensions.registered]).toEqual(['CONFLICT', 'CAPACITY_BELOW_REGISTRATIONS', 2]);
    // The organiser's account reads Korean.
    expect(lower.errors![0].message).toBe('이미 2명의 참가가 확정되어 있어 정원을 2명보다 줄일 수 없습니다. 먼저 일부 참가자에게 신청을 취소해 달라고 요청해 주세요.');

    // Leaving the queue promotes nobody; the others move up.
    await app.gqlOk(E.CANCEL_REGISTRATION, { input: { eventId: event.id } }, { token: p4.token });
    expect((await listed(event.id, ['WAITLISTED'])).map((r) => [r.attendee!.email, r.waitlistPosition])).toEqual([[p3.email, 1], [p5.email, 2]]);

    // A place frees: the first person waiting gets it in the same transaction, and an email.
    await app.gqlOk(E.CANCEL_REGISTRATION, { input: { eventId: event.id } }, { token: p1.token });
    const promoted = await app.mail.waitFor((m) => m.to === p3.email && m.subject === 'You have a place: “Hydrogen ports seminar”');
    expect(promoted.text).toContain('A place came free and it is yours');
    expect(promoted.text).toContain('Where: BEXCO, Busan');
    expect((await listed(event.id)).map((r) => [r.attendee!.email, r.status, r.waitlistPosition])).toEqual([
      [p2.email, 'REGISTERED', null],
      [p3.email, 'REGISTERED', null],
      [p5.email, 'WAITLISTED', 1],
    ]);

    // More places: they go to the waiting list, in order; someone registering again joins at the back.
    await app.gqlOk(E.UPDATE, { input: { id: event.id, version: await versionOf(app, t.organiser, event.id), capacity: 4 } }, { token: t.organiser });
    await app.mail.waitFor((m) => m.to === p5.email && m.subject.startsWith('You have a place'));
    const back = await register(app, p1.token, event.id);
    expect(back).toMatchObject({ status: 'REGISTERED', queueOrder: 6 });
    expect(await counts(event.id)).toMatchObject({ registeredCount: 4, waitlistCount: 0, spacesLeft: 0 });
    await settle();
    expect(await outboxCount(app, 'events.promoted')).toBe(2);

    const mine = await app.gqlOk<{ myRegistrations: { nodes: Array<RegistrationView & { event: { id: string } }> } }>(E.MY_REGISTRATIONS, {}, { token: p5.token });
    expect(mine.myRegistrations.nodes.map((r) => [r.event.id, r.status])).toEqual([[event.id, 'REGISTERED']]);
    const left = await app.gqlOk<{ myRegistrations: { nodes: unknown[] } }>(E.MY_REGISTRATIONS, { filter: { statuses: ['CANCELLED'] } }, { token: p4.token });
    expect(left.myRegistrations.nodes).toHaveLength(1);

    // Someone's registrations come soonest event first, a page at a time.
    const later = await publishedEvent(app, t.organiser, {}, 20 * DAY);
    const sooner = await publishedEvent(app, t.organiser, {}, 5 * DAY);
    await register(app, p5.token, later.id);
    await register(app, p5.token, sooner.id);
    const pageOf = `query($after: String) { myRegistrations(first: 2, after: $after) { nodes { eventId } pageInfo { hasNextPage endCursor } } }`;
    type Page = { myRegistrations: { nodes: Array<{ eventId: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await app.gqlOk<Page>(pageOf, {}, { token: p5.token });
    const second = await app.gqlOk<Page>(pageOf, { after: first.myRegistrations.pageInfo.endCursor }, { token: p5.token });
    expect([...first.myRegistrations.nodes, ...second.myRegistrations.nodes].map((r) => r.eventId)).toEqual([sooner.id, event.id, later.id]);
    expect([first.myRegistrations.pageInfo.hasNextPage, second.myRegistrations.pageInfo.hasNextPage]).toEqual([true, false]);
  });

  it('exports the registrations as CSV for the organiser: arrival order, Korean names readable, formulas defused', async () => {
    const event = await publishedEvent(app, t.organiser, { capacity: 1 });
    const [a, b] = await crowd(app, 'export', 2);
    await app.dataSource.query(`UPDATE user_account SET display_name = '=HYPERLINK("http://x")' WHERE id = $1`, [a.id]);
    await app.dataSource.query(`UPDATE user_account SET display_name = '김민수' WHERE id = $1`, [b.id]);
    await register(app, a.token, event.id);
    await register(app, b.token, event.id);
    const response = await fetch(`${app.url}/events/${event.id}/registrations.csv`, { headers: { authorization: `Bearer ${t.organiser}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('arrival,status,waitlist_position,name,email,language,time_zone,registered_at_utc,promoted_at_utc,cancelled_at_utc');
    expect(lines[1]).toMatch(new RegExp(`^1,REGISTERED,,"'=HYPERLINK\\(""http://x""\\)",${a.email.replace('.', '\\.')},en,Europe/London,\\d{4}-`));
    expect(lines[2]).toMatch(new RegExp(`^2,WAITLISTED,1,김민수,${b.email.replace('.', '\\.')},`));
    expect(lines).toHaveLength(3);
  });

  it('once the event has started, nobody waiting is promoted: a place then would be of no use', async () => {
    const event = await publishedEvent(app, t.organiser, { capacity: 1, format: 'IN_PERSON', joinUrl: null, registrationClosesAt: null }, 2 * DAY);
    const [first, waiting] = await crowd(app, 'late', 2);
    await register(app, first.token, event.id);
    expect((await register(app, waiting.token, event.id)).status).toBe('WAITLISTED');
    app.clock.advance(2 * DAY + HOUR);
    try {
      await app.gqlOk(E.UPDATE, { input: { id: event.id, version: await versionOf(app, t.organiser, event.id), capacity: 5 } }, { token: t.organiser });
      expect((await listed(event.id, ['WAITLISTED'])).map((r) => r.attendee!.email)).toEqual([waiting.email]);
      expect(await outboxCount(app, 'events.promoted', waiting.email)).toBe(0);
    } finally {
      app.clock.advance(-(2 * DAY + HOUR));
    }
  });

  it('registration opens and closes when the organiser said; nobody registers for a cancelled event or cancels after the start', async () => {
    const now = app.clock.now().getTime();
    const event = await publishedEvent(app, t.organiser, {
      registrationOpensAt: new Date(now + DAY).toISOString(),
      registrationClosesAt: new Date(now + 2 * DAY).toISOString(),
    }, 5 * DAY);
    try {
      const early = await app.gql<{ registerForEvent: unknown }>(E.REGISTER, { input: { eventId: event.id } }, { token: t.participant });
      expect([codeOf(early), reasonOf(early)]).toEqual(['CONFLICT', 'REGISTRATION_NOT_OPEN']);
      expect(early.errors![0].message).toMatch(/^Registration for this event opens on [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}, \d{1,2}:\d{2}.*: register then\.$/);
      app.clock.advance(DAY);
      expect((await register(app, t.participant, event.id)).status).toBe('REGISTERED');
      app.clock.advance(DAY);
      const late = await app.gql(E.REGISTER, { input: { eventId: event.id } }, { token: t.liverpool });
      expect([codeOf(late), reasonOf(late)]).toEqual(['CONFLICT', 'REGISTRATION_CLOSED']);
      const notMine = await app.gql(E.CANCEL_REGISTRATION, { input: { eventId: event.id } }, { token: t.liverpool });
      expect([codeOf(notMine), reasonOf(notMine)]).toEqual(['CONFLICT', 'NOT_REGISTERED']);
      app.clock.advance(3 * DAY + HOUR);
      const started = await app.gql(E.CANCEL_REGISTRATION, { input: { eventId: event.id } }, { token: t.participant });
      expect([codeOf(started), reasonOf(started)]).toEqual(['CONFLICT', 'EVENT_STARTED']);
    } finally {
      app.clock.reset();
    }

    const doomed = await publishedEvent(app, t.organiser);
    await app.gqlOk(E.CANCEL, { input: { id: doomed.id, version: doomed.version, reason: 'The venue flooded.' } }, { token: t.organiser });
    const refused = await app.gql(E.REGISTER, { input: { eventId: doomed.id } }, { token: t.participant });
    expect([codeOf(refused), reasonOf(refused), refused.errors![0].message]).toEqual(['CONFLICT', 'EVENT_CANCELLED', 'This event was cancelled: The venue flooded.']);
    const draft = await createEvent(app, t.organiser);
    expect(reasonOf(await app.gql(E.REGISTER, { input: { eventId: draft.id } }, { token: t.organiser }))).toBe('NOT_PUBLISHED');
    expect(codeOf(await app.gql(E.REGISTER, { input: { eventId: draft.id } }, { token: t.participant }))).toBe('NOT_FOUND');
  });

  it('50 people registering at once for the last 10 places: exactly 10 registered and 40 waiting, in arrival order', async () => {
    const event = await publishedEvent(app, t.organiser, { capacity: 12 });
    await register(app, t.participant, event.id);
    await register(app, t.liverpool, event.id);
    const people = await crowd(app, 'rush', 50);

    const results = await Promise.all(
      people.map((p) => app.gql<{ registerForEvent: RegistrationView }>(E.REGISTER, { input: { eventId: event.id } }, { token: p.token })),
    );
    expect(results.filter((r: GqlResponse<unknown>) => r.errors)).toEqual([]);
    const got = results.map((r) => r.data!.registerForEvent).sort((a, b) => a.queueOrder - b.queueOrder);
    expect(got.filter((r) => r.status === 'REGISTERED')).toHaveLength(10);
    expect(got.filter((r) => r.status === 'WAITLISTED')).toHaveLength(40);
    // Arrival order: one queue number each (3 to 52, after the two already registered); the first ten
    // to arrive hold the places, the other forty wait in the order they arrived.
    expect(got.map((r) => r.queueOrder)).toEqual(Array.from({ length: 50 }, (_, i) => i + 3));
    expect(got.map((r) => r.status)).toEqual([...Array(10).fill('REGISTERED'), ...Array(40).fill('WAITLISTED')]);
    expect(got.map((r) => r.waitlistPosition)).toEqual([...Array(10).fill(null), ...Array.from({ length: 40 }, (_, i) => i + 1)]);
    const stamps = got.map((r) => new Date(r.registeredAt).getTime());
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    const [row]: Array<{ registered: number; waitlisted: number; orders: number }> = await app.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered, count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
              count(DISTINCT queue_order)::int AS orders FROM event_registration WHERE event_id = $1`,
      [event.id],
    );
    expect(row).toEqual({ registered: 12, waitlisted: 40, orders: 52 });
    expect(await counts(event.id)).toMatchObject({ registeredCount: 12, waitlistCount: 40, spacesLeft: 0 });

    // Three people with places cancel at once: the first three waiting are promoted, in order, and told.
    const owner = (r: RegistrationView) => people[results.findIndex((res) => res.data!.registerForEvent.id === r.id)];
    const leaving = got.slice(0, 3).map(owner);
    const next = got.slice(10, 13).map(owner);
    await Promise.all(leaving.map((p) => app.gqlOk(E.CANCEL_REGISTRATION, { input: { eventId: event.id } }, { token: p.token })));
    for (const p of next) await app.mail.waitFor((m) => m.to === p.email && m.subject.startsWith('You have a place'));
    const waiting = await listed(event.id, ['WAITLISTED']);
    expect(waiting.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(waiting.map((r) => r.queueOrder)).toEqual(got.slice(13).map((r) => r.queueOrder));
    const holders = await listed(event.id, ['REGISTERED']);
    expect(holders).toHaveLength(12);
    expect(next.every((p) => holders.some((h) => h.attendee!.email === p.email && h.promotedAt))).toBe(true);
    // Each of the fifty was told where they stood on registering: a place, or their place in the queue
    // (those fifty emails go out before the promotions, hence the longer time this test may take).
    const told = await Promise.all(people.map(async (p) => [await outboxCount(app, 'events.registered', p.email), await outboxCount(app, 'events.waitlisted', p.email)]));
    expect(told.filter(([placed, queued]) => placed + queued === 1)).toHaveLength(50);
    expect(told.filter(([placed]) => placed === 1)).toHaveLength(10);
  }, 120_000);

  it('a page of events lists each one’s registrations, and their next pages, as the event read alone does', async () => {
    // Every event this file made, with people registered and waiting: read together, each event's page is picked by a window over all of
    // them; read alone, by a LIMIT. Both give the same rows, order, cursors and totals.
    const PAGE = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status queueOrder waitlistPosition attendee { email } } }`;
    const together = async (after: string | null) =>
      (
        await app.gqlOk<{ events: { nodes: Array<{ id: string; registrations: unknown }> } }>(
          `query($after: String) { events(first: 100, filter: { mine: true }) { nodes { id registrations(first: 3, after: $after) { ${PAGE} } } } }`,
          { after },
          { token: t.organiser },
        )
      ).events.nodes;
    const alone = async (eventId: string, after: string | null) =>
      (await app.gqlOk<{ event: { registrations: unknown } }>(`query($id: ID!, $after: String) { event(id: $id) { registrations(first: 3, after: $after) { ${PAGE} } } }`, { id: eventId, after }, { token: t.organiser })).event
        .registrations;
    const first = await together(null);
    const busy = first.filter((e) => (e.registrations as { totalCount: number }).totalCount > 3);
    expect(busy.length).toBeGreaterThanOrEqual(2);
    for (const event of first) expect(event.registrations).toEqual(await alone(event.id, null));
    // The next page after one event's first: for that event its second page, for the others the rows after the same point in their queue.
    const cursor = (busy[0].registrations as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const next = await together(cursor);
    expect((next.find((e) => e.id === busy[0].id)!.registrations as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
    for (const event of next) expect(event.registrations).toEqual(await alone(event.id, cursor));
  });
});
