import { createFundWithCall, draftApplication, F, newMeeting, RATIONALE, readyForDecision } from '../../funding/funding-support';
import { projectsIn } from './workspaces-lists';
import type { Fixture, ListCase } from './lists';

/**
 * The seed fund: a second fund (beside the demo's) whose three applications from
 * the Liverpool–Busan workspace went the whole way, reviewed, voted on at two
 * meetings and approved; the funds with their calls, ledgers and logs, the
 * applications, the meetings, the public decisions and a reviewer's reviews.
 */

const MONEY = 'currency amountMinor en';
const LOCAL = 'timeZone local';

export async function setup(f: Fixture): Promise<void> {
  const { t, id, app } = f;
  // Priya (boardUk, University of Liverpool) is conflicted on every Liverpool–Busan application; Oliver reviews them.
  const fund = await createFundWithCall(app, t, id, { gbp: '10000000', krw: '170000000', board: [['boardUk2', 'GB'], ['boardUk', 'GB'], ['boardKr', 'KR']], reviewers: 1 });
  f.rows.fund = fund.fundId;
  // A second call, so the fund lists more than one.
  await app.gqlOk(F.CREATE_CALL, {
    input: {
      fundId: fund.fundId,
      title: { en: 'Second call', ko: '두 번째 공모' },
      guidance: { en: 'Apply.', ko: '신청하세요.' },
      opensAt: new Date(app.clock.now().getTime() + 40 * 86400_000).toISOString(),
      closesAt: new Date(app.clock.now().getTime() + 70 * 86400_000).toISOString(),
      allowedStages: ['FEASIBILITY'],
      maxAward: [{ currency: 'GBP', amountMinor: '5000000' }, { currency: 'KRW', amountMinor: '85000000' }],
      matchRatioPercent: 80,
      referenceCurrency: 'GBP',
      exchangeRates: [{ currency: 'KRW', unitsPerReference: 1700 }],
      criteria: [{ key: 'impact', title: { en: 'Impact', ko: '영향' }, weight: 100 }],
      scoreScaleMax: 5,
      reviewersPerApplication: 1,
    },
  }, { token: t.admin });
  const meetings = [await newMeeting(app, t, fund.fundId), await newMeeting(app, t, fund.fundId)];
  // Projects with everything a project has: the workspace's lists read them too.
  const projects = [...(await projectsIn(f, f.rows.liverpoolBusan, ['liverpool', 'busan'], ['University of Liverpool'])), ...(await projectsIn(f, f.rows.liverpoolBusan, ['liverpool', 'busan'], ['Pusan National University']))];
  for (const [i, meetingId] of [meetings[0], meetings[1], meetings[1]].entries()) {
    const projectId = projects[i];
    const applicationId = await draftApplication(app, t, fund.callId, projectId);
    await readyForDecision(app, t, applicationId, meetingId, [{ person: 'boardUk2', memberId: fund.members.boardUk2 }]);
    for (const person of ['boardKr', 'boardUk2']) await app.gqlOk(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t[person] });
    await app.gqlOk(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
  }
}

export const cases: ListCase[] = [
  {
    name: 'the funds with their balances, board, calls, ledger and audit log, for an admin',
    as: 'admin',
    // The whole log of each fund: every kind of thing it names (a call, a member, an application) is looked up at both sizes.
    query: `query($n: Int!) { funds(first: $n) { nodes { id
      balances { currency available { ${MONEY} } }
      reconciliation { currency reconciles fromLedger { ${MONEY} } }
      board { members(includeFormer: true) { id displayName affiliations { nameEn } } }
      calls(first: $n) { totalCount nodes { id opensAtLocal { ${LOCAL} } closesAtLocal { ${LOCAL} } criteria { key title { en } } maxAward { ${MONEY} } exchangeRates { currency unitsPerReference } } }
      ledger(first: $n) { totalCount nodes { id kind amount { ${MONEY} } } }
      auditLog(first: 100) { totalCount nodes { id action actorName subjectLabel } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the funds’ ledgers and logs, for a board member of both (without what she is conflicted on)',
    as: 'boardUk',
    query: `query($n: Int!) { funds(first: $n) { nodes { id reconciliation { currency reconciles } ledger(first: $n) { nodes { id } } auditLog(first: 100) { nodes { id subjectLabel } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the calls, for anyone',
    query: `query($n: Int!) { fundCalls(first: $n) { nodes { id opensAtLocal { ${LOCAL} } closesAtLocal { ${LOCAL} } criteria { key } maxAward { ${MONEY} } exchangeRates { currency } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the applications with everything the board and an admin read of them',
    as: 'admin',
    query: `query($n: Int!) { fundApplications(first: $n) { nodes { id status
      objectives { en } milestones { dueDate title { en } } budgetLines { id amount { ${MONEY} } } requested { ${MONEY} } award { ${MONEY} }
      eligibility { rule passed } transitions { id toStatus summary }
      conflicts { automaticCityIds member { id affiliations { nameEn } } }
      reviewAssignments { id dueAt scores { criterionKey score } reviewer { id affiliations { nameEn } } }
      reviews { id weightedScore scores { criterionKey score } }
      decisions { id outcome amounts { ${MONEY} } votes { memberId choice } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the applications, for a board member not conflicted on them',
    as: 'boardKr',
    query: `query($n: Int!) { fundApplications(first: $n) { nodes { id budgetLines { id } requested { ${MONEY} } award { ${MONEY} } eligibility { rule passed }
      conflicts { member { id affiliations { nameEn } } } reviews { id scores { score } reviewer { id } } decisions { id votes { memberId choice } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: "the applications of an officer's workspace",
    as: 'liverpool',
    query: `query($n: Int!) { fundApplications(first: $n) { nodes { id objectives { en } milestones { dueDate } budgetLines { id } requested { ${MONEY} } award { ${MONEY} }
      eligibility { rule passed } transitions { id summary } decisions { id amounts { ${MONEY} } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: "a fund's board meetings with their agendas, votes and decisions",
    as: 'admin',
    query: `query($fundId: ID!, $n: Int!) { boardMeetings(fundId: $fundId, first: $n) { nodes { id startsAtLocal { ${LOCAL} }
      agenda { position votes { memberId choice } decision { id amounts { ${MONEY} } votes { memberId choice } } application { id requested { ${MONEY} } } } } } }`,
    sizes: (f) => [
      { fundId: f.rows.fund, n: 1 },
      { fundId: f.rows.fund, n: 3 },
    ],
  },
  {
    name: "the board's decisions, as anyone reads them",
    query: `query($n: Int!) { fundingDecisions(first: $n) { nodes { id amounts { ${MONEY} } currentAward { ${MONEY} } decidedAtLocal { ${LOCAL} } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: "a reviewer's reviews with their applications",
    as: 'boardUk2',
    query: `query($n: Int!) { myReviewAssignments(first: $n) { nodes { id scores { criterionKey score } reviewer { affiliations { nameEn } }
      application { id budgetLines { id } requested { ${MONEY} } reviews { id scores { score } } decisions { id votes { choice } } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
];
