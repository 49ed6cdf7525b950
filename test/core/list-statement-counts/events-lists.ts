import { crowd, E, publishedEvent, register } from '../../events/events-support';
import type { Fixture, ListCase } from './lists';

/** Events: the organiser's events with who registered, a participant's registrations and follows. */

const LOCAL = 'timeZone local text';
const REGISTRATION = 'id status queueOrder waitlistPosition attendee { userId displayName email } event { id title { en } }';

export async function setup(f: Fixture): Promise<void> {
  // The organiser's two demo events, and a third with one place, so someone waits.
  const small = await publishedEvent(f.app, f.t.organiser, { capacity: 1, title: { en: 'Small room', ko: '작은 방' } });
  const people = await crowd(f.app, 'lists-events', 3);
  const { events } = await f.app.gqlOk<{ events: { nodes: Array<{ id: string }> } }>(E.EVENTS, { first: 3 });
  expect(events.nodes.map((e) => e.id)).toContain(small.id);
  for (const event of events.nodes) {
    for (const person of people) await register(f.app, person.token, event.id);
    await register(f.app, f.t.participant, event.id);
  }
  await f.app.gqlOk(E.FOLLOW, { input: { scope: 'PROGRAMME' } }, { token: f.t.participant });
}

export const cases: ListCase[] = [
  {
    name: "the organiser's events, each with its registrations and who holds them",
    as: 'organiser',
    // Those waiting apart too, so that both sizes read a waiting list's positions (the soonest event is the small room).
    query: `query($n: Int!) { events(first: $n) { nodes { id startsAtLocal { ${LOCAL} } endsAtLocal { ${LOCAL} } myRegistration { id }
      registrations(first: $n) { totalCount pageInfo { hasNextPage endCursor } nodes { ${REGISTRATION} } }
      waiting: registrations(first: $n, filter: { statuses: [WAITLISTED] }) { totalCount nodes { ${REGISTRATION} } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the events, for anyone',
    query: `query($n: Int!) { events(first: $n) { nodes { id organiserName registeredCount startsAtLocal { ${LOCAL} } endsAtLocal { ${LOCAL} } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: "a participant's registrations, with their events",
    as: 'participant',
    query: `query($n: Int!) { myRegistrations(first: $n) { totalCount nodes { id status waitlistPosition event { id startsAtLocal { ${LOCAL} } endsAtLocal { ${LOCAL} } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'what brings a participant event announcements',
    as: 'participant',
    query: `query { myEventFollows { scope sector workspaceId since } }`,
    grow: async (f) => {
      await f.app.gqlOk(E.FOLLOW, { input: { scope: 'SECTOR', sector: 'hydrogen' } }, { token: f.t.participant });
    },
  },
];
