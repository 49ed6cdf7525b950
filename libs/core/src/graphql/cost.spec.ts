import { GraphQLBoolean, GraphQLEnumType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, getIntrospectionQuery, parse } from 'graphql';
import { costWhen, DEFAULT_LIST_SIZE, INTROSPECTION_COST, itemsOfPage, listOfAtMost, queryCost } from './cost';

const Colour = new GraphQLEnumType({ name: 'Colour', values: { RED: {}, BLUE: {} } });
const Item: GraphQLObjectType = new GraphQLObjectType({
  name: 'Item',
  fields: () => ({
    id: { type: GraphQLString },
    name: { type: GraphQLString },
    // A field that computes: 50 units each time it is resolved.
    score: { type: GraphQLInt, extensions: { complexity: 50 } },
    // Lists of values are one value each.
    tags: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) },
    colours: { type: new GraphQLList(Colour) },
    // Lists of objects without `first` that lead back to an item, as a city's indicators lead to their city.
    related: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Item))) },
    parts: { type: new GraphQLList(Item), extensions: { complexity: listOfAtMost(3) } },
    owners: {
      type: new GraphQLList(Item),
      args: { includeFormer: { type: GraphQLBoolean } },
      extensions: { complexity: listOfAtMost((args) => (args.includeFormer ? 8 : 4)) },
    },
  }),
});
const ItemPage = new GraphQLObjectType({
  name: 'ItemPage',
  fields: { nodes: { type: new GraphQLList(Item), extensions: { complexity: itemsOfPage } }, totalCount: { type: GraphQLInt } },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      item: { type: Item },
      items: { type: ItemPage, args: { first: { type: GraphQLInt }, search: { type: GraphQLString } }, extensions: { complexity: costWhen(30, (args) => !!args.search) } },
      explain: { type: GraphQLString, extensions: { complexity: 500 } },
      shortlist: { type: new GraphQLList(Item), extensions: { complexity: listOfAtMost(100, 10) } },
      tags: { type: new GraphQLList(GraphQLString) },
    },
  }),
});

const cost = (query: string, variables: Record<string, unknown> = {}) => queryCost(schema, parse(query), variables);

describe('queryCost', () => {
  it("prices introspection by the call, so an IDE's whole introspection query fits and cannot be multiplied for free", () => {
    expect(cost(getIntrospectionQuery({ inputValueDeprecation: true, specifiedByUrl: true }))).toBe(INTROSPECTION_COST);
    expect(cost('{ __type(name: "Item") { name fields { name } } }')).toBe(INTROSPECTION_COST);
    // Each alias is a call of its own.
    expect(cost('{ a: __schema { types { name } } b: __schema { types { name } } c: item { id } }')).toBe(2 * INTROSPECTION_COST + 2);
  });

  it('costs 1 a field, and 1 a list of scalars or enums (one value)', () => {
    expect(cost('{ item { id name } }')).toBe(3);
    expect(cost('{ tags }')).toBe(1);
    expect(cost('{ item { tags colours } }')).toBe(3);
  });

  it(`prices a list of objects without first at DEFAULT_LIST_SIZE (${DEFAULT_LIST_SIZE}) items, nullable or not`, () => {
    expect(cost('{ item { related { id } } }')).toBe(1 + DEFAULT_LIST_SIZE * 2);
    // Lists that lead back to their parent multiply: they can no longer be nested for free.
    expect(cost('{ item { related { related { related { id } } } } }')).toBe(1 + DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE * 2)));
    expect(cost('{ items(first: 100) { nodes { related { related { id } } } } }')).toBe(100 * (1 + 1 + DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE * 2)));
  });

  it('prices a list at the bound it declares, which may depend on its arguments', () => {
    expect(cost('{ item { parts { id name } } }')).toBe(1 + 3 * 3);
    expect(cost('{ item { owners { id } } }')).toBe(1 + 4 * 2);
    expect(cost('{ item { owners(includeFormer: true) { id } } }')).toBe(1 + 8 * 2);
  });

  it('counts a field’s declared work once per call, for every alias', () => {
    expect(cost('{ explain }')).toBe(501);
    expect(cost('{ a: explain b: explain c: explain }')).toBe(3 * 501);
    const thousand = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: explain`).join(' ')} }`;
    expect(cost(thousand)).toBe(1000 * 501);
  });

  it('multiplies what a page selects, declared work included, by its page size (default 20)', () => {
    // items: (1 + nodes (1 + id 1 + score 51) + totalCount 1) × first
    expect(cost('{ items(first: 10) { nodes { id score } totalCount } }')).toBe((1 + 1 + 1 + 51 + 1) * 10);
    expect(cost('{ items { nodes { id } } }')).toBe((1 + 2) * 20);
    expect(cost('query($n: Int) { items(first: $n) { nodes { id } } }', { n: 5 })).toBe((1 + 2) * 5);
  });

  it('adds work that only some calls do when their arguments ask for it', () => {
    expect(cost('{ items(first: 1) { totalCount } }')).toBe(2);
    expect(cost('{ items(first: 1, search: "port") { totalCount } }')).toBe(32);
    expect(cost('query($s: String) { items(first: 1, search: $s) { totalCount } }', { s: 'port' })).toBe(32);
  });

  it('never lets a negative page size lower the cost of the rest of the request', () => {
    expect(cost('{ items(first: -100000) { nodes { id } } explain }')).toBe(501);
  });

  it('counts a list of at most n items as n of what is selected of each', () => {
    expect(cost('{ shortlist { id name } }')).toBe(10 + 100 * 3);
  });

  it('counts fragments where they are spread, each spread (erring high where they overlap)', () => {
    expect(cost('{ ...F ...F } fragment F on Query { explain }')).toBe(2 * 501);
    expect(cost('{ a: item { ...I } b: item { ...I } } fragment I on Item { score }')).toBe(2 * 52);
  });
});

describe('queryCost, asked again', () => {
  it('answers for the variables of each request, not those the document was first asked with', () => {
    const document = parse('query Page($first: Int, $search: String) { items(first: $first, search: $search) { nodes { id score } } }');
    const fresh = (variables: Record<string, unknown>) => queryCost(schema, parse('query Page($first: Int, $search: String) { items(first: $first, search: $search) { nodes { id score } } }'), variables);
    const asked = [{ first: 5 }, { first: 10 }, { first: 5, search: 'x' }, { first: 5 }, { first: 10 }, {}];
    const costs = asked.map((variables) => queryCost(schema, document, variables));
    expect(costs).toEqual(asked.map(fresh));
    expect(new Set(costs).size).toBe(4);
    // Many variations (a search typed letter by letter) keep every answer right.
    for (let n = 0; n < 200; n += 1) expect(queryCost(schema, document, { first: n % 7, search: `q${n}` })).toBe(fresh({ first: n % 7, search: `q${n}` }));
  });
});
