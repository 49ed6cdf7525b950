import { signToken, verifyToken } from './signed-token';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

describe('signed tokens', () => {
  it('gives back the payload of a token signed for the same purpose', () => {
    const token = signToken(SECRET, 'event-unsubscribe', 'user-1:event-2');
    expect(verifyToken(SECRET, 'event-unsubscribe', token)).toBe('user-1:event-2');
  });

  it('refuses a token for another purpose, another payload, another secret, or garbage', () => {
    const token = signToken(SECRET, 'another-purpose', 'user-1');
    expect(verifyToken(SECRET, 'event-unsubscribe', token)).toBeNull();
    expect(verifyToken(SECRET, 'another-purpose', token.replace('user-1', 'user-2'))).toBeNull();
    expect(verifyToken(`${SECRET}!`, 'another-purpose', token)).toBeNull();
    expect(verifyToken(SECRET, 'another-purpose', 'user-1')).toBeNull();
    expect(verifyToken(SECRET, 'another-purpose', '')).toBeNull();
    expect(verifyToken(SECRET, 'another-purpose', `${token}x`)).toBeNull();
  });
});
