import { Redis } from 'ioredis';
import { GqlResponse, startTestApp, TestApp } from '../support/harness';
import { codeOf } from '../support/matrix';
import { linkIn, tokenFrom } from '../support/smtp-sink';

const PROPOSE = `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`;
const RESPOND = `mutation($input: RespondToTwinningProposalInput!) { respondToTwinningProposal(input: $input) { workspaceId } }`;
const INVITE = `mutation($input: InviteToWorkspaceInput!) { inviteToWorkspace(input: $input) { id } }`;
const ACCEPT = `mutation($input: AcceptWorkspaceInvitationInput!) { acceptWorkspaceInvitation(input: $input) { joined accountCreated role } }`;
const REQUEST = `mutation($input: RequestToJoinWorkspaceInput!) { requestToJoinWorkspace(input: $input) { id } }`;
const DECIDE = `mutation($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { status } }`;
const FOLLOW = `mutation($workspaceId: ID!, $frequency: DigestFrequency) { followWorkspace(workspaceId: $workspaceId, frequency: $frequency) { frequency nextDigestAt } }`;
const PROJECT_FIELDS = `id version stage type startDate endDate sectors languages published closedAt
  title { en ko languages } summary { en ko languages } objectives { en ko }
  leads { city { id } user { displayName } } partners { nameEn }
  budgets { countryCode amountMinor currency formatted }
  outputs { title { en ko } url } risks { likelihood impact description { en } }
  milestones { id version dueDate status evidenceLinks completedAt title { en ko } }
  stageHistory { fromStage toStage reason actor { displayName } atInCities { cityId local } }
  caseStudyPrompt { trigger }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { ${PROJECT_FIELDS} } }`;
const STAGE = `mutation($input: ChangeProjectStageInput!) { changeProjectStage(input: $input) { ${PROJECT_FIELDS} } }`;
const CLOSE = `mutation($input: ProjectReasonInput!) { closeProject(input: $input) { id version closedAt } }`;
const REOPEN = `mutation($input: ProjectReasonInput!) { reopenProject(input: $input) { id version closedAt } }`;
const PUBLISH = `mutation($input: PublishProjectInput!) { publishProjectSummary(input: $input) { id published } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { ${PROJECT_FIELDS} } }`;
const ADD_MILESTONE = `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id version dueDate status title { en ko } } }`;
const UPDATE_MILESTONE = `mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id version status evidenceLinks completedAt } }`;
const ACTIVITY = `query($id: ID!, $first: Int, $after: String, $filter: ActivityFilter) { workspace(id: $id) {
  health { activeProjects lastActivityAt }
  activity(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id verb objectType objectId actorName at timeZone summary { en ko } reason atInCities { cityId local utcOffset zoneName } } } } }`;

interface Project {
  id: string;
  version: number;
  stage: string;
  languages: string[];
  published: boolean;
  closedAt: string | null;
  title: { en: string | null; ko: string | null; languages: string[] };
  budgets: Array<{ countryCode: string; amountMinor: string; currency: string; formatted: string }>;
  milestones: Array<{ id: string; version: number; dueDate: string; status: string; evidenceLinks: string[]; completedAt: string | null }>;
  stageHistory: Array<{ fromStage: string | null; toStage: string; reason: string; actor: { displayName: string }; atInCities: Array<{ cityId: string; local: string }> }>;
  leads: Array<{ city: { id: string }; user: { displayName: string } }>;
  caseStudyPrompt: { trigger: string } | null;
}
interface Entry {
  id: string;
  verb: string;
  objectId: string;
  actorName: string;
  at: string;
  timeZone: string;
  summary: { en: string; ko: string };
  reason: string | null;
  atInCities: Array<{ cityId: string; local: string; utcOffset: string; zoneName: string }>;
}
interface Feed {
  workspace: {
    health: { activeProjects: number };
    activity: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Entry[] };
  };
}

/** Requests asking for Korean answers, or English ones (else a Korean account is answered in Korean). */
const KOREAN = { 'accept-language': 'ko' };
const ENGLISH = { 'accept-language': 'en' };
const fieldsOf = (res: GqlResponse<unknown>) => (res.errors?.[0]?.extensions.fields as Array<{ field: string; message: string }> | undefined)?.map((f) => f.field);

/**
 * The story end to end: Liverpool proposes twinning with Busan from
 * the pairing suggestion, Busan accepts, both invite colleagues, and together
 * they run a joint project whose every step shows in the feed and in a weekly
 * digest, each person reading it in their own language and time zone.
 */
