import type { Fixture, ListCase } from './lists';

/** People and organisations: accounts with their organisations and sessions, organisations with their members, requests, sessions, the outbox. */

const MEMBERSHIP = 'role joinedAt user { id displayName } organisation { id nameEn }';

export async function setup(f: Fixture): Promise<void> {
  // Jordan asks to add a new organisation, then to join three (the newest requests name an organisation).
  await f.app.gqlOk(
    `mutation($input: RequestNewOrganisationInput!) { requestNewOrganisation(input: $input) { id } }`,
    { input: { cityId: 'busan', kind: 'COMPANY', nameEn: 'Busan Port Sensors', nameKo: '부산항 센서', message: 'A start-up.' } },
    { token: f.t.participant },
  );
  const organisations: Array<{ id: string }> = await f.app.dataSource.query(`SELECT id FROM organisation WHERE name_en = ANY($1)`, [['Liverpool City Council', 'University of Liverpool', 'KAIST']]);
  for (const { id } of organisations) {
    await f.app.gqlOk(`mutation($input: RequestOrganisationMembershipInput!) { requestOrganisationMembership(input: $input) { id } }`, { input: { organisationId: id, message: 'I work with you.' } }, { token: f.t.participant });
  }
}

export const cases: ListCase[] = [
  {
    name: "the board members' accounts with their organisations, memberships and sessions, for an admin",
    as: 'admin',
    query: `query($n: Int!) { users(first: $n, filter: { role: BOARD_MEMBER }) { nodes { id roles
      organisations { id nameEn memberships { ${MEMBERSHIP} } }
      memberships { ${MEMBERSHIP} }
      sessions { id createdAt current } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: "Liverpool's organisations with their members, for an admin",
    as: 'admin',
    query: `query($n: Int!) { organisations(first: $n, filter: { cityId: "liverpool" }) { nodes { id nameEn city { nameEn } memberships { ${MEMBERSHIP} } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the requests to join or add organisations, for an admin',
    as: 'admin',
    query: `query($n: Int!) { organisationRequests(first: $n) { nodes { id status user { id organisations { nameEn } memberships { role } } organisation { id memberships { ${MEMBERSHIP} } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: "a participant's own requests to organisations",
    as: 'participant',
    query: `query($n: Int!) { myOrganisationRequests(first: $n) { nodes { id status organisation { id nameEn city { nameEn } } user { id organisations { nameEn } memberships { role } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'where a participant is signed in',
    as: 'participant',
    query: `query { mySessions { id createdAt lastUsedAt current } }`,
    grow: async (f) => {
      await f.app.signIn('participant@demo.twins.test');
      await f.app.signIn('participant@demo.twins.test');
    },
  },
  {
    name: 'the outbox, for an admin',
    as: 'admin',
    query: `query($n: Int!) { outboxMessages(first: $n) { totalCount nodes { id template status recipientEmail } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
];
