import { inLanguage, requestLanguage, words } from './words';

describe('requestLanguage', () => {
  it.each([
    ['ko', undefined, 'ko'],
    ['ko-KR,ko;q=0.9,en;q=0.8', 'en', 'ko'],
    ['en-GB,en;q=0.9', 'ko', 'en'],
    ['fr-FR, ko;q=0.5, en;q=0.7', undefined, 'en'],
    ['fr-FR', 'ko', 'ko'],
    ['', 'ko', 'ko'],
    [undefined, undefined, 'en'],
    ['en;q=0, ko', undefined, 'ko'],
  ] as const)('Accept-Language %p with account %p answers in %p', (header, account, expected) => {
    expect(requestLanguage(header, account)).toBe(expected);
  });
});

describe('inLanguage', () => {
  it('picks the version for the language, and leaves plain text as it is', () => {
    expect(inLanguage(words('Submitted.', '제출했습니다.'), 'ko')).toBe('제출했습니다.');
    expect(inLanguage(words('Submitted.', '제출했습니다.'), 'en')).toBe('Submitted.');
    expect(inLanguage('GB', 'ko')).toBe('GB');
  });
});
