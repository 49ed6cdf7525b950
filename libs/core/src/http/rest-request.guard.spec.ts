import { REST_EMAIL_MAX, REST_TEXT_MAX, restTextProblems } from './rest-request.guard';
import { MAX_PROBLEMS } from '../graphql/string-guard';

describe('restTextProblems', () => {
  it('passes ordinary text of forms and query strings, Korean and emoji included', () => {
    expect(restTextProblems({ token: 'abc.def' }, { email: 'min-ji@example.org', displayName: '김민지 🚀', password: 'x'.repeat(200) })).toEqual([]);
  });

  it('names each field that holds a NUL, half a surrogate pair or too much text, in English and Korean', () => {
    const problems = restTextProblems({ token: 'a\u0000' }, { displayName: 'Min\ud800', email: `${'a'.repeat(REST_EMAIL_MAX)}@x.org`, note: 'n'.repeat(REST_TEXT_MAX + 1) });
    expect(problems.map((p) => [p.field, typeof p.message === 'string' ? p.message : p.message.en])).toEqual([
      ['token', expect.stringMatching(/NUL/)],
      ['displayName', expect.stringMatching(/surrogate/)],
      ['email', `must be at most ${REST_EMAIL_MAX} characters long.`],
      ['note', `must be at most ${REST_TEXT_MAX} characters long.`],
    ]);
    expect(problems[0]).toMatchObject({ en: expect.stringMatching(/^The link must not contain a NUL character/), ko: expect.stringMatching(/^링크에는 NUL 문자/) });
    expect(problems[1]).toMatchObject({ en: expect.stringMatching(/^Your name holds broken text/), ko: expect.stringMatching(/^이름에 깨진 글자/) });
    expect(problems[3]).toMatchObject({ en: expect.stringMatching(/^The field “note” must be at most/), ko: `‘note’ 항목에는 최대 ${REST_TEXT_MAX}자까지 쓸 수 있습니다.` });
  });

  it('walks a body nested 10,000 deep with a string at every level, and names at most MAX_PROBLEMS fields', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep, 'fine'];
    expect(restTextProblems({ deep })).toEqual([]);
    const broken = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field${i}`, 'x\u0000']));
    expect(restTextProblems(broken)).toHaveLength(MAX_PROBLEMS);
  });

  it('checks nested form fields and JSON lists, named as input errors name them', () => {
    expect(restTextProblems({ filter: { search: ['ok', 'x\u0000'] } }).map((p) => p.field)).toEqual(['filter.search']);
  });
});
