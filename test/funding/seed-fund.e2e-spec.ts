import { startTestApp, TestApp } from '../support/harness';
import { codeOf, createProject, draftApplication, F, RATIONALE, reasonOf, scores, twinLiverpoolAndBusan } from './funding-support';

/**
 * The whole journey on the demo fund: a Liverpool–Busan application from
 * draft to an approved award with conditions, reviewed by board members of
 * both countries, with Priya (University of Liverpool) excluded as
 * conflicted; the money committed exactly once; the public summary in
 * English and Korean; then delivery and closing with an underspend.
 */
describe('seed fund: an application from draft to a closed award', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let fundId: string;
  let callId: string;
  let workspaceId: string;
  let projectId: string;
  let applicationId: string;
  let meetingId: string;
  let decisionId: string;
  const seat: Record<string, string> = {};
  const gbp = () => app.gqlOk<{ fund: { balances: Array<{ currency: string; available: { amountMinor: string }; committed: { amountMinor: string }; released: { amountMinor: string } }>; reconciliation: Array<{ reconciles: boolean }> } }>(F.FUND, { id: fundId }, { token: t.admin });
  const application = async (token = t.liverpool) =>
    (await app.gqlOk<{ fundApplication: { status: string; outcome: string | null; version: number; nextSteps: string[]; requested: Array<{ currency: string; amountMinor: string; en: string; ko: string }>; award: Array<{ currency: string; amountMinor: string }>; eligibility: Array<{ rule: string; passed: boolean; message: string }>; transitions: Array<{ fromStatus: string | null; toStatus: string }> } }>(F.APPLICATION, { id: applicationId }, { token })).fundApplication;

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(t, id);
    const funds = await app.gqlOk<{ funds: { nodes: Array<{ id: string; name: { en: string }; calls: { nodes: Array<{ id: string }> }; board: { members: Array<{ id: string; userId: string; countryCode: string }> } }> } }>(F.FUNDS);
    const demo = funds.funds.nodes.find((f) => f.name.en === 'UK–Korea Innovation Twins Seed Fund')!;
    fundId = demo.id;
    callId = demo.calls.nodes[0].id;
    for (const person of ['boardUk', 'boardUk2', 'boardKr', 'boardKr2']) seat[person] = demo.board.members.find((m) => m.userId === id[person])!.id;
    workspaceId = await twinLiverpoolAndBusan(app, t);
    projectId = await createProject(app, t, id, workspaceId, 'Smart quays');
  });
  afterAll(() => app.close());
  /** A reader of Korean: the API answers in Korean. */
  const KO = { 'accept-language': 'ko' };

  it('the public reads the fund, its board and its open call in both zones and currencies', async () => {
    const data = await app.gqlOk<{ fundCall: { title: { en: string; ko: string }; isOpen: boolean; closesAtLocal: Array<{ timeZone: string; text: string }>; maxAward: Array<{ en: string; ko: string }> } }>(
      `query($id: ID!) { fundCall(id: $id) { title { en ko } isOpen closesAtLocal { timeZone text } maxAward { en ko } } }`,
      { id: callId },
    );
    expect(data.fundCall.isOpen).toBe(true);
    expect(data.fundCall.closesAtLocal.map((z) => z.timeZone)).toEqual(['Europe/London', 'Asia/Seoul']);
    expect(data.fundCall.maxAward.map((m) => m.en)).toEqual(['£50,000', '₩85,000,000']);
    expect(data.fundCall.title.ko).toBe('2027 시드 기금 공모: 타당성 검토와 실증');
    const balances = (await app.gqlOk<{ fund: { balances: Array<{ available: { en: string } }> } }>(`query($id: ID!) { fund(id: $id) { balances { available { en } } } }`, { id: fundId })).fund.balances;
    expect(balances.map((b) => b.available.en)).toEqual(['£500,000', '₩850,000,000']);
  });

  it('a lead drafts an application; it shows what the call’s rules make of it before submission', async () => {
    applicationId = await draftApplication(app, t, callId, projectId, [{ countryCode: 'GB', category: 'STAFF', description: 'Engineer', amountMinor: '2000000' }]);
    const draft = await application();
    expect(draft.status).toBe('DRAFT');
    const failing = draft.eligibility.filter((c) => !c.passed).map((c) => c.rule);
    expect(failing).toEqual(['MATCH_RATIO']);
    const refused = await app.gql(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toContain('at least 80%');
    // The same refusal for a reader of Korean: the call's rule in Korean, the same code and field.
    const inKorean = await app.gql(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool, headers: KO });
    expect(inKorean.errors![0].message).toMatch(/^신청서가 아직 공모 요건을 충족하지 않습니다\. 신청액이 적은 쪽이 많은 쪽의 80% 이상을 신청해야 합니다/);
    expect(inKorean.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'MATCH_RATIO', message: expect.stringContaining('지금은 0%입니다.') }] });
    const ruleInKorean = await app.gqlOk<{ fundApplication: { eligibility: Array<{ rule: string; message: string }> } }>(`query($id: ID!) { fundApplication(id: $id) { eligibility { rule message } } }`, { id: applicationId }, { token: t.liverpool, headers: KO });
    expect(ruleInKorean.fundApplication.eligibility.find((c) => c.rule === 'PROJECT_OPEN')!.message).toBe('프로젝트가 진행 중입니다.');
    // A check's own message has its own Korean.
    const notAnId = await app.gql(F.SUBMIT, { input: { id: 'smart-quays' } }, { token: t.liverpool, headers: KO });
    expect(notAnId.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ message: '신청서 ID여야 합니다.' }] });
    // Busan's side matched: £20,000.00 against ₩34,000,000 at 1,700 won to the pound is 100%.
    await app.gqlOk(F.UPDATE, { input: { id: applicationId, version: draft.version, budgetLines: [
      { countryCode: 'GB', category: 'STAFF', description: 'Engineer', amountMinor: '2000000' },
      { countryCode: 'KR', category: 'EQUIPMENT', description: 'Sensors', amountMinor: '34000000' },
    ] } }, { token: t.liverpool });
    const fixed = await application();
    expect(fixed.eligibility.every((c) => c.passed)).toBe(true);
    expect(fixed.requested.map((m) => [m.en, m.ko])).toEqual([['£20,000', '£20,000'], ['₩34,000,000', '₩34,000,000']]);
    // An edit from a stale version is refused rather than lost.
    const stale = await app.gql(F.UPDATE, { input: { id: applicationId, version: draft.version, title: { en: 'Old' } } }, { token: t.liverpool });
    expect(reasonOf(stale)).toBe('STALE_VERSION');
    const staleKo = await app.gql(F.UPDATE, { input: { id: applicationId, version: draft.version, title: { en: 'Old' } } }, { token: t.liverpool, headers: KO });
    expect(staleKo.errors![0]).toMatchObject({ message: '신청서를 연 뒤에 다른 사람이 고쳤습니다. 새로 불러온 다음 다시 고쳐 주세요.', extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } });
    // The board does not see drafts.
    expect(codeOf(await app.gql(F.APPLICATION, { id: applicationId }, { token: t.boardKr }))).toBe('NOT_FOUND');
  });

  it('submission locks the content and tells the applicants (in their language) and the fund admins', async () => {
    const submitted = await app.gqlOk<{ submitFundApplication: { status: string } }>(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool });
    expect(submitted.submitFundApplication.status).toBe('SUBMITTED');
    const locked = await app.gql(F.UPDATE, { input: { id: applicationId, version: (await application()).version, title: { en: 'Changed' } } }, { token: t.liverpool });
    expect([codeOf(locked), reasonOf(locked)]).toEqual(['CONFLICT', 'LOCKED']);
    expect((await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject.includes('has been received'))).text).toContain('Smart quays feasibility');
    expect((await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.includes('접수'))).subject).toBe('신청서 “스마트 부두 타당성 조사”가 접수되었습니다');
    expect((await app.mail.waitFor((m) => m.to === 'admin@demo.twins.test' && m.subject.startsWith('New application'))).text).toContain('assign reviewers');
  });

  it('Priya sits at the University of Liverpool: she is conflicted, so she is never a reviewer', async () => {
    const conflicts = (await app.gqlOk<{ fundApplication: { conflicts: Array<{ member: { id: string }; automaticCityIds: string[]; declaredReason: string | null }> } }>(F.CONFLICTS, { id: applicationId }, { token: t.admin })).fundApplication.conflicts;
    expect(conflicts).toEqual([{ member: { id: seat.boardUk, userId: id.boardUk }, automaticCityIds: ['liverpool'], declaredReason: null }]);
    await app.gqlOk(F.CONFIRM, { input: { id: applicationId } }, { token: t.admin });
    const refused = await app.gql(F.ASSIGN, { input: { applicationId, memberIds: [seat.boardUk, seat.boardKr] } }, { token: t.admin });
    expect([codeOf(refused), reasonOf(refused)]).toEqual(['CONFLICT', 'CONFLICT_OF_INTEREST']);
    await app.gqlOk(F.ASSIGN, { input: { applicationId, memberIds: [seat.boardUk2, seat.boardKr] } }, { token: t.admin });
    expect((await application()).status).toBe('UNDER_REVIEW');
    const mail = await app.mail.waitFor((m) => m.to === 'board.kr@demo.twins.test' && m.subject.startsWith('심사 요청'));
    expect(mail.text).toContain('스마트 부두 타당성 조사');
  });

  it('a reviewer sees the others’ reviews only after submitting; the conflicted member never does', async () => {
    const reviewsAs = (token: string) => app.gql<{ fundApplication: { reviews: Array<{ memberId: string; submittedAt: string | null }> | null; reviewSummary: { reviewsSubmitted: number; weightedScore: number | null; disagreement: boolean } | null } }>(F.REVIEWS, { id: applicationId }, { token });
    await app.gqlOk(F.REVIEW, { input: { applicationId, scores: scores([5, 4, 4]), recommendation: 'FUND', comment: 'Strong.' } }, { token: t.boardUk2 });
    // Jihyun has not reviewed yet: she sees her own assignment only, and how many are in, but no aggregate.
    const before = await reviewsAs(t.boardKr);
    expect(before.data!.fundApplication.reviews!.map((r) => [r.memberId, r.submittedAt])).toEqual([[seat.boardKr, null]]);
    expect(before.data!.fundApplication.reviewSummary).toMatchObject({ reviewsSubmitted: 1, weightedScore: null });
    const incomplete = await app.gql(F.REVIEW, { input: { applicationId, scores: scores([3, 3, 3]).slice(0, 2), recommendation: 'FUND' } }, { token: t.boardKr });
    expect(codeOf(incomplete)).toBe('BAD_USER_INPUT');
    await app.gqlOk(F.REVIEW, { input: { applicationId, scores: scores([3, 3, 2]), recommendation: 'FUND_WITH_CONDITIONS' } }, { token: t.boardKr });
    const after = await reviewsAs(t.boardKr);
    expect(after.data!.fundApplication.reviews).toHaveLength(2);
    // (5×40 + 4×30 + 4×30)/100 = 4.4 and (3×40 + 3×30 + 2×30)/100 = 2.7: mean 3.55, spread 1.7 ≥ a quarter of the scale.
    expect(after.data!.fundApplication.reviewSummary).toEqual({ reviewsSubmitted: 2, weightedScore: 3.55, percent: 63.75, spread: 1.7, disagreement: true });
    const twice = await app.gql(F.REVIEW, { input: { applicationId, scores: scores([5, 5, 5]), recommendation: 'FUND' } }, { token: t.boardKr });
    expect(reasonOf(twice)).toBe('REVIEW_SUBMITTED');
    // A board member who is not a reviewer reads them once it is on a meeting's agenda (see below); Priya reads none.
    expect((await reviewsAs(t.boardKr2)).data!.fundApplication.reviews).toEqual([]);
    const priya = await reviewsAs(t.boardUk);
    expect(priya.data!.fundApplication.reviews).toBeNull();
    expect(priya.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    // Applicants do not read reviews.
    expect((await reviewsAs(t.liverpool)).data!.fundApplication.reviews).toBeNull();
  });

  it('the board votes: both countries are needed for a quorum, and Priya cannot vote', async () => {
    meetingId = (await app.gqlOk<{ createBoardMeeting: { id: string } }>(F.MEETING, { input: { fundId, title: { en: 'Spring board', ko: '봄 위원회' }, startsAt: '2027-04-20T09:00:00+01:00', location: 'Online' } }, { token: t.admin })).createBoardMeeting.id;
    await app.gqlOk(F.AGENDA, { input: { meetingId, applicationId } }, { token: t.admin });
    // On the agenda: the voters who did not review it read the reviews, and nobody more is assigned to review it.
    const forVoters = await app.gqlOk<{ fundApplication: { reviews: unknown[] } }>(F.REVIEWS, { id: applicationId }, { token: t.boardKr2 });
    expect(forVoters.fundApplication.reviews).toHaveLength(2);
    expect(reasonOf(await app.gql(F.ASSIGN, { input: { applicationId, memberIds: [seat.boardKr2] } }, { token: t.admin }))).toBe('ON_AGENDA');
    const priya = await app.gql(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t.boardUk });
    expect(codeOf(priya)).toBe('FORBIDDEN');
    expect(priya.errors![0].message).toContain('conflict of interest');
    const priyaKo = await app.gql(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t.boardUk, headers: KO });
    expect(priyaKo.errors![0]).toMatchObject({ message: '이 신청서에 이해충돌이 있으므로(신청 도시에 소속 기관이 있음) 이 신청서에 투표할 수 없습니다.', extensions: { code: 'FORBIDDEN' } });
    await app.gqlOk(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t.boardKr });
    const two = (await app.gqlOk<{ castVote: { met: boolean; votesCast: number; votesNeeded: number; eligibleMembers: number; countriesMissing: string[]; explanation: string } }>(F.VOTE, { input: { meetingId, applicationId, choice: 'FOR' } }, { token: t.boardKr2, headers: KO })).castVote;
    // Three eligible (Priya excluded): two votes are a majority, but both are Korean; the explanation says what is missing, in the reader's language.
    expect(two).toMatchObject({ met: false, votesCast: 2, votesNeeded: 2, eligibleMembers: 3, countriesMissing: ['GB'] });
    expect(two.explanation).toBe('아직 의결정족수에 미달합니다: 표결할 수 있는 위원 3명 중 2명이 투표했고, 2명이 투표해야 합니다. 영국 위원 1명이 더 투표해야 합니다.');
    const early = await app.gql(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
    expect([codeOf(early), reasonOf(early)]).toEqual(['CONFLICT', 'QUORUM_NOT_MET']);
    expect(early.errors![0].message).toBe('No quorum yet: 2 of 3 eligible members voted; 2 needed. 1 more member from the United Kingdom must vote.');
    const earlyKo = await app.gql(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin, headers: KO });
    expect(earlyKo.errors![0]).toMatchObject({ message: two.explanation, extensions: { code: 'CONFLICT', reason: 'QUORUM_NOT_MET' } });
    const three = (await app.gqlOk<{ castVote: { met: boolean } }>(F.VOTE, { input: { meetingId, applicationId, choice: 'ABSTAIN' } }, { token: t.boardUk2 })).castVote;
    expect(three.met).toBe(true);
  });

  it('the decision is approved with conditions, commits the award exactly once, and the ledger reconciles', async () => {
    const before = (await gbp()).fund.balances;
    const missingConditions = await app.gql(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED_WITH_CONDITIONS', rationale: RATIONALE } }, { token: t.boardKr });
    expect(codeOf(missingConditions)).toBe('BAD_USER_INPUT');
    const onlyEnglish = await app.gql(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: { en: 'Good.' } } }, { token: t.boardKr });
    expect(codeOf(onlyEnglish)).toBe('BAD_USER_INPUT');
    const priya = await app.gql(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.boardUk });
    expect(codeOf(priya)).toBe('FORBIDDEN');
    const decided = await app.gqlOk<{ recordFundingDecision: { id: string; outcome: string; amounts: Array<{ en: string }>; votesFor: number; votesAgainst: number; abstentions: number; eligibleMembers: number } }>(
      F.DECIDE,
      { input: { meetingId, applicationId, outcome: 'APPROVED_WITH_CONDITIONS', rationale: RATIONALE, conditions: { en: 'Share the sensor data openly.', ko: '센서 데이터를 공개할 것.' } } },
      { token: t.boardKr },
    );
    decisionId = decided.recordFundingDecision.id;
    expect(decided.recordFundingDecision).toMatchObject({ outcome: 'APPROVED_WITH_CONDITIONS', votesFor: 2, votesAgainst: 0, abstentions: 1, eligibleMembers: 3 });
    expect(decided.recordFundingDecision.amounts.map((a) => a.en)).toEqual(['£20,000', '₩34,000,000']);
    const again = await app.gql(F.DECIDE, { input: { meetingId, applicationId, outcome: 'APPROVED', rationale: RATIONALE } }, { token: t.admin });
    expect(reasonOf(again)).toBe('DECIDED');

    const after = (await gbp()).fund;
    expect(after.balances.map((b) => BigInt(before.find((x) => x.currency === b.currency)!.available.amountMinor) - BigInt(b.available.amountMinor))).toEqual([2000000n, 34000000n]);
    expect(after.reconciliation.every((r) => r.reconciles)).toBe(true);
    const commitments = await app.dataSource.query(`SELECT currency, amount_minor FROM ledger_entry WHERE application_id = $1 AND kind = 'COMMITMENT' ORDER BY currency`, [applicationId]);
    expect(commitments).toEqual([{ currency: 'GBP', amount_minor: '2000000' }, { currency: 'KRW', amount_minor: '34000000' }]);
    const now = await application();
    expect([now.status, now.outcome]).toEqual(['DECIDED', 'APPROVED_WITH_CONDITIONS']);
    expect(now.award.map((a) => a.amountMinor)).toEqual(['2000000', '34000000']);
  });

  it('the public reads the decision summary in English and Korean, never the reviews', async () => {
    const data = await app.gqlOk<{ fundingDecisions: { nodes: Array<{ id: string; outcome: string; title: { en: string; ko: string }; cityIds: string[]; amounts: Array<{ en: string; ko: string }>; rationale: { en: string; ko: string }; decidedAtLocal: Array<{ timeZone: string }>; applicationStatus: string; currentAward: Array<{ en: string }> }> } }>(F.PUBLIC_DECISIONS, { fundId });
    const summary = data.fundingDecisions.nodes.find((d) => d.id === decisionId)!;
    expect(summary).toMatchObject({
      outcome: 'APPROVED_WITH_CONDITIONS',
      title: { en: 'Smart quays feasibility', ko: '스마트 부두 타당성 조사' },
      cityIds: ['liverpool', 'busan'],
      rationale: RATIONALE,
    });
    expect(summary.amounts.map((a) => a.ko)).toEqual(['£20,000', '₩34,000,000']);
    expect(summary.decidedAtLocal.map((z) => z.timeZone)).toEqual(['Europe/London', 'Asia/Seoul']);
    expect(summary.applicationStatus).toBe('DECIDED');
    expect(summary.currentAward.map((a) => a.en)).toEqual(['£20,000', '₩34,000,000']);
    const reviewsPublicly = await app.gql(`query { fundingDecisions { nodes { reviews { id } } } }`);
    expect(reviewsPublicly.errors?.[0].message).toContain('Cannot query field "reviews"');
    expect(codeOf(await app.gql(F.APPLICATION, { id: applicationId }))).toBe('NOT_FOUND');
    // Every workspace member hears of it in their own language.
    const ko = await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.includes('조건부 승인'));
    expect(ko.text).toContain('센서 데이터를 공개할 것.');
    // The award per side, written as two separate amounts, as every page writes them.
    expect(ko.text).toContain('지원 금액: £20,000 및 ₩34,000,000.');
    const en = await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject.startsWith('Decision on'));
    expect(en.text).toContain('Award: £20,000 and ₩34,000,000.');
  });

  it('nothing can change a decision: not the API, not SQL, not even as the owner of the tables', async () => {
    // The owner's role hits the triggers; the application's own role may not even try (test/core/database-privileges.e2e-spec.ts).
    for (const sql of [
      `UPDATE funding_decision SET outcome = 'REJECTED' WHERE id = '${decisionId}'`,
      `UPDATE funding_decision SET amounts = '{"GBP":"99999999"}' WHERE id = '${decisionId}'`,
      `DELETE FROM funding_decision WHERE id = '${decisionId}'`,
      `TRUNCATE funding_decision CASCADE`,
      `UPDATE ledger_entry SET amount_minor = 1 WHERE application_id = '${applicationId}'`,
      `DELETE FROM fund_audit_entry`,
    ]) {
      await expect(app.asOwner(sql)).rejects.toThrow(/append-only/);
    }
    for (const sql of [`UPDATE funding_decision SET outcome = 'REJECTED' WHERE id = '${decisionId}'`, `DELETE FROM funding_decision WHERE id = '${decisionId}'`]) {
      await expect(app.dataSource.query(sql)).rejects.toThrow(/permission denied for table funding_decision/);
    }
    // Nor a direct write that would overdraw a balance.
    await expect(app.dataSource.query(`UPDATE fund_balance SET available_minor = -1 WHERE fund_id = $1`, [fundId])).rejects.toThrow(/fund_balance/);
    const [row] = await app.dataSource.query(`SELECT outcome, amounts FROM funding_decision WHERE id = $1`, [decisionId]);
    expect(row).toEqual({ outcome: 'APPROVED_WITH_CONDITIONS', amounts: { GBP: '2000000', KRW: '34000000' } });
    // The schema has no mutation that edits or deletes one.
    const mutations = await app.gqlOk<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>(`query { __schema { mutationType { fields { name } } } }`);
    expect(mutations.__schema.mutationType.fields.map((f) => f.name).filter((n) => /decision/i.test(n))).toEqual(['recordFundingDecision']);
  });

  it('illegal transitions are refused with the steps that are allowed', async () => {
    const withdraw = await app.gql(F.WITHDRAW, { input: { id: applicationId, reason: 'Changed our minds' } }, { token: t.liverpool });
    expect(withdraw.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', status: 'DECIDED', allowed: ['redecide', 'acceptAward', 'declineAward'] });
    expect(withdraw.errors![0].message).toBe('This application is DECIDED, so it cannot be withdrawn. From DECIDED it can only be decided again (a superseding decision), or accepted, or declined.');
    expect(reasonOf(await app.gql(F.START_DELIVERY, { input: { id: applicationId } }, { token: t.admin }))).toBe('ILLEGAL_TRANSITION');
    expect(reasonOf(await app.gql(F.SUBMIT, { input: { id: applicationId } }, { token: t.liverpool }))).toBe('ILLEGAL_TRANSITION');
    expect((await application()).nextSteps).toEqual(['redecide', 'acceptAward', 'declineAward']);
  });

  it('the applicants accept; the award is delivered and closed, and the underspend goes back to the fund', async () => {
    expect(codeOf(await app.gql(F.ACCEPT, { input: { id: applicationId } }, { token: t.participant }))).toBe('NOT_FOUND');
    await app.gqlOk(F.ACCEPT, { input: { id: applicationId } }, { token: t.busan });
    await app.gqlOk(F.START_DELIVERY, { input: { id: applicationId, reason: 'Grant agreement signed' } }, { token: t.admin });
    const overspent = await app.gql(F.CLOSE_AWARD, { input: { id: applicationId, spent: [{ currency: 'GBP', amountMinor: '2000001' }], reason: 'Final report' } }, { token: t.admin });
    expect(codeOf(overspent)).toBe('BAD_USER_INPUT');
    const before = (await gbp()).fund.balances;
    const closed = await app.gqlOk<{ closeFundAward: { status: string; award: Array<{ amountMinor: string }> } }>(
      F.CLOSE_AWARD,
      { input: { id: applicationId, spent: [{ currency: 'GBP', amountMinor: '1875050' }, { currency: 'KRW', amountMinor: '34000000' }], reason: 'Final report accepted' } },
      { token: t.admin },
    );
    expect(closed.closeFundAward.status).toBe('CLOSED');
    expect(closed.closeFundAward.award.map((a) => a.amountMinor)).toEqual(['1875050', '34000000']);
    const after = (await gbp()).fund;
    const gbpNow = after.balances.find((b) => b.currency === 'GBP')!;
    expect(BigInt(gbpNow.available.amountMinor) - BigInt(before.find((b) => b.currency === 'GBP')!.available.amountMinor)).toBe(124950n);
    expect(after.reconciliation.every((r) => r.reconciles)).toBe(true);
    // The public summary shows where the award ended: closed, with what was spent.
    const publicNow = (await app.gqlOk<{ fundingDecision: { applicationStatus: string; currentAward: Array<{ en: string }> } }>(`query($id: ID!) { fundingDecision(id: $id) { applicationStatus currentAward { en } } }`, { id: decisionId })).fundingDecision;
    expect(publicNow).toEqual({ applicationStatus: 'CLOSED', currentAward: [{ en: '£18,750.50' }, { en: '₩34,000,000' }] });
    expect((await application()).transitions.map((s) => s.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'ELIGIBILITY_CHECKED', 'UNDER_REVIEW', 'DECIDED', 'AWARD_ACCEPTED', 'IN_DELIVERY', 'CLOSED']);
  });

  it('the history says what happened in the reader’s language, and keeps a person’s own words as they wrote them', async () => {
    const HISTORY = `query($id: ID!) { fundApplication(id: $id) { transitions { toStatus summary reason } } }`;
    type History = { fundApplication: { transitions: Array<{ toStatus: string; summary: string; reason: string | null }> } };
    const read = async (language: string) => (await app.gqlOk<History>(HISTORY, { id: applicationId }, { token: t.busan, headers: { 'accept-language': language } })).fundApplication.transitions;
    expect((await read('en')).map((s) => [s.summary, s.reason])).toEqual([
      ['Application started.', null],
      ['Submitted.', null],
      ['Eligibility confirmed.', null],
      ['2 reviewers assigned.', null],
      ['The board decided: approved with conditions.', null],
      ['Award accepted, with its conditions.', null],
      ['Grant agreement in place: delivery started.', 'Grant agreement signed'],
      ['Award closed.', 'Final report accepted'],
    ]);
    expect((await read('ko')).map((s) => [s.summary, s.reason])).toEqual([
      ['신청서 작성을 시작했습니다.', null],
      ['제출했습니다.', null],
      ['지원 자격을 확인했습니다.', null],
      ['심사위원 2명을 배정했습니다.', null],
      ['심사위원회가 결정했습니다: 조건부 승인.', null],
      ['지원금을 그 조건과 함께 수락했습니다.', null],
      ['지원 협약을 맺고 사업 수행을 시작했습니다.', 'Grant agreement signed'],
      ['지원을 마감했습니다.', 'Final report accepted'],
    ]);
  });

  it('the audit log says each act in the reader’s language, from what it recorded, and keeps a person’s own words apart', async () => {
    const LOG = `query($id: ID!) { fund(id: $id) { auditLog(first: 100) { nodes { action subjectId summary summaryLang reason actorName subjectLabel subjectApplicationId } } } }`;
    type Log = {
      fund: { auditLog: { nodes: Array<{ action: string; subjectId: string; summary: string; summaryLang: string; reason: string | null; actorName: string; subjectLabel: string; subjectApplicationId: string | null }> } };
    };
    const read = async (language: string) => (await app.gqlOk<Log>(LOG, { id: fundId }, { token: t.admin, headers: { 'accept-language': language } })).fund.auditLog.nodes.filter((n) => n.subjectId === applicationId);
    const said = (entries: Log['fund']['auditLog']['nodes'], action: string) => entries.filter((e) => e.action === action).map((e) => e.summary);
    const [en, ko] = [await read('en'), await read('ko')];
    expect(en.every((e) => e.summaryLang === 'en') && ko.every((e) => e.summaryLang === 'ko')).toBe(true);
    // Plurals as English writes them, counts as Korean does.
    expect(said(en, 'application.startReview')).toEqual(['2 reviewers assigned.']);
    expect(said(ko, 'application.startReview')).toEqual(['심사위원 2명을 배정했습니다.']);
    // Amounts by the one rule for money: separate budgets joined as a list, in each language.
    expect(said(en, 'ledger.committed')).toEqual(['Committed £20,000 and ₩34,000,000 to the application “Smart quays feasibility”.']);
    expect(said(ko, 'ledger.committed')).toEqual(['신청서 “스마트 부두 타당성 조사”에 지원금을 약정했습니다: £20,000 및 ₩34,000,000.']);
    expect(said(en, 'ledger.released')).toEqual(['Released the underspend of £1,249.50 on the application “Smart quays feasibility”.']);
    expect(said(ko, 'ledger.released')).toEqual(['신청서 “스마트 부두 타당성 조사”의 집행 잔액을 해제했습니다: £1,249.50.']);
    // A person's own words are theirs, never folded into the platform's sentence.
    const delivery = (entries: Log['fund']['auditLog']['nodes']) => entries.find((e) => e.action === 'application.startDelivery')!;
    expect(delivery(en)).toMatchObject({ summary: 'Grant agreement in place: delivery started.', reason: 'Grant agreement signed' });
    expect(delivery(ko)).toMatchObject({ summary: '지원 협약을 맺고 사업 수행을 시작했습니다.', reason: 'Grant agreement signed' });
    // Titles in the reader's language where both exist; the decision with its outcome, award and votes.
    expect(said(en, 'meeting.agenda-added')).toEqual(['Put on the agenda of the meeting “Spring board”.']);
    expect(said(ko, 'meeting.agenda-added')).toEqual(['회의 “봄 위원회”의 안건으로 올렸습니다.']);
    const decision = async (language: string) =>
      (await app.gqlOk<Log>(`query($id: ID!) { fund(id: $id) { auditLog(filter: { action: "decision.recorded" }) { nodes { action subjectId summary summaryLang reason } } } }`, { id: fundId }, { token: t.admin, headers: { 'accept-language': language } })).fund.auditLog.nodes[0].summary;
    expect(await decision('en')).toBe('Recorded the decision: approved with conditions, awarding £20,000 and ₩34,000,000 (2 for, 0 against, 1 abstaining).');
    expect(await decision('ko')).toBe('결정을 기록했습니다: 조건부 승인, 지원금 £20,000 및 ₩34,000,000(찬성 2, 반대 0, 기권 1).');
    // Nothing written both ways in either language.
    for (const entry of [...en, ...ko]) expect(entry.summary).not.toMatch(/\(s\)|\(으\)|[을를이가와과은는]\(/);
  
  });

  it('each entry of the audit log names who acted and what it was done to, as the reader’s language writes them', async () => {
    const LOG = `query($id: ID!) { fund(id: $id) { auditLog(first: 100) { nodes { action subjectType subjectId actorName subjectLabel subjectApplicationId } } } }`;
    type Entry = { action: string; subjectType: string; subjectId: string; actorName: string; subjectLabel: string; subjectApplicationId: string | null };
    const read = async (language: string) => (await app.gqlOk<{ fund: { auditLog: { nodes: Entry[] } } }>(LOG, { id: fundId }, { token: t.admin, headers: { 'accept-language': language } })).fund.auditLog.nodes;
    const [en, ko] = [await read('en'), await read('ko')];
    const one = (entries: Entry[], action: string) => entries.find((e) => e.action === action && (e.subjectId === applicationId || e.subjectApplicationId === applicationId))!;
    // The lead submitted; the board's Korean member recorded the decision, named as each language writes her; both on the application, which the page opens by its id.
    expect(one(en, 'application.submit')).toMatchObject({ actorName: 'Sam Taylor', subjectLabel: 'The application “Smart quays feasibility”', subjectApplicationId: applicationId });
    expect(one(ko, 'application.submit')).toMatchObject({ actorName: '샘 테일러', subjectLabel: '신청서 “스마트 부두 타당성 조사”', subjectApplicationId: applicationId });
    expect(one(en, 'decision.recorded')).toMatchObject({ actorName: 'Kim Ji-hyun', subjectLabel: 'The decision on the application “Smart quays feasibility”', subjectApplicationId: applicationId });
    expect(one(ko, 'decision.recorded')).toMatchObject({ actorName: '김지현', subjectLabel: '신청서 “스마트 부두 타당성 조사”에 대한 결정', subjectApplicationId: applicationId });
    // The admin called the meeting, named by its title; no raw id where a title or a name says what it is.
    const called = (entries: Entry[]) => entries.find((e) => e.action === 'meeting.created' && e.subjectId === meetingId)!;
    expect(called(en)).toMatchObject({ actorName: 'Alex Admin', subjectLabel: 'The meeting “Spring board”', subjectApplicationId: null });
    expect(called(ko)).toMatchObject({ actorName: '알렉스 애드민', subjectLabel: '회의 “봄 위원회”', subjectApplicationId: null });
    for (const entry of [...en, ...ko]) {
      expect(entry.subjectLabel).not.toContain(entry.subjectId);
      if (entry.subjectType !== 'application' && entry.subjectType !== 'decision') expect(entry.subjectApplicationId).toBeNull();
    }
  });

  it('admins and the board export the audit log as CSV; nobody else can', async () => {
    const csvAs = (token?: string) => fetch(`${app.url}/funds/${fundId}/audit.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const admin = await csvAs(t.admin);
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await admin.arrayBuffer());
    // A byte-order mark first, so spreadsheets read the Korean names as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('id,at_utc,actor_user_id,actor_email,actor_name,action,subject_type,subject_id,summary,reason,detail');
    for (const action of ['application.submit', 'review.submitted', 'vote.cast', 'decision.recorded', 'ledger.committed', 'ledger.released', 'application.closeAward']) expect(text).toContain(`,${action},`);
    expect(text).toContain('김지현');
    // Each line says what happened in the caller's language; the person's own words in a column of their own.
    expect(text).toContain(',2 reviewers assigned.,');
    expect(text).toContain(',Grant agreement in place: delivery started.,Grant agreement signed,');
    const korean = await (await fetch(`${app.url}/funds/${fundId}/audit.csv`, { headers: { authorization: `Bearer ${t.admin}`, 'accept-language': 'ko' } })).text();
    expect(korean).toContain(',심사위원 2명을 배정했습니다.,');
    // Who acted, named as each language writes them.
    expect(text).toContain(',admin@demo.twins.test,Alex Admin,');
    expect(korean).toContain(',admin@demo.twins.test,알렉스 애드민,');
    const board = await csvAs(t.boardKr);
    expect(board.status).toBe(200);
    expect(await board.text()).toContain(applicationId);
    // Priya's export leaves out the application she is conflicted on: its reviews, votes and money.
    const priya = await (await csvAs(t.boardUk)).text();
    expect(priya).toContain('fund.created');
    expect(priya).not.toContain(applicationId);
    expect(priya).not.toContain('review.submitted');
    expect((await csvAs(t.liverpool)).status).toBe(404);
    expect((await csvAs(t.organiser)).status).toBe(404);
    expect((await csvAs()).status).toBe(401);
    const log = await app.gqlOk<{ fund: { auditLog: { totalCount: number; nodes: Array<{ action: string }> } } }>(`query($id: ID!) { fund(id: $id) { auditLog(first: 5, filter: { action: "decision.recorded" }) { totalCount nodes { action } } } }`, { id: fundId }, { token: t.boardUk2 });
    expect(log.fund.auditLog.totalCount).toBe(1);
    // Filters are validated like any input.
    const longSearch = await app.gql(`query($filter: ApplicationFilter) { fundApplications(filter: $filter) { totalCount } }`, { filter: { search: 'x'.repeat(201) } }, { token: t.admin });
    expect(longSearch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'search' }] });
    const longAction = await app.gql(`query($id: ID!) { fund(id: $id) { auditLog(filter: { action: "${'a'.repeat(101)}" }) { totalCount } } }`, { id: fundId }, { token: t.admin });
    expect(longAction.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const denied = await app.gql(`query($id: ID!) { fund(id: $id) { auditLog { totalCount } } }`, { id: fundId }, { token: t.liverpool });
    expect(denied.data).toEqual({ fund: { auditLog: null } });
  });
});
