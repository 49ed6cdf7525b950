import { problemOfResponse, problemOfThrown, ProblemError, type ApiProblem } from '../api/errors';
import { graphql } from '../gql';
import { i18n } from '../i18n';
import type { SessionFieldsFragment } from '../gql/graphql';

/** What /auth/* requests carry: JSON, and the page's language, which the API answers its refusals in. */
const AUTH_HEADERS = () => ({ 'content-type': 'application/json', 'accept-language': i18n.language });

/**
 * What sign-in gives the web app. It does not ask for the refresh token: the
 * API then sets it as an httpOnly cookie that only /auth/* receives, which no
 * script in the page can read.
 */
export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    user {
      id
      # The name as the person writes it, as /auth/refresh gives it: the header shows it in either language.
      displayName: nameAsWritten
      email
      preferredLanguage
      timeZone
      roles
    }
  }
`);

export type Session = SessionFieldsFragment;
export type SessionUser = Session['user'];

/** Who is signed in, for every tab and after a reload: not secret, no token. */
const USER_KEY = 'twins.user';
/** Where the web app kept both tokens before the cookie (until 7df7c4f, December 2026): removed on sight. */
const OLD_SESSION_KEY = 'twins.session';
/** Held by a tab while it refreshes or signs out, so tabs never present the same refresh cookie twice. */
const LOCK = 'twins.session.refresh';
/** After a refresh failed without a wait to respect (an outage, offline, refused): how long this tab waits before the next. */
const RETRY_AFTER_FAILURE_MS = 5_000;

type Listener = (user: SessionUser | null) => void;
/** What one tab tells the others: a new session (signed in, refreshed), a changed profile, a sign-out. */
type Message = { type: 'session'; session: Session } | { type: 'user'; user: SessionUser } | { type: 'signed-out' };

/**
 * The signed-in session, shared by every tab.
 * - The refresh token is an httpOnly cookie (path /auth): script never sees it.
 * - The access token lives in this tab's memory only. A tab that has none (a
 *   reload, a new tab) or whose token is about to expire asks POST
 *   /auth/refresh, which rotates the cookie and answers a fresh access token.
 * - A refresh (and a sign-out) runs under a Web Lock, so two tabs never send
 *   the same cookie at once (the API takes a reused refresh token for theft and
 *   ends the session); the tab that refreshed hands its access token to the
 *   others over a BroadcastChannel, and a tab that waited for the lock uses it
 *   instead of refreshing again. The same channel carries sign-outs and
 *   profile changes: it is how every tab follows the others.
 * - Only the API's 401 ends the session. A refresh refused for another
 *   reason (too many requests, another site, an outage, offline) keeps the
 *   person signed in and fails the request with its problem; this tab asks
 *   again only after the wait the API gave (Retry-After) or a short pause.
 * - Who is signed in (name, roles, language; nothing secret) is kept in
 *   localStorage, so a reload or a new tab shows the person at once.
 */
class SessionStore {
  private listeners = new Set<Listener>();
  private user: SessionUser | null = readUser();
  private accessToken: string | null = null;
  private accessTokenExpiresAt = 0;
  /** The last refresh failed: no new one before `until`; requests meanwhile report its problem. */
  private refreshFailed: { until: number; problem: ApiProblem } | null = null;
  private channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('twins.session') : null;

  constructor() {
    // A browser last used with the old web app still holds its tokens here. Removing them is enough:
    // the access token lapses within 15 minutes and that session ends on its own, at most
    // REFRESH_TOKEN_TTL_DAYS (30) after its sign-in, so this line can go once the old app has been
    // gone that long. Revoking it instead would take a refreshSession then a signOut with the tokens:
    // not worth it for sessions that end by themselves.
    localStorage.removeItem(OLD_SESSION_KEY);
    this.channel?.addEventListener('message', ({ data }: MessageEvent<Message>) => {
      if (data.type === 'session') this.adopt(data.session);
      else if (data.type === 'signed-out') this.adopt(null);
      else if (data.user.id === this.user?.id) this.setUser(data.user);
    });
  }

  /** The signed-in person, or null. */
  currentUser(): SessionUser | null {
    return this.user;
  }

  /** After signing in (or out, with null): this tab adopts it and tells the others. */
  set(session: Session | null): void {
    this.adopt(session);
    this.channel?.postMessage((session ? { type: 'session', session } : { type: 'signed-out' }) satisfies Message);
  }

  /** After a change to the person's profile (name, time zone, language): this tab and the others show it. */
  updateUser(changes: Partial<SessionUser>): void {
    if (!this.user) return;
    const user = { ...this.user, ...changes };
    this.setUser(user);
    this.channel?.postMessage({ type: 'user', user } satisfies Message);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The access token this tab holds, good or not; null when it has none. */
  currentAccessToken(): string | null {
    return this.user ? this.accessToken : null;
  }

  /**
   * Whether a request should wait for a refresh first: signed in, with no
   * token or one about to expire, and not waiting after a failed refresh (the
   * request then goes without a token: public data still comes, and what needs
   * the session answers UNAUTHENTICATED, which asks freshAccessToken again).
   */
  needsRefresh(): boolean {
    return !!this.user && !this.usable() && !this.waitingToRetry();
  }

  /**
   * An access token good for at least half a minute more, refreshing when
   * needed; null when signed out (the session ended). Throws a ProblemError
   * when the refresh failed otherwise, or failed a moment ago and its wait is
   * not over (then without asking the API again).
   */
  async freshAccessToken(force = false): Promise<string | null> {
    if (!this.user) return null;
    if (!force && this.usable()) return this.accessToken;
    const before = this.accessToken;
    return withLock(async () => {
      if (!readUser()) {
        this.adopt(null); // signed out in another tab meanwhile
        return null;
      }
      // Another tab refreshed while this one waited: its token came over the channel.
      if (this.accessToken !== before && this.usable()) return this.accessToken;
      if (this.refreshFailed && this.waitingToRetry()) {
        const { until, problem } = this.refreshFailed;
        const left = problem.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: Math.ceil((until - Date.now()) / 1000) };
        throw new ProblemError({ ...problem, ...left });
      }
      let next: Session | null;
      try {
        next = await refresh();
      } catch (error) {
        const problem = problemOfThrown(error);
        const wait = problem.retryAfterSeconds === undefined ? RETRY_AFTER_FAILURE_MS : problem.retryAfterSeconds * 1000;
        this.refreshFailed = { until: Date.now() + wait, problem };
        throw new ProblemError(problem);
      }
      this.set(next);
      return next?.accessToken ?? null;
    });
  }

  /**
   * Ends the session on the server (its cookie goes too), then here, in every
   * tab. When the server did not end it (too many requests, an outage,
   * offline), throws a ProblemError and the person stays signed in: showing
   * them signed out would leave open a session they believe closed.
   */
  async signOut(): Promise<void> {
    const problem = await withLock(async () => {
      try {
        const response = await fetch('/auth/sign-out', { method: 'POST', headers: AUTH_HEADERS(), body: '{}' });
        return response.ok ? null : await problemOfResponse(response);
      } catch (error) {
        return problemOfThrown(error);
      }
    });
    if (problem) throw new ProblemError(problem);
    this.set(null);
  }

  private usable(): boolean {
    return !!this.accessToken && this.accessTokenExpiresAt - Date.now() > 30_000;
  }

  private waitingToRetry(): boolean {
    return !!this.refreshFailed && this.refreshFailed.until > Date.now();
  }

  private adopt(session: Session | null): void {
    this.refreshFailed = null;
    if (session) {
      this.accessToken = session.accessToken;
      this.accessTokenExpiresAt = Date.parse(session.accessTokenExpiresAt);
    } else this.forgetToken();
    this.setUser(session?.user ?? null);
  }

  /** Keeps who is signed in for a reload, and tells listeners; nothing happens when nothing changed (a refresh usually brings the same person). */
  private setUser(user: SessionUser | null): void {
    if (sameUser(user, this.user)) return;
    this.user = user;
    if (user) localStorage.setItem(USER_KEY, JSON.stringify(user));
    else localStorage.removeItem(USER_KEY);
    this.emit();
  }

  private forgetToken(): void {
    this.accessToken = null;
    this.accessTokenExpiresAt = 0;
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.user);
  }
}

/** The same person, shown the same way: field order (sign-in's GraphQL and /auth/refresh differ) and urql's __typename aside. */
function sameUser(a: SessionUser | null, b: SessionUser | null): boolean {
  const text = (user: SessionUser | null) => (user ? JSON.stringify(user, Object.keys(user).filter((key) => key !== '__typename').sort()) : '');
  return text(a) === text(b);
}

function withLock<T>(run: () => Promise<T>): Promise<T> {
  return navigator.locks ? navigator.locks.request(LOCK, run) : run();
}

function readUser(): SessionUser | null {
  try {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  } catch {
    return null;
  }
}

/**
 * Trades the refresh cookie for the next session: an access token and the
 * person (the next refresh token comes back in the cookie only). Null when the
 * session is over (401: signed out elsewhere, expired, reused, no cookie).
 * Anything else is not the session's end: a ProblemError when the API refused
 * (429 too many requests, 403 another site), failed, or could not be reached.
 */
async function refresh(): Promise<Session | null> {
  const response = await fetch('/auth/refresh', { method: 'POST', headers: AUTH_HEADERS(), body: '{}' });
  if (response.status === 401) return null;
  if (!response.ok) throw new ProblemError(await problemOfResponse(response));
  return (await response.json()) as Session;
}

export const sessionStore = new SessionStore();
