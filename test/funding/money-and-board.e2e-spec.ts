import { startTestApp, TestApp } from '../support/harness';
import { codeOf, createFundWithCall, createProject, draftApplication, F, newMeeting, RATIONALE, readyForDecision, reasonOf, scores, twinLiverpoolAndBusan } from './funding-support';

const ONE_AWARD = [
  { countryCode: 'GB', category: 'STAFF', description: 'Engineer', amountMinor: '100000' },
  { countryCode: 'KR', category: 'EQUIPMENT', description: 'Sensors', amountMinor: '1700000' },
];

describe('seed fund: money under concurrency, conflicts, quorum and superseding decisions', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  const fundState = async (fundId: string) =>
    (
      await app.gqlOk<{ fund: { balances: Array<{ currency: string; available: { amountMinor: string }; committed: { amountMinor: string }; released: { amountMinor: string } }>; reconciliation: Array<{ reconciles: boolean }> } }>(
        F.FUND,
        { id: fundId },
        { token: t.admin },
      )
    ).fund;
  const inBatches = async <T>(items: T[], size: number, work: (item: T, index: number) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(t, id);
    workspaceId = await twinLiverpoolAndBusan(app, t);
  });
  afterAll(() => app.close());

  it('50 approvals at once at a fund that can afford 10: exactly 10 succeed and the ledger reconciles', async () => {
    // Ten awards of £1,000 and ₩1,700,000 each, and not a penny more.
    const { fundId, callId, members } = await createFundWithCall(app, t, id, { gbp: '1000000', krw: '17000000', board: [['boardUk2', 'GB'], ['boardKr', 'KR']], reviewers: 1 });
    const meetingId = await newMeeting(app, t, fundId);
    const applications: string[] = [];
    await inBatches([...Array(50).keys()], 10, async (_, i) => {
      const projectId = await createProject(app, t, id, workspaceId, `Quay ${i}`);
      const applicationId = await draftApplication(app, t, callId, projectId, ONE_AWARD);
      await readyForDecision(app, t, applicationId, meetingId, [{ person: 'boardUk2', memberId: members.boardUk2 }]);
      for (const person of ['boardUk2', 'boardKr']) await app.gqlOk(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t[person] });
      applications[i] = applicationId;
    });

    const results = await Promise.all(
      applications.map((applicationId, i) => app.gql(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: i % 2 ? t.admin : t.boardKr })),
    );
    const outcomes = results.map((r) => (codeOf(r) === 'OK' ? 'OK' : `${codeOf(r)}:${String(reasonOf(r))}`));
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(10);
    expect(outcomes.filter((o) => o !== 'OK')).toEqual(Array(40).fill('CONFLICT:INSUFFICIENT_FUNDS'));
    // The admin reads English; 김지현 reads Korean (her account's language), and is told the same in Korean.
    const refusalTo = (parity: number) => results.find((r, i) => i % 2 === parity && r.errors)!.errors![0].message;
    expect(refusalTo(1)).toMatch(/^The fund has £0 available in GBP, less than the £1,000 needed\. Nothing was committed\.$/);
    expect(refusalTo(0)).toMatch(/^기금의 GBP 가용 잔액이 \S+(으로|로), 필요한 \S+보다 적습니다\. 아무것도 약정하지 않았습니다\.$/);

    const fund = await fundState(fundId);
    expect(fund.balances.map((b) => [b.currency, b.available.amountMinor, b.committed.amountMinor])).toEqual([
      ['GBP', '0', '1000000'],
      ['KRW', '0', '17000000'],
    ]);
    expect(fund.reconciliation.map((r) => r.reconciles)).toEqual([true, true]);
    // Exactly one commitment per currency per approved application, and nothing for the refused ones.
    const [ledger] = await app.dataSource.query(
      `SELECT count(*)::int AS entries, count(DISTINCT application_id)::int AS applications FROM ledger_entry WHERE fund_id = $1 AND kind = 'COMMITMENT'`,
      [fundId],
    );
    expect(ledger).toEqual({ entries: 20, applications: 10 });
    const statuses: Array<{ status: string; n: number }> = await app.dataSource.query(`SELECT status, count(*)::int AS n FROM fund_application WHERE fund_id = $1 GROUP BY status ORDER BY status`, [fundId]);
    expect(statuses).toEqual([{ status: 'UNDER_REVIEW', n: 40 }, { status: 'DECIDED', n: 10 }]);
    const [{ decisions }] = await app.dataSource.query(`SELECT count(*)::int AS decisions FROM funding_decision WHERE fund_id = $1`, [fundId]);
    expect(decisions).toBe(10);

    // Money comes back: a government tops the fund up, and a refused approval now goes through.
    await app.gqlOk(F.CONTRIBUTE, { input: { fundId, countryCode: 'GB', amountMinor: '100000' } }, { token: t.admin });
    await app.gqlOk(F.CONTRIBUTE, { input: { fundId, countryCode: 'KR', amountMinor: '1700000' } }, { token: t.admin });
    const refused = applications.find((_, i) => results[i].errors)!;
    await app.gqlOk(F.DECIDE, { input: { meetingId, applicationId: refused, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
    expect((await fundState(fundId)).reconciliation.map((r) => r.reconciles)).toEqual([true, true]);
    // Paying back a government cannot take what is committed.
    const overReturn = await app.gql(F.RETURN, { input: { fundId, countryCode: 'GB', amountMinor: '1' } }, { token: t.admin });
    expect([codeOf(overReturn), reasonOf(overReturn)]).toEqual(['CONFLICT', 'INSUFFICIENT_FUNDS']);
  });

  describe('on a board of four', () => {
    let fundId: string;
    let callId: string;
    let members: Record<string, string>;
    beforeAll(async () => {
      ({ fundId, callId, members } = await createFundWithCall(app, t, id, {
        gbp: '10000000',
        krw: '170000000',
        board: [['boardUk', 'GB'], ['boardUk2', 'GB'], ['boardKr', 'KR'], ['boardKr2', 'KR']],
        reviewers: 1,
      }));
    });

    it('a declared conflict bars review and vote and leaves the quorum count; a conflicted reviewer’s assignment goes', async () => {
      const projectId = await createProject(app, t, id, workspaceId, 'Declared conflict');
      const applicationId = await draftApplication(app, t, callId, projectId, ONE_AWARD);
      await app.gqlOk(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool });
      await app.gqlOk(F.CONFIRM, { input: { id: applicationId } }, { token: t.admin });
      // Jihyun is assigned, then declares an interest: her assignment goes, the application waits for a reviewer.
      await app.gqlOk(F.ASSIGN, { input: { applicationId, memberIds: [members.boardKr] } }, { token: t.admin });
      await app.gqlOk(F.DECLARE, { input: { applicationId, reason: 'My lab advises Busan Port Authority.' } }, { token: t.boardKr });
      const conflicts = (await app.gqlOk<{ fundApplication: { conflicts: Array<{ member: { id: string }; automaticCityIds: string[]; declaredReason: string | null }> } }>(F.CONFLICTS, { id: applicationId }, { token: t.boardKr2 })).fundApplication.conflicts;
      expect(conflicts.map((c) => [c.member.id, c.automaticCityIds, c.declaredReason]).sort()).toEqual(
        [
          [members.boardUk, ['liverpool'], null],
          [members.boardKr, [], 'My lab advises Busan Port Authority.'],
        ].sort(),
      );
      const reviewing = await app.gql(F.REVIEW, { input: { applicationId, scores: scores([4, 4, 4]), recommendation: 'FUND' } }, { token: t.boardKr });
      expect(codeOf(reviewing)).toBe('FORBIDDEN');
      const reassign = await app.gql(F.ASSIGN, { input: { applicationId, memberIds: [members.boardKr] } }, { token: t.admin });
      expect(reasonOf(reassign)).toBe('CONFLICT_OF_INTEREST');
      const reviews = await app.gql<{ fundApplication: { reviews: unknown } }>(F.REVIEWS, { id: applicationId }, { token: t.boardKr });
      expect(reviews.errors?.[0].extensions.code).toBe('NOT_FOUND');

      await app.gqlOk(F.ASSIGN, { input: { applicationId, memberIds: [members.boardKr2] } }, { token: t.admin });
      await app.gqlOk(F.REVIEW, { input: { applicationId, scores: scores([4, 3, 4]), recommendation: 'FUND' } }, { token: t.boardKr2 });
      const meetingId = await newMeeting(app, t, fundId);
      await app.gqlOk(F.AGENDA, { input: { meetingId, applicationId } }, { token: t.admin });
      expect(codeOf(await app.gql(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t.boardKr }))).toBe('FORBIDDEN');
      // Two eligible members (Oliver, Haneul): both must vote, one from each country.
      // Haneul's account reads Korean, and her request names no language: the explanation is in Korean.
      const one = (await app.gqlOk<{ castVote: Record<string, unknown> }>(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t.boardKr2 })).castVote;
      expect(one).toEqual({
        met: false,
        votesCast: 1,
        eligibleMembers: 2,
        votesNeeded: 2,
        countriesMissing: ['GB'],
        explanation: '아직 의결정족수에 미달합니다: 표결할 수 있는 위원 2명 중 1명이 투표했고, 2명이 투표해야 합니다. 영국 위원 1명이 더 투표해야 합니다.',
      });
      const two = (await app.gqlOk<{ castVote: { met: boolean } }>(F.VOTE, { input: { meetingId, applicationId, choice: 'AGAINST' } }, { token: t.boardUk2 })).castVote;
      expect(two.met).toBe(true);
      // One for, one against: the vote does not carry an approval.
      const approve = await app.gql(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
      expect(reasonOf(approve)).toBe('VOTE_MISMATCH');
      const deferred = await app.gqlOk<{ recordFundingDecision: { outcome: string; amounts: unknown[]; eligibleMembers: number } }>(F.DECIDE, { input: { meetingId, applicationId, outcome: 'DEFERRED', rationale: RATIONALE } }, { token: t.admin });
      const deferredApplication = applicationId;
      expect(deferred.recordFundingDecision).toMatchObject({ outcome: 'DEFERRED', amounts: [], votesFor: 1, votesAgainst: 1, abstentions: 0, eligibleMembers: 2, supersedesDecisionId: null });
      // Deferred, nothing decided on its money: the applicants may still withdraw it, and no longer accept anything.
      expect((await app.gqlOk<{ fundApplication: { nextSteps: string[] } }>(F.APPLICATION, { id: deferredApplication }, { token: t.liverpool })).fundApplication.nextSteps).toEqual(['redecide', 'withdraw']);
      expect(reasonOf(await app.gql(F.ACCEPT, { input: { id: deferredApplication } }, { token: t.liverpool }))).toBe('ILLEGAL_TRANSITION');
      const withdrawn = await app.gqlOk<{ withdrawFundApplication: { status: string } }>(F.WITHDRAW, { input: { id: deferredApplication, reason: 'We will apply to the next call' } }, { token: t.liverpool });
      expect(withdrawn.withdrawFundApplication.status).toBe('WITHDRAWN');
    });

    it('a later decision supersedes an earlier one: the award grows, then is revoked, and the record keeps all three', async () => {
      const projectId = await createProject(app, t, id, workspaceId, 'Superseded');
      const applicationId = await draftApplication(app, t, callId, projectId, ONE_AWARD);
      const first = await newMeeting(app, t, fundId);
      await readyForDecision(app, t, applicationId, first, [{ person: 'boardKr2', memberId: members.boardKr2 }]);
      const voteAll = async (meetingId: string, choice: string) => {
        for (const person of ['boardUk2', 'boardKr', 'boardKr2']) await app.gqlOk(F.VOTE, { input: { meetingId, applicationId, choice } }, { token: t[person] });
      };
      await voteAll(first, 'FOR');
      const before = await fundState(fundId);
      // Half the pounds at first.
      const reduced = await app.gqlOk<{ recordFundingDecision: { id: string; amounts: Array<{ amountMinor: string }> } }>(
        F.DECIDE,
        { input: { meetingId: first, applicationId, outcome: 'APPROVED', rationale: RATIONALE, amounts: [{ currency: 'GBP', amountMinor: '50000' }, { currency: 'KRW', amountMinor: '1700000' }] } },
        { token: t.boardUk2 },
      );
      const tooMuch = await app.gql(F.DECIDE, { input: { meetingId: first, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
      expect(reasonOf(tooMuch)).toBe('DECIDED');

      // Reconsidered at the next meeting: the full request. Votes cast there before the current decision would not count.
      const second = await newMeeting(app, t, fundId);
      await app.gqlOk(F.AGENDA, { input: { meetingId: second, applicationId } }, { token: t.admin });
      const noVotes = await app.gql(F.DECIDE, { input: { meetingId: second, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
      expect(reasonOf(noVotes)).toBe('QUORUM_NOT_MET');
      await voteAll(second, 'FOR');
      const overRequest = await app.gql(F.DECIDE, { input: { meetingId: second, applicationId, outcome: 'APPROVED', rationale: RATIONALE, amounts: [{ currency: 'GBP', amountMinor: '100001' }] } }, { token: t.admin });
      expect(codeOf(overRequest)).toBe('BAD_USER_INPUT');
      const full = await app.gqlOk<{ recordFundingDecision: { id: string; supersedesDecisionId: string } }>(F.DECIDE, { input: { meetingId: second, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
      expect(full.recordFundingDecision.supersedesDecisionId).toBe(reduced.recordFundingDecision.id);

      // And revoked at a third.
      const third = await newMeeting(app, t, fundId);
      await app.gqlOk(F.AGENDA, { input: { meetingId: third, applicationId } }, { token: t.admin });
      await voteAll(third, 'AGAINST');
      // Deferring cannot quietly undo an award that stands.
      const defer = await app.gql(F.DECIDE, { input: { meetingId: third, applicationId, outcome: 'DEFERRED', rationale: RATIONALE } }, { token: t.admin });
      expect(reasonOf(defer)).toBe('VOTE_MISMATCH');
      const revoked = await app.gqlOk<{ recordFundingDecision: { id: string; supersedesDecisionId: string } }>(F.DECIDE, { input: { meetingId: third, applicationId, outcome: 'REJECTED', rationale: RATIONALE } }, { token: t.admin });
      expect(revoked.recordFundingDecision.supersedesDecisionId).toBe(full.recordFundingDecision.id);

      const entries: Array<{ kind: string; reason: string; currency: string; amount_minor: string }> = await app.dataSource.query(
        `SELECT kind, reason, currency, amount_minor FROM ledger_entry WHERE application_id = $1 ORDER BY id`,
        [applicationId],
      );
      expect(entries).toEqual([
        { kind: 'COMMITMENT', reason: 'AWARD_APPROVED', currency: 'GBP', amount_minor: '50000' },
        { kind: 'COMMITMENT', reason: 'AWARD_APPROVED', currency: 'KRW', amount_minor: '1700000' },
        { kind: 'COMMITMENT', reason: 'AWARD_INCREASED', currency: 'GBP', amount_minor: '50000' },
        { kind: 'RELEASE', reason: 'AWARD_REVOKED', currency: 'GBP', amount_minor: '100000' },
        { kind: 'RELEASE', reason: 'AWARD_REVOKED', currency: 'KRW', amount_minor: '1700000' },
      ]);
      const after = await fundState(fundId);
      expect(after.balances.map((b) => b.available.amountMinor)).toEqual(before.balances.map((b) => b.available.amountMinor));
      expect(after.reconciliation.map((r) => r.reconciles)).toEqual([true, true]);

      const history = (await app.gqlOk<{ fundingDecisions: { nodes: Array<{ id: string; outcome: string; amounts: Array<{ amountMinor: string }>; supersededByDecisionId: string | null }> } }>(
        `query($applicationId: ID) { fundingDecisions(applicationId: $applicationId) { nodes { id outcome amounts { amountMinor } supersededByDecisionId } } }`,
        { applicationId },
      )).fundingDecisions.nodes;
      expect(history.map((d) => [d.outcome, d.amounts.map((a) => a.amountMinor), d.supersededByDecisionId])).toEqual([
        ['REJECTED', [], null],
        ['APPROVED', ['100000', '1700000'], revoked.recordFundingDecision.id],
        ['APPROVED', ['50000', '1700000'], full.recordFundingDecision.id],
      ]);
    });

    it('withdrawal before a decision, and a new application for the same project afterwards', async () => {
      const projectId = await createProject(app, t, id, workspaceId, 'Withdrawn');
      const applicationId = await draftApplication(app, t, callId, projectId, ONE_AWARD);
      const twice = await app.gql(F.CREATE, { input: { callId, projectId, title: { en: 'Again' }, summary: { en: 'Again' } } }, { token: t.liverpool });
      expect(reasonOf(twice)).toBe('ALREADY_APPLIED');
      expect(codeOf(await app.gql(F.WITHDRAW, { input: { id: applicationId } }, { token: t.liverpool }))).toBe('BAD_USER_INPUT');
      const withdrawn = await app.gqlOk<{ withdrawFundApplication: { status: string } }>(F.WITHDRAW, { input: { id: applicationId, reason: 'Scope changed' } }, { token: t.liverpool });
      expect(withdrawn.withdrawFundApplication.status).toBe('WITHDRAWN');
      expect(reasonOf(await app.gql(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool }))).toBe('ILLEGAL_TRANSITION');
      await draftApplication(app, t, callId, projectId, ONE_AWARD);
    });

    it('an admin returns a submission to its applicants, who fix it and submit again', async () => {
      const projectId = await createProject(app, t, id, workspaceId, 'Returned');
      const applicationId = await draftApplication(app, t, callId, projectId, ONE_AWARD);
      await app.gqlOk(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool });
      await app.gqlOk(F.RETURN_TO_APPLICANT, { input: { id: applicationId, reason: 'Add a Korean summary' } }, { token: t.admin });
      const draft = (await app.gqlOk<{ fundApplication: { status: string; version: number } }>(F.APPLICATION, { id: applicationId }, { token: t.liverpool })).fundApplication;
      expect(draft.status).toBe('DRAFT');
      await app.gqlOk(F.UPDATE, { input: { id: applicationId, version: draft.version, summary: { en: 'Sensors.', ko: '센서.' } } }, { token: t.liverpool });
      expect((await app.gqlOk<{ submitFundApplication: { status: string } }>(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool })).submitFundApplication.status).toBe('SUBMITTED');
    });

    it('a member who leaves the board after voting no longer counts, in the quorum or the tally', async () => {
      const projectId = await createProject(app, t, id, workspaceId, 'Left the board');
      const applicationId = await draftApplication(app, t, callId, projectId, ONE_AWARD);
      const meetingId = await newMeeting(app, t, fundId);
      await readyForDecision(app, t, applicationId, meetingId, [{ person: 'boardUk2', memberId: members.boardUk2 }]);
      await app.gqlOk(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t.boardKr2 });
      await app.gqlOk(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t.boardUk2 });
      await app.gqlOk(F.VOTE, { input: { meetingId, applicationId, choice: 'AGAINST' } }, { token: t.boardKr });
      await app.gqlOk(F.END_MEMBERSHIP, { input: { memberId: members.boardKr2, reason: 'Term ended' } }, { token: t.admin });
      // Two for and one against as cast; one for and one against among those who sit on the board now.
      const approve = await app.gql(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
      expect(approve.errors![0].extensions).toMatchObject({ reason: 'VOTE_MISMATCH', votesFor: 1, votesAgainst: 1 });
      const rejected = await app.gqlOk<{ recordFundingDecision: { votesFor: number; votesAgainst: number; eligibleMembers: number } }>(F.DECIDE, { input: { meetingId, applicationId, outcome: 'REJECTED', rationale: RATIONALE } }, { token: t.admin });
      expect(rejected.recordFundingDecision).toMatchObject({ votesFor: 1, votesAgainst: 1, eligibleMembers: 2 });
    });

    it('a project at a stage the call does not take is not eligible', async () => {
      const projectId = await createProject(app, t, id, workspaceId, 'Too early', 'DISCOVERY');
      const applicationId = await draftApplication(app, t, callId, projectId, ONE_AWARD);
      const refused = await app.gql(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'PROJECT_STAGE', message: 'The project must be at FEASIBILITY or DEMONSTRATOR; it is at DISCOVERY.' }] });
    });
  });
});
