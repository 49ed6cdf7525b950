import { startTestApp, TestApp } from '../support/harness';
import { readsOf, statementsOf } from '../support/statements';
import { createFundWithCall, createProject, draftApplication, F, newMeeting, RATIONALE, readyForDecision, twinLiverpoolAndBusan } from './funding-support';

/** The board meeting page's query, as apps/web/src/features/board/BoardMeetingPage.tsx sends it. */
const MEETING_PAGE = `query BoardMeeting($id: ID!) {
  boardMeeting(id: $id) {
    id fundId title { en ko } location startsAt
    agenda {
      position applicationId decisionId
      application {
        id status cityIds title { en ko }
        requested { currency amountMinor en ko }
        call { id scoreScaleMax }
        conflicts { member { id userId displayName countryCode } automaticCityIds workspaceMember declaredReason }
        reviewSummary { reviewsNeeded reviewsSubmitted weightedScore disagreement recommendFund recommendFundWithConditions recommendDoNotFund }
      }
      quorum { met votesCast votesNeeded eligibleMembers countriesMissing explanation }
      votes { memberId choice countryCode castAt }
      decision {
        id outcome recordedAt votesFor votesAgainst abstentions eligibleMembers supersedesDecisionId
        amounts { currency en ko } rationale { en ko } conditions { en ko }
      }
    }
  }
}`;

/** A list of applications with what the call's rules make of each, and what each asks for. */
const APPLICATIONS_WITH_ELIGIBILITY = `query($callId: ID!, $first: Int!) {
  fundApplications(first: $first, filter: { callId: $callId }) { nodes { id requested { currency amountMinor } eligibility { rule passed message } } }
}`;

const ONE_AWARD = [
  { countryCode: 'GB', category: 'STAFF', description: 'Engineer', amountMinor: '100000' },
  { countryCode: 'KR', category: 'EQUIPMENT', description: 'Sensors', amountMinor: '1700000' },
];

interface MeetingPage {
  boardMeeting: {
    agenda: Array<{
      application: { conflicts: unknown[]; reviewSummary: { reviewsSubmitted: number } };
      quorum: { votesCast: number; eligibleMembers: number } | null;
      votes: unknown[];
      decision: { outcome: string } | null;
    }>;
  };
}

/**
 * What a page of the board or the seed fund costs in SQL statements does not
 * grow with the number of rows on it: every field of a row reads through the
 * request's loaders, one statement per field for the whole list.
 */
