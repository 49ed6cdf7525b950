import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { browserZone } from '../i18n/format';
import { sessionStore, type Session, type SessionUser } from './session';

interface Auth {
  user: SessionUser | null;
  /** The viewer's time zone: their account's when signed in, else the browser's. */
  timeZone: string;
  signedIn(session: Session): void;
  /** Rejects with a ProblemError, the person still signed in, when the server could not end the session. */
  signOut(): Promise<void>;
  hasRole(role: 'ADMIN' | 'BOARD_MEMBER' | 'EVENT_ORGANISER'): boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState(sessionStore.currentUser());
  useEffect(() => sessionStore.subscribe(setUser), []);

  const value = useMemo<Auth>(
    () => ({
      user,
      timeZone: user?.timeZone ?? browserZone(),
      signedIn: (next) => sessionStore.set(next),
      signOut: () => sessionStore.signOut(),
      hasRole: (role) => !!user?.roles?.includes(role),
    }),
    [user],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
