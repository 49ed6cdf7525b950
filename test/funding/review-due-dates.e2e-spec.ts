import { formatInstant, UK_ZONE } from '@app/rules';
import { startTestApp, TestApp } from '../support/harness';
import { codeOf, createFundWithCall, createProject, draftApplication, eligibleApplication as eligibleFor, F, reasonOf, scores, twinLiverpoolAndBusan } from './funding-support';

const DAY = 86_400_000;

const ASSIGN = `mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { id memberId assignedAt dueAt } }`;
const SET_DUE = `mutation($input: SetReviewDueDateInput!) { setReviewDueDate(input: $input) { id dueAt } }`;
const MINE = `query($pending: Boolean, $first: Int, $after: String) {
  myReviewAssignments(filter: { pending: $pending }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id dueAt submittedAt overdue application { id title { en } call { id } fund { id } } }
  }
}`;
const AUDIT = `query($id: ID!) { fund(id: $id) { auditLog(first: 5, filter: { action: "review.due-date-set" }) { nodes { action actorUserId subjectId summary } } } }`;
const LIST = `query($filter: ApplicationFilter) { fundApplications(first: 50, filter: $filter) { nodes { id } } }`;

interface Assignment {
  id: string;
  dueAt: string;
  submittedAt: string | null;
  overdue: boolean;
  application: { id: string; title: { en: string }; call: { id: string }; fund: { id: string } };
}
interface Mine {
  myReviewAssignments: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Assignment[] };
}