describe('statements per request: the board meeting and the seed fund’s lists', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let callId: string;
  let fundId: string;
  const meetingOf: Record<number, string> = {};
  const itemsOf: Record<number, string[]> = {};
  const decided = new Set<string>();

  beforeAll(async () => {
    // No worker: the API's statements are all that run while one is counted.
    app = await startTestApp({ worker: false });
    await app.signInDemo(t, id);
    const workspaceId = await twinLiverpoolAndBusan(app, t);
    // Priya (boardUk, University of Liverpool) is conflicted on every Liverpool–Busan application; the two others are not.
    const fund = await createFundWithCall(app, t, id, { gbp: '1000000', krw: '17000000', board: [['boardUk2', 'GB'], ['boardUk', 'GB'], ['boardKr', 'KR']], reviewers: 1 });
    callId = fund.callId;
    fundId = fund.fundId;
    for (const size of [1, 3]) {
      const meetingId = await newMeeting(app, t, fund.fundId);
      itemsOf[size] = [];
      for (let i = 0; i < size; i++) {
        const applicationId = await draftApplication(app, t, callId, await createProject(app, t, id, workspaceId, `Quay ${size}.${i}`), ONE_AWARD);
        await readyForDecision(app, t, applicationId, meetingId, [{ person: 'boardUk2', memberId: fund.members.boardUk2 }]);
        await app.gqlOk(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t.boardKr });
        itemsOf[size].push(applicationId);
      }
      meetingOf[size] = meetingId;
    }
  });
  afterAll(() => app.close());

  /** The meeting page of an agenda of `size` items, read by `person`: what it answered and the statements it cost. */
  const meetingPage = async (size: number, person: string) => {
    let page: MeetingPage | undefined;
    const statements = await statementsOf(app, async () => (page = await app.gqlOk<MeetingPage>(MEETING_PAGE, { id: meetingOf[size] }, { token: t[person] })));
    expect(page!.boardMeeting.agenda).toHaveLength(size);
    return { agenda: page!.boardMeeting.agenda, statements };
  };

  it('the meeting page costs a board member and an admin as many statements for an agenda of three as for one', async () => {
    for (const person of ['boardKr', 'admin']) {
      const one = await meetingPage(1, person);
      const three = await meetingPage(3, person);
      for (const item of [...one.agenda, ...three.agenda]) {
        // Every field is there: one conflicted member, one review, one vote of two eligible members, no decision yet.
        expect(item.application.conflicts).toHaveLength(1);
        expect(item.application.reviewSummary.reviewsSubmitted).toBe(1);
        expect(item.quorum).toMatchObject({ votesCast: 1, eligibleMembers: 2 });
        expect(item.votes).toHaveLength(1);
        expect(item.decision).toBeNull();
      }
      expect(three.statements.length).toBe(one.statements.length);
    }
  });

  it('a vote and a decision read the fund board’s members with their countries and conflicts once, and its rule with the fund’s countries', async () => {
    const input = { meetingId: meetingOf[1], applicationId: itemsOf[1][0] };
    const vote = await statementsOf(app, () => app.gqlOk(F.VOTE, { input: { ...input, choice: 'FOR' } }, { token: t.boardUk2 }));
    const decision = await statementsOf(app, () => app.gqlOk(F.DECIDE, { input: { ...input, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin }));
    decided.add(input.applicationId);
    for (const statements of [vote, decision]) {
      // Conflicts once (the voter's were checked against the same statement), the members' countries with them, the board's rule and the fund's countries in one row.
      expect(readsOf(statements, 'conflict_declaration')).toBe(1);
      expect(statements.filter((s) => readsOf([s], 'board') || readsOf([s], 'fund'))).toEqual([expect.stringMatching(/FROM fund f LEFT JOIN board b/)]);
    }
    // The vote: the session; the transaction's start; the meeting and the caller's seat; the application locked, the reader's workspaces
    // and boards; the item; the seat again and the board with its conflicts; the vote and its audit; the votes and the rule; commit.
    // 18 before the board was read once.
    expect(vote).toHaveLength(15);
    // An admin's decision: the tally is three statements of its 30 (33 before: five for the tally, and a look at the admin's boards).
    expect(decision).toHaveLength(30);
  });

  it('so it does once every item is decided', async () => {
    for (const size of [1, 3]) {
      for (const applicationId of itemsOf[size].filter((a) => !decided.has(a))) {
        await app.gqlOk(F.VOTE, { input: { meetingId: meetingOf[size], applicationId, choice: 'FOR' } }, { token: t.boardUk2 });
        await app.gqlOk(F.DECIDE, { input: { meetingId: meetingOf[size], applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
      }
    }
    for (const person of ['boardKr', 'admin']) {
      const one = await meetingPage(1, person);
      const three = await meetingPage(3, person);
      for (const item of [...one.agenda, ...three.agenda]) expect(item.decision?.outcome).toBe('APPROVED');
      expect(three.statements.length).toBe(one.statements.length);
    }
  });

  it('the fund’s audit log with who acted and what on costs as many statements however many entries it shows', async () => {
    const LOG = `query($id: ID!) { fund(id: $id) { auditLog(first: 100) { totalCount nodes { subjectType actorName subjectLabel subjectApplicationId } } } }`;
    type Log = { fund: { auditLog: { totalCount: number; nodes: Array<{ subjectType: string; actorName: string; subjectLabel: string }> } } };
    const read = async () => {
      let log: Log['fund']['auditLog'] | undefined;
      const statements = await statementsOf(app, async () => (log = (await app.gqlOk<Log>(LOG, { id: fundId }, { token: t.admin })).fund.auditLog));
      return { nodes: log!.nodes, statements };
    };
    const before = await read();
    // Every kind of thing the log names is there: the fund, its call, members, applications, meetings, decisions.
    expect([...new Set(before.nodes.map((n) => n.subjectType))].sort()).toEqual(['application', 'call', 'decision', 'fund', 'meeting', 'member']);
    // More entries: meetings called and money contributed by the admin.
    for (let i = 0; i < 3; i++) await newMeeting(app, t, fundId);
    await app.gqlOk(F.CONTRIBUTE, { input: { fundId, countryCode: 'GB', amountMinor: '100' } }, { token: t.admin });
    const after = await read();
    expect(after.nodes.length).toBe(before.nodes.length + 4);
    expect(after.nodes.length).toBeLessThanOrEqual(100);
    expect(after.statements.length).toBe(before.statements.length);
    for (const node of after.nodes) expect(node.subjectLabel).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('reading an application asks which boards the reader sits on only when neither their workspace nor the admin role lets them see it', async () => {
    const read = (person: string) => statementsOf(app, () => app.gqlOk(`query($id: ID!) { fundApplication(id: $id) { id status } }`, { id: itemsOf[1][0] }, { token: t[person] }));
    // The session, the application, the reader's workspaces; and for a board member, their boards (all four before, for everyone).
    for (const person of ['admin', 'liverpool']) {
      const statements = await read(person);
      expect(readsOf(statements, 'board_member')).toBe(0);
      expect(statements).toHaveLength(3);
    }
    const member = await read('boardKr');
    expect(readsOf(member, 'board_member')).toBe(1);
    expect(member).toHaveLength(4);
  });

  it('a list of applications with their eligibility costs as many statements for three as for one, and reads budget lines once', async () => {
    for (const person of ['liverpool', 'admin']) {
      const counted = async (first: number) => {
        let nodes: Array<{ eligibility: Array<{ passed: boolean }> }> = [];
        const statements = await statementsOf(app, async () => {
          nodes = (await app.gqlOk<{ fundApplications: { nodes: typeof nodes } }>(APPLICATIONS_WITH_ELIGIBILITY, { callId, first }, { token: t[person] })).fundApplications.nodes;
        });
        expect(nodes).toHaveLength(first);
        for (const node of nodes) expect(node.eligibility.every((c) => c.passed)).toBe(true);
        return statements;
      };
      const one = await counted(1);
      const three = await counted(3);
      expect(three.length).toBe(one.length);
      // The budget lines once, for `requested` and `eligibility` alike; the call, project, twinning and countries in one statement.
      expect(readsOf(three, 'application_budget_line')).toBe(1);
      expect(three.filter((s) => readsOf([s], 'fund_call') || readsOf([s], 'project') || readsOf([s], 'twinning') || readsOf([s], 'country'))).toHaveLength(1);
    }
  });
});
