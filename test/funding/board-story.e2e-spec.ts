import { startTestApp, TestApp } from '../support/harness';
import { createFundWithCall, eligibleApplication, F, newMeeting, RATIONALE, reasonOf, scores, twinLiverpoolAndBusan } from './funding-support';

const REVIEWS = `query($id: ID!) { fundApplication(id: $id) { id reviews { memberId submittedAt weightedScore } reviewSummary { reviewsSubmitted reviewsNeeded hidden weightedScore recommendFund } } }`;
const AGENDA = `query($id: ID!) { boardMeeting(id: $id) { agenda { applicationId decisionBlockers quorum { met } } } }`;
const PUBLIC_DECISION = `query($id: ID!) { fundingDecision(id: $id) { outcome conditions { en ko } rationale { en ko } } }`;

interface Reviews {
  fundApplication: {
    reviews: Array<{ memberId: string; submittedAt: string | null; weightedScore: number | null }> | null;
    reviewSummary: { reviewsSubmitted: number; reviewsNeeded: number; hidden: string | null; weightedScore: number | null; recommendFund: number | null } | null;
  };
}

/**
 * The board's pages tell one story because the API tells one: how many
 * reviews count, their scores and their mean come from one place and one
 * rounding; what stands between an agenda item and its decision is what the
 * decision itself would refuse; and the public record carries the conditions.
 * A board of four: Priya (UK) is conflicted on every Liverpool application,
 * Oliver (UK) and 하늘 (Korea) review, 지현 (Korea) votes.
 */
