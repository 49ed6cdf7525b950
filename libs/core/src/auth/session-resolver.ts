import type { Words } from '../i18n/words';
import type { AuthUser } from './auth-user';

/**
 * Turns a bearer access token into the acting user. Implemented by the
 * identity context; core only knows this contract, so it never depends on it.
 */
export abstract class SessionResolver {
  abstract resolve(accessToken: string): Promise<{ user: AuthUser | null; problem?: Words }>;
}
