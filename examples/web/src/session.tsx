import type { RouterOutputs } from '@stayhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { setSessionToken } from './api.ts';
import { href, navigate } from './router.tsx';
import { sessionGone } from './session-gone.ts';

export type Me = RouterOutputs['users']['me'];

interface Session {
  user: Me | null;
  /** After register or login: keeps the token in memory (api.ts) and the user for the page. */
  signIn(result: RouterOutputs['auth']['login']): void;
  /** Forgets the token; with a `notice` (session expired…) the sign-in page shows it. */
  signOut(notice?: string): void;
  updateUser(user: Me): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider(props: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<Me | null>(null);

  const signIn = useCallback(
    (result: RouterOutputs['auth']['login']) => {
      setSessionToken(result.token);
      // Anything fetched as the previous viewer (saved flags, private fields) is stale now.
      queryClient.removeQueries();
      setUser(result.user);
    },
    [queryClient],
  );

  const signOut = useCallback(
    (notice?: string) => {
      setSessionToken(null);
      queryClient.removeQueries();
      setUser(null);
      if (notice) {
        const here = window.location.pathname + window.location.search;
        navigate(href('/signin', { notice, next: here }), { replace: true });
      }
    },
    [queryClient],
  );

  // A call answered "sign in again" while signed in: the token expired or was revoked elsewhere.
  const signedIn = useRef(false);
  signedIn.current = user !== null;
  useEffect(
    () =>
      sessionGone.listen(() => {
        if (signedIn.current) signOut('Your session has expired. Please sign in again.');
      }),
    [signOut],
  );

  const session = useMemo<Session>(
    () => ({ user, signIn, signOut, updateUser: setUser }),
    [user, signIn, signOut],
  );
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}
