import { Transform } from 'class-transformer';

/** class-transformer hook: surrounding white space is never part of a name, an address or a key. Non-strings are left for the validators to reject. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The same, as a property decorator. */
export const Trim = () => Transform(trim);

/** Escapes %, _ and \ so a person's search text matches literally inside an ILIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
