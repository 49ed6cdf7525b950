/**
 * A little life in a fresh demo, so a newcomer can walk every journey at once:
 * Liverpool and Busan twin (proposed and accepted), start a joint project,
 * apply to the open call, and the application reaches the board (eligibility
 * confirmed, two reviewers assigned, on the agenda of next week's meeting).
 * Everything goes through the running API, as the demo people themselves,
 * so it obeys every rule a person would. Run by `npm start` once, right
 * after the demo data is loaded into an empty database.
 */
export async function addDemoActivity(apiUrl: string, password: string): Promise<void> {
  const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (!body.data || body.errors?.length) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
    return body.data;
  };
  const signIn = async (email: string) =>
    (await gql<{ signIn: { accessToken: string; user: { id: string } } }>(
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
      { input: { email, password } },
    )).signIn;

  const liverpool = await signIn('officer.liverpool@demo.twins.test');
  const busan = await signIn('officer.busan@demo.twins.test');
  const admin = await signIn('admin@demo.twins.test');

  const proposed = await gql<{ proposeTwinning: { id: string } }>(
    `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`,
    { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Two port cities with hydrogen plans: shall we twin? · 수소 계획을 가진 두 항구 도시로서 자매결연을 제안합니다.' } },
    liverpool.accessToken,
  );
  const { respondToTwinningProposal: twinning } = await gql<{ respondToTwinningProposal: { workspaceId: string } }>(
    `mutation($input: RespondToTwinningProposalInput!) { respondToTwinningProposal(input: $input) { workspaceId } }`,
    { input: { id: proposed.proposeTwinning.id, accept: true, reason: 'Gladly: our ports face the same questions. · 기꺼이 수락합니다. 두 항만은 같은 과제를 안고 있습니다.' } },
    busan.accessToken,
  );
  const { createProject: project } = await gql<{ createProject: { id: string } }>(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    {
      input: {
        workspaceId: twinning.workspaceId,
        title: { en: 'Hydrogen-ready port vehicles', ko: '수소 항만 차량 전환' },
        summary: {
          en: 'Liverpool and Busan test hydrogen fuel-cell vehicles in port operations and share what the trials show.',
          ko: '리버풀과 부산이 항만 운영에 수소연료전지 차량을 시험 도입하고 그 결과를 공유합니다.',
        },
        sectors: ['hydrogen'],
        type: 'PROOF_OF_CONCEPT',
        stage: 'FEASIBILITY',
        cityALeadUserId: liverpool.user.id,
        cityBLeadUserId: busan.user.id,
        startDate: new Date().toISOString().slice(0, 10),
      },
    },
    liverpool.accessToken,
  );
  const { fundCalls } = await gql<{ fundCalls: { nodes: Array<{ id: string; fundId: string }> } }>(`query { fundCalls(open: true, first: 1) { nodes { id fundId } } }`, {});
  const call = fundCalls.nodes[0];
  if (!call) return;
  const { createFundApplication: application } = await gql<{ createFundApplication: { id: string } }>(
    `mutation($input: CreateApplicationInput!) { createFundApplication(input: $input) { id } }`,
    {
      input: {
        callId: call.id,
        projectId: project.id,
        title: { en: 'Feasibility of hydrogen port vehicles', ko: '수소 항만 차량 타당성 검토' },
        summary: {
          en: 'Six months of trials with fuel-cell tractors at both ports, measured the same way, to decide on a joint demonstrator.',
          ko: '두 항만에서 6개월간 연료전지 트랙터를 같은 방식으로 시험 운행하고 측정해, 공동 실증 여부를 결정합니다.',
        },
        objectives: [{ en: 'Compare running costs and emissions', ko: '운영비와 배출량 비교' }],
        routeToBusinessAsUsual: { en: 'Both port authorities budget for vehicles that pass.', ko: '두 항만 당국이 시험을 통과한 차량을 예산에 반영합니다.' },
        milestones: [{ title: { en: 'Trials begin at both ports', ko: '두 항만에서 시험 운행 시작' }, dueDate: `${new Date().getUTCFullYear() + 1}-06-30` }],
        // Equal at the call's reference rate (1,700 won to the pound): £20,000 and ₩34,000,000.
        budgetLines: [
          { countryCode: 'GB', category: 'STAFF', description: 'Trial engineer, six months', amountMinor: '1500000' },
          { countryCode: 'GB', category: 'TRAVEL', description: 'Two visits to Busan', amountMinor: '500000' },
          { countryCode: 'KR', category: 'EQUIPMENT', description: '연료전지 트랙터 임차', amountMinor: '34000000' },
        ],
      },
    },
    liverpool.accessToken,
  );
  await gql(`mutation($input: ApplicationStepInput!) { submitFundApplication(input: $input) { id } }`, { input: { id: application.id } }, liverpool.accessToken);
  await gql(`mutation($input: ApplicationStepInput!) { confirmFundApplicationEligibility(input: $input) { id } }`, { input: { id: application.id } }, admin.accessToken);
  const { fund } = await gql<{ fund: { board: { members: Array<{ id: string; userId: string }> } } }>(
    `query($id: ID!) { fund(id: $id) { board { members { id userId } } } }`,
    { id: call.fundId },
  );
  const reviewerIds = [(await signIn('board.uk2@demo.twins.test')).user.id, (await signIn('board.kr@demo.twins.test')).user.id];
  const reviewers = fund.board.members.filter((m) => reviewerIds.includes(m.userId)).map((m) => m.id);
  await gql(`mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { id } }`, { input: { applicationId: application.id, memberIds: reviewers } }, admin.accessToken);
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  startsAt.setUTCHours(9, 0, 0, 0); // 09:00 in London in winter, 18:00 in Seoul
  const { createBoardMeeting: meeting } = await gql<{ createBoardMeeting: { id: string } }>(
    `mutation($input: CreateBoardMeetingInput!) { createBoardMeeting(input: $input) { id } }`,
    { input: { fundId: call.fundId, title: { en: 'Board meeting: first applications', ko: '운영위원회 회의: 첫 신청 심사' }, startsAt: startsAt.toISOString(), location: 'https://meet.example.org/twins-board' } },
    admin.accessToken,
  );
  await gql(`mutation($input: AgendaItemInput!) { addToAgenda(input: $input) { position } }`, { input: { meetingId: meeting.id, applicationId: application.id } }, admin.accessToken);
}
