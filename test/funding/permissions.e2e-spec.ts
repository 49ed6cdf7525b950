import { GqlResponse, startTestApp, TestApp } from '../support/harness';
import { CRITERIA, F, RATIONALE, codeOf, createFundWithCall, createProject, draftApplication, joinAsMember, newMeeting, readyForDecision, reasonOf, scores, twinLiverpoolAndBusan } from './funding-support';

/** Who tries an operation of the seed fund or its board. */
type Who = 'anonymous' | 'outsider' | 'member' | 'board' | 'conflicted' | 'admin' | 'lead';

/** The lead acts last: refusals are checked before an applicant's step changes the state. */
const LEAD_LAST: Who[] = ['anonymous', 'outsider', 'member', 'board', 'conflicted', 'admin', 'lead'];
/** The admin acts last, for the fund administrators' steps. */
const ADMIN_LAST: Who[] = ['anonymous', 'outsider', 'member', 'lead', 'board', 'conflicted', 'admin'];
/** The (non-conflicted) board member acts last, for reviews, votes and declarations. */
const BOARD_LAST: Who[] = ['anonymous', 'outsider', 'member', 'lead', 'admin', 'conflicted', 'board'];

/** Role-guarded operations for admins only. */
const ADMINS_ONLY = { anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', board: 'FORBIDDEN', conflicted: 'FORBIDDEN', admin: 'OK' };
/** Everyone, signed in or not. */
const EVERYONE_OK = { anonymous: 'OK', outsider: 'OK', member: 'OK', lead: 'OK', board: 'OK', conflicted: 'OK', admin: 'OK' };
/** The applying workspace's leads' steps: its members and admins see the application but may not act; others do not see it at all. */
const APPLICANT_STEP_ON_DRAFT = { anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', member: 'FORBIDDEN', board: 'NOT_FOUND', conflicted: 'NOT_FOUND', admin: 'FORBIDDEN', lead: 'OK' };
/** The same, once submitted: the fund's board (conflicted or not) sees it too, so is refused rather than told it does not exist. */
const APPLICANT_STEP_ON_SUBMITTED = { ...APPLICANT_STEP_ON_DRAFT, board: 'FORBIDDEN', conflicted: 'FORBIDDEN' };

const FUND_PUBLIC = `query($id: ID!) { fund(id: $id) { id name { en ko } balances { currency available { amountMinor } } board { quorumMinPerCountry members { id countryCode } } calls { totalCount } } }`;
const FUNDS = `query { funds { totalCount } }`;
const CALL = `query($id: ID!) { fundCall(id: $id) { id title { en ko } isOpen closesAtLocal { timeZone } maxAward { en } criteria { key weight } } }`;
const CALLS = `query($fundId: ID) { fundCalls(fundId: $fundId) { totalCount } }`;
const DECISION = `query($id: ID!) { fundingDecision(id: $id) { id outcome title { en ko } amounts { en } rationale { en ko } } }`;
const DECISIONS = `query($fundId: ID) { fundingDecisions(fundId: $fundId) { totalCount nodes { id outcome amounts { en } rationale { en ko } } } }`;
const LEDGER = `query($id: ID!) { fund(id: $id) { id ledger(first: 5) { totalCount nodes { kind amount { amountMinor } } } } }`;
const RECONCILIATION = `query($id: ID!) { fund(id: $id) { id reconciliation { currency reconciles } } }`;
const AUDIT_LOG = `query($id: ID!) { fund(id: $id) { id auditLog(first: 5) { totalCount nodes { action } } } }`;
const APPLICATION = `query($id: ID!) { fundApplication(id: $id) { id status version } }`;
const APPLICATIONS = `query($fundId: ID) { fundApplications(filter: { fundId: $fundId }) { totalCount } }`;
const REVIEWS = `query($id: ID!) { fundApplication(id: $id) { id reviews { id memberId submittedAt } } }`;
const REVIEW_SUMMARY = `query($id: ID!) { fundApplication(id: $id) { id reviewSummary { reviewsSubmitted } } }`;
const CONFLICTS = `query($id: ID!) { fundApplication(id: $id) { id conflicts { member { id } automaticCityIds } } }`;
const DECISION_VOTES = `query($id: ID!) { fundApplication(id: $id) { id decisions { id outcome votes { memberId choice } } } }`;
const MEETING = `query($id: ID!) { boardMeeting(id: $id) { id title { en } agenda { applicationId } } }`;
const MEETINGS = `query($fundId: ID!) { boardMeetings(fundId: $fundId) { totalCount } }`;
const BOARD_SEATS = `query($id: ID!) { fund(id: $id) { board { members { id userId } } } }`;

const UPDATE_FUND = `mutation($input: UpdateFundInput!) { updateFund(input: $input) { id } }`;
const END_MEMBERSHIP = `mutation($input: EndBoardMembershipInput!) { endBoardMembership(input: $input) { id } }`;
const BOARD_RULES = `mutation($input: UpdateBoardRulesInput!) { updateBoardRules(input: $input) { fundId quorumMinPerCountry } }`;
const REMOVE_FROM_AGENDA = `mutation($input: AgendaItemInput!) { removeFromAgenda(input: $input) }`;

/**
 * Every operation of the seed fund and its board, tried by each kind of
 * person: the exact outcome of each (OK, the error code, or NULL for a field
 * read as null without an error). The applicants are the Liverpool–Busan
 * workspace: its lead (Sam) and a member (Jordan). On the fund's board sit
 * 정하늘 (not conflicted) and Priya (University of Liverpool, so conflicted on
 * every Liverpool–Busan application).
 */
describe('seed fund and board: the permission matrix', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  let fundId: string;
  let callId: string;
  let seat: Record<string, string>;
  /** A fund without a board: its oversight is for admins only. */
  let boardlessFundId: string;
  let meetingId: string;
  let projects = 0;

  const tokenOf = (who: Who): string | undefined =>
    ({ anonymous: undefined, outsider: t.organiser, member: t.participant, lead: t.liverpool, board: t.boardKr2, conflicted: t.boardUk, admin: t.admin })[who];

  /**
   * Runs one operation as every actor and returns what each got, for one
   * `toEqual` against the whole row: the error code when there is one,
   * otherwise `pick` of the data (default OK).
   */
  const row = async <D = Record<string, unknown>>(
    attempt: (who: Who) => Promise<{ query: string; variables?: Record<string, unknown> }>,
    options: { actors?: Who[]; pick?: (data: D) => unknown } = {},
  ): Promise<Record<string, unknown>> => {
    const got: Record<string, unknown> = {};
    for (const who of options.actors ?? LEAD_LAST) {
      const { query, variables } = await attempt(who);
      const res: GqlResponse<D> = await app.gql<D>(query, variables ?? {}, { token: tokenOf(who) });
      got[who] = res.errors?.length ? codeOf(res) : options.pick ? options.pick(res.data as D) : 'OK';
    }
    return got;
  };
  /** A cell for a restricted field: NULL when it reads as null without an error. */
  const nullOr = (value: unknown) => (value === null ? 'NULL' : 'OK');

  const newProject = () => createProject(app, t, id, workspaceId, `Matrix project ${++projects}`);
  const draft = async () => draftApplication(app, t, callId, await newProject());
  const submitted = async () => {
    const applicationId = await draft();
    await app.gqlOk(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool });
    return applicationId;
  };
  const eligible = async () => {
    const applicationId = await submitted();
    await app.gqlOk(F.CONFIRM, { input: { id: applicationId } }, { token: t.admin });
    return applicationId;
  };
  /** Under review, with Oliver (boardUk2) assigned; `reviewed` has him submit his review. */
  const underReview = async (reviewed: boolean) => {
    const applicationId = await eligible();
    await app.gqlOk(F.ASSIGN, { input: { applicationId, memberIds: [seat.boardUk2] } }, { token: t.admin });
    if (reviewed) await app.gqlOk(F.REVIEW, { input: { applicationId, scores: scores([4, 4, 3]), recommendation: 'FUND' } }, { token: t.boardUk2 });
    return applicationId;
  };
  /** Reviewed, on the meeting's agenda, and voted for by a member of each country: a decision may be recorded. */
  const votedOn = async () => {
    const applicationId = await draft();
    await readyForDecision(app, t, applicationId, meetingId, [{ person: 'boardUk2', memberId: seat.boardUk2 }]);
    for (const person of ['boardUk2', 'boardKr']) await app.gqlOk(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t[person] });
    return applicationId;
  };
  /** Approved by the board: the award is the applicants' to accept or decline. */
  const approved = async () => {
    const applicationId = await votedOn();
    await app.gqlOk(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
    return applicationId;
  };
  const versionOf = async (applicationId: string) => (await app.gqlOk<{ fundApplication: { version: number } }>(APPLICATION, { id: applicationId }, { token: t.admin })).fundApplication.version;
  const callInput = (forFund: string) => {
    const now = app.clock.now().getTime();
    return {
      fundId: forFund,
      title: { en: 'Matrix call', ko: '매트릭스 공모' },
      guidance: { en: 'Apply.', ko: '신청하세요.' },
      opensAt: new Date(now + 86400_000).toISOString(),
      closesAt: new Date(now + 30 * 86400_000).toISOString(),
      allowedStages: ['FEASIBILITY'],
      maxAward: [
        { currency: 'GBP', amountMinor: '5000000' },
        { currency: 'KRW', amountMinor: '85000000' },
      ],
      matchRatioPercent: 80,
      referenceCurrency: 'GBP',
      exchangeRates: [{ currency: 'KRW', unitsPerReference: 1700 }],
      criteria: CRITERIA,
      scoreScaleMax: 5,
      reviewersPerApplication: 1,
    };
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(t, id);
    workspaceId = await twinLiverpoolAndBusan(app, t);
    await joinAsMember(app, t, workspaceId);
    ({ fundId, callId, members: seat } = await createFundWithCall(app, t, id, {
      gbp: '100000000',
      krw: '1700000000',
      board: [
        ['boardUk', 'GB'],
        ['boardUk2', 'GB'],
        ['boardKr', 'KR'],
        ['boardKr2', 'KR'],
      ],
      reviewers: 1,
    }));
    boardlessFundId = (await app.gqlOk<{ createFund: { id: string } }>(F.CREATE_FUND, { input: { name: { en: 'Boardless fund', ko: '위원회 없는 기금' }, countryCodes: ['GB', 'KR'] } }, { token: t.admin })).createFund.id;
    meetingId = await newMeeting(app, t, fundId);
  });
  afterAll(() => app?.close());

  it('the public reads funds, their board and calls, and the decisions', async () => {
    expect(await row(async () => ({ query: FUNDS }))).toEqual(EVERYONE_OK);
    expect(await row(async () => ({ query: FUND_PUBLIC, variables: { id: fundId } }))).toEqual(EVERYONE_OK);
    expect(await row(async () => ({ query: CALL, variables: { id: callId } }))).toEqual(EVERYONE_OK);
    expect(await row(async () => ({ query: CALLS, variables: { fundId } }))).toEqual(EVERYONE_OK);
    expect(await row(async () => ({ query: DECISIONS, variables: { fundId } }))).toEqual(EVERYONE_OK);
  });

  it('fund.ledger, fund.reconciliation, fund.auditLog: admins and the fund’s own board; null for anyone without the role', async () => {
    const oversight = { anonymous: 'NULL', outsider: 'NULL', member: 'NULL', lead: 'NULL', board: 'OK', conflicted: 'OK', admin: 'OK' };
    const pickLedger = (d: { fund: { ledger: unknown } }) => nullOr(d.fund.ledger);
    const pickReconciliation = (d: { fund: { reconciliation: unknown } }) => nullOr(d.fund.reconciliation);
    const pickAuditLog = (d: { fund: { auditLog: unknown } }) => nullOr(d.fund.auditLog);
    expect(await row(async () => ({ query: LEDGER, variables: { id: fundId } }), { pick: pickLedger })).toEqual(oversight);
    expect(await row(async () => ({ query: RECONCILIATION, variables: { id: fundId } }), { pick: pickReconciliation })).toEqual(oversight);
    expect(await row(async () => ({ query: AUDIT_LOG, variables: { id: fundId } }), { pick: pickAuditLog })).toEqual(oversight);
    // Board members of other funds hold the role, but this fund's books are not theirs: NOT_FOUND.
    const otherFund = { ...oversight, board: 'NOT_FOUND', conflicted: 'NOT_FOUND' };
    expect(await row(async () => ({ query: LEDGER, variables: { id: boardlessFundId } }), { pick: pickLedger })).toEqual(otherFund);
    expect(await row(async () => ({ query: RECONCILIATION, variables: { id: boardlessFundId } }), { pick: pickReconciliation })).toEqual(otherFund);
    expect(await row(async () => ({ query: AUDIT_LOG, variables: { id: boardlessFundId } }), { pick: pickAuditLog })).toEqual(otherFund);
  });

  it('GET /funds/{id}/audit.csv: admins and the fund’s own board; 401 without a token, 404 for anyone else', async () => {
    const csvRow = async (forFund: string) => {
      const got: Record<string, number> = {};
      for (const who of LEAD_LAST) {
        const token = tokenOf(who);
        got[who] = (await fetch(`${app.url}/funds/${forFund}/audit.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;
      }
      return got;
    };
    expect(await csvRow(fundId)).toEqual({ anonymous: 401, outsider: 404, member: 404, lead: 404, board: 200, conflicted: 200, admin: 200 });
    expect(await csvRow(boardlessFundId)).toEqual({ anonymous: 401, outsider: 404, member: 404, lead: 404, board: 404, conflicted: 404, admin: 200 });
  });

  it('fundApplication and fundApplications: the workspace and admins always; the board once submitted', async () => {
    const draftId = await draft();
    const submittedId = await submitted();
    expect(await row(async () => ({ query: APPLICATION, variables: { id: draftId } }))).toEqual({
      anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'OK', lead: 'OK', board: 'NOT_FOUND', conflicted: 'NOT_FOUND', admin: 'OK',
    });
    expect(await row(async () => ({ query: APPLICATION, variables: { id: submittedId } }))).toEqual({
      anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'OK', lead: 'OK', board: 'OK', conflicted: 'OK', admin: 'OK',
    });
    // The list: the draft and the submitted application for the workspace and admins, the submitted one for the board.
    expect(await row<{ fundApplications: { totalCount: number } }>(async () => ({ query: APPLICATIONS, variables: { fundId } }), { pick: (d) => d.fundApplications.totalCount })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 0, member: 2, lead: 2, board: 1, conflicted: 1, admin: 2,
    });
    // Conflicts of interest: admins and the fund's board; null for the applicants.
    expect(await row<{ fundApplication: { conflicts: unknown } }>(async () => ({ query: CONFLICTS, variables: { id: submittedId } }), { pick: (d) => nullOr(d.fundApplication.conflicts) })).toEqual({
      anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'NULL', lead: 'NULL', board: 'OK', conflicted: 'OK', admin: 'OK',
    });
    const conflicts = await app.gqlOk<{ fundApplication: { conflicts: Array<{ member: { id: string }; automaticCityIds: string[] }> } }>(CONFLICTS, { id: submittedId }, { token: t.boardKr2 });
    expect(conflicts.fundApplication.conflicts).toEqual([{ member: { id: seat.boardUk }, automaticCityIds: ['liverpool'] }]);
  });

  it('reviews and reviewSummary: admins and board members not conflicted; NOT_FOUND for the conflicted, null for the applicants', async () => {
    const applicationId = await underReview(true);
    const expected = { anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'NULL', lead: 'NULL', board: 'OK', conflicted: 'NOT_FOUND', admin: 'OK' };
    expect(await row<{ fundApplication: { reviews: unknown } }>(async () => ({ query: REVIEWS, variables: { id: applicationId } }), { pick: (d) => nullOr(d.fundApplication.reviews) })).toEqual(expected);
    expect(await row<{ fundApplication: { reviewSummary: unknown } }>(async () => ({ query: REVIEW_SUMMARY, variables: { id: applicationId } }), { pick: (d) => nullOr(d.fundApplication.reviewSummary) })).toEqual(expected);
  });

  it('boardMeeting and boardMeetings: admins and the fund’s board', async () => {
    expect(await row(async () => ({ query: MEETING, variables: { id: meetingId } }))).toEqual({
      anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'NOT_FOUND', lead: 'NOT_FOUND', board: 'OK', conflicted: 'OK', admin: 'OK',
    });
    expect(await row(async () => ({ query: MEETINGS, variables: { fundId } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', board: 'OK', conflicted: 'OK', admin: 'OK',
    });
    expect(await row(async () => ({ query: MEETINGS, variables: { fundId: boardlessFundId } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', board: 'NOT_FOUND', conflicted: 'NOT_FOUND', admin: 'OK',
    });
  });

  it('how the vote on an agenda item stands: admins and the board, but nothing of it for a member conflicted on the application', async () => {
    const applicationId = await votedOn();
    type Agenda = { boardMeeting: { agenda: Array<{ applicationId: string; quorum: { votesCast: number; eligibleMembers: number; explanation: string } | null }> } };
    const QUORUM = `query($id: ID!) { boardMeeting(id: $id) { agenda { applicationId quorum { votesCast eligibleMembers votesNeeded met countriesMissing explanation } } } }`;
    const quorumOf = (d: Agenda) => d.boardMeeting.agenda.find((item) => item.applicationId === applicationId)!.quorum;
    // Two of the three members not conflicted (Priya is) have voted: the numbers, and the sentence that tells them, for those who may follow the vote.
    expect(await row<Agenda>(async () => ({ query: QUORUM, variables: { id: meetingId } }), { pick: (d) => quorumOf(d)?.votesCast ?? 'NULL' })).toEqual({
      anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'NOT_FOUND', lead: 'NOT_FOUND', board: 2, conflicted: 'NULL', admin: 2,
    });
    expect(quorumOf(await app.gqlOk<Agenda>(QUORUM, { id: meetingId }, { token: t.boardKr2, headers: { 'accept-language': 'en' } }))?.explanation).toMatch(/^Quorum met: 2 of \d+ eligible members voted/);
    // Haneul's account reads Korean: asked in no language, the explanation is in hers.
    expect(quorumOf(await app.gqlOk<Agenda>(QUORUM, { id: meetingId }, { token: t.boardKr2 }))?.explanation).toMatch(/^의결정족수를 채웠습니다: 표결할 수 있는 위원 \d+명 중 2명이 투표했고/);
    // The conflicted member reads the meeting with no error, and no count of votes anywhere in it.
    const conflicted = await app.gql<Agenda>(QUORUM, { id: meetingId }, { token: t.boardUk });
    expect(conflicted.errors).toBeUndefined();
    expect(conflicted.data!.boardMeeting.agenda.every((item) => item.quorum === null)).toBe(true);
  });

  it('createFund, updateFund, recordContribution, returnContribution: admins only', async () => {
    expect(await row(async (who) => ({ query: F.CREATE_FUND, variables: { input: { name: { en: `Fund by ${who}`, ko: '기금' }, countryCodes: ['GB', 'KR'] } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    expect(await row(async (who) => ({ query: UPDATE_FUND, variables: { input: { id: fundId, name: { en: `Renamed by ${who}`, ko: '이름 변경' } } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    expect(await row(async () => ({ query: F.CONTRIBUTE, variables: { input: { fundId, countryCode: 'GB', amountMinor: '100', note: 'Matrix' } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    expect(await row(async () => ({ query: F.RETURN, variables: { input: { fundId, countryCode: 'GB', amountMinor: '100', note: 'Matrix' } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
  });

  it('createFundCall, updateFundCall: admins only', async () => {
    expect(await row(async () => ({ query: F.CREATE_CALL, variables: { input: callInput(boardlessFundId) } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    expect(await row(async (who) => ({ query: F.UPDATE_CALL, variables: { input: { id: callId, title: { en: `Test call (${who})`, ko: '시험 공모' } } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
  });

  it('appointBoardMember, endBoardMembership, updateBoardRules: admins only', async () => {
    // 김지현 joins the boardless fund's board for a while (no actor of this matrix).
    expect(await row(async () => ({ query: F.APPOINT, variables: { input: { fundId: boardlessFundId, userId: id.boardKr, countryCode: 'KR' } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    const throwaway = (await app.gqlOk<{ fund: { board: { members: Array<{ id: string; userId: string }> } } }>(BOARD_SEATS, { id: boardlessFundId })).fund.board.members.find((m) => m.userId === id.boardKr)!.id;
    const ledgerAsJihyun = async () => codeOf(await app.gql(LEDGER, { id: boardlessFundId }, { token: t.boardKr }));
    expect(await ledgerAsJihyun()).toBe('OK');
    expect(await row(async () => ({ query: END_MEMBERSHIP, variables: { input: { memberId: throwaway, reason: 'Matrix' } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    // Her seat ended, she keeps the role (she sits on other boards) but no longer oversees this fund.
    expect(await ledgerAsJihyun()).toBe('NOT_FOUND');
    expect(await row(async () => ({ query: BOARD_RULES, variables: { input: { fundId, quorumMinPerCountry: 1 } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
  });

  it('createFundApplication, updateFundApplication, submitFundApplication: the workspace’s leads', async () => {
    const projectId = await newProject();
    expect(
      await row(async () => ({
        query: F.CREATE,
        variables: { input: { callId, projectId, title: { en: 'Matrix application', ko: '매트릭스 신청' }, summary: { en: 'Sensors.', ko: '센서.' } } },
      })),
    ).toEqual(APPLICANT_STEP_ON_DRAFT);
    const applicationId = await draft();
    expect(await row(async (who) => ({ query: F.UPDATE, variables: { input: { id: applicationId, version: await versionOf(applicationId), title: { en: `Edited by ${who}` } } } }))).toEqual(APPLICANT_STEP_ON_DRAFT);
    expect(await row(async () => ({ query: F.SUBMIT, variables: { input: { id: applicationId } } }))).toEqual(APPLICANT_STEP_ON_DRAFT);
    // Once submitted the board sees it: editing it is refused, and the lead finds it locked.
    expect(await row(async (who) => ({ query: F.UPDATE, variables: { input: { id: applicationId, version: await versionOf(applicationId), title: { en: `Edited by ${who}` } } } }))).toEqual({
      ...APPLICANT_STEP_ON_SUBMITTED,
      lead: 'CONFLICT',
    });
    expect(reasonOf(await app.gql(F.UPDATE, { input: { id: applicationId, version: await versionOf(applicationId), title: { en: 'Late' } } }, { token: t.liverpool }))).toBe('LOCKED');
  });

  it('withdrawFundApplication: the workspace’s leads, draft or submitted', async () => {
    const draftId = await draft();
    expect(await row(async () => ({ query: F.WITHDRAW, variables: { input: { id: draftId, reason: 'Matrix' } } }))).toEqual(APPLICANT_STEP_ON_DRAFT);
    const submittedId = await submitted();
    expect(await row(async () => ({ query: F.WITHDRAW, variables: { input: { id: submittedId, reason: 'Matrix' } } }))).toEqual(APPLICANT_STEP_ON_SUBMITTED);
  });

  it('returnFundApplication, confirmFundApplicationEligibility: admins only', async () => {
    const toReturn = await submitted();
    expect(await row(async () => ({ query: F.RETURN_TO_APPLICANT, variables: { input: { id: toReturn, reason: 'Fix the budget' } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    const toConfirm = await submitted();
    expect(await row(async () => ({ query: F.CONFIRM, variables: { input: { id: toConfirm } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
  });

  it('assignReviewers, unassignReviewer: admins only; submitReview: the assigned reviewer, never a conflicted member', async () => {
    const applicationId = await eligible();
    expect(await row(async () => ({ query: F.ASSIGN, variables: { input: { applicationId, memberIds: [seat.boardKr2] } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    await app.gqlOk(F.ASSIGN, { input: { applicationId, memberIds: [seat.boardKr] } }, { token: t.admin });
    expect(await row(async () => ({ query: F.UNASSIGN, variables: { input: { applicationId, memberId: seat.boardKr } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    expect(await row(async () => ({ query: F.REVIEW, variables: { input: { applicationId, scores: scores([4, 3, 3]), recommendation: 'FUND' } } }), { actors: BOARD_LAST })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', admin: 'FORBIDDEN', conflicted: 'FORBIDDEN', board: 'OK',
    });
  });

  it('declareConflictOfInterest: the fund’s board members, on applications they see', async () => {
    const submittedId = await submitted();
    expect(await row(async () => ({ query: F.DECLARE, variables: { input: { applicationId: submittedId, reason: 'A former colleague leads it' } } }), { actors: BOARD_LAST })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', admin: 'FORBIDDEN', conflicted: 'OK', board: 'OK',
    });
    // Having declared, 정하늘 is conflicted on it too: its reviews are no longer hers to read.
    expect(await row<{ fundApplication: { reviews: unknown } }>(async () => ({ query: REVIEWS, variables: { id: submittedId } }), { pick: (d) => nullOr(d.fundApplication.reviews) })).toEqual({
      anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'NULL', lead: 'NULL', board: 'NOT_FOUND', conflicted: 'NOT_FOUND', admin: 'OK',
    });
    const draftId = await draft();
    expect(await row(async () => ({ query: F.DECLARE, variables: { input: { applicationId: draftId, reason: 'A former colleague leads it' } } }), { actors: BOARD_LAST })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', admin: 'FORBIDDEN', conflicted: 'NOT_FOUND', board: 'NOT_FOUND',
    });
  });

  it('createBoardMeeting, addToAgenda, removeFromAgenda: admins only', async () => {
    expect(
      await row(async (who) => ({ query: F.MEETING, variables: { input: { fundId, title: { en: `Meeting by ${who}`, ko: '회의' }, startsAt: new Date(app.clock.now().getTime() + 2 * 86400_000).toISOString(), location: 'Online' } } }), {
        actors: ADMIN_LAST,
      }),
    ).toEqual(ADMINS_ONLY);
    const applicationId = await underReview(true);
    expect(await row(async () => ({ query: F.AGENDA, variables: { input: { meetingId, applicationId } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    expect(await row(async () => ({ query: REMOVE_FROM_AGENDA, variables: { input: { meetingId, applicationId } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
  });

  it('castVote: board members not conflicted on the application', async () => {
    const applicationId = await underReview(true);
    await app.gqlOk(F.AGENDA, { input: { meetingId, applicationId } }, { token: t.admin });
    expect(await row(async () => ({ query: F.VOTE, variables: { input: { meetingId, applicationId, choice: 'FOR' } } }), { actors: BOARD_LAST })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', admin: 'FORBIDDEN', conflicted: 'FORBIDDEN', board: 'OK',
    });
  });

  it('recordFundingDecision: admins and board members not conflicted on the application', async () => {
    // Each attempt is on an application of its own, voted on and ready for a decision.
    expect(await row(async () => ({ query: F.DECIDE, variables: { input: { meetingId, applicationId: await votedOn(), outcome: 'APPROVED', rationale: RATIONALE } } }), { actors: BOARD_LAST })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', admin: 'OK', conflicted: 'FORBIDDEN', board: 'OK',
    });
  });

  it('the decisions on an application: its readers see them, the votes only admins and the board', async () => {
    const applicationId = await approved();
    expect(await row<{ fundApplication: { decisions: Array<{ votes: unknown }> } }>(async () => ({ query: DECISION_VOTES, variables: { id: applicationId } }), { pick: (d) => nullOr(d.fundApplication.decisions[0].votes) })).toEqual({
      anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'NULL', lead: 'NULL', board: 'OK', conflicted: 'OK', admin: 'OK',
    });
  });

  it('acceptFundAward, declineFundAward: the workspace’s leads; startFundAwardDelivery, closeFundAward: admins only', async () => {
    const toAccept = await approved();
    expect(await row(async () => ({ query: F.ACCEPT, variables: { input: { id: toAccept } } }))).toEqual(APPLICANT_STEP_ON_SUBMITTED);
    const toDecline = await approved();
    expect(await row(async () => ({ query: F.DECLINE, variables: { input: { id: toDecline, reason: 'Matrix' } } }))).toEqual(APPLICANT_STEP_ON_SUBMITTED);
    expect(await row(async () => ({ query: F.START_DELIVERY, variables: { input: { id: toAccept, reason: 'Grant agreement signed' } } }), { actors: ADMIN_LAST })).toEqual(ADMINS_ONLY);
    expect(
      await row(async () => ({ query: F.CLOSE_AWARD, variables: { input: { id: toAccept, spent: [{ currency: 'GBP', amountMinor: '1000000' }], reason: 'Final report' } } }), { actors: ADMIN_LAST }),
    ).toEqual(ADMINS_ONLY);
  });

  it('the public reads every decision recorded above, and the same number of them whoever asks', async () => {
    expect(await row<{ fundingDecisions: { totalCount: number } }>(async () => ({ query: DECISIONS, variables: { fundId } }), { pick: (d) => d.fundingDecisions.totalCount })).toEqual({
      anonymous: 5, outsider: 5, member: 5, lead: 5, board: 5, conflicted: 5, admin: 5,
    });
    const [latest] = (await app.gqlOk<{ fundingDecisions: { nodes: Array<{ id: string }> } }>(DECISIONS, { fundId })).fundingDecisions.nodes;
    expect(await row(async () => ({ query: DECISION, variables: { id: latest.id } }))).toEqual(EVERYONE_OK);
  });

  it('board members of another fund (holding the role) see none of this fund’s applications', async () => {
    // A second fund whose board is Oliver and 김지현 only: neither 정하늘 nor Priya sits on it.
    const other = await createFundWithCall(app, t, id, { gbp: '100000000', krw: '1700000000', board: [['boardUk2', 'GB'], ['boardKr', 'KR']], reviewers: 1 });
    const applicationId = await draftApplication(app, t, other.callId, await newProject());
    await app.gqlOk(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool });
    expect(await row(async () => ({ query: APPLICATION, variables: { id: applicationId } }))).toEqual({
      anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'OK', lead: 'OK', board: 'NOT_FOUND', conflicted: 'NOT_FOUND', admin: 'OK',
    });
    expect(await row<{ fundApplications: { totalCount: number } }>(async () => ({ query: APPLICATIONS, variables: { fundId: other.fundId } }), { pick: (d) => d.fundApplications.totalCount })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 0, member: 1, lead: 1, board: 0, conflicted: 0, admin: 1,
    });
    expect(await row(async () => ({ query: F.DECLARE, variables: { input: { applicationId, reason: 'Curious' } } }), { actors: BOARD_LAST })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', admin: 'FORBIDDEN', conflicted: 'NOT_FOUND', board: 'NOT_FOUND',
    });
    const otherMeeting = await newMeeting(app, t, other.fundId);
    expect(await row(async () => ({ query: MEETING, variables: { id: otherMeeting } }))).toEqual({
      anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'NOT_FOUND', lead: 'NOT_FOUND', board: 'NOT_FOUND', conflicted: 'NOT_FOUND', admin: 'OK',
    });
    // On that board's agenda, reviewed: its votes and decision are not theirs either.
    await app.gqlOk(F.CONFIRM, { input: { id: applicationId } }, { token: t.admin });
    await app.gqlOk(F.ASSIGN, { input: { applicationId, memberIds: [other.members.boardUk2] } }, { token: t.admin });
    await app.gqlOk(F.REVIEW, { input: { applicationId, scores: scores([4, 4, 4]), recommendation: 'FUND' } }, { token: t.boardUk2 });
    await app.gqlOk(F.AGENDA, { input: { meetingId: otherMeeting, applicationId } }, { token: t.admin });
    expect(await row(async () => ({ query: F.VOTE, variables: { input: { meetingId: otherMeeting, applicationId, choice: 'FOR' } } }), { actors: BOARD_LAST })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', admin: 'FORBIDDEN', conflicted: 'NOT_FOUND', board: 'NOT_FOUND',
    });
    const notAdmins = BOARD_LAST.filter((who) => who !== 'admin');
    expect(await row(async () => ({ query: F.DECIDE, variables: { input: { meetingId: otherMeeting, applicationId, outcome: 'APPROVED', rationale: RATIONALE } } }), { actors: notAdmins })).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', conflicted: 'NOT_FOUND', board: 'NOT_FOUND',
    });
    // Decided by that board: the applicants and other boards' members read the decision, but each member's vote only its own board and admins.
    for (const person of ['boardUk2', 'boardKr']) await app.gqlOk(F.VOTE, { input: { meetingId: otherMeeting, applicationId, choice: 'FOR' } }, { token: t[person] });
    await app.gqlOk(F.DECIDE, { input: { meetingId: otherMeeting, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
    const VOTES = `query($id: ID!) { fundApplication(id: $id) { decisions { votesFor votes { choice } } } }`;
    const votesRow = await row<{ fundApplication: { decisions: Array<{ votes: unknown[] | null }> } }>(async () => ({ query: VOTES, variables: { id: applicationId } }), { pick: (d) => (d.fundApplication.decisions[0].votes === null ? 'NULL' : 'OK') });
    expect(votesRow).toEqual({ anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', member: 'NULL', lead: 'NULL', board: 'NOT_FOUND', conflicted: 'NOT_FOUND', admin: 'OK' });
    expect(codeOf(await app.gql(VOTES, { id: applicationId }, { token: t.boardKr }))).toBe('OK');
    // Jordan, a member of the applying workspace, is appointed to another fund's board: the role opens nothing here.
    await app.gqlOk(F.APPOINT, { input: { fundId, userId: id.participant, countryCode: 'KR' } }, { token: t.admin });
    const jordan = await app.gql<{ fundApplication: { decisions: Array<{ votes: unknown }> } }>(VOTES, { id: applicationId }, { token: await app.signIn('participant@demo.twins.test') });
    expect(jordan.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect(jordan.data?.fundApplication.decisions[0].votes).toBeNull();
  });

});
