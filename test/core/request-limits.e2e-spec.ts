import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  parse,
  typeFromAST,
  validate,
  visit,
} from 'graphql';
import { MAX_DOCUMENT_TOKENS, MAX_PAGE_SIZE, PASSWORD_HASH_COST, queryCost } from '@app/core';
import { CitiesService, SEED_INDICATOR_DEFINITIONS } from '@app/cities';
import { PasswordHasher } from '@app/identity';
import { PairingQueryService } from '@app/pairing';
import { DEMO_PEOPLE, GqlError, startTestApp, TEST_DEMO_PASSWORD, TestApp } from '../support/harness';

interface Answer {
  status: number;
  headers: Headers;
  errors: GqlError[];
  data?: Record<string, unknown> | null;
}

/** POSTs a raw body to /graphql and keeps the HTTP status and headers. */
async function post(app: TestApp, body: string | object, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await response.json()) as { errors?: GqlError[]; data?: Record<string, unknown> | null };
  return { status: response.status, headers: response.headers, errors: json.errors ?? [], data: json.data };
}

const query = (app: TestApp, text: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  post(app, { query: text, variables }, headers);

const PAIR_SCORE = 'pairScore(cityA: "liverpool", cityB: "busan") { profile }';
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('request limits with the usual settings', () => {
  let app: TestApp;
  let participant: string;
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    participant = await app.signIn(DEMO_PEOPLE.participant);
  });
  afterAll(() => app.close());

  it('refuses a thousand aliases of pairScore with a coded 400 before any of them runs, and a hundred as too costly', async () => {
    const pairing = app.api.get(PairingQueryService);
    const calls = jest.spyOn(pairing, 'pairScore');
    try {
      // A thousand do not even fit in a document's tokens: refused as it is parsed.
      const thousand = await query(app, aliases(1000, PAIR_SCORE));
      expect(thousand.status).toBe(400);
      expect(thousand.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' }, message: expect.stringMatching(/more that 2000 tokens/) });
      // A hundred fit, and cost 500 each: refused by the cost rule.
      const hundred = await query(app, aliases(100, PAIR_SCORE));
      expect(hundred.status).toBe(400);
      expect(hundred.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', cost: 100 * 502, maxCost: 10000 }, message: expect.stringMatching(/too large/) });
      expect(hundred.data).toBeUndefined();
      expect(calls).not.toHaveBeenCalled();
      // A few of them are a fair request, and do run.
      const fine = await query(app, aliases(3, PAIR_SCORE));
      expect([fine.status, fine.errors]).toEqual([200, []]);
      expect(calls).toHaveBeenCalledTimes(3);
    } finally {
      calls.mockRestore();
    }
  });

  it('prices lists without `first` at their bound, so nesting a city’s indicators and their city again is refused before anything runs', async () => {
    // Within the depth limit, and priced at 1300 when such lists counted as one item: it took 25 s and returned 30 MB.
    const demo = '{ cities(first:100){nodes{indicators{city{indicators{city{indicators{city{id nameEn indicators{key asOf}}}}}}}}}}';
    // City.indicators holds one item per indicator definition (12), at every level.
    const n = SEED_INDICATOR_DEFINITIONS.length;
    const innermostCity = 1 + 1 + 1 + n * (1 + 2); // city { id nameEn indicators { key asOf } }
    const level2City = 1 + n * (1 + innermostCity); // city { indicators { city { … } } }
    const level1City = 1 + n * (1 + level2City);
    const expected = 100 * (1 + 1 + n * (1 + level1City)); // cities(first: 100) { nodes { indicators { city { … } } } }
    const list = jest.spyOn(app.api.get(CitiesService), 'list');
    try {
      const refused = await query(app, demo);
      expect(refused.status).toBe(400);
      expect(refused.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', cost: expected, maxCost: 10000 }, message: expect.stringMatching(/too large/) });
      expect(expected).toBeGreaterThan(1_000_000);
      expect(refused.data).toBeUndefined();
      expect(list).not.toHaveBeenCalled();
    } finally {
      list.mockRestore();
    }
  });

  it('prices each password hash, so three sign-ups in one request are refused before any password is hashed or anything written', async () => {
    const signUp = (i: number) =>
      `s${i}: signUp(input: { email: "aliased-${i}@example.org", password: "a long enough password", displayName: "Aliased ${i}" }) { ok }`;
    const requests = async () => Number((await app.dataSource.query(`SELECT count(*) AS n FROM account_request`))[0].n);
    const before = await requests();
    const hash = jest.spyOn(app.api.get(PasswordHasher), 'hash');
    try {
      const three = await query(app, `mutation { ${[0, 1, 2].map(signUp).join(' ')} }`);
      expect(three.status).toBe(400);
      expect(three.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', maxCost: 10000 }, message: expect.stringMatching(/too large/) });
      expect(three.errors[0].extensions.cost).toBeGreaterThanOrEqual(3 * PASSWORD_HASH_COST);
      expect(three.data).toBeUndefined();
      expect(hash).not.toHaveBeenCalled();
      expect(await requests()).toBe(before);
      // One is what the sign-up page sends, and runs.
      const one = await query(app, `mutation { ${signUp(0)} }`);
      expect([one.status, one.errors]).toEqual([200, []]);
      expect(hash).toHaveBeenCalledTimes(1);
      expect(await requests()).toBe(before + 1);
    } finally {
      hash.mockRestore();
    }
  });

  it('refuses too costly a query with 400, not 500', async () => {
    const refused = await query(app, aliases(25, PAIR_SCORE));
    expect(refused.status).toBe(400);
    expect(refused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', cost: 25 * 502, maxCost: 10000 });
  });

  it('answers circular fragments as a validation error, 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await query(app, 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([expect.objectContaining({ message: 'Cannot spread fragment "A" within itself via "B".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  });

  it('refuses a NUL byte in any string argument with 400 BAD_USER_INPUT naming the field', async () => {
    const search = await query(app, 'query($q: String!) { searchCaseStudies(query: $q) { totalCount } }', { q: 'hydrogen\u0000' });
    expect(search.status).toBe(400);
    expect(search.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'query', message: expect.stringMatching(/NUL/) }] });

    const cities = await query(app, '{ cities(filter: { search: "bu\\u0000" }) { nodes { id } } }');
    expect(cities.status).toBe(400);
    expect(cities.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'search', message: expect.stringMatching(/NUL/) }] });

    const profile = 'mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { displayName } }';
    const renamed = await query(app, profile, { input: { displayName: 'Min\u0000jun' } }, { authorization: `Bearer ${participant}` });
    expect(renamed.status).toBe(400);
    expect(renamed.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'displayName', message: expect.stringMatching(/NUL/) }] });
    // Nothing ran: the name is as it was.
    const me = await app.gqlOk<{ me: { displayName: string } }>('{ me { displayName } }', {}, { token: participant });
    expect(me.me.displayName).not.toContain('\u0000');
  });

  it('refuses a lone surrogate the same way, in variables and in lists inside inputs', async () => {
    const events = await query(app, 'query($s: String) { events(filter: { search: $s }) { nodes { id } } }', { s: 'show\ud800case' });
    expect(events.status).toBe(400);
    expect(events.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'search', message: expect.stringMatching(/surrogate/) }] });

    const shortlist = 'query($rule: ShortlistRuleInput) { pairShortlist(countryA: "GB", countryB: "KR", rule: $rule) { rule } }';
    const listed = await query(app, shortlist, { rule: { minPillarStars: 2, sectors: ['ports', '\udc00'] } });
    expect(listed.status).toBe(400);
    expect(listed.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'sectors', message: expect.stringMatching(/surrogate/) }] });

    // Whole pairs, Korean and emoji are text like any other.
    const fine = await query(app, 'query($s: String) { events(filter: { search: $s }) { nodes { id } } }', { s: '부산 🚢' });
    expect([fine.status, fine.errors]).toEqual([200, []]);
  });

  it('answers a variable nested 10,000 deep with a string at every level like any other, and the API goes on answering', async () => {
    // Built by hand: JSON.stringify itself recurses too deep for it. About 60 KB, within the body limit.
    const nested = '['.repeat(10_000) + '"broken\\u0000"' + ',"ok"]'.repeat(10_000);
    const shortlist = 'query($rule: ShortlistRuleInput) { pairShortlist(countryA: \\"GB\\", countryB: \\"KR\\", rule: $rule) { rule } }';
    const answer = await post(app, `{"query":"${shortlist}","variables":{"rule":{"sectors":${nested}}}}`);
    expect(answer.status).toBe(400);
    expect(answer.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'sectors', message: expect.stringMatching(/NUL/) }] });
    const next = await query(app, '{ countries { code } }');
    expect([next.status, next.errors]).toEqual([200, []]);
  });

  it('refuses a batch, a body that is not JSON, one over the size limit and a document with too many tokens, each 4xx with a code', async () => {
    const batch = await post(app, [{ query: '{ countries { code } }' }, { query: '{ countries { code } }' }]);
    expect([batch.status, batch.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);

    const broken = await post(app, '{"query": ');
    expect([broken.status, broken.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);

    const large = await query(app, `{ countries { code } } # ${'x'.repeat(200_000)}`);
    expect([large.status, large.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(large.errors[0].message).toMatch(/too large/);

    const long = await query(app, `{ ${'countries { code } '.repeat(MAX_DOCUMENT_TOKENS / 4)} }`);
    expect([long.status, long.errors[0].extensions.code]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
  });

  it('suggests field names outside production', async () => {
    const res = await query(app, '{ usr { id } }');
    expect(res.status).toBe(400);
    expect(res.errors[0].message).toMatch(/Did you mean "user"/);
  });

  it('lets every query the web app sends through the cost rule, with its largest pages and its own weights', () => {
    const { schema } = app.api.get(GraphQLSchemaHost);
    const documents = webAppDocuments();
    expect(documents.length).toBeGreaterThan(50);
    const costs = documents.map(({ name, document }) => {
      expect([name, validate(schema, document)]).toEqual([name, []]);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      return { name, cost: queryCost(schema, document, worstCaseVariables(schema, operation)) };
    });
    // The explorer's live pages count the work they ask for (partners under weights of one's own, a pair explained)...
    expect(costs.find((c) => c.name === 'ExplorerPartners')!.cost).toBeGreaterThan(900);
    expect(costs.find((c) => c.name === 'ExplorerPairScore')!.cost).toBeGreaterThan(500);
    // ...no page is refused...
    const max = app.config.GRAPHQL_MAX_COMPLEXITY;
    expect(costs.filter((c) => c.cost > max)).toEqual([]);
    // ...and every page stays within half the limit (a list of 100 twinnings, about 2800), but two that show
    // lists inside lists in full, priced at their bounds: 100 board meetings with their agendas (20), about 7200
    // (the page asks for 50); 100 funds with their boards (12), about 6900; and changing a password, which
    // checks the current one and hashes the new one: two password hashes, about 8000.
    const closeToTheLimit = ['BoardMeetingsList', 'BoardFunds', 'ChangePassword'];
    expect(costs.filter((c) => closeToTheLimit.includes(c.name)).map((c) => c.name).sort()).toEqual([...closeToTheLimit].sort());
    expect(costs.filter((c) => c.cost > max / 2 && !closeToTheLimit.includes(c.name))).toEqual([]);
  });
});

describe('request limits in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { NODE_ENV: 'production' } });
  });
  afterAll(() => app.close());

  it('hides field suggestions, so the schema cannot be mapped with introspection off', async () => {
    const res = await query(app, '{ usr { id } }');
    expect(res.status).toBe(400);
    expect(res.errors[0]).toMatchObject({ message: 'Cannot query field "usr" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const argument = await query(app, '{ cities(frist: 5) { nodes { id } } }');
    expect(argument.errors[0].message).toBe('Unknown argument "frist" on field "Query.cities".');
  });
});

describe('the rate limit per client', () => {
  let app: TestApp;
  const from = (address: string, token?: string) => ({ 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) });
  const COUNTRIES = '{ countries { code } }';
  beforeAll(async () => {
    app = await startTestApp({
      worker: false,
      // One proxy in front, so each test speaks from the address it chooses; five requests a minute.
      env: { TRUST_PROXY_HOPS: '1', GRAPHQL_RATE_MAX_REQUESTS: '5', GRAPHQL_RATE_WINDOW_SECONDS: '60', GRAPHQL_RATE_MAX_COST: '12000' },
    });
  });
  afterAll(() => app.close());

  it('refuses the request past the limit with 429 RATE_LIMITED and Retry-After, counting an IPv6 /64 as one client', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await query(app, COUNTRIES, {}, from(`2001:db8:1:2::${i}`));
      expect([res.status, res.errors]).toEqual([200, []]);
    }
    const refused = await query(app, COUNTRIES, {}, from('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(refused.status).toBe(429);
    expect(refused.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/too many requests.*try again in \d+ seconds?/i) });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.errors[0].extensions.retryAfterSeconds).toBe(retryAfter);
    expect(refused.data).toBeUndefined();

    // The next /64, and an IPv4 client, have their own allowance.
    expect((await query(app, COUNTRIES, {}, from('2001:db8:1:3::1'))).status).toBe(200);
    expect((await query(app, COUNTRIES, {}, from('203.0.113.9'))).status).toBe(200);
  });

  it('counts a signed-in person by account, wherever they send from', async () => {
    // Signing in is one request of this address.
    const tokenA = await signInFrom(app, DEMO_PEOPLE.participant, '198.51.100.1');
    const tokenB = await signInFrom(app, DEMO_PEOPLE.organiser, '198.51.100.1');
    for (let i = 1; i <= 5; i++) {
      const res = await query(app, COUNTRIES, {}, from(`198.51.100.${10 + i}`, tokenA));
      expect([res.status, res.errors]).toEqual([200, []]);
    }
    // Refused before the request runs, and still in the language it asks for.
    const refused = await query(app, COUNTRIES, {}, { ...from('198.51.100.99', tokenA), 'accept-language': 'ko' });
    expect([refused.status, refused.errors[0].extensions.code]).toEqual([429, 'RATE_LIMITED']);
    expect(refused.errors[0].message).toMatch(/[가-힣]/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another account from the same address, and the address without a token, are not held back.
    expect((await query(app, COUNTRIES, {}, from('198.51.100.1', tokenB))).status).toBe(200);
    expect((await query(app, COUNTRIES, {}, from('198.51.100.1'))).status).toBe(200);
  });

  it('counts what queries cost as well: costly ones use up the budget before the number of requests', async () => {
    // 9 pair scores cost 4518: two fit in the 12000 budget, a third does not, though 3 requests are under 5.
    const costly = aliases(9, PAIR_SCORE);
    for (let i = 0; i < 2; i++) expect((await query(app, costly, {}, from('192.0.2.1'))).status).toBe(200);
    const refused = await query(app, costly, {}, from('192.0.2.1'));
    expect(refused.status).toBe(429);
    expect(refused.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/too much work/) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // What is left of the budget still serves a cheap query.
    expect((await query(app, COUNTRIES, {}, from('192.0.2.1'))).status).toBe(200);
  });
});

