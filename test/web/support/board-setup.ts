import { DEMO_PEOPLE } from '../../support/constants';
import { createProjectApi, ensureLiverpoolBusanWorkspace, gql, tokenFor, userIdOf } from './api';

/**
 * Bringing a fresh Liverpool–Busan application to the demo fund's board
 * through the GraphQL API, as test/funding/funding-support.ts does in the
 * API's own tests: the Liverpool officer drafts and submits it to the demo
 * open call with a balanced budget; the admin confirms its eligibility,
 * assigns reviewers, calls a meeting and puts it on the agenda.
 */

export interface DemoFund {
  fundId: string;
  callId: string;
  /** Board seats by demo account email. */
  seats: Record<string, { memberId: string; countryCode: string }>;
  criteria: Array<{ key: string; weight: number; title: { en: string; ko: string } }>;
  scoreScaleMax: number;
}

export async function demoFund(): Promise<DemoFund> {
  const data = await gql<{
    funds: {
      nodes: Array<{
        id: string;
        calls: { nodes: Array<{ id: string; scoreScaleMax: number; criteria: DemoFund['criteria'] }> };
        board: { members: Array<{ id: string; userId: string; countryCode: string }> };
      }>;
    };
  }>(`query { funds(first: 10) { nodes { id calls(open: true, first: 5) { nodes { id scoreScaleMax criteria { key weight title { en ko } } } } board { members { id userId countryCode } } } } }`);
  const boardEmails = [DEMO_PEOPLE.boardUk, DEMO_PEOPLE.boardUk2, DEMO_PEOPLE.boardKr, DEMO_PEOPLE.boardKr2];
  const boardUserIds: Array<readonly [string, string]> = [];
  for (const email of boardEmails) boardUserIds.push([email, await userIdOf(email)]);
  // The demo fund: the one whose board seats the demo board members.
  const fund = data.funds.nodes.find((f) => f.board.members.some((m) => m.userId === boardUserIds.find(([e]) => e === DEMO_PEOPLE.boardUk2)![1]) && f.calls.nodes.length);
  if (!fund) throw new Error('The demo fund with an open call is missing.');
  const seats: DemoFund['seats'] = {};
  for (const [email, userId] of boardUserIds) {
    const member = fund.board.members.find((m) => m.userId === userId);
    if (member) seats[email] = { memberId: member.id, countryCode: member.countryCode };
  }
  const call = fund.calls.nodes[0];
  return { fundId: fund.id, callId: call.id, seats, criteria: call.criteria, scoreScaleMax: call.scoreScaleMax };
}

/** Within the call's rules: £20,000 and ₩34,000,000 (equal at the call's 1,700 won to the pound). */
export const BOARD_BUDGET = [
  { countryCode: 'GB', category: 'STAFF', description: 'Port data engineer, six months', amountMinor: '1500000' },
  { countryCode: 'GB', category: 'TRAVEL', description: 'Two visits to Busan', amountMinor: '500000' },
  { countryCode: 'KR', category: 'EQUIPMENT', description: 'Quay sensors', amountMinor: '34000000' },
];

export interface BoardApplication {
  fund: DemoFund;
  applicationId: string;
  title: { en: string; ko: string };
}

/**
 * A new application submitted to the demo open call by Liverpool's officer,
 * waiting for the secretariat. Each call makes its own project and application.
 */
export async function submittedApplication(label: string): Promise<BoardApplication> {
  const fund = await demoFund();
  const { workspaceId } = await ensureLiverpoolBusanWorkspace();
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  const projectId = await createProjectApi(workspaceId, `${label} project ${stamp}`);
  const liverpool = await tokenFor(DEMO_PEOPLE.liverpool);
  const title = { en: `${label} smart quays ${stamp}`, ko: `스마트 부두 ${stamp}` };
  const created = await gql<{ createFundApplication: { id: string } }>(
    `mutation($input: CreateApplicationInput!) { createFundApplication(input: $input) { id } }`,
    {
      input: {
        callId: fund.callId,
        projectId,
        title,
        summary: { en: 'A feasibility study of sensors on both ports’ quays.', ko: '두 항만 부두에 센서를 설치하는 타당성 검토입니다.' },
        objectives: [{ en: 'Measure berth use', ko: '선석 이용률 측정' }],
        routeToBusinessAsUsual: { en: 'Both port authorities adopt the dashboards.', ko: '두 항만 당국이 대시보드를 정식 도입합니다.' },
        milestones: [{ title: { en: 'Sensors installed', ko: '센서 설치 완료' }, dueDate: '2027-06-30' }],
        budgetLines: BOARD_BUDGET,
      },
    },
    liverpool,
  );
  const applicationId = created.createFundApplication.id;
  await gql(`mutation($input: ApplicationStepInput!) { submitFundApplication(input: $input) { id } }`, { input: { id: applicationId } }, liverpool);
  return { fund, applicationId, title };
}

/**
 * A new application under review by the given reviewers (demo emails, none
 * conflicted on Liverpool): drafted, submitted, eligibility confirmed,
 * reviewers assigned. Each call makes its own project and application.
 */
