import { parse } from 'graphql';
import { findUnsafeStrings, MAX_PROBLEMS, stringsIn, unsafeStringProblem } from './string-guard';

const fields = (query: string, variables?: Record<string, unknown>) => findUnsafeStrings(parse(query), variables).map((p) => p.field);

describe('unsafeStringProblem', () => {
  it('accepts ordinary text in any script, emoji included', () => {
    for (const text of ['Busan', '부산 수소항만', 'naïve café', '🚢 port ⚓', '', 'tab\tand\nnewline']) expect(unsafeStringProblem(text)).toBeNull();
  });

  it('refuses NUL and either half of a surrogate pair alone', () => {
    expect(unsafeStringProblem('a\u0000b')?.en).toMatch(/NUL/);
    expect(unsafeStringProblem('a\u0000b')?.ko).toMatch(/NUL 문자/);
    expect(unsafeStringProblem('\ud83d')?.en).toMatch(/surrogate/);
    expect(unsafeStringProblem('x\ude80y')?.en).toMatch(/surrogate/);
    expect(unsafeStringProblem('\ude80\ud83d')?.en).toMatch(/surrogate/);
  });
});

describe('findUnsafeStrings', () => {
  it('finds strings written in the query, named by their argument', () => {
    expect(fields('{ cities(filter: { search: "bu\\u0000" }) { id } }')).toEqual(['search']);
    expect(fields('{ searchCaseStudies(query: "a\\u0000") { totalCount } }')).toEqual(['query']);
  });

  it('finds strings passed in variables, in nested inputs and lists, named as input errors name them', () => {
    const mutation = 'mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }';
    expect(fields(mutation, { input: { displayName: 'Jo\u0000' } })).toEqual(['displayName']);
    expect(fields(mutation, { input: { budgets: [{ description: 'ok' }, { description: '\ud800' }] } })).toEqual(['budgets.1.description']);
    expect(fields('query($rule: Rule) { pairShortlist(rule: $rule) { rule } }', { rule: { sectors: ['ports', 'x\u0000'] } })).toEqual(['sectors']);
    expect(fields('query($s: String!) { events(filter: { search: $s }) { id } }', { s: '\udc00' })).toEqual(['search']);
    expect(fields('query($ids: [ID!]) { cities(ids: $ids) { id } }', { ids: ['a', '\u0000'] })).toEqual(['ids']);
  });

  it('checks the default values of variables that were not sent', () => {
    expect(fields('query($s: String = "\\u0000") { cities(filter: { search: $s }) { id } }', {})).toEqual(['s']);
  });

  it('passes clean requests and ignores variables the operation does not use', () => {
    expect(fields('mutation($input: I!) { updateMyProfile(input: $input) { id } }', { input: { displayName: '김지현 🚀' } })).toEqual([]);
    expect(fields('{ countries { code } }', { unused: '\u0000' })).toEqual([]);
  });
});

describe('stringsIn', () => {
  it('yields every string with its path, in order', () => {
    expect([...stringsIn({ a: 'x', b: [{ c: 'y' }, 2, 'z'], d: null })]).toEqual([
      { path: ['a'], text: 'x' },
      { path: ['b', 0, 'c'], text: 'y' },
      { path: ['b', 2], text: 'z' },
    ]);
  });

  it('walks values nested deeper than the call stack goes', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const found = [...stringsIn({ deep })];
    expect(found).toHaveLength(1);
    expect(unsafeStringProblem(found[0].text)?.en).toMatch(/NUL/);
    expect(found[0].path).toHaveLength(100_001);
  });

  it('names at most MAX_PROBLEMS fields in one refusal, however many strings are broken', () => {
    const input = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field${i}`, 'x\u0000']));
    const found = fields('mutation($input: I!) { updateMyProfile(input: $input) { id } }', { input });
    expect(found).toHaveLength(MAX_PROBLEMS);
    expect(found[0]).toBe('field0');
  });
});
