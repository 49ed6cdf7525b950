import { graphql } from '../gql';
import type { SessionFieldsFragment } from '../gql/graphql';
import { stringifyDocument } from '@urql/core';

export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    refreshToken
    user {
      id
      displayName
      email
      preferredLanguage
      timeZone
      roles
    }
  }
`);

const RefreshSession = graphql(`
  mutation RefreshSession($input: RefreshSessionInput!) {
    refreshSession(input: $input) {
      ...SessionFields
    }
  }
`);

export type Session = SessionFieldsFragment;
export type SessionUser = Session['user'];

const STORAGE_KEY = 'twins.session';
type Listener = (session: Session | null) => void;

/**
 * The signed-in session, shared by every tab: the tokens live in
 * localStorage, and a refresh runs under a Web Lock, so two tabs never spend
 * the same refresh token (the API would take that for theft and end the session).
 */
class SessionStore {
  private listeners = new Set<Listener>();
  private current: Session | null = read();

  constructor() {
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY) return;
      this.current = read();
      this.emit();
    });
  }

  get(): Session | null {
    return this.current;
  }

  set(session: Session | null): void {
    this.current = session;
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
    this.emit();
  }

  updateUser(user: Partial<SessionUser>): void {
    if (this.current) this.set({ ...this.current, user: { ...this.current.user, ...user } });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An access token good for at least half a minute more, refreshing when needed; null when signed out. */
  async freshAccessToken(force = false): Promise<string | null> {
    const usable = (s: Session | null) => !!s && Date.parse(s.accessTokenExpiresAt) - Date.now() > 30_000;
    if (!force && usable(this.current)) return this.current!.accessToken;
    const before = this.current?.accessToken;
    const run = async () => {
      const latest = read(); // another tab may have refreshed meanwhile
      if (latest && latest.accessToken !== before && usable(latest)) {
        this.current = latest;
        return latest.accessToken;
      }
      if (!latest) {
        this.set(null);
        return null;
      }
      const next = await refresh(latest.refreshToken);
      this.set(next);
      return next?.accessToken ?? null;
    };
    return navigator.locks ? navigator.locks.request('twins.session.refresh', run) : run();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}

function read(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** Trades a refresh token for the next session; null when it is no longer good (signed out elsewhere, expired, reused). */
async function refresh(refreshToken: string): Promise<Session | null> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: stringifyDocument(RefreshSession), variables: { input: { refreshToken } } }),
    });
    const body = (await response.json()) as { data?: { refreshSession: Session }; errors?: unknown[] };
    return body.data?.refreshSession ?? null;
  } catch {
    // Offline: keep nothing half-done; the next request tries again.
    throw new Error('NETWORK');
  }
}

export const sessionStore = new SessionStore();
