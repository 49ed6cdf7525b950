/** How long a password may be: long enough to resist guessing, short enough to hash quickly. */
export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

/** The longest email address the platform takes (RFC 5321's limit). */
export const EMAIL_MAX = 254;

/**
 * Whether the text has the shape of an email address, as a form checks it
 * while it is typed: something, an @, a domain with a dot. The API's own check
 * (class-validator's IsEmail) is stricter, and has the last word.
 */
export function looksLikeEmail(value: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim());
}
