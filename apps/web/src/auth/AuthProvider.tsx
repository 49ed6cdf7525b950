import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { browserZone } from '../i18n/format';
import { sessionStore, type Session, type SessionUser } from './session';

const SignOut = graphql(`
  mutation SignOut {
    signOut {
      ok
    }
  }
`);

interface Auth {
  user: SessionUser | null;
  /** The viewer's time zone: their account's when signed in, else the browser's. */
  timeZone: string;
  signedIn(session: Session): void;
  signOut(): Promise<void>;
  hasRole(role: 'ADMIN' | 'BOARD_MEMBER' | 'EVENT_ORGANISER'): boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(sessionStore.get());
  const [, signOutMutation] = useMutation(SignOut);
  useEffect(() => sessionStore.subscribe(setSession), []);

  const value = useMemo<Auth>(
    () => ({
      user: session?.user ?? null,
      timeZone: session?.user.timeZone ?? browserZone(),
      signedIn: (next) => sessionStore.set(next),
      signOut: async () => {
        // Ends the session on the server too; forget it here whatever the answer.
        await signOutMutation({}).catch(() => undefined);
        sessionStore.set(null);
      },
      hasRole: (role) => !!session?.user.roles?.includes(role),
    }),
    [session, signOutMutation],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
