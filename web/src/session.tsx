/**
 * The signed-in person. On start the app asks GET /auth/session; without a session it asks
 * GET /setup whether the first-run page is needed. Any 401 later brings back the sign-in page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError, setCsrfToken, setUnauthorizedHandler, type Me, type SessionOut } from './api/index.ts';
import { isLanguage, setLanguage, storedLanguage, type Language } from './i18n/index.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** `ended`: why the session ended just now (to say so on the sign-in page). */
  | { status: 'anonymous'; needsSetup: boolean; ended?: 'signedOut' | 'expired' }
  | { status: 'signedIn'; me: Me };

export interface Session {
  state: SessionState;
  /** After sign-in or set-up: keep the CSRF token and switch to the person's language. */
  signedIn(session: SessionOut): void;
  signOut(): Promise<void>;
  /** Changes the interface language; when signed in, also the person's saved language. */
  changeLanguage(lng: Language): void;
  retry(): void;
  setupDone(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const session = await api.auth.session();
        if (cancelled) return;
        setCsrfToken(session.csrfToken);
        const lng = storedLanguage() ?? (isLanguage(session.me.locale) ? session.me.locale : 'nb');
        await setLanguage(lng);
        setState({ status: 'signedIn', me: session.me });
      } catch (e) {
        if (cancelled) return;
        if (isApiError(e) && e.status === 401) {
          try {
            const { needsSetup } = await api.setup.status();
            if (!cancelled) setState({ status: 'anonymous', needsSetup });
          } catch (e2) {
            if (!cancelled) setState({ status: 'failed', message: e2 instanceof Error ? e2.message : String(e2) });
          }
        } else {
          setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState((s) => (s.status === 'signedIn' ? { status: 'anonymous', needsSetup: false, ended: 'expired' } : s));
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signedIn = useCallback((session: SessionOut) => {
    setCsrfToken(session.csrfToken);
    if (isLanguage(session.me.locale)) void setLanguage(session.me.locale);
    setState({ status: 'signedIn', me: session.me });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous', needsSetup: false, ended: 'signedOut' });
    }
  }, []);

  const changeLanguage = useCallback(
    (lng: Language) => {
      void setLanguage(lng);
      if (state.status === 'signedIn' && state.me.locale !== lng) {
        const me = state.me;
        setState({ status: 'signedIn', me: { ...me, locale: lng } });
        // Saved on the person too, so the next sign-in (on any device) starts in it.
        api.people.update(me.id, { locale: lng }).catch(() => undefined);
      }
    },
    [state],
  );

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const setupDone = useCallback(() => {
    setState((s) => (s.status === 'anonymous' ? { ...s, needsSetup: false } : s));
  }, []);

  const value = useMemo<Session>(
    () => ({ state, signedIn, signOut, changeLanguage, retry, setupDone }),
    [state, signedIn, signOut, changeLanguage, retry, setupDone],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in person; only inside the signed-in part of the app. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe without a session');
  return state.me;
}
