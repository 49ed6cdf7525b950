import { startTestApp, TestApp } from '../support/harness';
import { readsOf, statementsOf } from '../support/statements';
import { codeOf, createFundWithCall, eligibleApplication as eligibleFor, F, twinLiverpoolAndBusan } from './funding-support';

const LIST = `query($filter: ApplicationFilter) { fundApplications(first: 50, filter: $filter) { totalCount nodes { id cityIds } } }`;
const BOARD_LOAD = `query($id: ID!) { fund(id: $id) { board { members { id openReviews } } } }`;
const ASSIGNMENTS = `query($id: ID!) { fundApplication(id: $id) { id reviewAssignments { id memberId dueAt submittedAt } reviews { id } } }`;

interface BoardLoad {
  fund: { board: { members: Array<{ id: string; openReviews: number | null }> } };
}

/** What the secretariat's console asks of the seed fund beyond the board's and applicants' pages: a city filter, each member's load, every assignment. */
describe('seed fund: the secretariat’s reads', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  let fundId: string;
  let callId: string;
  let members: Record<string, string>;
  let n = 0;

  const eligibleApplication = () => eligibleFor(app, t, id, callId, workspaceId, `Console ${++n}`);
  const load = async (token: string) => {
    const res = await app.gql<BoardLoad>(BOARD_LOAD, { id: fundId }, { token });
    return { res, byMember: Object.fromEntries((res.data?.fund.board.members ?? []).map((m) => [m.id, m.openReviews])) };
  };

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
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
    }));
  });
  afterAll(() => app.close());

  it('fundApplications filters by an applying city, alone or with the others', async () => {
    const applicationId = await eligibleApplication();
    const list = async (filter: Record<string, unknown>) => (await app.gqlOk<{ fundApplications: { totalCount: number; nodes: Array<{ id: string; cityIds: string[] }> } }>(LIST, { filter }, { token: t.admin })).fundApplications;
    const busan = await list({ cityId: 'busan' });
    expect(busan.nodes.map((a) => a.id)).toContain(applicationId);
    for (const a of busan.nodes) expect(a.cityIds).toContain('busan');
    expect((await list({ cityId: 'busan', callId })).nodes.map((a) => a.id)).toEqual([applicationId]);
    expect(await list({ cityId: 'seoul', callId })).toMatchObject({ totalCount: 0, nodes: [] });
    expect(codeOf(await app.gql(LIST, { filter: { cityId: '' } }, { token: t.admin }))).toBe('BAD_USER_INPUT');
  });

  it('a member’s open reviews count what they still have to write on applications in review, for admins only', async () => {
    const before = (await load(t.admin)).byMember;
    expect(before).toEqual({ [members.boardUk2]: 0, [members.boardKr]: 0, [members.boardKr2]: 0 });
    const first = await eligibleApplication();
    const second = await eligibleApplication();
    await app.gqlOk(F.ASSIGN, { input: { applicationId: first, memberIds: [members.boardUk2, members.boardKr] } }, { token: t.admin });
    await app.gqlOk(F.ASSIGN, { input: { applicationId: second, memberIds: [members.boardUk2] } }, { token: t.admin });
    expect((await load(t.admin)).byMember).toEqual({ [members.boardUk2]: 2, [members.boardKr]: 1, [members.boardKr2]: 0 });

    // A withdrawn application's review is no longer open.
    await app.gqlOk(F.WITHDRAW, { input: { id: second, reason: 'Merged into the first.' } }, { token: t.liverpool });
    expect((await load(t.admin)).byMember[members.boardUk2]).toBe(1);

    // The board is public; its members' load reads as null for anyone but an admin.
    for (const person of ['boardKr', 'liverpool']) {
      const { res, byMember } = await load(t[person]);
      expect(res.errors).toBeUndefined();
      expect(Object.values(byMember)).toEqual([null, null, null]);
    }
  });

  it('reviewAssignments lists every assignment with its due date, written or not, to admins only; reviews stay the submitted ones', async () => {
    const applicationId = await eligibleApplication();
    await app.gqlOk(F.ASSIGN, { input: { applicationId, memberIds: [members.boardKr2] } }, { token: t.admin });
    const read = await app.gqlOk<{ fundApplication: { reviewAssignments: Array<{ memberId: string; dueAt: string; submittedAt: string | null }>; reviews: unknown[] } }>(ASSIGNMENTS, { id: applicationId }, { token: t.admin });
    expect(read.fundApplication.reviewAssignments).toEqual([{ id: expect.any(String), memberId: members.boardKr2, dueAt: expect.any(String), submittedAt: null }]);
    expect(read.fundApplication.reviews).toEqual([]);
    const member = await app.gql<{ fundApplication: { reviewAssignments: unknown } }>(ASSIGNMENTS, { id: applicationId }, { token: t.boardKr });
    expect(member.errors).toBeUndefined();
    expect(member.data?.fundApplication.reviewAssignments).toBeNull();
  });

  it('the load of a whole board is one statement on reviews, whatever its size', async () => {
    let read: BoardLoad | undefined;
    const statements = await statementsOf(app, async () => (read = await app.gqlOk<BoardLoad>(BOARD_LOAD, { id: fundId }, { token: t.admin })));
    expect(read!.fund.board.members).toHaveLength(3);
    expect(readsOf(statements, 'review')).toBe(1);
  });
});
