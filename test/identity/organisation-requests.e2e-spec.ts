import { GqlResponse, startTestApp, TestApp } from '../support/harness';
import { assessment, RECORD } from '../pairing/evidence-support';

/** Requests to join an organisation: asking, deciding, the emails, and who may see what. */

const REQUEST_FIELDS = 'id status userId organisationId proposedNameEn proposedCityId message decidedByUserId decidedAt decisionReason organisation { nameEn } user { displayName }';
const ASK = `mutation($input: RequestOrganisationMembershipInput!) { requestOrganisationMembership(input: $input) { ${REQUEST_FIELDS} } }`;
const PROPOSE = `mutation($input: RequestNewOrganisationInput!) { requestNewOrganisation(input: $input) { ${REQUEST_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawOrganisationRequest(id: $id) { ${REQUEST_FIELDS} } }`;
const DECIDE = `mutation($input: DecideOrganisationRequestInput!) { decideOrganisationRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const MINE = `query { myOrganisationRequests(first: 50) { nodes { id status organisation { nameEn } proposedNameEn } } }`;
const LIST = `query($filter: OrganisationRequestFilter, $first: Int, $after: String) {
  organisationRequests(filter: $filter, first: $first, after: $after) { totalCount nodes { id status userId organisationId } pageInfo { hasNextPage endCursor } } }`;
const SEARCH = `query($q: String) { organisations(first: 20, filter: { search: $q }) { nodes { id nameEn nameKo kind city { id } emailDomain emailDomainMatches } } }`;
const SET_ROLE = `mutation($input: OrganisationMemberRoleInput!) { setOrganisationMemberRole(input: $input) { userId organisationId role } }`;
const SET_DOMAIN = `mutation($input: SetOrganisationEmailDomainInput!) { setOrganisationEmailDomain(input: $input) { id emailDomain } }`;

interface Request {
  id: string;
  status: string;
  userId: string;
  organisationId: string | null;
  proposedNameEn: string | null;
  message: string | null;
  decidedByUserId: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  organisation: { nameEn: string } | null;
  user: { displayName: string };
}

const codeOf = (res: GqlResponse<unknown>) => res.errors?.[0]?.extensions.code ?? 'OK';

describe('requests to join an organisation', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const org: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(t, ids, ['admin', 'liverpool', 'busan', 'participant', 'organiser', 'boardUk2', 'boardKr2']);
    const rows: Array<{ id: string; name_en: string }> = await app.dataSource.query(`SELECT id, name_en FROM organisation`);
    for (const row of rows) org[row.name_en] = row.id;
  });
  afterAll(() => app.close());

  const ask = async (token: string, organisationId: string, message?: string) =>
    (await app.gqlOk<{ requestOrganisationMembership: Request }>(ASK, { input: { organisationId, message } }, { token })).requestOrganisationMembership;
  const decide = (token: string, input: Record<string, unknown>) => app.gql<{ decideOrganisationRequest: Request }>(DECIDE, { input }, { token });
  const listFor = async (token: string, filter: Record<string, unknown> = {}) =>
    (await app.gqlOk<{ organisationRequests: { nodes: Array<{ id: string; status: string }> } }>(LIST, { filter, first: 100 }, { token })).organisationRequests.nodes;
  const isMember = async (userId: string, organisationId: string) =>
    (await app.dataSource.query(`SELECT 1 FROM organisation_membership WHERE user_id = $1 AND organisation_id = $2`, [userId, organisationId])).length === 1;
  const roleOf = async (userId: string, organisationId: string) =>
    ((await app.dataSource.query(`SELECT role FROM organisation_membership WHERE user_id = $1 AND organisation_id = $2`, [userId, organisationId]))[0]?.role ?? null) as string | null;
  const setRole = (token: string, input: Record<string, unknown>) => app.gql<{ setOrganisationMemberRole: { userId: string; role: string } }>(SET_ROLE, { input }, { token });
  const outboxFor = async (requestId: string) =>
    (await app.dataSource.query(`SELECT template, recipient_email, language, data FROM outbox_message WHERE idempotency_key LIKE $1 ORDER BY recipient_email`, [
      `organisation-request-%:${requestId}%`,
    ])) as Array<{ template: string; recipient_email: string; language: string; data: { url: string; reason: string | null; asAdmin?: boolean } }>;

  it('a manager of the city government approves a newcomer, who becomes that city’s officer; the emails go to the right people in their language', async () => {
    // Before: not an officer of Liverpool.
    expect(codeOf(await app.gql(RECORD, { input: assessment('liverpool') }, { token: t.organiser }))).toBe('FORBIDDEN');

    const request = await ask(t.organiser, org['Liverpool City Council'], 'I run the events team of the council.');
    expect(request).toMatchObject({ status: 'PENDING', userId: ids.organiser, organisation: { nameEn: 'Liverpool City Council' }, decidedAt: null });

    // Asking again while pending answers the same request.
    expect((await ask(t.organiser, org['Liverpool City Council'])).id).toBe(request.id);
    expect((await app.dataSource.query(`SELECT count(*)::int AS n FROM organisation_join_request WHERE user_id = $1`, [ids.organiser]))[0].n).toBe(1);

    // The council's manager hears of it with the managers' page, the admin with the admins' page; both in English.
    const member = await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && /이수민 asks to join Liverpool City Council/.test(m.subject));
    expect(member.text).toContain(`${app.url}/me/organisation-requests`);
    expect(member.text).toContain('I run the events team of the council.');
    const admin = await app.mail.waitFor((m) => m.to === 'admin@demo.twins.test' && /asks to join Liverpool City Council/.test(m.subject));
    expect(admin.text).toContain(`${app.url}/admin/organisation-requests`);
    expect(app.mail.to('organiser@demo.twins.test').filter((m) => /Liverpool City Council|리버풀/.test(m.subject))).toEqual([]);

    // The manager sees it among the requests waiting on them, and approves.
    expect((await listFor(t.liverpool)).map((r) => r.id)).toContain(request.id);
    // Who asks, by their address too: the manager sees it on the request, though never on the person.
    const seen = await app.gqlOk<{ organisationRequests: { nodes: Array<{ id: string; requesterEmail: string; user: { email: string | null } }> } }>(
      `query { organisationRequests(first: 100) { nodes { id requesterEmail user { email } } } }`,
      {},
      { token: t.liverpool },
    );
    expect(seen.organisationRequests.nodes.find((r) => r.id === request.id)).toEqual({ id: request.id, requesterEmail: 'organiser@demo.twins.test', user: { email: null } });
    const approved = await decide(t.liverpool, { id: request.id, approve: true });
    expect(codeOf(approved)).toBe('OK');
    expect(approved.data!.decideOrganisationRequest).toMatchObject({ status: 'APPROVED', decidedByUserId: ids.liverpool, decidedAt: expect.any(String) });
    expect(await isMember(ids.organiser, org['Liverpool City Council'])).toBe(true);
    expect(await roleOf(ids.organiser, org['Liverpool City Council'])).toBe('MEMBER');

    // Now an officer of Liverpool: something only its officers may do.
    expect(codeOf(await app.gql(RECORD, { input: assessment('liverpool') }, { token: t.organiser }))).toBe('OK');

    // The requester hears in Korean, her language.
    const decided = await app.mail.waitFor((m) => m.to === 'organiser@demo.twins.test' && /리버풀 시의회의 구성원이 되었습니다/.test(m.subject));
    expect(decided.text).toContain('Sam Taylor님이 요청을 승인했습니다');

    // A decided request is decided: neither decided again nor withdrawn.
    expect(codeOf(await decide(t.admin, { id: request.id, approve: false, reason: 'Too late' }))).toBe('CONFLICT');
    expect(codeOf(await app.gql(WITHDRAW, { id: request.id }, { token: t.organiser }))).toBe('CONFLICT');
  });

  it('a member asking again is told they are one already', async () => {
    const res = await app.gql(ASK, { input: { organisationId: org['Liverpool City Council'] } }, { token: t.liverpool });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'ALREADY_MEMBER' }, message: expect.stringContaining('already a member of Liverpool City Council') });
  });

  it('a decline needs a reason, which reaches the requester in their language; the decision is recorded', async () => {
    const request = await ask(t.participant, org['Busan Metropolitan City'], 'Busan Technopark liaison');
    // Busan's officer reads Korean: the request reaches him in Korean.
    await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && /Jordan Lee님이 부산광역시 가입을 요청했습니다/.test(m.subject));

    const noReason = await decide(t.busan, { id: request.id, approve: false });
    expect(noReason.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'reason' }] } });

    const declined = await decide(t.busan, { id: request.id, approve: false, reason: 'Technopark staff join Busan Technopark, not the city government.' });
    expect(declined.data!.decideOrganisationRequest).toMatchObject({
      status: 'DECLINED',
      decidedByUserId: ids.busan,
      decidedAt: expect.any(String),
      decisionReason: 'Technopark staff join Busan Technopark, not the city government.',
    });
    expect(await isMember(ids.participant, org['Busan Metropolitan City'])).toBe(false);
    const mail = await app.mail.waitFor((m) => m.to === 'participant@demo.twins.test' && /Your request to join Busan Metropolitan City was declined/.test(m.subject));
    expect(mail.text).toContain('Their reason: Technopark staff join Busan Technopark, not the city government.');
    expect(mail.text).toContain('박서준 declined');
  });

  it('someone who is neither a member nor an admin can neither see nor decide a request (NOT_FOUND), nor can the requester decide their own', async () => {
    const request = await ask(t.boardUk2, org['Busan Metropolitan City']);
    // Liverpool's officer is no member of Busan's government.
    expect((await listFor(t.liverpool)).map((r) => r.id)).not.toContain(request.id);
    expect(await listFor(t.liverpool, { organisationId: org['Busan Metropolitan City'] })).toEqual([]);
    expect(codeOf(await decide(t.liverpool, { id: request.id, approve: true }))).toBe('NOT_FOUND');
    expect(codeOf(await decide(t.participant, { id: request.id, approve: false, reason: 'No' }))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(WITHDRAW, { id: request.id }, { token: t.liverpool }))).toBe('NOT_FOUND');
    expect(codeOf(await decide(t.boardUk2, { id: request.id, approve: true }))).toBe('FORBIDDEN');
    // Not in anyone's list but its own, its organisation's managers' and the admins'.
    expect((await listFor(t.busan)).map((r) => r.id)).toContain(request.id);
    expect((await listFor(t.admin, { status: 'PENDING' })).map((r) => r.id)).toContain(request.id);
    expect(await isMember(ids.boardUk2, org['Busan Metropolitan City'])).toBe(false);
    expect((await app.gql(LIST, {})).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('the requester withdraws their pending request, and may then ask again', async () => {
    const request = await ask(t.boardKr2, org['Pusan National University']);
    const withdrawn = await app.gqlOk<{ withdrawOrganisationRequest: Request }>(WITHDRAW, { id: request.id }, { token: t.boardKr2 });
    expect(withdrawn.withdrawOrganisationRequest).toMatchObject({ status: 'WITHDRAWN', decidedByUserId: ids.boardKr2 });
    expect(codeOf(await decide(t.admin, { id: request.id, approve: true }))).toBe('CONFLICT');
    const again = await ask(t.boardKr2, org['Pusan National University']);
    expect(again.id).not.toBe(request.id);
    // Newest first.
    const mine = (await app.gqlOk<{ myOrganisationRequests: { nodes: Array<{ id: string; status: string }> } }>(MINE, {}, { token: t.boardKr2 })).myOrganisationRequests.nodes;
    expect(mine.map((r) => [r.id, r.status])).toEqual([
      [again.id, 'PENDING'],
      [request.id, 'WITHDRAWN'],
    ]);
  });

  it('a new organisation is proposed and an admin approves it, creating it with its proposer as its first manager; its members cannot decide proposals', async () => {
    const input = { nameEn: 'Busan Port Authority', nameKo: '부산항만공사', kind: 'AGENCY', cityId: 'busan', message: 'Port operator' };
    const proposed = (await app.gqlOk<{ requestNewOrganisation: Request }>(PROPOSE, { input }, { token: t.participant })).requestNewOrganisation;
    expect(proposed).toMatchObject({ status: 'PENDING', organisationId: null, proposedNameEn: 'Busan Port Authority', proposedCityId: 'busan' });
    expect((await app.gqlOk<{ requestNewOrganisation: Request }>(PROPOSE, { input }, { token: t.participant })).requestNewOrganisation.id).toBe(proposed.id);
    // Only the admins hear of it (nobody is a member yet), and only they see and decide it.
    const rows = await outboxFor(proposed.id);
    expect(rows.map((r) => [r.recipient_email, r.data.asAdmin])).toEqual([['admin@demo.twins.test', true]]);
    expect((await listFor(t.busan)).map((r) => r.id)).not.toContain(proposed.id);
    expect(codeOf(await decide(t.busan, { id: proposed.id, approve: true }))).toBe('NOT_FOUND');

    const approved = (await decide(t.admin, { id: proposed.id, approve: true, reason: 'Welcome' })).data!.decideOrganisationRequest;
    expect(approved).toMatchObject({ status: 'APPROVED', decidedByUserId: ids.admin, decisionReason: 'Welcome', organisation: { nameEn: 'Busan Port Authority' } });
    const [created] = await app.dataSource.query(`SELECT id, name_ko, kind, city_id FROM organisation WHERE name_en = 'Busan Port Authority'`);
    expect(created).toMatchObject({ id: approved.organisationId, name_ko: '부산항만공사', kind: 'AGENCY', city_id: 'busan' });
    expect(await isMember(ids.participant, created.id)).toBe(true);
    // Its proposer is its first manager.
    expect(await roleOf(ids.participant, created.id)).toBe('MANAGER');

    // Proposing one that exists points to it.
    const existing = await app.gql(PROPOSE, { input: { ...input, nameEn: 'busan metropolitan city', nameKo: '부산시', kind: 'CITY_GOVERNMENT' } }, { token: t.participant });
    expect(existing.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'ORGANISATION_EXISTS', organisationId: org['Busan Metropolitan City'] } });
  });

  it('refuses bad input with the field and what to do, and an unknown organisation as NOT_FOUND', async () => {
    const notId = await app.gql(ASK, { input: { organisationId: 'liverpool' } }, { token: t.organiser });
    expect(notId.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'organisationId' }] } });
    const long = await app.gql(ASK, { input: { organisationId: org['KAIST'], message: 'x'.repeat(1001) } }, { token: t.organiser });
    expect(long.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'message' }] } });
    const unknown = await app.gql(ASK, { input: { organisationId: '00000000-0000-4000-8000-000000000000' } }, { token: t.organiser });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const city = await app.gql(PROPOSE, { input: { nameEn: 'Atlantis Council', nameKo: '아틀란티스', kind: 'CITY_GOVERNMENT', cityId: 'atlantis' } }, { token: t.organiser });
    expect(city.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'cityId' }] } });
    const kind = await app.gql(PROPOSE, { input: { nameEn: 'X Council', nameKo: '엑스', kind: 'GUILD', cityId: 'busan' } }, { token: t.organiser });
    expect(kind.errors?.length).toBeGreaterThan(0);
    expect(codeOf(await app.gql(ASK, { input: { organisationId: org['KAIST'] } }))).toBe('UNAUTHENTICATED');
  });

  it('a newcomer finds an organisation by either name, told when their email domain is the organisation’s; only admins set and see the domain', async () => {
    const bmc = org['Busan Metropolitan City'];
    expect(codeOf(await app.gql(SET_DOMAIN, { input: { organisationId: bmc, emailDomain: 'demo.twins.test' } }, { token: t.busan }))).toBe('FORBIDDEN');
    const bad = await app.gql(SET_DOMAIN, { input: { organisationId: bmc, emailDomain: 'https://busan.go.kr' } }, { token: t.admin });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'emailDomain' }] } });
    const set = await app.gqlOk<{ setOrganisationEmailDomain: { emailDomain: string } }>(SET_DOMAIN, { input: { organisationId: bmc, emailDomain: '@Demo.Twins.Test' } }, { token: t.admin });
    expect(set.setOrganisationEmailDomain.emailDomain).toBe('demo.twins.test');

    type Found = { id: string; nameEn: string; emailDomain: string | null; emailDomainMatches: boolean | null };
    const search = async (q: string, token?: string) => (await app.gqlOk<{ organisations: { nodes: Found[] } }>(SEARCH, { q }, { token })).organisations.nodes;
    const korean = await search('부산', t.organiser);
    expect(korean.find((o) => o.id === bmc)).toMatchObject({ nameEn: 'Busan Metropolitan City', emailDomainMatches: true, emailDomain: null });
    expect(korean.find((o) => o.nameEn === 'Pusan National University')).toMatchObject({ emailDomainMatches: false });
    expect((await search('busan metro', t.organiser)).map((o) => o.id)).toEqual([bmc]);
    expect((await search('Busan Metropolitan'))[0]).toMatchObject({ emailDomainMatches: null, emailDomain: null });
    expect((await search('Busan Metropolitan', t.admin))[0]).toMatchObject({ emailDomain: 'demo.twins.test' });
  });

  it('only managers and admins hear of, list and decide requests: a plain member meets NOT_FOUND, and sees the role on their memberships', async () => {
    const lcc = org['Liverpool City Council'];
    // The organiser joined the council as a plain member in the first test.
    const member = await app.gqlOk<{ me: { memberships: Array<{ organisationId: string; role: string; organisation: { nameEn: string } }> } }>(
      `query { me { memberships { organisationId role organisation { nameEn } } } }`,
      {},
      { token: t.organiser },
    );
    expect(member.me.memberships.find((m) => m.organisationId === lcc)).toEqual({ organisationId: lcc, role: 'MEMBER', organisation: { nameEn: 'Liverpool City Council' } });

    const request = await ask(t.boardKr2, lcc, 'Visiting researcher');
    const rows = await outboxFor(request.id);
    expect(rows.map((r) => [r.recipient_email, r.data.asAdmin])).toEqual([
      ['admin@demo.twins.test', true],
      ['officer.liverpool@demo.twins.test', false],
    ]);
    expect((await listFor(t.organiser)).map((r) => r.id)).not.toContain(request.id);
    expect(await listFor(t.organiser, { organisationId: lcc })).toEqual([]);
    expect(codeOf(await decide(t.organiser, { id: request.id, approve: true }))).toBe('NOT_FOUND');

    // Made a manager, she lists and decides it.
    expect(codeOf(await setRole(t.liverpool, { organisationId: lcc, userId: ids.organiser, role: 'MANAGER' }))).toBe('OK');
    expect((await listFor(t.organiser)).map((r) => r.id)).toContain(request.id);
    expect(codeOf(await decide(t.organiser, { id: request.id, approve: false, reason: 'Researchers join their university.' }))).toBe('OK');
    // Back to a plain member for the tests that follow.
    expect(codeOf(await setRole(t.admin, { organisationId: lcc, userId: ids.organiser, role: 'MEMBER' }))).toBe('OK');
  });

  it('managers and admins change roles; a plain member or an outsider may not; the last manager stays one', async () => {
    const bmc = org['Busan Metropolitan City'];
    const btp = org['Busan Technopark'];
    // The participant is a plain member of Busan Technopark: not a manager, so no role changes there.
    expect(await roleOf(ids.participant, btp)).toBe('MEMBER');
    const plain = await setRole(t.participant, { organisationId: btp, userId: ids.participant, role: 'MANAGER' });
    expect(codeOf(plain)).toBe('FORBIDDEN');
    // Liverpool's officer manages Liverpool's council, not Busan's.
    expect(codeOf(await setRole(t.liverpool, { organisationId: bmc, userId: ids.busan, role: 'MEMBER' }))).toBe('FORBIDDEN');
    expect(codeOf(await setRole(t.admin, { organisationId: bmc, userId: ids.liverpool, role: 'MANAGER' }))).toBe('NOT_FOUND');
    expect(codeOf(await setRole(t.admin, { organisationId: '00000000-0000-4000-8000-000000000000', userId: ids.busan, role: 'MANAGER' }))).toBe('NOT_FOUND');
    const bad = await setRole(t.admin, { organisationId: bmc, userId: ids.busan, role: 'OWNER' });
    expect(bad.errors?.length).toBeGreaterThan(0);
    expect(codeOf(await app.gql(SET_ROLE, { input: { organisationId: bmc, userId: ids.busan, role: 'MEMBER' } }))).toBe('UNAUTHENTICATED');

    // Busan's officer is the city's only manager: he stays one, even when an admin asks.
    for (const token of [t.busan, t.admin]) {
      const last = await setRole(token, { organisationId: bmc, userId: ids.busan, role: 'MEMBER' });
      expect(last.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'LAST_MANAGER' } });
    }
    // Added again with a role the rules refuse: nothing of it is kept, the job title neither.
    const titleOf = async () => (await app.dataSource.query(`SELECT job_title FROM organisation_membership WHERE organisation_id = $1 AND user_id = $2`, [bmc, ids.busan]))[0].job_title as string | null;
    const titleBefore = await titleOf();
    const refusedAdd = await app.gql(`mutation($input: OrganisationMemberInput!) { addOrganisationMember(input: $input) { id } }`, { input: { organisationId: bmc, userId: ids.busan, jobTitle: 'Not kept', role: 'MEMBER' } }, { token: t.admin });
    expect(refusedAdd.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'LAST_MANAGER' } });
    expect(await titleOf()).toBe(titleBefore);
    // An admin adds a second manager directly; then the first may step down, and the admin sees the roles.
    await app.gqlOk(`mutation($input: OrganisationMemberInput!) { addOrganisationMember(input: $input) { id } }`, { input: { organisationId: bmc, userId: ids.participant, role: 'MANAGER' } }, { token: t.admin });
    expect(await roleOf(ids.participant, bmc)).toBe('MANAGER');
    expect((await setRole(t.busan, { organisationId: bmc, userId: ids.busan, role: 'MEMBER' })).data?.setOrganisationMemberRole).toEqual({ userId: ids.busan, organisationId: bmc, role: 'MEMBER' });
    const seen = await app.gqlOk<{ organisation: { memberships: Array<{ role: string; user: { id: string } }> } }>(
      `query($id: ID!) { organisation(id: $id) { memberships { role user { id } } } }`,
      { id: bmc },
      { token: t.admin },
    );
    expect(seen.organisation.memberships.map((m) => [m.user.id, m.role]).sort()).toEqual([[ids.busan, 'MEMBER'], [ids.participant, 'MANAGER']].sort());
    expect((await app.gql<{ organisation: { memberships: unknown } }>(`query($id: ID!) { organisation(id: $id) { memberships { role } } }`, { id: bmc }, { token: t.busan })).data?.organisation.memberships).toBeNull();
    // Added again without a role, a manager keeps theirs; the new manager gives Busan's officer his role back.
    await app.gqlOk(`mutation($input: OrganisationMemberInput!) { addOrganisationMember(input: $input) { id } }`, { input: { organisationId: bmc, userId: ids.participant, jobTitle: 'Liaison' } }, { token: t.admin });
    expect(await roleOf(ids.participant, bmc)).toBe('MANAGER');
    expect(codeOf(await setRole(t.participant, { organisationId: bmc, userId: ids.busan, role: 'MANAGER' }))).toBe('OK');
    await app.gqlOk(`mutation($input: OrganisationMemberInput!) { removeOrganisationMember(input: $input) { id } }`, { input: { organisationId: bmc, userId: ids.participant } }, { token: t.admin });
    expect(await roleOf(ids.busan, bmc)).toBe('MANAGER');
  });

  it('leaves no half state: a refused email leaves no request, a refused membership leaves the request pending', async () => {
    const count = async () => (await app.dataSource.query(`SELECT count(*)::int AS n FROM organisation_join_request WHERE user_id = $1`, [ids.organiser]))[0].n as number;
    const before = await count();
    await app.asOwner(`CREATE FUNCTION test_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql`);
    try {
      await app.asOwner(`CREATE TRIGGER test_refuse_email BEFORE INSERT ON outbox_message FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
      try {
        expect(codeOf(await app.gql(ASK, { input: { organisationId: org['University of Manchester'] } }, { token: t.organiser }))).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        await app.asOwner(`DROP TRIGGER test_refuse_email ON outbox_message`);
      }
      expect(await count()).toBe(before);

      const request = await ask(t.organiser, org['University of Manchester']);
      await app.asOwner(`CREATE TRIGGER test_refuse_member BEFORE INSERT ON organisation_membership FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
      try {
        expect(codeOf(await decide(t.admin, { id: request.id, approve: true }))).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        await app.asOwner(`DROP TRIGGER test_refuse_member ON organisation_membership`);
      }
      const [row] = await app.dataSource.query(`SELECT status, decided_at FROM organisation_join_request WHERE id = $1`, [request.id]);
      expect(row).toEqual({ status: 'PENDING', decided_at: null });
      expect((await outboxFor(request.id)).filter((r) => r.template === 'identity.organisation-request-decided')).toEqual([]);
      // Once the refusal is gone, the same decision goes through.
      expect(codeOf(await decide(t.admin, { id: request.id, approve: true }))).toBe('OK');
      expect(await isMember(ids.organiser, org['University of Manchester'])).toBe(true);
    } finally {
      await app.asOwner(`DROP FUNCTION test_refuse()`);
    }
  });
});
