import { GqlResponse, startTestApp, TestApp } from '../support/harness';
import { codeOf, createEvent, E, eventInput, publishedEvent, versionOf } from './events-support';

/** Who tries an events operation: nobody signed in, a participant, the organiser who owns the event, another organiser, an admin. */
type Who = 'anonymous' | 'participant' | 'organiser' | 'otherOrganiser' | 'admin';

/** The owner acts last: refusals are checked before a change of state. */
const OWNER_LAST: Who[] = ['anonymous', 'participant', 'otherOrganiser', 'admin', 'organiser'];

const EVERYONE_OK = { anonymous: 'OK', participant: 'OK', organiser: 'OK', otherOrganiser: 'OK', admin: 'OK' };
const SIGNED_IN = { anonymous: 'UNAUTHENTICATED', participant: 'OK', organiser: 'OK', otherOrganiser: 'OK', admin: 'OK' };
/** Organisers and admins create; a participant holds no role for it. */
const ORGANISERS = { anonymous: 'UNAUTHENTICATED', participant: 'FORBIDDEN', organiser: 'OK', otherOrganiser: 'OK', admin: 'OK' };
/** The owner and admins run a published event; another organiser sees it but may not touch it. */
const RUN_PUBLISHED = { anonymous: 'UNAUTHENTICATED', participant: 'FORBIDDEN', otherOrganiser: 'FORBIDDEN', admin: 'OK', organiser: 'OK' };
/** A draft does not exist for another organiser. */
const RUN_DRAFT = { ...RUN_PUBLISHED, otherOrganiser: 'NOT_FOUND' };
/** A draft is seen by its owner and admins only. */
const SEE_DRAFT = { anonymous: 'NOT_FOUND', participant: 'NOT_FOUND', organiser: 'OK', otherOrganiser: 'NOT_FOUND', admin: 'OK' };

/**
 * Every events operation and restricted field, tried by each kind of person:
 * the exact outcome of each (OK, the error code, NULL for a field read as
 * null without an error, or the HTTP status). 김지현 (a board member) is made
 * an organiser too, to be the other organiser.
 */