export async function applicationUnderReview(label: string, reviewers: string[]): Promise<BoardApplication> {
  const app = await submittedApplication(label);
  const admin = await tokenFor(DEMO_PEOPLE.admin);
  await gql(`mutation($input: ApplicationStepInput!) { confirmFundApplicationEligibility(input: $input) { id } }`, { input: { id: app.applicationId } }, admin);
  await gql(
    `mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { id } }`,
    { input: { applicationId: app.applicationId, memberIds: reviewers.map((email) => app.fund.seats[email].memberId) } },
    admin,
  );
  return app;
}

/** A reviewer's review through the API: the same score for every criterion. */
export async function submitReviewApi(email: string, app: BoardApplication, score = 4, recommendation = 'FUND'): Promise<void> {
  await gql(
    `mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id } }`,
    {
      input: {
        applicationId: app.applicationId,
        // Comments of figures only: they read the same in either language's run.
        scores: app.fund.criteria.map((c) => ({ criterionKey: c.key, score, comment: `${score} / ${app.fund.scoreScaleMax}` })),
        recommendation,
        comment: `${score} / ${app.fund.scoreScaleMax}`,
      },
    },
    await tokenFor(email),
  );
}

/** An admin calls a board meeting (next week) and puts the application on its agenda. */
export async function meetingWith(app: BoardApplication, title: { en: string; ko: string }): Promise<string> {
  const admin = await tokenFor(DEMO_PEOPLE.admin);
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  startsAt.setUTCHours(9, 0, 0, 0);
  const meeting = await gql<{ createBoardMeeting: { id: string } }>(
    `mutation($input: CreateBoardMeetingInput!) { createBoardMeeting(input: $input) { id } }`,
    { input: { fundId: app.fund.fundId, title, startsAt: startsAt.toISOString(), location: 'https://meet.example.test/board' } },
    admin,
  );
  const meetingId = meeting.createBoardMeeting.id;
  await gql(`mutation($input: AgendaItemInput!) { addToAgenda(input: $input) { position } }`, { input: { meetingId, applicationId: app.applicationId } }, admin);
  return meetingId;
}

export async function castVoteApi(email: string, meetingId: string, app: BoardApplication, choice: 'FOR' | 'AGAINST' | 'ABSTAIN'): Promise<{ met: boolean }> {
  return (
    await gql<{ castVote: { met: boolean } }>(
      `mutation($input: CastVoteInput!) { castVote(input: $input) { met } }`,
      { input: { meetingId, applicationId: app.applicationId, choice } },
      await tokenFor(email),
    )
  ).castVote;
}

export interface ReviewsOnRecord {
  reviews: Array<{ memberId: string; submittedAt: string | null; recommendation: string | null; scores: Array<{ criterionKey: string; score: number }> }>;
  conflicts: Array<{ member: { id: string }; declaredReason: string | null; automaticCityIds: string[] }>;
}

/** What the API recorded, as the admin reads it. */
export async function reviewsOnRecord(applicationId: string): Promise<ReviewsOnRecord> {
  return (
    await gql<{ fundApplication: ReviewsOnRecord }>(
      `query($id: ID!) { fundApplication(id: $id) { reviews { memberId submittedAt recommendation scores { criterionKey score } } conflicts { member { id } declaredReason automaticCityIds } } }`,
      { id: applicationId },
      await tokenFor(DEMO_PEOPLE.admin),
    )
  ).fundApplication;
}

export async function decisionsOf(applicationId: string): Promise<Array<{ id: string; outcome: string; amounts: Array<{ currency: string; amountMinor: string }>; rationale: { en: string; ko: string } }>> {
  return (
    await gql<{ fundingDecisions: { nodes: Array<{ id: string; outcome: string; amounts: Array<{ currency: string; amountMinor: string }>; rationale: { en: string; ko: string } }> } }>(
      `query($applicationId: ID) { fundingDecisions(applicationId: $applicationId) { nodes { id outcome amounts { currency amountMinor } rationale { en ko } } } }`,
      { applicationId },
    )
  ).fundingDecisions.nodes;
}

/**
 * A new application approved at a meeting and its award accepted by the
 * applicants: reviewed by Oliver Hughes and 김지현, voted for by both, decided
 * by the admin with the award the applicants asked for.
 */
export async function acceptedAward(label: string): Promise<BoardApplication> {
  const reviewers = [DEMO_PEOPLE.boardUk2, DEMO_PEOPLE.boardKr];
  const app = await applicationUnderReview(label, reviewers);
  for (const email of reviewers) await submitReviewApi(email, app);
  const meetingId = await meetingWith(app, { en: `${label} meeting`, ko: `회의 ${app.title.ko}` });
  for (const email of reviewers) await castVoteApi(email, meetingId, app, 'FOR');
  await gql(
    `mutation($input: RecordDecisionInput!) { recordFundingDecision(input: $input) { id } }`,
    { input: { meetingId, applicationId: app.applicationId, outcome: 'APPROVED', rationale: { en: 'A balanced partnership.', ko: '균형 잡힌 협력입니다.' } } },
    await tokenFor(DEMO_PEOPLE.admin),
  );
  await gql(`mutation($input: ApplicationStepInput!) { acceptFundAward(input: $input) { id } }`, { input: { id: app.applicationId } }, await tokenFor(DEMO_PEOPLE.liverpool));
  return app;
}
