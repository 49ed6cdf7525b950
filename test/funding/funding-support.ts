import { GqlResponse, TestApp } from '../support/harness';

/** Building blocks of the seed-fund tests: each a GraphQL call a real client makes. */

export const F = {
  FUNDS: `query { funds { nodes { id name { en ko } calls(open: true) { nodes { id reviewersPerApplication } } board { members { id userId countryCode } } } } }`,
  FUND: `query($id: ID!) { fund(id: $id) { id balances { currency available { amountMinor en ko } committed { amountMinor } released { amountMinor } contributed { amountMinor } } reconciliation { currency reconciles fromLedger { amountMinor } available { amountMinor } } } }`,
  CREATE_FUND: `mutation($input: CreateFundInput!) { createFund(input: $input) { id currencies countryCodes } }`,
  CONTRIBUTE: `mutation($input: ContributionInput!) { recordContribution(input: $input) { id kind amount { amountMinor currency en ko } } }`,
  RETURN: `mutation($input: ContributionInput!) { returnContribution(input: $input) { id kind } }`,
  APPOINT: `mutation($input: AppointBoardMemberInput!) { appointBoardMember(input: $input) { id countryCode organisationIds } }`,
  END_MEMBERSHIP: `mutation($input: EndBoardMembershipInput!) { endBoardMembership(input: $input) { id endedAt } }`,
  CREATE_CALL: `mutation($input: CreateCallInput!) { createFundCall(input: $input) { id closesAt closesAtLocal { timeZone text } } }`,
  UPDATE_CALL: `mutation($input: UpdateCallInput!) { updateFundCall(input: $input) { id closesAt } }`,
  CREATE: `mutation($input: CreateApplicationInput!) { createFundApplication(input: $input) { id version status } }`,
  UPDATE: `mutation($input: UpdateApplicationInput!) { updateFundApplication(input: $input) { id version } }`,
  SUBMIT: `mutation($input: ApplicationStepInput!) { submitFundApplication(input: $input) { id status submittedAt } }`,
  WITHDRAW: `mutation($input: ApplicationStepInput!) { withdrawFundApplication(input: $input) { id status } }`,
  RETURN_TO_APPLICANT: `mutation($input: ApplicationStepInput!) { returnFundApplication(input: $input) { id status } }`,
  CONFIRM: `mutation($input: ApplicationStepInput!) { confirmFundApplicationEligibility(input: $input) { id status } }`,
  ACCEPT: `mutation($input: ApplicationStepInput!) { acceptFundAward(input: $input) { id status } }`,
  DECLINE: `mutation($input: ApplicationStepInput!) { declineFundAward(input: $input) { id status } }`,
  START_DELIVERY: `mutation($input: ApplicationStepInput!) { startFundAwardDelivery(input: $input) { id status } }`,
  CLOSE_AWARD: `mutation($input: CloseAwardInput!) { closeFundAward(input: $input) { id status award { currency amountMinor } } }`,
  ASSIGN: `mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { id memberId } }`,
  UNASSIGN: `mutation($input: UnassignReviewerInput!) { unassignReviewer(input: $input) }`,
  REVIEW: `mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id submittedAt } }`,
  DECLARE: `mutation($input: DeclareConflictInput!) { declareConflictOfInterest(input: $input) { id reason } }`,
  MEETING: `mutation($input: CreateBoardMeetingInput!) { createBoardMeeting(input: $input) { id startsAtLocal { timeZone } } }`,
  AGENDA: `mutation($input: AgendaItemInput!) { addToAgenda(input: $input) { meetingId applicationId position } }`,
  VOTE: `mutation($input: CastVoteInput!) { castVote(input: $input) { met votesCast votesNeeded eligibleMembers countriesMissing explanation } }`,
  DECIDE: `mutation($input: RecordDecisionInput!) { recordFundingDecision(input: $input) { id outcome amounts { currency amountMinor en ko } votesFor votesAgainst abstentions eligibleMembers supersedesDecisionId } }`,
  APPLICATION: `query($id: ID!) { fundApplication(id: $id) { id status outcome version nextSteps requested { currency amountMinor en ko } award { currency amountMinor }
    eligibility { rule passed message } transitions { fromStatus toStatus reason } } }`,
  REVIEWS: `query($id: ID!) { fundApplication(id: $id) { id reviews { id memberId submittedAt recommendation scores { criterionKey score } } reviewSummary { reviewsSubmitted weightedScore percent spread disagreement } } }`,
  CONFLICTS: `query($id: ID!) { fundApplication(id: $id) { conflicts { member { id userId } automaticCityIds declaredReason } } }`,
  PUBLIC_DECISIONS: `query($fundId: ID) { fundingDecisions(fundId: $fundId) { totalCount nodes { id outcome title { en ko } cityIds amounts { currency amountMinor en ko } rationale { en ko } decidedAt decidedAtLocal { timeZone } supersedesDecisionId supersededByDecisionId applicationStatus currentAward { currency amountMinor en } } } }`,
};

