import { addDemoActivity } from '../../scripts/demo-activity';
import { DEMO_PEOPLE, startTestApp, TEST_DEMO_PASSWORD, TestApp } from '../support/harness';

/** What `npm start` adds to a fresh demo, through the API, so every journey can be walked at once. */
describe('the demo activity', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    await addDemoActivity(app.url, TEST_DEMO_PASSWORD);
  });
  afterAll(() => app.close());

  it('twins Liverpool and Busan, with a joint project in their workspace', async () => {
    const token = await app.signIn(DEMO_PEOPLE.liverpool);
    const data = await app.gqlOk<{ myWorkspaces: Array<{ twinning: { pairKey: string; status: string }; projects: { nodes: Array<{ title: { en: string; ko: string } }> } }> }>(
      `query { myWorkspaces { twinning { pairKey status } projects { nodes { title { en ko } } } } }`,
      {},
      { token },
    );
    expect(data.myWorkspaces).toHaveLength(1);
    expect(data.myWorkspaces[0].twinning).toEqual({ pairKey: 'busan~liverpool', status: 'ACTIVE' });
    expect(data.myWorkspaces[0].projects.nodes[0].title).toEqual({ en: 'Hydrogen-ready port vehicles', ko: '수소 항만 차량 전환' });
  });

  it("shows the twinning and the project on Busan's card for Liverpool: links that count in the relationship pillar", async () => {
    // The reference to the twinning and the project is for admins (a proposal or a workspace project is not public).
    const admin = await app.signIn('admin@demo.twins.test');
    const { cityLinks } = await app.gqlOk<{ cityLinks: Array<{ cityAId: string; cityBId: string; kind: string; formality: number; live: boolean; platformRef: string | null; source: string }> }>(
      `query { cityLinks(cityId: "busan") { cityAId cityBId kind formality live platformRef source } }`,
      {},
      { token: admin },
    );
    const platform = cityLinks.filter((l) => l.platformRef);
    expect(platform.map((l) => [l.platformRef!.split(':')[0], l.cityAId, l.cityBId, l.formality, l.live])).toEqual([
      ['twinning', 'liverpool', 'busan', 4, true],
      ['project', 'liverpool', 'busan', 3, true],
    ]);
    expect(platform[0].source).toMatch(/^Innovation Twins platform: twinning accepted \d{4}-\d{2}-\d{2}$/);
    const { pairScore } = await app.gqlOk<{ pairScore: { score: { relationship: { score: number } } } }>(
      `query { pairScore(cityA: "busan", cityB: "liverpool") { score { relationship { score } } } }`,
    );
    expect(pairScore.score.relationship.score).toBe(1);
  });

  it('brings an application to the board: assigned to two reviewers and on next week’s agenda', async () => {
    const token = await app.signIn(DEMO_PEOPLE.boardKr);
    const applications = await app.gqlOk<{ fundApplications: { nodes: Array<{ id: string; status: string; reviews: Array<{ id: string }> | null }> } }>(
      `query { fundApplications(first: 10) { nodes { id status reviews { id } } } }`,
      {},
      { token },
    );
    expect(applications.fundApplications.nodes).toHaveLength(1);
    expect(applications.fundApplications.nodes[0].status).toBe('UNDER_REVIEW');
    const admin = await app.signIn(DEMO_PEOPLE.admin);
    const funds = await app.gqlOk<{ funds: { nodes: Array<{ id: string }> } }>(`query { funds { nodes { id } } }`);
    const meetings = await app.gqlOk<{ boardMeetings: { nodes: Array<{ agenda: Array<{ applicationId: string }> }> } }>(
      `query($fundId: ID!) { boardMeetings(fundId: $fundId) { nodes { agenda { applicationId } } } }`,
      { fundId: funds.funds.nodes[0].id },
      { token: admin },
    );
    expect(meetings.boardMeetings.nodes[0].agenda.map((a) => a.applicationId)).toEqual([applications.fundApplications.nodes[0].id]);
  });
});
