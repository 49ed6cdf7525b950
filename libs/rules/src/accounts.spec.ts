import { EMAIL_MAX, looksLikeEmail, PASSWORD_LENGTH } from './accounts';

describe('account rules', () => {
  it('takes an address with an @ and a dotted domain, ignoring the spaces around it', () => {
    expect(looksLikeEmail(' minji@busan.go.kr ')).toBe(true);
    for (const bad of ['minji', 'minji@', '@busan.go.kr', 'minji@busan', 'min ji@busan.go.kr', '']) expect(looksLikeEmail(bad)).toBe(false);
  });

  it('a password is 10 to 200 characters, and an address at most 254', () => {
    expect(PASSWORD_LENGTH).toEqual({ min: 10, max: 200 });
    expect(EMAIL_MAX).toBe(254);
  });
});