export const CRITERIA = [
  { key: 'impact', title: { en: 'Impact', ko: '영향' }, weight: 40 },
  { key: 'partnership', title: { en: 'Partnership', ko: '파트너십' }, weight: 30 },
  { key: 'route-to-bau', title: { en: 'Route to business as usual', ko: '상시 운영 경로' }, weight: 30 },
];

export const scores = (values: [number, number, number]) => CRITERIA.map((c, i) => ({ criterionKey: c.key, score: values[i], comment: `${c.key}: ${values[i]}` }));

export const BUDGET = [
  { countryCode: 'GB', category: 'STAFF', description: 'Port data engineer, six months', amountMinor: '1500000' },
  { countryCode: 'GB', category: 'TRAVEL', description: 'Two visits to Busan', amountMinor: '500000' },
  { countryCode: 'KR', category: 'EQUIPMENT', description: 'Quay sensors', amountMinor: '34000000' },
];

export const codeOf = (res: GqlResponse<unknown>): string => res.errors?.[0]?.extensions.code ?? 'OK';
export const reasonOf = (res: GqlResponse<unknown>): unknown => res.errors?.[0]?.extensions.reason;

/** Liverpool proposes twinning with Busan, Busan accepts: both officers lead the workspace. */
export async function twinLiverpoolAndBusan(app: TestApp, t: Record<string, string>): Promise<string> {
  const proposed = await app.gqlOk<{ proposeTwinning: { id: string } }>(
    `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`,
    { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Shall we twin?' } },
    { token: t.liverpool },
  );
  return (
    await app.gqlOk<{ respondToTwinningProposal: { workspaceId: string } }>(
      `mutation($input: RespondToTwinningProposalInput!) { respondToTwinningProposal(input: $input) { workspaceId } }`,
      { input: { id: proposed.proposeTwinning.id, accept: true, reason: 'Yes' } },
      { token: t.busan },
    )
  ).respondToTwinningProposal.workspaceId;
}

export async function createProject(app: TestApp, t: Record<string, string>, ids: Record<string, string>, workspaceId: string, title: string, stage = 'FEASIBILITY'): Promise<string> {
  return (
    await app.gqlOk<{ createProject: { id: string } }>(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      {
        input: {
          workspaceId,
          title: { en: title, ko: `${title} (한국어)` },
          summary: { en: 'Sensors on quays.', ko: '부두의 센서.' },
          sectors: ['iot'],
          type: 'PROOF_OF_CONCEPT',
          stage,
          cityALeadUserId: ids.liverpool,
          cityBLeadUserId: ids.busan,
          startDate: '2027-01-01',
        },
      },
      { token: t.liverpool },
    )
  ).createProject.id;
}

/** A fresh GB–KR fund with contributions, a board, and a call open now. */
export async function createFundWithCall(
  app: TestApp,
  t: Record<string, string>,
  ids: Record<string, string>,
  options: { gbp: string; krw: string; board: Array<[string, string]>; reviewers?: number; closesInMs?: number; maxGbp?: string; maxKrw?: string },
): Promise<{ fundId: string; callId: string; members: Record<string, string> }> {
  const fundId = (await app.gqlOk<{ createFund: { id: string } }>(F.CREATE_FUND, { input: { name: { en: 'Test fund', ko: '시험 기금' }, countryCodes: ['GB', 'KR'] } }, { token: t.admin })).createFund.id;
  await app.gqlOk(F.CONTRIBUTE, { input: { fundId, countryCode: 'GB', amountMinor: options.gbp } }, { token: t.admin });
  await app.gqlOk(F.CONTRIBUTE, { input: { fundId, countryCode: 'KR', amountMinor: options.krw } }, { token: t.admin });
  const members: Record<string, string> = {};
  for (const [person, countryCode] of options.board) {
    members[person] = (await app.gqlOk<{ appointBoardMember: { id: string } }>(F.APPOINT, { input: { fundId, userId: ids[person], countryCode } }, { token: t.admin })).appointBoardMember.id;
  }
  const now = app.clock.now().getTime();
  const callId = (
    await app.gqlOk<{ createFundCall: { id: string } }>(
      F.CREATE_CALL,
      {
        input: {
          fundId,
          title: { en: 'Test call', ko: '시험 공모' },
          guidance: { en: 'Apply.', ko: '신청하세요.' },
          opensAt: new Date(now - 60_000).toISOString(),
          closesAt: new Date(now + (options.closesInMs ?? 30 * 86400_000)).toISOString(),
          allowedStages: ['FEASIBILITY', 'DEMONSTRATOR'],
          maxAward: [
            { currency: 'GBP', amountMinor: options.maxGbp ?? '5000000' },
            { currency: 'KRW', amountMinor: options.maxKrw ?? '85000000' },
          ],
          matchRatioPercent: 80,
          referenceCurrency: 'GBP',
          exchangeRates: [{ currency: 'KRW', unitsPerReference: 1700 }],
          criteria: CRITERIA,
          scoreScaleMax: 5,
          reviewersPerApplication: options.reviewers ?? 2,
        },
      },
      { token: t.admin },
    )
  ).createFundCall.id;
  return { fundId, callId, members };
}

export async function draftApplication(app: TestApp, t: Record<string, string>, callId: string, projectId: string, budgetLines = BUDGET): Promise<string> {
  return (
    await app.gqlOk<{ createFundApplication: { id: string } }>(
      F.CREATE,
      {
        input: {
          callId,
          projectId,
          title: { en: 'Smart quays feasibility', ko: '스마트 부두 타당성 조사' },
          summary: { en: 'A feasibility study of sensors on both ports’ quays.', ko: '두 항만 부두 센서의 타당성 조사.' },
          objectives: [{ en: 'Measure berth use', ko: '선석 이용 측정' }],
          routeToBusinessAsUsual: { en: 'Port authorities adopt the dashboards.', ko: '항만 당국이 대시보드를 도입합니다.' },
          milestones: [{ title: { en: 'Sensors installed', ko: '센서 설치' }, dueDate: '2027-06-30' }],
          budgetLines,
        },
      },
      { token: t.liverpool },
    )
  ).createFundApplication.id;
}

/** A new project's application, submitted and confirmed eligible: ready for reviewers. */
export async function eligibleApplication(app: TestApp, t: Record<string, string>, ids: Record<string, string>, callId: string, workspaceId: string, projectTitle: string): Promise<string> {
  const applicationId = await draftApplication(app, t, callId, await createProject(app, t, ids, workspaceId, projectTitle));
  await app.gqlOk(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool });
  await app.gqlOk(F.CONFIRM, { input: { id: applicationId } }, { token: t.admin });
  return applicationId;
}