describe('twin workspaces and joint projects, end to end', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  let project: Project;

  const feed = async (token: string, variables: Record<string, unknown> = {}) =>
    (await app.gqlOk<Feed>(ACTIVITY, { id: workspaceId, first: 100, ...variables }, { token })).workspace;
  const baseProject = () => ({
    workspaceId,
    title: { en: 'Hydrogen ports', ko: '수소 항만' },
    summary: { en: 'Two port cities trial hydrogen for harbour vehicles.', ko: '두 항만 도시가 항만 차량용 수소를 시험합니다.' },
    sectors: ['hydrogen', 'renewables'],
    objectives: [{ en: 'Run a joint harbour trial', ko: '공동 항만 실증 운영' }],
    type: 'LIGHTHOUSE',
    cityALeadUserId: id.liverpool,
    cityBLeadUserId: id.busan,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    budgets: [
      { countryCode: 'GB', amountMinor: '2500000', currency: 'GBP' },
      { countryCode: 'KR', amountMinor: '45000000', currency: 'KRW' },
    ],
    outputs: [{ title: { en: 'Trial report' }, url: 'https://example.org/report' }],
    risks: [{ description: { en: 'Supply of green hydrogen' }, likelihood: 'MEDIUM', impact: 'HIGH', mitigation: { ko: '공급처 다변화' } }],
  });

  beforeAll(async () => {
    app = await startTestApp({ env: { DIGEST_CHECK_MS: '300' } });
    await app.signInDemo(t, id);
  });
  afterAll(() => app.close());

  it('Liverpool proposes from the pairing suggestion and Busan accepts: the workspace opens, and the feed says so', async () => {
    const proposal = await app.gqlOk<{ proposeTwinning: { id: string } }>(
      PROPOSE,
      { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Ports and hydrogen: shall we twin?', fromSuggestion: true } },
      { token: t.liverpool },
    );
    const accepted = await app.gqlOk<{ respondToTwinningProposal: { workspaceId: string } }>(
      RESPOND,
      { input: { id: proposal.proposeTwinning.id, accept: true, reason: '좋습니다. 함께합시다.' } },
      { token: t.busan },
    );
    workspaceId = accepted.respondToTwinningProposal.workspaceId;
    const { activity } = await feed(t.liverpool);
    expect(activity.nodes.map((e) => e.verb)).toEqual(['WORKSPACE_OPENED']);
    // The reason is the person's words, beside the sentence rather than inside it: a page marks it with its language.
    expect(activity.nodes[0].summary.en).toBe('Park Seo-jun accepted the twinning proposal and the workspace opened');
    expect(activity.nodes[0].reason).toBe('좋습니다. 함께합시다.');
    expect(activity.nodes[0].summary.ko).toContain('박서준님이 자매결연 제안을 수락해 워크스페이스가 열렸습니다');
    expect(activity.nodes[0].timeZone).toBe('Asia/Seoul');
  });

  it('the leads, and later the new member, follow the workspace for digests', async () => {
    const weekly = await app.gqlOk<{ followWorkspace: { frequency: string; nextDigestAt: string } }>(FOLLOW, { workspaceId, frequency: 'WEEKLY' }, { token: t.liverpool });
    expect(weekly.followWorkspace.frequency).toBe('WEEKLY');
    // Monday 08:00 in London is 07:00 or 08:00 UTC.
    const next = new Date(weekly.followWorkspace.nextDigestAt);
    expect(next.getUTCDay()).toBe(1);
    expect([7, 8]).toContain(next.getUTCHours());
    await app.gqlOk(FOLLOW, { workspaceId }, { token: t.busan });
    expect(codeOf(await app.gql(FOLLOW, { workspaceId }, { token: t.organiser }))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(FOLLOW, { workspaceId }, { token: t.admin }))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(FOLLOW, { workspaceId, frequency: 'HOURLY' }, { token: t.liverpool }))).toBe('BAD_USER_INPUT');
  });

  it('both invite colleagues: the emailed link works for a newcomer, and an existing account joins with one click', async () => {
    await app.gqlOk(INVITE, { input: { workspaceId, email: 'harbour.engineer@liverpool.example', role: 'MEMBER' } }, { token: t.liverpool });
    const mail = await app.mail.waitFor((m) => m.to === 'harbour.engineer@liverpool.example');
    expect(mail.subject).toBe('Sam Taylor invited you to the Liverpool–Busan twin workspace');
    const token = tokenFrom(linkIn(mail, `${app.url}/join-workspace?token=`));
    // Its page says what it grants before anything is accepted; the address older emails linked to opens that page.
    const preview = await app.gqlOk<{ emailedLink: unknown }>(
      `query($token: String!) { emailedLink(token: $token) { state hasAccount workspaceInvitation { role twinning { cityA { nameEn } cityB { nameEn } } } } }`,
      { token },
    );
    expect(preview.emailedLink).toEqual({ state: 'VALID', hasAccount: false, workspaceInvitation: { role: 'MEMBER', twinning: { cityA: { nameEn: 'Liverpool' }, cityB: { nameEn: 'Busan' } } } });
    const old = await fetch(`${app.url}/workspaces/accept-invitation?token=${encodeURIComponent(token)}`, { redirect: 'manual' });
    expect([old.status, old.headers.get('location')]).toEqual([302, `/join-workspace?token=${encodeURIComponent(token)}`]);
    const created = await app.gqlOk<{ acceptWorkspaceInvitation: { joined: boolean; accountCreated: boolean } }>(ACCEPT, {
      input: { token, displayName: 'Casey Harbour', password: 'harbour-engineer-pw', preferredLanguage: 'en' },
    });
    expect(created.acceptWorkspaceInvitation).toEqual({ joined: true, accountCreated: true, role: 'MEMBER' });
    t.engineer = await app.signIn('harbour.engineer@liverpool.example', 'harbour-engineer-pw');

    await app.gqlOk(INVITE, { input: { workspaceId, email: 'board.uk@demo.twins.test', role: 'OBSERVER' } }, { token: t.busan });
    const second = await app.mail.waitFor((m) => m.to === 'board.uk@demo.twins.test' && m.subject.includes('invited you'));
    const joined = await app.gqlOk<{ acceptWorkspaceInvitation: { joined: boolean } }>(
      ACCEPT,
      { input: { token: tokenFrom(linkIn(second, `${app.url}/join-workspace`)) } },
      { token: t.boardUk },
    );
    expect(joined.acceptWorkspaceInvitation.joined).toBe(true);
  });

  it('a Busan partner asks to join: both leads are emailed, each in their language, and a lead approves', async () => {
    const request = await app.gqlOk<{ requestToJoinWorkspace: { id: string } }>(
      REQUEST,
      { input: { workspaceId, message: 'Busan Technopark runs the hydrogen test bed.' } },
      { token: t.participant },
    );
    const toLiverpool = await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject.includes('asks to join'));
    expect(toLiverpool.text).toContain('Jordan Lee of Busan Technopark asks to join the workspace.');
    const toBusan = await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.includes('참여를 요청했습니다'));
    expect(toBusan.text).toContain('부산테크노파크의 Jordan Lee님이');
    await app.gqlOk(DECIDE, { input: { id: request.requestToJoinWorkspace.id, approve: true, role: 'MEMBER', reason: '환영합니다' } }, { token: t.busan });
    await app.gqlOk(FOLLOW, { workspaceId, frequency: 'DAILY' }, { token: t.participant });
  });

  it('creating a project checks every field and names each one that is wrong', async () => {
    const bad = async (override: Record<string, unknown>) => app.gql(CREATE, { input: { ...baseProject(), ...override } }, { token: t.liverpool });
    expect(fieldsOf(await bad({ endDate: '2026-12-31' }))).toEqual(['endDate']);
    expect(fieldsOf(await bad({ startDate: '2027-02-30' }))).toEqual(['startDate']);
    expect(fieldsOf(await bad({ sectors: ['hydrogen', 'teleportation'] }))).toEqual(['sectors']);
    const currency = await bad({ budgets: [{ countryCode: 'GB', amountMinor: '100', currency: 'USD' }] });
    expect(fieldsOf(currency)).toEqual(['budgets.0.currency']);
    expect(currency.errors?.[0].extensions.fields).toEqual([{ field: 'budgets.0.currency', message: 'must be GBP or KRW: USD is not a currency of either twinned country.' }]);
    expect(fieldsOf(await bad({ budgets: [{ countryCode: 'GB', amountMinor: '12.50', currency: 'GBP' }] }))).toEqual(['budgets.0.amountMinor']);
    expect(fieldsOf(await bad({ budgets: [{ countryCode: 'JP', amountMinor: '100', currency: 'GBP' }] }))).toEqual(['budgets.0.countryCode']);
    expect(fieldsOf(await bad({ title: { en: '  ' } }))).toEqual(['title']);
    expect(fieldsOf(await bad({ cityBLeadUserId: id.liverpool }))).toEqual(['cityBLeadUserId']);
    // An observer cannot lead a project.
    expect(fieldsOf(await bad({ cityALeadUserId: id.boardUk }))).toEqual(['cityALeadUserId']);
    expect(fieldsOf(await bad({ outputs: [{ title: { en: 'Report' }, url: 'javascript:alert(1)' }] }))).toEqual(['outputs.0.url']);
    // In Korean: the service's own checks and the inputs' checks, each composed in Korean, with the same fields.
    const badKo = async (override: Record<string, unknown>, token = t.liverpool) => app.gql(CREATE, { input: { ...baseProject(), ...override } }, { token, headers: KOREAN });
    const currencyKo = await badKo({ budgets: [{ countryCode: 'GB', amountMinor: '100', currency: 'USD' }] });
    expect(currencyKo.errors?.[0]).toMatchObject({
      message: '입력한 내용을 고쳐 주세요. budgets.0.currency: GBP, KRW 중 하나여야 합니다. USD는 자매결연한 두 나라 어느 쪽의 통화도 아닙니다.',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'budgets.0.currency', message: 'GBP, KRW 중 하나여야 합니다. USD는 자매결연한 두 나라 어느 쪽의 통화도 아닙니다.' }] },
    });
    const amountKo = await badKo({ budgets: [{ countryCode: 'GB', amountMinor: '12.50', currency: 'GBP' }] });
    expect(amountKo.errors?.[0].extensions.fields).toEqual([{ field: 'budgets.0.amountMinor', message: '최소 화폐 단위의 정수여야 합니다(숫자만, 소수점 없이, 예: 2500000).' }]);
    const observerKo = await badKo({}, t.boardUk);
    expect(observerKo.errors?.[0]).toMatchObject({
      message: '참관인은 워크스페이스를 읽을 수만 있습니다. 프로젝트를 만들 수 있는 사람은 리더와 멤버입니다.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('a member creates a joint project in both languages, with a budget per country in its own currency', async () => {
    const res = await app.gqlOk<{ createProject: Project }>(CREATE, { input: baseProject() }, { token: t.engineer });
    project = res.createProject;
    expect(project).toMatchObject({ stage: 'DISCOVERY', version: 1, languages: ['en', 'ko'], published: false });
    expect(project.title).toEqual({ en: 'Hydrogen ports', ko: '수소 항만', languages: ['en', 'ko'] });
    // The engineer reads English: 박서준 is named as English pages write him.
    expect(project.leads.map((l) => [l.city.id, l.user.displayName])).toEqual([['liverpool', 'Sam Taylor'], ['busan', 'Park Seo-jun']]);
    expect(project.budgets).toEqual([
      { countryCode: 'GB', amountMinor: '2500000', currency: 'GBP', formatted: '£25,000' },
      { countryCode: 'KR', amountMinor: '45000000', currency: 'KRW', formatted: '₩45,000,000' },
    ]);
    const inKorean = await app.gqlOk<{ project: Project }>(PROJECT, { id: project.id }, { token: t.busan });
    expect(inKorean.project.budgets.map((b) => b.formatted)).toEqual(['£25,000', '₩45,000,000']);
    expect(project.stageHistory).toMatchObject([{ fromStage: null, toStage: 'DISCOVERY', actor: { displayName: 'Casey Harbour' } }]);

    const englishOnly = await app.gqlOk<{ createProject: Project }>(
      CREATE,
      { input: { ...baseProject(), title: { en: 'Port data exchange' }, summary: { en: 'Sharing vessel data.' }, budgets: [], sectors: ['digital'] } },
      { token: t.liverpool },
    );
    expect(englishOnly.createProject.languages).toEqual(['en']);
    expect(englishOnly.createProject.title).toEqual({ en: 'Port data exchange', ko: null, languages: ['en'] });
    id.secondProject = englishOnly.createProject.id;
  });

  it('milestones stay inside the project dates, and record their evidence', async () => {
    const outside = await app.gql(ADD_MILESTONE, { input: { projectId: project.id, title: { en: 'Too early' }, dueDate: '2026-06-30' } }, { token: t.participant });
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'dueDate', message: "must be on or after the project's start date, 2027-01-01." }] });
    const added = await app.gqlOk<{ addMilestone: { id: string; version: number } }>(
      ADD_MILESTONE,
      { input: { projectId: project.id, title: { en: 'Feasibility study', ko: '타당성 조사' }, dueDate: '2027-06-30' } },
      { token: t.participant },
    );
    const done = await app.gqlOk<{ updateMilestone: { status: string; evidenceLinks: string[]; completedAt: string | null; version: number } }>(
      UPDATE_MILESTONE,
      { input: { id: added.addMilestone.id, version: added.addMilestone.version, status: 'DONE', evidenceLinks: ['https://example.org/feasibility.pdf'] } },
      { token: t.busan },
    );
    expect(done.updateMilestone).toMatchObject({ status: 'DONE', evidenceLinks: ['https://example.org/feasibility.pdf'], version: 2 });
    expect(done.updateMilestone.completedAt).not.toBeNull();
    // The same edit from the old version collides.
    const stale = await app.gql(UPDATE_MILESTONE, { input: { id: added.addMilestone.id, version: 1, status: 'MISSED' } }, { token: t.engineer });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, current: { status: 'DONE' } });
    const staleKo = await app.gql(UPDATE_MILESTONE, { input: { id: added.addMilestone.id, version: 1, status: 'MISSED' } }, { token: t.engineer, headers: KOREAN });
    expect(staleKo.errors?.[0]).toMatchObject({
      message: '불러온 뒤에 다른 사람이 이 주요 일정을 바꿨습니다(보고 계신 버전 1, 현재 버전 2). 현재 버전을 확인한 뒤 다시 바꿔 주세요.',
      extensions: { code: 'CONFLICT', currentVersion: 2 },
    });
    // Moving the project's end before a milestone is refused, naming the milestone.
    const shrink = await app.gql(UPDATE, { input: { id: project.id, version: project.version, endDate: '2027-03-31' } }, { token: t.liverpool });
    expect(shrink.errors?.[0].extensions.fields).toEqual([{ field: 'endDate', message: expect.stringContaining('“Feasibility study” (due 2027-06-30)') }]);
  });

  it('two people edit the same version: the second gets CONFLICT with the current version, and nothing of theirs is written', async () => {
    const { version } = project;
    const first = await app.gqlOk<{ updateProject: Project }>(
      UPDATE,
      { input: { id: project.id, version, summary: { en: 'Two port cities trial hydrogen tugs and trucks.', ko: '두 항만 도시가 수소 예인선과 트럭을 시험합니다.' } } },
      { token: t.liverpool },
    );
    expect(first.updateProject.version).toBe(version + 1);
    const second = await app.gql(UPDATE, { input: { id: project.id, version, title: { en: 'Hydrogen harbours' } } }, { token: t.busan, headers: ENGLISH });
    expect(second.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: version + 1,
      current: { id: project.id, version: version + 1, title: { en: 'Hydrogen ports', ko: '수소 항만' } },
    });
    expect(second.errors?.[0].message).toContain(`you have version ${version}; it is now at version ${version + 1}`);
    const now = (await app.gqlOk<{ project: Project }>(PROJECT, { id: project.id }, { token: t.busan })).project;
    expect(now.title.en).toBe('Hydrogen ports');
    project = now;
  });

  it('every content change moves the version, publishing does not, and only the end date can be emptied', async () => {
    const budgetOnly = await app.gqlOk<{ updateProject: Project }>(
      UPDATE,
      { input: { id: project.id, version: project.version, budgets: [{ countryCode: 'GB', amountMinor: '3000000', currency: 'GBP' }] } },
      { token: t.liverpool },
    );
    expect(budgetOnly.updateProject.version).toBe(project.version + 1);
    expect(budgetOnly.updateProject.budgets.map((b) => b.formatted)).toEqual(['£30,000']);
    const stale = await app.gql(UPDATE, { input: { id: project.id, version: project.version, budgets: [] } }, { token: t.busan });
    expect(codeOf(stale)).toBe('CONFLICT');
    const emptied = await app.gql(UPDATE, { input: { id: project.id, version: budgetOnly.updateProject.version, sectors: null } }, { token: t.busan });
    expect(emptied.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'sectors' }] });
    const openEnded = await app.gqlOk<{ updateProject: Project & { endDate: string | null } }>(
      UPDATE,
      { input: { id: project.id, version: budgetOnly.updateProject.version, endDate: null } },
      { token: t.busan },
    );
    expect(openEnded.updateProject.endDate).toBeNull();
    project = openEnded.updateProject;
  });

  it('the project moves through its stages with who, when and why; at business as usual its leads are asked for a case study', async () => {
    const refused = await app.gql(STAGE, { input: { id: project.id, version: project.version, stage: 'GOAL_SETTING', reason: 'Ready' } }, { token: t.participant });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const steps: Array<[string, string, string]> = [
      ['GOAL_SETTING', 'busan', '목표에 합의했습니다'],
      ['FEASIBILITY', 'liverpool', 'Goals agreed; testing feasibility'],
      ['DEMONSTRATOR', 'liverpool', 'Feasibility confirmed'],
      ['SCALING', 'busan', '실증 성공'],
      ['BUSINESS_AS_USUAL', 'liverpool', 'Both ports run hydrogen tugs'],
    ];
    for (const [stage, who, reason] of steps) {
      project = (await app.gqlOk<{ changeProjectStage: Project }>(STAGE, { input: { id: project.id, version: project.version, stage, reason } }, { token: t[who] })).changeProjectStage;
    }
    expect(project.stageHistory.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, 'DISCOVERY'],
      ['DISCOVERY', 'GOAL_SETTING'],
      ['GOAL_SETTING', 'FEASIBILITY'],
      ['FEASIBILITY', 'DEMONSTRATOR'],
      ['DEMONSTRATOR', 'SCALING'],
      ['SCALING', 'BUSINESS_AS_USUAL'],
    ]);
    expect(project.stageHistory[1]).toMatchObject({ reason: '목표에 합의했습니다', actor: { displayName: 'Park Seo-jun' } });
    expect(project.stageHistory[1].atInCities.map((z) => z.cityId)).toEqual(['liverpool', 'busan']);
    expect(project.caseStudyPrompt).toEqual({ trigger: 'BUSINESS_AS_USUAL' });
    const en = await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject.includes('case study'));
    expect(en.subject).toBe('Please write a case study of “Hydrogen ports”');
    const ko = await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.includes('우수 사례'));
    expect(ko.subject).toBe('“수소 항만”의 우수 사례를 작성해 주세요');
    const same = await app.gql(STAGE, { input: { id: project.id, version: project.version, stage: 'BUSINESS_AS_USUAL', reason: 'again' } }, { token: t.liverpool });
    expect(codeOf(same)).toBe('CONFLICT');
  });

  it('health counts open projects; closing one by mistake can be undone', async () => {
    expect((await feed(t.liverpool)).health.activeProjects).toBe(2);
    const second = (await app.gqlOk<{ project: Project }>(PROJECT, { id: id.secondProject }, { token: t.liverpool })).project;
    const closed = await app.gqlOk<{ closeProject: { version: number; closedAt: string | null } }>(CLOSE, { input: { id: second.id, version: second.version, reason: 'Merged into Hydrogen ports' } }, { token: t.busan });
    expect(closed.closeProject.closedAt).not.toBeNull();
    expect((await feed(t.liverpool)).health.activeProjects).toBe(1);
    await app.gqlOk(REOPEN, { input: { id: second.id, version: closed.closeProject.version, reason: 'Closed by mistake' } }, { token: t.busan });
    expect((await feed(t.liverpool)).health.activeProjects).toBe(2);
  });

  it('a published summary is public; the project itself stays private', async () => {
    const before = await app.gqlOk<{ publishedProjects: { totalCount: number } }>(`query { publishedProjects { totalCount } }`);
    expect(before.publishedProjects.totalCount).toBe(0);
    expect(codeOf(await app.gql(PUBLISH, { input: { id: project.id, published: true } }, { token: t.engineer }))).toBe('FORBIDDEN');
    await app.gqlOk(PUBLISH, { input: { id: project.id, published: true } }, { token: t.liverpool });
    expect((await app.gqlOk<{ project: Project }>(PROJECT, { id: project.id }, { token: t.liverpool })).project.version).toBe(project.version);
    const published = await app.gqlOk<{ publishedProjects: { nodes: Array<{ id: string; title: { ko: string }; stage: string; cities: Array<{ id: string }> }> } }>(
      `query { publishedProjects(filter: { cityId: "busan" }) { nodes { id title { ko } stage cities { id } } } }`,
    );
    expect(published.publishedProjects.nodes).toEqual([{ id: project.id, title: { ko: '수소 항만' }, stage: 'BUSINESS_AS_USUAL', cities: [{ id: 'liverpool' }, { id: 'busan' }] }]);
    for (const token of [undefined, t.organiser]) expect(codeOf(await app.gql(PROJECT, { id: project.id }, { token }))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(PROJECT, { id: project.id }, { token: t.admin }))).toBe('OK');
  });

  it('the feed shows every step, newest first, a page at a time, each in English and Korean', async () => {
    const all = (await feed(t.busan)).activity;
    const verbs = all.nodes.map((e) => e.verb);
    // Invitations and join requests are for leads' eyes, in the feed as in their lists.
    const observed = (await feed(t.boardUk)).activity.nodes.map((e) => e.verb);
    expect(observed).not.toContain('JOIN_REQUESTED');
    expect(observed).not.toContain('MEMBER_INVITED');
    expect(observed).toContain('MEMBER_JOINED');
    expect(observed.length).toBe(verbs.length - verbs.filter((v) => ['JOIN_REQUESTED', 'MEMBER_INVITED'].includes(v)).length);
    for (const verb of ['WORKSPACE_OPENED', 'MEMBER_INVITED', 'MEMBER_JOINED', 'JOIN_REQUESTED', 'PROJECT_CREATED', 'MILESTONE_ADDED', 'MILESTONE_STATUS_CHANGED', 'MILESTONE_UPDATED', 'PROJECT_UPDATED', 'PROJECT_STAGE_CHANGED', 'PROJECT_CLOSED', 'PROJECT_REOPENED', 'PROJECT_PUBLISHED']) {
      expect(verbs).toContain(verb);
    }
    expect(verbs[verbs.length - 1]).toBe('WORKSPACE_OPENED');
    const times = all.nodes.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(verbs.filter((v) => v === 'PROJECT_STAGE_CHANGED')).toHaveLength(5);
    const bau = all.nodes.find((e) => e.verb === 'PROJECT_STAGE_CHANGED')!;
    expect(bau.summary.en).toBe('Sam Taylor moved “Hydrogen ports” from Scaling to Business as usual');
    // Each language writes the actor's name its way.
    expect(bau.summary.ko).toBe('샘 테일러님이 프로젝트 “수소 항만”의 단계를 확산에서 상시 운영으로 옮겼습니다');
    expect(bau.reason).toBe('Both ports run hydrogen tugs');

    // Pages of five, following the cursor, cover the same entries once each.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Feed['workspace']['activity'] = (await feed(t.busan, { first: 5, after })).activity;
      expect(page.nodes.length).toBeLessThanOrEqual(5);
      seen.push(...page.nodes.map((e) => e.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.nodes.map((e) => e.id));
    expect(all.totalCount).toBe(seen.length);

    const ofProject = (await feed(t.boardUk, { filter: { objectId: project.id } })).activity.nodes;
    expect(ofProject.length).toBeGreaterThan(5);
    expect(new Set(ofProject.map((e) => e.objectId))).toEqual(new Set([project.id]));
  });

  it("renders any time on both cities' clocks, across London's change to summer time", async () => {
    const query = `query($id: ID!, $at: DateTime!) { workspace(id: $id) { timeInCities(at: $at) { cityId timeZone local utcOffset zoneName text } } }`;
    // 28 March 2027: London moves from GMT to BST at 01:00 UTC; Seoul has no summer time.
    const before = (await app.gqlOk<{ workspace: { timeInCities: Array<Record<string, string>> } }>(query, { id: workspaceId, at: '2027-03-28T00:30:00Z' }, { token: t.liverpool })).workspace.timeInCities;
    const after = (await app.gqlOk<{ workspace: { timeInCities: Array<Record<string, string>> } }>(query, { id: workspaceId, at: '2027-03-28T01:30:00Z' }, { token: t.busan })).workspace.timeInCities;
    expect(before.map((z) => [z.cityId, z.local, z.zoneName])).toEqual([
      ['liverpool', '2027-03-28T00:30:00+00:00', 'GMT'],
      ['busan', '2027-03-28T09:30:00+09:00', 'KST'],
    ]);
    expect(after.map((z) => [z.cityId, z.local, z.zoneName])).toEqual([
      ['liverpool', '2027-03-28T02:30:00+01:00', 'BST'],
      ['busan', '2027-03-28T10:30:00+09:00', 'KST'],
    ]);
    // The reader's language: an English reader and a Korean reader.
    expect(before[0].text).toBe('Sun 28 Mar 2027, 00:30 GMT');
    expect(after[1].text).toBe('2027년 3월 28일 (일) 오전 10:30 (한국 시간)');
    expect(after[0].text).toBe('2027년 3월 28일 (일) 오전 2:30 (영국 시간)');
    // Feed entries carry their instant in UTC and render it in both zones.
    const entry = (await feed(t.liverpool, { first: 1 })).activity.nodes[0];
    for (const local of entry.atInCities) expect(new Date(local.local).getTime()).toBe(new Date(entry.at).getTime());
  });

  it('a week later each follower gets one digest in their own language and time zone, with a working unsubscribe link', async () => {
    // One follower's digest cannot be built (a time zone no clock knows): it must not hold up the others.
    await app.gqlOk(FOLLOW, { workspaceId, frequency: 'WEEKLY' }, { token: t.boardUk });
    await app.dataSource.query(`UPDATE user_account SET time_zone = 'Mars/Olympus_Mons' WHERE id = $1`, [id.boardUk]);
    // Redis restarts without its data during the week: what is due lives in PostgreSQL, so no digest is lost.
    const redis = new Redis(app.env.REDIS_URL);
    try {
      const keys = await redis.keys(`${app.env.QUEUE_PREFIX}:*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    app.workerClock!.advance(8 * 86400_000);
    const en = await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject.startsWith('Weekly digest'), 20_000);
    expect(en.subject).toMatch(/^Weekly digest: \d+ updates in the Liverpool–Busan workspace$/);
    expect(en.text).toContain('Sam Taylor moved “Hydrogen ports” from Scaling to Business as usual');
    expect(en.text).toMatch(/(GMT|BST)/);
    const ko = await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.startsWith('주간 요약'), 20_000);
    expect(ko.subject).toMatch(/^주간 요약: 리버풀–부산 워크스페이스 새 소식 \d+건$/);
    expect(ko.text).toContain('단계를 확산에서 상시 운영으로 옮겼습니다');
    expect(ko.text).toMatch(/오[전후] \d+:\d\d \(한국 시간\)/);
    const daily = await app.mail.waitFor((m) => m.to === 'participant@demo.twins.test' && m.subject.startsWith('Daily digest'), 20_000);
    expect(daily.text).toContain('Jordan Lee');

    // The digest's link opens the web app's page (its button stops the digest); mail clients' one-click posts to the API.
    const pageLink = linkIn(en, `${app.url}/unsubscribe/workspace-digest?token=`);
    const link = (en.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url;
    expect(link.startsWith(`${app.url}/workspaces/unsubscribe?token=`)).toBe(true);
    expect(tokenFrom(link)).toBe(tokenFrom(pageLink));
    const opened = await fetch(link, { redirect: 'manual' });
    expect([opened.status, opened.headers.get('location')]).toEqual([302, `/unsubscribe/workspace-digest${new URL(link).search}`]);
    const done = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Unsubscribed');
    const mine = await app.gqlOk<{ workspace: { myFollow: unknown } }>(`query($id: ID!) { workspace(id: $id) { myFollow { frequency } } }`, { id: workspaceId }, { token: t.liverpool });
    expect(mine.workspace.myFollow).toBeNull();
    const forged = await fetch(`${link.slice(0, -4)}AAAA`, { method: 'POST' });
    expect(forged.status).toBe(400);
    // The page's button: done again is still done; a link never sent says so, by its reason.
    const STOP = `mutation($token: String!) { stopWorkspaceDigest(token: $token) }`;
    expect(await app.gqlOk(STOP, { token: tokenFrom(pageLink) })).toEqual({ stopWorkspaceDigest: true });
    const refused = await app.gql(STOP, { token: `${tokenFrom(pageLink).slice(0, -4)}AAAA` });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LINK_NOT_VALID' });

    // Further checks send nothing twice: one digest per follower for the week.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rows: Array<{ n: number }> = await app.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE template = 'twinning.workspace-digest'`);
    expect(rows[0].n).toBe(3);
    // The broken one waits for a later try instead of being retried at every check.
    const [broken]: Array<{ next_digest_at: Date }> = await app.dataSource.query(`SELECT next_digest_at FROM workspace_follow WHERE user_id = $1`, [id.boardUk]);
    expect(broken.next_digest_at.getTime()).toBeGreaterThan(app.workerClock!.now().getTime());
    expect(app.mail.to('board.uk@demo.twins.test').filter((m) => /digest|요약/.test(m.subject))).toHaveLength(0);
    expect(app.mail.to('officer.liverpool@demo.twins.test').filter((m) => m.subject.startsWith('Weekly digest'))).toHaveLength(1);
  });
});