describe('events: the permission matrix', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};

  const tokenOf = (who: Who): string | undefined =>
    ({ anonymous: undefined, participant: t.participant, organiser: t.organiser, otherOrganiser: t.boardKr, admin: t.admin })[who];

  const row = async <D = Record<string, unknown>>(
    attempt: (who: Who) => Promise<{ query: string; variables?: Record<string, unknown> }>,
    options: { actors?: Who[]; pick?: (data: D) => unknown } = {},
  ): Promise<Record<string, unknown>> => {
    const got: Record<string, unknown> = {};
    for (const who of options.actors ?? OWNER_LAST) {
      const { query, variables } = await attempt(who);
      const res: GqlResponse<D> = await app.gql<D>(query, variables ?? {}, { token: tokenOf(who) });
      got[who] = res.errors?.length ? codeOf(res) : options.pick ? options.pick(res.data as D) : 'OK';
    }
    return got;
  };
  const nullOr = (value: unknown) => (value === null ? 'NULL' : 'OK');

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    await app.signInDemo(t, id, ['admin', 'organiser', 'participant', 'boardKr']);
    await app.gqlOk(`mutation($input: UserRoleInput!) { grantRole(input: $input) { id } }`, { input: { userId: id.boardKr, role: 'EVENT_ORGANISER' } }, { token: t.admin });
    t.boardKr = await app.signIn('board.kr@demo.twins.test');
  });
  afterAll(() => app?.close());

  it('reads: published events are everyone’s, drafts their owner’s and admins’', async () => {
    const published = await publishedEvent(app, t.organiser);
    const draft = await createEvent(app, t.organiser);
    expect(await row(async () => ({ query: E.EVENTS, variables: { filter: {} } }))).toEqual(EVERYONE_OK);
    expect(await row(async () => ({ query: E.EVENT, variables: { id: published.id } }))).toEqual(EVERYONE_OK);
    expect(await row(async () => ({ query: E.EVENT, variables: { id: draft.id } }))).toEqual(SEE_DRAFT);
    const listsDraft = (d: { events: { nodes: Array<{ id: string }> } }) => (d.events.nodes.some((e) => e.id === draft.id) ? 'SEES' : 'NONE');
    expect(await row(async () => ({ query: E.EVENTS, variables: { filter: { statuses: ['DRAFT'] }, first: 100 } }), { pick: listsDraft })).toEqual({
      anonymous: 'NONE', participant: 'NONE', organiser: 'SEES', otherOrganiser: 'NONE', admin: 'SEES',
    });
  });

  it('createEvent: organisers and admins', async () => {
    expect(await row(async () => ({ query: E.CREATE, variables: { input: eventInput(app) } }))).toEqual(ORGANISERS);
  });

  it('updateEvent, publishEvent, cancelEvent: the event’s organiser and admins', async () => {
    const published = await publishedEvent(app, t.organiser);
    expect(await row(async () => ({ query: E.UPDATE, variables: { input: { id: published.id, version: await versionOf(app, t.admin, published.id), capacity: 50 } } }))).toEqual(RUN_PUBLISHED);
    const draft = await createEvent(app, t.organiser);
    expect(await row(async () => ({ query: E.UPDATE, variables: { input: { id: draft.id, version: await versionOf(app, t.admin, draft.id), capacity: 50 } } }))).toEqual(RUN_DRAFT);
    // Each attempt gets a draft of its own, so a success does not change the next person's answer.
    expect(await row(async () => {
      const fresh = await createEvent(app, t.organiser);
      return { query: E.PUBLISH, variables: { input: { id: fresh.id, version: fresh.version } } };
    })).toEqual(RUN_DRAFT);
    expect(await row(async () => {
      const fresh = await publishedEvent(app, t.organiser);
      return { query: E.CANCEL, variables: { input: { id: fresh.id, version: fresh.version, reason: 'Matrix' } } };
    })).toEqual(RUN_PUBLISHED);
    expect(await row(async () => {
      const fresh = await createEvent(app, t.organiser);
      return { query: E.CANCEL, variables: { input: { id: fresh.id, version: fresh.version, reason: 'Matrix' } } };
    })).toEqual(RUN_DRAFT);
    // Another organiser's own event is theirs to run, not the first organiser's.
    const theirs = await publishedEvent(app, t.boardKr);
    expect(await row(async () => ({ query: E.UPDATE, variables: { input: { id: theirs.id, version: await versionOf(app, t.admin, theirs.id), capacity: 20 } } }))).toEqual({
      ...RUN_PUBLISHED, organiser: 'FORBIDDEN', otherOrganiser: 'OK',
    });
  });

  it('registerForEvent, cancelEventRegistration: anyone signed in, for published events', async () => {
    const published = await publishedEvent(app, t.organiser);
    expect(await row(async () => ({ query: E.REGISTER, variables: { input: { eventId: published.id } } }))).toEqual(SIGNED_IN);
    expect(await row(async () => ({ query: E.CANCEL_REGISTRATION, variables: { input: { eventId: published.id } } }))).toEqual(SIGNED_IN);
    const draft = await createEvent(app, t.organiser);
    // A draft is not there for most; its owner and admins are told to publish it first.
    expect(await row(async () => ({ query: E.REGISTER, variables: { input: { eventId: draft.id } } }))).toEqual({ ...SEE_DRAFT, anonymous: 'UNAUTHENTICATED', organiser: 'CONFLICT', admin: 'CONFLICT' });
  });

  it('myRegistrations, myEventFollows, the calendar address, followEvents, unfollowEvents: anyone signed in, for themselves', async () => {
    expect(await row(async () => ({ query: E.MY_REGISTRATIONS }))).toEqual(SIGNED_IN);
    expect(await row(async () => ({ query: E.MY_FOLLOWS }))).toEqual(SIGNED_IN);
    expect(await row(async () => ({ query: E.MY_CALENDAR_ADDRESS }))).toEqual(SIGNED_IN);
    expect(await row(async () => ({ query: E.CREATE_CALENDAR_ADDRESS }))).toEqual(SIGNED_IN);
    expect(await row(async () => ({ query: E.ROTATE_CALENDAR_ADDRESS }))).toEqual(SIGNED_IN);
    expect(await row(async () => ({ query: E.REMOVE_CALENDAR_ADDRESS }))).toEqual(SIGNED_IN);
    expect(await row(async () => ({ query: E.FOLLOW, variables: { input: { scope: 'SECTOR', sector: 'hydrogen' } } }))).toEqual(SIGNED_IN);
    expect(await row(async () => ({ query: E.UNFOLLOW, variables: { input: { scope: 'SECTOR', sector: 'hydrogen' } } }))).toEqual(SIGNED_IN);
  });

  it('event.registrations with attendee details: the event’s organiser and admins; null without the role, NOT_FOUND for another organiser', async () => {
    const event = await publishedEvent(app, t.organiser);
    await app.gqlOk(E.REGISTER, { input: { eventId: event.id } }, { token: t.participant });
    const pick = (d: { event: { registrations: { nodes: Array<{ attendee: { email: string } | null }> } | null } }) =>
      d.event.registrations ? d.event.registrations.nodes.map((n) => n.attendee?.email ?? 'HIDDEN').join() : 'NULL';
    expect(await row(async () => ({ query: E.REGISTRATIONS, variables: { id: event.id } }), { pick })).toEqual({
      anonymous: 'NULL', participant: 'NULL', otherOrganiser: 'NOT_FOUND', admin: 'participant@demo.twins.test', organiser: 'participant@demo.twins.test',
    });
    // Their own registration, and who holds it, is the person's own.
    const mine = await app.gqlOk<{ myRegistrations: { nodes: Array<{ attendee?: unknown }> } }>(
      `query { myRegistrations { nodes { attendee { email } } } }`, {}, { token: t.participant },
    );
    expect(mine.myRegistrations.nodes).toEqual([{ attendee: { email: 'participant@demo.twins.test' } }]);
  });

  it('event.myRegistration: anyone signed in; event.joinUrl: people holding a place, the organiser and admins', async () => {
    const event = await publishedEvent(app, t.organiser);
    const mine = `query($id: ID!) { event(id: $id) { id myRegistration { status } } }`;
    expect(await row(async () => ({ query: mine, variables: { id: event.id } }), { pick: (d: { event: { myRegistration: unknown } }) => nullOr(d.event.myRegistration) })).toEqual({
      anonymous: 'NULL', participant: 'NULL', otherOrganiser: 'NULL', admin: 'NULL', organiser: 'NULL',
    });
    await app.gqlOk(E.REGISTER, { input: { eventId: event.id } }, { token: t.participant });
    expect(await row(async () => ({ query: mine, variables: { id: event.id } }), { pick: (d: { event: { myRegistration: unknown } }) => nullOr(d.event.myRegistration) })).toEqual({
      anonymous: 'NULL', participant: 'OK', otherOrganiser: 'NULL', admin: 'NULL', organiser: 'NULL',
    });
    const link = `query($id: ID!) { event(id: $id) { joinUrl } }`;
    expect(await row(async () => ({ query: link, variables: { id: event.id } }), { pick: (d: { event: { joinUrl: unknown } }) => nullOr(d.event.joinUrl) })).toEqual({
      anonymous: 'NULL', participant: 'OK', otherOrganiser: 'NULL', admin: 'OK', organiser: 'OK',
    });
  });

  it('GET /events/{id}/registrations.csv: the organiser and admins; 401 without a token, 404 for anyone else; .ics public once published', async () => {
    const published = await publishedEvent(app, t.organiser);
    const draft = await createEvent(app, t.organiser);
    const csvRow = async (eventId: string) => {
      const got: Record<string, number> = {};
      for (const who of OWNER_LAST) {
        const token = tokenOf(who);
        got[who] = (await fetch(`${app.url}/events/${eventId}/registrations.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;
      }
      return got;
    };
    expect(await csvRow(published.id)).toEqual({ anonymous: 401, participant: 404, otherOrganiser: 404, admin: 200, organiser: 200 });
    expect(await csvRow(draft.id)).toEqual({ anonymous: 401, participant: 404, otherOrganiser: 404, admin: 200, organiser: 200 });
    expect((await fetch(`${app.url}/events/${published.id}.ics`)).status).toBe(200);
    // A draft's .ics is not there, whoever asks.
    expect((await fetch(`${app.url}/events/${draft.id}.ics`, { headers: { authorization: `Bearer ${t.organiser}` } })).status).toBe(404);
  });
});
