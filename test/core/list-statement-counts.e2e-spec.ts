import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { startTestApp } from '../support/harness';
import { statementsOf } from '../support/statements';
import { document, type Fixture, type ListCase, listFieldsOf, listFieldsSelected, listSizes, statementsThatDiffer } from './list-statement-counts/lists';
import * as events from './list-statement-counts/events-lists';
import * as funding from './list-statement-counts/funding-lists';
import * as workspaces from './list-statement-counts/workspaces-lists';
import * as identity from './list-statement-counts/identity-lists';
import * as cities from './list-statement-counts/cities-lists';
import * as knowledge from './list-statement-counts/knowledge-lists';
import * as pairing from './list-statement-counts/pairing-lists';

/*
 * What one request costs in SQL statements does not grow with the rows it
 * answers: every list of the schema (a list of objects or a paged list) is read
 * at two sizes, a page of one against a page of several or one parent row
 * against several, and both cost the same statements. A list read once per row
 * of the list around it (an N+1) fails here, and so does a new list field that
 * no case reads.
 */

/** Domains: each makes the rows its cases read (setup) and lists its cases; the seed fund's applications come from the workspace's projects. */
const DOMAINS = [workspaces, funding, events, identity, cities, knowledge, pairing];

/**
 * List fields that cannot grow with rows, so no two sizes of them can be compared; each with why. A case may
 * still read one (to reach the lists inside it): it must hold items, not more of them at the larger size.
 */
const FIXED: Record<string, string> = {
  'Query.indicatorDefinitions': 'one per kind of indicator, and only the seed adds one (no mutation does)',
  'Query.sectors': "the taxonomy's sectors, which only the seed adds",
  'Query.readinessRubric': "the founding report's rubric, a constant of the code",
  'ReadinessCriterion.levels': "a rubric criterion's levels, a constant of the code",
  'CityTypologyView.domains': 'the three domains of the City Typology Index',
  'PairExplanationView.wouldRaise': 'at most three: the changes of evidence that would move the score most',
  'PairExplanationView.wouldLower': 'at most three, as wouldRaise',
  'PairShortlist.nearMisses': 'at most ten, the pairs closest to the rule: ten whatever the rule, with the 196 pairs of the demo',
  'ShortlistNearMiss.missed': 'at most one per criterion of the rule a near miss missed',
  'NeedsEvidence.cities': 'at most twenty, the cities whose evidence would help most: twenty whatever the pairs asked for',
  'PlatformHealth.services': 'one per service the platform runs on: the database, Redis and the worker',
};

const CASES: ListCase[] = DOMAINS.flatMap((d) => d.cases);

describe('statements per request: every list of the schema, at two sizes', () => {
  const f = { t: {}, id: {}, rows: {} } as Fixture;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    // No worker: the API's statements are all that run while one is counted. Queries of several lists at
    // once go past the cost a client may ask for: the limit is not what is tested here.
    f.app = await startTestApp({ worker: false, env: { GRAPHQL_MAX_COMPLEXITY: '100000000', GRAPHQL_MAX_DEPTH: '20' } });
    schema = f.app.api.get(GraphQLSchemaHost).schema;
    await f.app.signInDemo(f.t, f.id);
    for (const domain of DOMAINS) await domain.setup(f);
  });
  afterAll(() => f.app.close());

  it('every list field of the schema is read by a case, or cannot grow', () => {
    const lists = listFieldsOf(schema);
    const read = new Set(CASES.flatMap((c) => [...listFieldsSelected(schema, document(c.query))]));
    expect(lists.filter((field) => !read.has(field) && !FIXED[field])).toEqual([]);
    // Nothing stale: every exclusion is a list of the schema.
    expect(Object.keys(FIXED).filter((field) => !lists.includes(field))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const doc = document(c.query);
    const token = c.as ? f.t[c.as] : undefined;
    if (c.as && !token) throw new Error(`Nobody signed in as ${c.as}`);
    const [smaller, larger] = c.sizes?.(f) ?? [{}, {}];
    const run = async (variables: Record<string, unknown>) => {
      let data: unknown;
      const statements = await statementsOf(f.app, async () => (data = await f.app.gqlOk(c.query, variables, token ? { token } : {})));
      return { statements, sizes: listSizes(schema, doc, data) };
    };
    // Warm: the first request of a fresh app, or after a change, reads what later ones find cached.
    await run(smaller);
    const small = await run(smaller);
    await c.grow?.(f);
    await run(larger);
    const large = await run(larger);
    // Not vacuous: every list the query selects holds items in the smaller answer (so each of its reads ran
    // there too), and more in the larger one (but those that cannot grow).
    const selected = [...listFieldsSelected(schema, doc)].sort();
    const items = (run: typeof small, field: string) => run.sizes.get(field)?.items ?? 0;
    const notGrown = selected.filter((field) => items(small, field) === 0 || (!FIXED[field] && items(large, field) <= items(small, field)));
    expect(notGrown.map((field) => `${field}: ${items(small, field)} then ${items(large, field)} items`)).toEqual([]);
    // The statements: as many for the larger answer; when not, those it ran more often.
    const same = large.statements.length === small.statements.length;
    expect({ statements: large.statements.length, repeated: same ? [] : statementsThatDiffer(small.statements, large.statements) }).toEqual({ statements: small.statements.length, repeated: [] });
  });
});
