import { ioDifference, jsonDifference, normalise, sameEntries, withoutNumbers } from './io-check';

describe('the API benchmark I/O check', () => {
  it('masks the moment of the request, and for Redis the key prefix and member ids, nothing else', () => {
    const sql = normalise({ kind: 'sql', text: 'SELECT 1\n   FROM t WHERE at > $1 AND id = $2', values: ['2026-12-07T18:52:02.686Z', 'event-registered:a:2026-12-07T18:52:02.686Z'] }, 'p');
    expect(sql).toBe('SQL SELECT 1 FROM t WHERE at > $1 AND id = $2 ["<time>","event-registered:a:<time>"]');
    const redis = normalise({ kind: 'redis', text: 'evalsha', values: ['sha', '2', 'web-1:graphql-rate:requests:address:loopback', '60000', '0d1149d6-f679-4796-97fa-3d2ec238068e', '336'] }, 'web-1');
    expect(redis).toBe('REDIS evalsha ["sha","2","<prefix>:graphql-rate:requests:address:loopback","60000","<id>","336"]');
  });

  it('finds the first difference, and says when only the order differs', () => {
    expect(ioDifference(['a', 'b'], ['a', 'b'])).toBeNull();
    expect(ioDifference(['a', 'b'], ['b', 'a'])).toMatch(/number 1 \(the same ones, in another order\)/);
    expect(ioDifference(['a', 'b'], ['a'])).toMatch(/2 statements and commands on the platform, 1 on the baseline; the first difference is number 2:\n {2}platform: b\n {2}baseline: \(nothing\)/);
    expect(sameEntries(['a', 'b', 'b'], ['b', 'a', 'b'])).toBe(true);
    expect(sameEntries(['a', 'b', 'b'], ['a', 'a', 'b'])).toBe(false);
  });

  it('masks numeric values only, for a counter each request advances', () => {
    expect(withoutNumbers(['SQL UPDATE r SET q = $1 ["REGISTERED",13,null,-2.5]'])).toEqual(['SQL UPDATE r SET q = $1 ["REGISTERED",<n>,null,<n>]']);
    expect(withoutNumbers(['REDIS evalsha ["sha","336"]'])).toEqual(['REDIS evalsha ["sha","336"]']);
  });

  it('compares answers byte for byte, then as JSON with the path to the first difference', () => {
    expect(jsonDifference('{"a":1}', '{"a":1}')).toBeNull();
    expect(jsonDifference('{"a":{"b":[1,2]}}', '{"a":{"b":[1,3]}}')).toBe('$.a.b.1:\n  platform: 2\n  baseline: 3');
    expect(jsonDifference('{"a":1,"b":2}', '{"b":2,"a":1}')).toBe('$: the same members in another order');
    expect(jsonDifference('{"a":1}', '{ "a": 1 }')).toBe('the same JSON, written differently');
  });
});
