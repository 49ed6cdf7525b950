import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { BadInputError, type Words } from '@app/core';

/** A token handed to a person: `<row id>.<secret>`. Only sha256(secret) is stored. */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret) };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A token's row id and secret, or null for anything that is not `<uuid>.<secret>`. */
export function parseToken(token: unknown): { id: string; secret: string } | null {
  if (typeof token !== 'string') return null;
  const [id, secret, extra] = token.split('.');
  return id && secret && extra === undefined && UUID.test(id) ? { id, secret } : null;
}

export function splitToken(token: string, field: string, invalidMessage: Words): { id: string; secret: string } {
  const parts = parseToken(token);
  if (!parts) throw BadInputError.field(field, invalidMessage);
  return parts;
}
