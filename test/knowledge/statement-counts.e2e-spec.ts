import { readsOf, statementsOf } from '../support/statements';
import { startTestApp, TestApp } from '../support/harness';

/*
 * The case-study list costs as many statements for three case studies as for
 * one, whoever reads it: each one's language versions and the reader's access
 * (a workspace lead reviews) are read for the whole page at once.
 */

const LIST = `query($first: Int!) { caseStudies(first: $first) { nodes { id versions { language status title } myAccess { author reviewer } } } }`;

interface List {
  caseStudies: { nodes: Array<{ id: string; versions: Array<{ language: string }>; myAccess: { author: boolean; reviewer: boolean } }> };
}

describe('statements per request: the case-study list', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    // No worker: the API's statements are all that run while one is counted.
    app = await startTestApp({ worker: false });
    await app.signInDemo(t, id, ['busan', 'admin']);
  });
  afterAll(() => app.close());

  const listOf = async (first: number, token?: string) => {
    let list: List | undefined;
    const statements = await statementsOf(app, async () => (list = await app.gqlOk<List>(LIST, { first }, token ? { token } : {})));
    expect(list!.caseStudies.nodes).toHaveLength(first);
    for (const node of list!.caseStudies.nodes) expect(node.versions.length).toBeGreaterThan(0);
    return statements;
  };

  it.each([
    ['anyone', undefined],
    ["Busan's officer", 'busan'],
    ['an admin', 'admin'],
  ])('reads the versions of a page once, for %s', async (_who, person) => {
    const token = person ? t[person] : undefined;
    // Warm: the first request of a fresh app reads what later ones find cached.
    await listOf(1, token);
    const [one, three] = [await listOf(1, token), await listOf(3, token)];
    expect(three.length).toBe(one.length);
    expect(readsOf(three, 'case_study_version')).toBe(readsOf(one, 'case_study_version'));
  });
});