describe('the board’s one story: counts, scores, when a decision may be taken, its public record', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  let fundId: string;
  let callId: string;
  let members: Record<string, string>;
  const reviewsAs = async (applicationId: string, token: string) => (await app.gqlOk<Reviews>(REVIEWS, { id: applicationId }, { token })).fundApplication;
  const blockersAs = async (meetingId: string, applicationId: string, token: string) =>
    (await app.gqlOk<{ boardMeeting: { agenda: Array<{ applicationId: string; decisionBlockers: string[] | null; quorum: { met: boolean } | null }> } }>(AGENDA, { id: meetingId }, { token })).boardMeeting.agenda.find(
      (i) => i.applicationId === applicationId,
    )!;

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(t, id);
    workspaceId = await twinLiverpoolAndBusan(app, t);
    ({ fundId, callId, members } = await createFundWithCall(app, t, id, {
      gbp: '10000000',
      krw: '170000000',
      board: [['boardUk', 'GB'], ['boardUk2', 'GB'], ['boardKr', 'KR'], ['boardKr2', 'KR']],
      reviewers: 2,
    }));
  });
  afterAll(() => app.close());

  it('every reader is told how many reviews count; only those who may read them see what they say, each score and the mean rounded alike', async () => {
    const applicationId = await eligibleApplication(app, t, id, callId, workspaceId, 'One count');
    await app.gqlOk(F.ASSIGN, { input: { applicationId, memberIds: [members.boardUk2, members.boardKr2] } }, { token: t.admin });
    await app.gqlOk(F.REVIEW, { input: { applicationId, scores: scores([5, 4, 3]), recommendation: 'FUND' } }, { token: t.boardUk2 });

    // 하늘 has not submitted hers: one of two is in, and she reads only her own assignment.
    const pending = await reviewsAs(applicationId, t.boardKr2);
    expect(pending.reviewSummary).toEqual({ reviewsSubmitted: 1, reviewsNeeded: 2, hidden: 'YOUR_REVIEW_PENDING', weightedScore: null, recommendFund: null });
    expect(pending.reviews).toEqual([{ memberId: members.boardKr2, submittedAt: null, weightedScore: null }]);
    // 지현 does not review it, and it is on no agenda yet: the same count, nothing more.
    const notYet = await reviewsAs(applicationId, t.boardKr);
    expect(notYet.reviewSummary).toMatchObject({ reviewsSubmitted: 1, hidden: 'NOT_ON_AGENDA', weightedScore: null });
    expect(notYet.reviews).toEqual([]);

    await app.gqlOk(F.REVIEW, { input: { applicationId, scores: scores([4, 4, 4]), recommendation: 'FUND_WITH_CONDITIONS' } }, { token: t.boardKr2 });
    for (const token of [t.admin, t.boardUk2, t.boardKr2]) {
      const read = await reviewsAs(applicationId, token);
      // (5×40 + 4×30 + 3×30)/100 = 4.1 and 4: the mean 4.05, each rounded by the one rule.
      expect(read.reviews!.map((r) => r.weightedScore).sort()).toEqual([4, 4.1]);
      expect(read.reviewSummary).toEqual({ reviewsSubmitted: 2, reviewsNeeded: 2, hidden: null, weightedScore: 4.05, recommendFund: 1 });
      expect(read.reviews!.filter((r) => r.submittedAt)).toHaveLength(read.reviewSummary!.reviewsSubmitted);
    }

    // A reviewer who later declares a conflict no longer counts: the count, the list and the mean all drop her review together.
    await app.gqlOk(F.DECLARE, { input: { applicationId, reason: 'A relative works at Busan Port Authority.' } }, { token: t.boardKr2 });
    const after = await reviewsAs(applicationId, t.admin);
    expect(after.reviewSummary).toMatchObject({ reviewsSubmitted: 1, weightedScore: 4.1 });
    expect(after.reviews!.map((r) => r.memberId)).toEqual([members.boardUk2]);
  });

  it('a decision is offered only when it may be recorded: the blockers are the refusals the decision would give', async () => {
    const meetingId = await newMeeting(app, t, fundId);
    // One of two reviews in when it goes on the agenda.
    const short = await eligibleApplication(app, t, id, callId, workspaceId, 'Short of reviews');
    await app.gqlOk(F.ASSIGN, { input: { applicationId: short, memberIds: [members.boardUk2, members.boardKr2] } }, { token: t.admin });
    await app.gqlOk(F.REVIEW, { input: { applicationId: short, scores: scores([4, 4, 4]), recommendation: 'FUND' } }, { token: t.boardUk2 });
    await app.gqlOk(F.AGENDA, { input: { meetingId, applicationId: short } }, { token: t.admin });
    expect((await blockersAs(meetingId, short, t.boardKr)).decisionBlockers).toEqual(['REVIEWS_INCOMPLETE', 'QUORUM_NOT_MET']);
    await app.gqlOk(F.VOTE, { input: { meetingId, applicationId: short, choice: 'FOR' } }, { token: t.boardUk2 });
    await app.gqlOk(F.VOTE, { input: { meetingId, applicationId: short, choice: 'FOR' } }, { token: t.boardKr });
    expect((await blockersAs(meetingId, short, t.admin)).decisionBlockers).toEqual(['REVIEWS_INCOMPLETE']);
    expect(reasonOf(await app.gql(F.DECIDE, { input: { meetingId, applicationId: short, outcome: 'DEFERRED', rationale: RATIONALE } }, { token: t.admin }))).toBe('REVIEWS_INCOMPLETE');

    // Both reviews in: only the quorum is missing, and the decision is refused for that reason.
    const full = await eligibleApplication(app, t, id, callId, workspaceId, 'Fully reviewed');
    await app.gqlOk(F.ASSIGN, { input: { applicationId: full, memberIds: [members.boardUk2, members.boardKr2] } }, { token: t.admin });
    for (const person of ['boardUk2', 'boardKr2']) await app.gqlOk(F.REVIEW, { input: { applicationId: full, scores: scores([4, 4, 3]), recommendation: 'FUND' } }, { token: t[person] });
    await app.gqlOk(F.AGENDA, { input: { meetingId, applicationId: full } }, { token: t.admin });
    expect(await blockersAs(meetingId, full, t.boardKr)).toEqual({ applicationId: full, decisionBlockers: ['QUORUM_NOT_MET'], quorum: { met: false } });
    expect(reasonOf(await app.gql(F.DECIDE, { input: { meetingId, applicationId: full, outcome: 'DEFERRED', rationale: RATIONALE } }, { token: t.admin }))).toBe('QUORUM_NOT_MET');
    // Priya, conflicted, is told nothing of it.
    expect(await blockersAs(meetingId, full, t.boardUk)).toEqual({ applicationId: full, decisionBlockers: null, quorum: null });

    await app.gqlOk(F.VOTE, { input: { meetingId, applicationId: full, choice: 'FOR' } }, { token: t.boardUk2 });
    await app.gqlOk(F.VOTE, { input: { meetingId, applicationId: full, choice: 'FOR' } }, { token: t.boardKr });
    expect((await blockersAs(meetingId, full, t.boardKr)).decisionBlockers).toEqual([]);
    const conditions = { en: 'Publish the sensor data openly.', ko: '센서 데이터를 공개할 것.' };
    const decided = await app.gqlOk<{ recordFundingDecision: { id: string } }>(
      F.DECIDE,
      { input: { meetingId, applicationId: full, outcome: 'APPROVED_WITH_CONDITIONS', rationale: RATIONALE, conditions } },
      { token: t.boardKr },
    );
    expect((await blockersAs(meetingId, full, t.boardKr)).decisionBlockers).toEqual(['DECIDED']);

    // The public record carries the conditions, in both languages, to anyone.
    const record = await app.gqlOk<{ fundingDecision: { outcome: string; conditions: { en: string; ko: string } | null; rationale: { en: string; ko: string } } }>(PUBLIC_DECISION, { id: decided.recordFundingDecision.id });
    expect(record.fundingDecision).toEqual({ outcome: 'APPROVED_WITH_CONDITIONS', conditions, rationale: RATIONALE });
  });
});
