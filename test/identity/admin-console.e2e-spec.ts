import { startTestApp, TestApp } from '../support/harness';

/** What the secretariat's console reads of people and organisations: filters, sessions, members, and the refusals it explains. */

const USERS = `query($filter: UserFilterInput) { users(first: 100, filter: $filter) { totalCount nodes { email disabledAt } } }`;
const USER = `query($id: ID!) { user(id: $id) { email sessions { id lastUsedAt } } }`;
const ME = `query { me { email sessions { id } } }`;
const DISABLE = `mutation($input: SetUserDisabledInput!) { setUserDisabled(input: $input) { disabledAt } }`;
const ORGANISATIONS = `query($filter: OrganisationFilter) { organisations(first: 100, filter: $filter) { nodes { id nameEn city { countryCode } } } }`;
const ORGANISATION = `query($id: ID!) { organisation(id: $id) { nameEn memberships { user { email } } } }`;
const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
const ADD = `mutation($input: OrganisationMemberInput!) { addOrganisationMember(input: $input) { id } }`;
const REMOVE = `mutation($input: OrganisationMemberInput!) { removeOrganisationMember(input: $input) { id } }`;

describe("the console's reads of people and organisations", () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    await app.signInDemo(t, ids, ['admin', 'liverpool', 'boardUk2']);
  });
  afterAll(() => app.close());

  const emails = async (filter: Record<string, unknown>) =>
    (await app.gqlOk<{ users: { nodes: Array<{ email: string }> } }>(USERS, { filter }, { token: t.admin })).users.nodes.map((u) => u.email);

  it('lists disabled or enabled accounts, shows where a person is signed in, and disabling signs them out', async () => {
    expect(await emails({ disabled: true })).toEqual([]);
    const seen = await app.gqlOk<{ user: { sessions: Array<{ id: string }> } }>(USER, { id: ids.boardUk2 }, { token: t.admin });
    expect(seen.user.sessions.length).toBeGreaterThanOrEqual(1);

    await app.gqlOk(DISABLE, { input: { userId: ids.boardUk2, disabled: true } }, { token: t.admin });
    expect(await emails({ disabled: true })).toEqual(['board.uk2@demo.twins.test']);
    expect(await emails({ disabled: false, search: 'board.uk' })).toEqual(['board.uk@demo.twins.test']);
    expect(await app.gqlOk(USER, { id: ids.boardUk2 }, { token: t.admin })).toEqual({ user: { email: 'board.uk2@demo.twins.test', sessions: [] } });

    await app.gqlOk(DISABLE, { input: { userId: ids.boardUk2, disabled: false } }, { token: t.admin });
    expect(await emails({ disabled: true })).toEqual([]);
  });

  it('shows sessions to admins only, and says why it refuses an admin disabling themselves', async () => {
    expect(await app.gqlOk(ME, {}, { token: t.liverpool })).toEqual({ me: { email: 'officer.liverpool@demo.twins.test', sessions: null } });
    const own = await app.gql(DISABLE, { input: { userId: ids.admin, disabled: true } }, { token: t.admin });
    expect(own.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OWN_ACCOUNT' });
  });

  it("filters organisations by country, and shows an organisation's members to admins only", async () => {
    const all = (await app.gqlOk<{ organisations: { nodes: Array<{ city: { countryCode: string } }> } }>(ORGANISATIONS, {}, { token: t.admin })).organisations.nodes;
    const korean = (await app.gqlOk<{ organisations: { nodes: Array<{ city: { countryCode: string } }> } }>(ORGANISATIONS, { filter: { countryCode: 'KR' } })).organisations
      .nodes;
    expect(korean.length).toBeGreaterThan(0);
    expect(korean.every((o) => o.city.countryCode === 'KR')).toBe(true);
    expect(korean.length).toBe(all.filter((o) => o.city.countryCode === 'KR').length);
    expect((await app.gql(ORGANISATIONS, { filter: { countryCode: 'Korea' } })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const { createOrganisation } = await app.gqlOk<{ createOrganisation: { id: string } }>(
      CREATE,
      { input: { nameEn: 'Console Test Agency', nameKo: '콘솔 시험 기관', kind: 'AGENCY', cityId: 'busan' } },
      { token: t.admin },
    );
    const input = { organisationId: createOrganisation.id, userId: ids.liverpool };
    await app.gqlOk(ADD, { input }, { token: t.admin });
    expect(await app.gqlOk(ORGANISATION, { id: createOrganisation.id }, { token: t.admin })).toEqual({
      organisation: { nameEn: 'Console Test Agency', memberships: [{ user: { email: 'officer.liverpool@demo.twins.test' } }] },
    });
    expect(await app.gqlOk(ORGANISATION, { id: createOrganisation.id }, { token: t.liverpool })).toEqual({
      organisation: { nameEn: 'Console Test Agency', memberships: null },
    });
    await app.gqlOk(REMOVE, { input }, { token: t.admin });
    expect(await app.gqlOk(ORGANISATION, { id: createOrganisation.id }, { token: t.admin })).toEqual({ organisation: { nameEn: 'Console Test Agency', memberships: [] } });
  });

  it("gives the demo's city governments their staff's email domains, so a newcomer from one is told it is probably theirs", async () => {
    const FIND = `query($q: String) { organisations(first: 5, filter: { search: $q }) { nodes { nameEn emailDomain emailDomainMatches } } }`;
    const found = async (q: string, token: string) => (await app.gqlOk<{ organisations: { nodes: unknown[] } }>(FIND, { q }, { token })).organisations.nodes;
    expect(await found('Busan Metropolitan', t.admin)).toEqual([{ nameEn: 'Busan Metropolitan City', emailDomain: 'busan.go.kr', emailDomainMatches: false }]);
    // The Liverpool officer's address, as their council would give it.
    await app.dataSource.query(`UPDATE user_account SET email = 'sam.taylor@liverpool.gov.uk' WHERE id = $1`, [ids.liverpool]);
    expect(await found('Liverpool City Council', t.liverpool)).toEqual([{ nameEn: 'Liverpool City Council', emailDomain: null, emailDomainMatches: true }]);
  });
});
