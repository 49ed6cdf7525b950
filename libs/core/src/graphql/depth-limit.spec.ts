import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { depthLimitRule } from './depth-limit';

const schema = buildSchema(`
  type Query { node: Node, name: String }
  type Node { child: Node, name: String }
`);

function errors(query: string, maxDepth = 3): string[] {
  return validate(schema, parse(query), [...specifiedRules, depthLimitRule(maxDepth)]).map((e) => e.message);
}

describe('depthLimitRule', () => {
  it('lets operations through up to the limit and refuses deeper ones by name', () => {
    expect(errors('{ node { child { child { name } } } }')).toEqual([]);
    expect(errors('query Deep { node { child { child { child { name } } } } }')).toEqual(["'Deep' exceeds maximum operation depth of 3"]);
  });

  it('counts the fields fragments bring, inline or named', () => {
    expect(errors('{ node { ...C } } fragment C on Node { child { child { name } } }')).toEqual([]);
    expect(errors('{ node { ...C } } fragment C on Node { child { child { ... on Node { child { name } } } } }')).toEqual([
      "'' exceeds maximum operation depth of 3",
    ]);
  });

  it('does not count introspection, so explorers can read the schema', () => {
    expect(errors('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual([]);
  });

  it('leaves circular and unknown fragments to graphql-js, which reports them instead of overflowing', () => {
    expect(errors('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }')).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
    expect(errors('{ node { ...Self } } fragment Self on Node { child { ...Self } }')).toEqual(['Cannot spread fragment "Self" within itself.']);
    expect(errors('{ ...Missing }')).toEqual(['Unknown fragment "Missing".']);
  });

  it('measures each fragment once, however often it is spread', () => {
    // 40 fragments each spreading the next three times: walking every path would take 3^40 steps.
    const fragments = Array.from({ length: 40 }, (_, i) =>
      i < 39 ? `fragment F${i} on Node { ...F${i + 1} ...F${i + 1} a${i}: child { ...F${i + 1} } }` : `fragment F${i} on Node { name }`,
    );
    const query = `{ node { ...F0 } } ${fragments.join(' ')}`;
    expect(errors(query, 50)).toEqual([]);
    expect(errors(query, 20)).toEqual(["'' exceeds maximum operation depth of 20"]);
  });
});