/** Draft → submitted → eligible → under review (reviewers assigned) → reviews submitted → on a meeting's agenda. */
export async function readyForDecision(
  app: TestApp,
  t: Record<string, string>,
  applicationId: string,
  meetingId: string,
  reviewers: Array<{ person: string; memberId: string }>,
): Promise<void> {
  await app.gqlOk(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool });
  await app.gqlOk(F.CONFIRM, { input: { id: applicationId } }, { token: t.admin });
  await app.gqlOk(F.ASSIGN, { input: { applicationId, memberIds: reviewers.map((r) => r.memberId) } }, { token: t.admin });
  for (const r of reviewers) await app.gqlOk(F.REVIEW, { input: { applicationId, scores: scores([4, 4, 3]), recommendation: 'FUND' } }, { token: t[r.person] });
  await app.gqlOk(F.AGENDA, { input: { meetingId, applicationId } }, { token: t.admin });
}

export async function newMeeting(app: TestApp, t: Record<string, string>, fundId: string): Promise<string> {
  return (
    await app.gqlOk<{ createBoardMeeting: { id: string } }>(F.MEETING, { input: { fundId, title: { en: 'Board meeting', ko: '위원회 회의' }, startsAt: new Date(app.clock.now().getTime() + 86400_000).toISOString(), location: 'Online' } }, { token: t.admin })
  ).createBoardMeeting.id;
}

export const RATIONALE = { en: 'Strong partnership and a clear route to business as usual.', ko: '견고한 파트너십과 상시 운영으로의 명확한 경로.' };

/** Jordan (Busan Technopark) asks to join the workspace and a Busan lead takes them in as a member. */
export async function joinAsMember(app: TestApp, t: Record<string, string>, workspaceId: string): Promise<void> {
  const request = await app.gqlOk<{ requestToJoinWorkspace: { id: string } }>(
    `mutation($input: RequestToJoinWorkspaceInput!) { requestToJoinWorkspace(input: $input) { id } }`,
    { input: { workspaceId, message: 'Busan Technopark would like to help' } },
    { token: t.participant },
  );
  await app.gqlOk(`mutation($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { id } }`, { input: { id: request.requestToJoinWorkspace.id, approve: true, role: 'MEMBER' } }, { token: t.busan });
}
