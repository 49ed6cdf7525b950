import { emailOf, PEOPLE, type DemoIds, type Person } from './traffic';

/** The demo data through the API: the workshop the drill adds, the ids the traffic needs, and the GraphQL calls they make. */

/**
 * The organiser publishes a small workshop starting in an hour and 45 s: its
 * one-hour reminder falls due 45 s later, as the faults begin, for everyone
 * holding a place taken before then (a scheduled job, once per registration
 * and due time). Two of its four places are taken at once and kept, so the
 * reminder is owed whatever the traffic does; six people come and go for the
 * other two, so the waiting list and its promotions are exercised too.
 */
export async function publishImminentEvent(url: string, ids: DemoIds): Promise<string> {
  const id = await publishDrillEvent(url, ids.tokens.get('organiser')!, { en: 'Fault drill workshop', ko: '장애 훈련 워크숍' }, new Date(Date.now() + 60.75 * 60_000), 4);
  // Two places kept from the start, so that the reminder is owed to someone whatever the traffic does; it churns the other two.
  for (const person of ['admin', 'board.uk'] as const) {
    await gqlData(url, `mutation($input: EventRegistrationInput!) { registerForEvent(input: $input) { id } }`, ids.tokens.get(person), { input: { eventId: id } });
    ids.keptPlaces.push([person, id]);
  }
  ids.eventIds.push(id);
  return id;
}

/** The organiser (signed in with `token`) creates and publishes an in-person workshop in Liverpool; returns its id. */
export async function publishDrillEvent(url: string, token: string, title: { en: string; ko: string }, startsAt: Date, capacity: number): Promise<string> {
  const { createEvent } = await gqlData<{ createEvent: { id: string; version: number } }>(
    url,
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id version } }`,
    token,
    {
      input: {
        title,
        kind: 'WORKSHOP',
        format: 'IN_PERSON',
        venue: 'Liverpool',
        timeZone: 'Europe/London',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        capacity,
      },
    },
  );
  await gqlData(url, `mutation($input: EventStepInput!) { publishEvent(input: $input) { id } }`, token, { input: { id: createEvent.id, version: createEvent.version } });
  return createEvent.id;
}

/** The demo people signed in, and the ids the traffic needs. */
export async function findDemoIds(url: string, password: string): Promise<DemoIds> {
  const tokens = new Map<Person, string>();
  const userIds = new Map<Person, string>();
  for (const person of PEOPLE) {
    const { signIn } = await gqlData<{ signIn: { accessToken: string; user: { id: string } } }>(
      url,
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
      undefined,
      { input: { email: emailOf(person), password } },
    );
    tokens.set(person, signIn.accessToken);
    userIds.set(person, signIn.user.id);
  }
  const { events } = await gqlData<{ events: { nodes: Array<{ id: string }> } }>(url, `query { events(first: 10) { nodes { id } } }`);
  const { myWorkspaces } = await gqlData<{ myWorkspaces: Array<{ id: string }> }>(url, `query { myWorkspaces { id } }`, tokens.get('officer.liverpool'));
  const { sectors } = await gqlData<{ sectors: Array<{ key: string }> }>(url, `query { sectors { key } }`);
  const { funds } = await gqlData<{ funds: { nodes: Array<{ id: string }> } }>(url, `query { funds(first: 1) { nodes { id } } }`, tokens.get('admin'));
  const { fundCalls } = await gqlData<{ fundCalls: { nodes: Array<{ id: string }> } }>(url, `query { fundCalls(open: true, first: 1) { nodes { id } } }`);
  if (!events.nodes.length || !myWorkspaces.length || !sectors.length || !funds.nodes.length || !fundCalls.nodes.length) {
    throw new Error('The demo data lacks its events, the twin workspace, the sectors, the fund or its open call.');
  }
  return {
    tokens,
    userIds,
    eventIds: events.nodes.map((e) => e.id),
    workspaceId: myWorkspaces[0]!.id,
    fundId: funds.nodes[0]!.id,
    callId: fundCalls.nodes[0]!.id,
    keptPlaces: [],
    sectors: sectors.slice(0, 4).map((s) => s.key),
  };
}

/** A joint project in the twin workspace, led by the two cities' officers, as the drill starts them. */
export function jointProjectInput(ids: DemoIds, title: { en: string; ko: string }, summary: { en: string; ko: string }): Record<string, unknown> {
  return {
    workspaceId: ids.workspaceId,
    title,
    summary,
    sectors: ['hydrogen'],
    type: 'PROOF_OF_CONCEPT',
    stage: 'FEASIBILITY',
    cityALeadUserId: ids.userIds.get('officer.liverpool'),
    cityBLeadUserId: ids.userIds.get('officer.busan'),
    startDate: new Date().toISOString().slice(0, 10),
  };
}

export async function gqlData<T>(url: string, q: string, token?: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: q, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (!body.data || body.errors?.length) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data;
}

export async function signInToken(url: string, person: Person, password: string): Promise<string> {
  const data = await gqlData<{ signIn: { accessToken: string } }>(url, `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, undefined, {
    input: { email: emailOf(person), password },
  });
  return data.signIn.accessToken;
}
