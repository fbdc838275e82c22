/** Small hooks shared by the pages: loading data, running a form action, page titles, notices. */
import { useCallback, useEffect, useRef, useState, type DependencyList, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ApiError } from './api/index.ts';
import { issueMessage, serverIssueMessage, type LocalIssues } from './validation.ts';

export interface LoadState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(data: T): void;
}

/**
 * Loads data when the dependencies change (or on `reload()`); the answer of a superseded load is
 * ignored. The previous data stays while a new load runs, so pages do not flicker.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): LoadState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let superseded = false;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (superseded) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (superseded) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      superseded = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

/** The problems found before sending; shown like the server's field issues. */
export class ClientValidationError extends Error {
  readonly issues: LocalIssues;
  constructor(issues: LocalIssues) {
    super('client validation');
    this.issues = issues;
  }
}

export interface Action {
  busy: boolean;
  error: unknown;
  /** Messages by field: the server's issues, or the web app's own checks in the current language. */
  fieldErrors: Record<string, string>;
  /** Runs `fn` unless `localIssues` has entries; keeps API errors for display. */
  run<T>(fn: () => Promise<T>, localIssues?: LocalIssues): Promise<T | undefined>;
  reset(): void;
}

export function useAction(): Action {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>, localIssues: LocalIssues = {}) => {
    if (Object.keys(localIssues).length > 0) {
      setError(new ClientValidationError(localIssues));
      return undefined;
    }
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setError(null), []);
  let fieldErrors: Record<string, string> = {};
  if (error instanceof ApiError) {
    fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors()).map(([k, m]) => [k, serverIssueMessage(m, t)]));
  }
  else if (error instanceof ClientValidationError) {
    fieldErrors = Object.fromEntries(Object.entries(error.issues).map(([k, issue]) => [k, issueMessage(issue, t)]));
  }
  return { busy, error, fieldErrors, run, reset };
}

/** `onSubmit` for a form: prevents the page reload and calls `fn`. */
export function onSubmit(fn: () => void | Promise<void>) {
  return (event: FormEvent) => {
    event.preventDefault();
    void fn();
  };
}

/** Sets the document title: "<page> – Målbar". */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} – ${t('app.name')}` : t('app.name');
  }, [title, t]);
}

export const flashKeys = [
  'notice.setupDone',
  'notice.signedOut',
  'notice.sessionEnded',
  'notice.accountCreated',
  'notice.accountSaved',
  'notice.goalSaved',
  'notice.goalActivated',
] as const;
export type FlashKey = (typeof flashKeys)[number];
export interface Flash {
  key: FlashKey;
  values?: Record<string, string>;
}

/** A notice passed along with a navigation: `navigate(to, { state: { flash } })`. */
export function useFlash(): Flash | null {
  const location = useLocation();
  const flash = (location.state as { flash?: Flash } | null)?.flash;
  return flash && (flashKeys as readonly string[]).includes(flash.key) ? flash : null;
}
