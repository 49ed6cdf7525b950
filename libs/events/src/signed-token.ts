import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links that work without signing in and need no revoking (an announcement's
 * unsubscribe link) carry their subject and an HMAC of it under a purpose, so
 * one kind of link can never be used as another: `<payload>.<mac>`. Anything
 * that must be revocable (a personal calendar address) is a random secret
 * stored hashed instead.
 */
export function signToken(secret: string, purpose: string, payload: string): string {
  return `${payload}.${mac(secret, purpose, payload)}`;
}

/** The payload of a token signed for this purpose, or null for anything else. */
export function verifyToken(secret: string, purpose: string, token: string): string | null {
  if (typeof token !== 'string' || token.length > 500) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const payload = token.slice(0, dot);
  const expected = Buffer.from(mac(secret, purpose, payload));
  const given = Buffer.from(token.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? payload : null;
}

function mac(secret: string, purpose: string, payload: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${payload}`).digest('base64url');
}
