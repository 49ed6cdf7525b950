import { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { costWhen, listOfAtMost, queryCost } from './cost';

const Item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    id: { type: GraphQLString },
    name: { type: GraphQLString },
    // A field that computes: 50 units each time it is resolved.
    score: { type: GraphQLInt, extensions: { complexity: 50 } },
  },
});
const ItemPage = new GraphQLObjectType({
  name: 'ItemPage',
  fields: { nodes: { type: new GraphQLList(Item) }, totalCount: { type: GraphQLInt } },
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
  it('costs 1 a field, and what a list of unknown length selects once', () => {
    expect(cost('{ item { id name } }')).toBe(3);
    expect(cost('{ tags }')).toBe(1);
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
