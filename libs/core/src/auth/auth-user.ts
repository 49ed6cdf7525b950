import type { Language, Role } from './roles';

/** Who is acting: loaded once per request from the access token's subject. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  language: Language;
  timeZone: string;
  /** The session the access token belongs to. */
  sessionId?: string;
}

/** Per-request context, handed to every resolver and service call. */
export interface RequestContext {
  requestId: string;
  ip: string;
  user: AuthUser | null;
  /** Why a presented access token was not accepted (expired, invalid), if one was. */
  authProblem?: string;
  /** The language the API answers in: Accept-Language's first choice of en/ko, else the account's, else English. */
  language: Language;
  /** DataLoaders and other per-request caches, keyed by owner. */
  loaders: Map<string, unknown>;
}

export function hasRole(user: AuthUser | null | undefined, role: Role): boolean {
  return !!user && user.roles.includes(role);
}