async function signInFrom(app: TestApp, email: string, address: string): Promise<string> {
  const res = await query(
    app,
    'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
    { input: { email, password: TEST_DEMO_PASSWORD } },
    { 'x-forwarded-for': address },
  );
  expect(res.errors).toEqual([]);
  return (res.data as { signIn: { accessToken: string } }).signIn.accessToken;
}

/** Every operation the web app sends (the `graphql(...)` documents in apps/web/src), with the fragments it spreads. */
function webAppDocuments(): Array<{ name: string; document: DocumentNode }> {
  const root = join(__dirname, '..', '..', 'apps', 'web', 'src');
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'gql') walk(join(dir, entry.name));
      else if (/\.tsx?$/.test(entry.name)) for (const m of readFileSync(join(dir, entry.name), 'utf8').matchAll(/graphql\(\s*`([^`]*)`\s*\)/g)) sources.push(m[1]);
    }
  };
  walk(root);
  const definitions = sources.flatMap((source) => parse(source, { maxTokens: MAX_DOCUMENT_TOKENS }).definitions);
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const needed = new Map<string, FragmentDefinitionNode>();
      const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
        visit(node, {
          FragmentSpread(spread) {
            const fragment = fragments.get(spread.name.value);
            if (fragment && !needed.has(fragment.name.value)) {
              needed.set(fragment.name.value, fragment);
              collect(fragment);
            }
          },
        });
      collect(operation);
      return { name: operation.name?.value ?? '(anonymous)', document: { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] } as DocumentNode };
    });
}

/** Variables as costly as the web app can make them: the largest page, a search, weights of one's own. */
function worstCaseVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const sample = (type: GraphQLInputType, name: string, depth = 0): unknown => {
    if (isNonNullType(type)) return sample(type.ofType, name, depth);
    if (isListType(type)) return [sample(type.ofType, name, depth)];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) {
      return depth > 3 ? {} : Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, sample(f.type, f.name, depth + 1)]));
    }
    switch (type.name) {
      case 'Int':
        return name === 'first' ? MAX_PAGE_SIZE : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return new Date().toISOString();
      default:
        return 'x';
    }
  };
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, sample(typeFromAST(schema, d.type as never) as GraphQLInputType, d.variable.name.value)]),
  );
}