/** Review due dates: set on assignment, moved by admins, listed for each reviewer with an overdue flag, and reminded before. */
describe('seed fund: review due dates', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  let fundId: string;
  let callId: string;
  let members: Record<string, string>;
  let n = 0;

  /** A new project's application, submitted and confirmed eligible: ready for reviewers. */
  const eligibleApplication = () => eligibleFor(app, t, id, callId, workspaceId, `Reviewed ${++n}`);

  const assign = async (applicationId: string, people: string[], dueAt?: Date) =>
    (await app.gqlOk<{ assignReviewers: Array<{ id: string; memberId: string; assignedAt: string; dueAt: string }> }>(ASSIGN, { input: { applicationId, memberIds: people.map((p) => members[p]), ...(dueAt ? { dueAt: dueAt.toISOString() } : {}) } }, { token: t.admin })).assignReviewers;
  const reviewOf = (reviews: Array<{ id: string; memberId: string }>, person: string) => reviews.find((r) => r.memberId === members[person])!.id;
  /** The person's assignments in this test's fund (the demo fund has reviews of its own). */
  const mine = async (person: string, variables: Record<string, unknown> = {}) => {
    const page = (await app.gqlOk<Mine>(MINE, variables, { token: t[person] })).myReviewAssignments;
    return { ...page, nodes: page.nodes.filter((a) => a.application.fund.id === fundId) };
  };
  const submitReview = (applicationId: string, person: string) => app.gqlOk(F.REVIEW, { input: { applicationId, scores: scores([4, 4, 3]), recommendation: 'FUND' } }, { token: t[person] });

  beforeAll(async () => {
    app = await startTestApp({ worker: true, env: { FUNDING_REMINDER_CHECK_MS: '200' } });
    await app.signInDemo(t, id);
    workspaceId = await twinLiverpoolAndBusan(app, t);
    ({ fundId, callId, members } = await createFundWithCall(app, t, id, {
      gbp: '10000000',
      krw: '170000000',
      board: [
        ['boardUk2', 'GB'],
        ['boardKr', 'KR'],
        ['boardKr2', 'KR'],
      ],
      reviewers: 2,
      closesInMs: 60 * DAY,
    }));
  });
  afterAll(() => app.close());

  it('assignment without dueAt is due 14 days later; with dueAt, then; a dueAt in the past or beyond 90 days is refused on the field', async () => {
    const applicationId = await eligibleApplication();
    const [byDefault] = await assign(applicationId, ['boardUk2']);
    expect(new Date(byDefault.dueAt).getTime() - new Date(byDefault.assignedAt).getTime()).toBe(14 * DAY);

    const chosen = new Date(Math.ceil((app.clock.now().getTime() + 5 * DAY) / 1000) * 1000);
    const reviews = await assign(applicationId, ['boardKr'], chosen);
    expect(reviews.find((r) => r.memberId === members.boardKr)!.dueAt).toBe(chosen.toISOString());
    // The reviewer assigned before keeps their date.
    expect(reviews.find((r) => r.memberId === members.boardUk2)!.dueAt).toBe(byDefault.dueAt);

    const other = await eligibleApplication();
    for (const dueAt of [new Date(app.clock.now().getTime() - 3_600_000), new Date(app.clock.now().getTime() + 91 * DAY)]) {
      const refused = await app.gql(ASSIGN, { input: { applicationId: other, memberIds: [members.boardUk2], dueAt: dueAt.toISOString() } }, { token: t.admin });
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions.fields).toEqual([{ field: 'dueAt', message: expect.stringMatching(/^must be (in the future|within 90 days)/) }]);
    }
    expect(codeOf(await app.gql(ASSIGN, { input: { applicationId: other, memberIds: [members.boardUk2], dueAt: 'next week' } }, { token: t.admin }))).toBe('BAD_USER_INPUT');
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM review WHERE application_id = $1`, [other]);
    expect(count).toBe(0);
  });

  it('myReviewAssignments: a member’s own reviews, pending soonest due first, overdue once the clock passes the date, then submitted; empty for a non-member', async () => {
    const first = await eligibleApplication();
    const second = await eligibleApplication();
    const now = app.clock.now().getTime();
    const onFirst = await assign(first, ['boardUk2', 'boardKr'], new Date(now + 2 * DAY));
    const onSecond = await assign(second, ['boardUk2'], new Date(now + DAY));

    const pending = await mine('boardUk2', { pending: true });
    const ours = pending.nodes.filter((a) => [first, second].includes(a.application.id));
    expect(ours.map((a) => a.application.id)).toEqual([second, first]);
    expect(ours.map((a) => a.overdue)).toEqual([false, false]);
    expect(ours[0]).toMatchObject({ id: reviewOf(onSecond, 'boardUk2'), submittedAt: null, dueAt: new Date(now + DAY).toISOString(), application: { title: { en: 'Smart quays feasibility' }, call: { id: callId }, fund: { id: fundId } } });
    // Sorted by due date across the whole list.
    const dues = pending.nodes.map((a) => a.dueAt);
    expect([...dues].sort()).toEqual(dues);

    // Another member sees their own review of the first, never Oliver's.
    const kr = (await mine('boardKr')).nodes;
    expect(kr.map((a) => a.id)).toContain(reviewOf(onFirst, 'boardKr'));
    expect(kr.map((a) => a.id)).not.toContain(reviewOf(onFirst, 'boardUk2'));
    expect(kr.map((a) => a.id)).not.toContain(reviewOf(onSecond, 'boardUk2'));
    // People on no board have none.
    for (const person of ['participant', 'liverpool']) {
      expect((await app.gqlOk<Mine>(MINE, {}, { token: t[person] })).myReviewAssignments).toMatchObject({ totalCount: 0, nodes: [] });
    }

    app.clock.advance(DAY + 60_000);
    const later = (await mine('boardUk2', { pending: true })).nodes;
    expect(later.find((a) => a.application.id === second)!.overdue).toBe(true);
    expect(later.find((a) => a.application.id === first)!.overdue).toBe(false);

    // The first is under review (two reviewers): once Oliver submits, it leaves the pending list and heads the submitted ones.
    await submitReview(first, 'boardUk2');
    expect((await mine('boardUk2', { pending: true })).nodes.map((a) => a.application.id)).not.toContain(first);
    const submitted = (await mine('boardUk2', { pending: false })).nodes;
    expect(submitted[0]).toMatchObject({ id: reviewOf(onFirst, 'boardUk2'), overdue: false, submittedAt: expect.any(String) });
    expect(submitted.every((a) => a.submittedAt)).toBe(true);
    // Unfiltered: every pending one before every submitted one; page by page, the same order.
    const all = (await mine('boardUk2')).nodes;
    const firstSubmitted = all.findIndex((a) => a.submittedAt);
    expect(all.slice(firstSubmitted).every((a) => a.submittedAt)).toBe(true);
    expect(all.indexOf(all.find((a) => a.application.id === second)!)).toBeLessThan(all.indexOf(all.find((a) => a.application.id === first)!));
    const whole = (await app.gqlOk<Mine>(MINE, {}, { token: t.boardUk2 })).myReviewAssignments.nodes.map((a) => a.id);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: Mine['myReviewAssignments'] = (await app.gqlOk<Mine>(MINE, { first: 1, after }, { token: t.boardUk2 })).myReviewAssignments;
      paged.push(...page.nodes.map((a) => a.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(whole);
  });

  it('a conflict declared on an application takes its review off the reviewer’s list: a pending one, and a submitted one withdrawn', async () => {
    const pendingOn = await eligibleApplication();
    const pending = reviewOf(await assign(pendingOn, ['boardKr2', 'boardUk2']), 'boardKr2');
    const submittedOn = await eligibleApplication();
    const submitted = reviewOf(await assign(submittedOn, ['boardKr2', 'boardUk2']), 'boardKr2');
    await submitReview(submittedOn, 'boardKr2');
    const listed = async (filter: Record<string, unknown>) => (await mine('boardKr2', filter)).nodes.map((a) => a.id);
    expect(await listed({ pending: true })).toContain(pending);
    expect(await listed({ pending: false })).toContain(submitted);

    for (const applicationId of [pendingOn, submittedOn]) await app.gqlOk(F.DECLARE, { input: { applicationId, reason: 'My sister runs the Busan partner.' } }, { token: t.boardKr2 });
    const [{ withdrawn }] = await app.dataSource.query(`SELECT withdrawn_at IS NOT NULL AS withdrawn FROM review WHERE id = $1`, [submitted]);
    expect(withdrawn).toBe(true);
    for (const filter of [{ pending: true }, { pending: false }, {}]) {
      expect(await listed(filter)).not.toContain(pending);
      expect(await listed(filter)).not.toContain(submitted);
    }
    // The unsubmitted assignment is gone (as declaring a conflict does); the withdrawn review's date stays as it was.
    expect(codeOf(await app.gql(SET_DUE, { input: { reviewId: pending, dueAt: new Date(app.clock.now().getTime() + 3 * DAY).toISOString() } }, { token: t.admin }))).toBe('NOT_FOUND');
    const moved = await app.gql(SET_DUE, { input: { reviewId: submitted, dueAt: new Date(app.clock.now().getTime() + 3 * DAY).toISOString() } }, { token: t.admin });
    expect(codeOf(moved)).toBe('CONFLICT');
  });

  it('setReviewDueDate: admins move a pending review’s date, audited; others are refused; a submitted review cannot be moved', async () => {
    const applicationId = await eligibleApplication();
    const reviews = await assign(applicationId, ['boardUk2', 'boardKr']);
    const reviewId = reviewOf(reviews, 'boardUk2');
    const dueAt = new Date(Math.ceil((app.clock.now().getTime() + 20 * DAY) / 1000) * 1000).toISOString();

    for (const person of ['boardUk2', 'boardKr', 'liverpool']) {
      expect(codeOf(await app.gql(SET_DUE, { input: { reviewId, dueAt } }, { token: t[person] }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await app.gql(SET_DUE, { input: { reviewId, dueAt } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await app.gql(SET_DUE, { input: { reviewId: '00000000-0000-4000-8000-000000000000', dueAt } }, { token: t.admin }))).toBe('NOT_FOUND');
    const late = await app.gql(SET_DUE, { input: { reviewId, dueAt: new Date(app.clock.now().getTime() + 100 * DAY).toISOString() } }, { token: t.admin });
    expect(late.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'dueAt' }] });

    expect((await app.gqlOk<{ setReviewDueDate: { id: string; dueAt: string } }>(SET_DUE, { input: { reviewId, dueAt } }, { token: t.admin })).setReviewDueDate).toEqual({ id: reviewId, dueAt });
    expect((await mine('boardUk2', { pending: true })).nodes.find((a) => a.id === reviewId)!.dueAt).toBe(dueAt);
    const audit = (await app.gqlOk<{ fund: { auditLog: { nodes: Array<{ action: string; actorUserId: string; subjectId: string; summary: string }> } } }>(AUDIT, { id: fundId }, { token: t.admin })).fund.auditLog.nodes;
    expect(audit[0]).toMatchObject({ action: 'review.due-date-set', actorUserId: id.admin, subjectId: applicationId, summary: expect.stringContaining(`to ${formatInstant(dueAt, UK_ZONE, 'en')}.`) });
    // In Korean, in the reader's zone, named as Korean names it, with the particle its last word takes.
    const korean = (await app.gqlOk<{ fund: { auditLog: { nodes: Array<{ summary: string }> } } }>(AUDIT, { id: fundId }, { token: t.admin, headers: { 'accept-language': 'ko' } })).fund.auditLog.nodes;
    expect(korean[0].summary).toMatch(new RegExp(`^심사 기한을 .+에서 ${formatInstant(dueAt, UK_ZONE, 'ko').replace(/[()]/g, '\\$&')}으로 옮겼습니다\\.$`));

    await submitReview(applicationId, 'boardUk2');
    const after = await app.gql(SET_DUE, { input: { reviewId, dueAt } }, { token: t.admin });
    expect([codeOf(after), reasonOf(after)]).toEqual(['CONFLICT', 'REVIEW_SUBMITTED']);
  });

  it('reviewers are reminded three days and one day before, once each, in their language, linking to the board’s page; not after submitting', async () => {
    const applicationId = await eligibleApplication();
    const dueAt = new Date(app.clock.now().getTime() + 5 * DAY);
    const reviews = await assign(applicationId, ['boardUk2', 'boardKr'], dueAt);
    const link = `/board/applications/${applicationId}`;
    const ours = (to: string) => (m: { to: string; text: string }) => m.to === to && m.text.includes(link);
    const worker = app.workerClock!;
    // The assignment itself is emailed with the same link: the board's page of the application, where the review is written.
    await app.mail.waitFor((m) => ours('board.uk2@demo.twins.test')(m) && m.subject.startsWith('Please review'));

    // Each says the time left when it is sent, rounded down: a minute inside three days is 2 days, inside one day 23 hours.
    worker.advance(dueAt.getTime() - 3 * DAY + 60_000 - worker.now().getTime());
    const en = await app.mail.waitFor((m) => ours('board.uk2@demo.twins.test')(m) && m.subject.startsWith('2 days left'));
    expect(en.subject).toBe('2 days left to review “Smart quays feasibility”');
    expect(en.text).toMatch(/is due on .+ (GMT|BST)/);
    const ko = await app.mail.waitFor((m) => ours('board.kr@demo.twins.test')(m) && m.subject.startsWith('심사 마감 이틀 전'));
    expect(ko.subject).toBe('심사 마감 이틀 전: “스마트 부두 타당성 조사”');
    expect(ko.text).toMatch(/오[전후] \d+:\d\d \(한국 시간\)입니다/);

    // 김지현 submits; only Oliver, still pending, hears a day before.
    await submitReview(applicationId, 'boardKr');
    worker.advance(2 * DAY);
    await app.mail.waitFor((m) => ours('board.uk2@demo.twins.test')(m) && m.subject === '23 hours left to review “Smart quays feasibility”');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const keys: Array<{ idempotency_key: string }> = await app.dataSource.query(`SELECT idempotency_key FROM outbox_message WHERE template = 'governance.review-due-reminder' AND idempotency_key LIKE ANY($1::text[])`, [
      reviews.map((r) => `%:${r.id}:%`),
    ]);
    const windows = (person: string) => keys.filter((k) => k.idempotency_key.includes(reviewOf(reviews, person))).map((k) => k.idempotency_key.split(':').pop()).sort();
    expect(windows('boardUk2')).toEqual(['1', '3']);
    expect(windows('boardKr')).toEqual(['3']);
    // Each had the assignment email, then one reminder a window: Oliver two, 김지현 one.
    const reminders = (to: string) => app.mail.to(to).filter((m) => m.text.includes(link) && !/^(Please review|심사 요청)/.test(m.subject));
    expect(reminders('board.uk2@demo.twins.test')).toHaveLength(2);
    expect(reminders('board.kr@demo.twins.test')).toHaveLength(1);
  });

  it('fundApplications(filter: { projectId }) lists only that project’s applications', async () => {
    const project = await createProject(app, t, id, workspaceId, 'Filtered');
    const wanted = await draftApplication(app, t, callId, project);
    const other = await eligibleApplication();
    for (const person of ['admin', 'liverpool']) {
      const nodes = (await app.gqlOk<{ fundApplications: { nodes: Array<{ id: string }> } }>(LIST, { filter: { projectId: project } }, { token: t[person] })).fundApplications.nodes;
      expect(nodes.map((a) => a.id)).toEqual([wanted]);
    }
    expect((await app.gqlOk<{ fundApplications: { nodes: Array<{ id: string }> } }>(LIST, { filter: {} }, { token: t.admin })).fundApplications.nodes.map((a) => a.id)).toEqual(expect.arrayContaining([wanted, other]));
    const bad = await app.gql(LIST, { filter: { projectId: 'not-a-uuid' } }, { token: t.admin });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors![0].extensions.fields)).toContain('must be a project id');
  });
});
