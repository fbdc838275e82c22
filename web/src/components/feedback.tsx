/** Messages: problems from the API, notices after an action, loading states. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/index.ts';
import { ClientValidationError, type Flash } from '../hooks.ts';

/** Problem codes of the API (core/errors.ts) and their translated titles. */
const titleKeys = {
  validation_failed: 'problem.validationFailed',
  too_large: 'problem.tooLarge',
  unauthenticated: 'problem.unauthenticated',
  invalid_credentials: 'problem.invalidCredentials',
  forbidden: 'problem.forbidden',
  csrf_failed: 'problem.csrfFailed',
  not_found: 'problem.notFound',
  conflict: 'problem.conflict',
  already_set_up: 'problem.alreadySetUp',
  setup_required: 'problem.setupRequired',
  rate_limited: 'problem.rateLimited',
  database_locked: 'problem.databaseLocked',
  database_unavailable: 'problem.databaseUnavailable',
  internal: 'problem.internal',
  network: 'problem.network',
} as const;
const titleKey = (code: string) => (Object.hasOwn(titleKeys, code) ? titleKeys[code as keyof typeof titleKeys] : 'problem.generic');

/**
 * An error from an action or a load, in an alert region (empty when there is none). When it
 * comes with field problems, focus moves to the first marked field of the form.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error) return;
    const form = ref.current?.closest('form');
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [error]);
  if (!error) return <div role="alert" className="sr-live" ref={ref} />;
  let title: string;
  let detail: string | null = null;
  if (error instanceof ClientValidationError) {
    title = t('problem.checkFields');
  } else if (error instanceof ApiError) {
    title = t(titleKey(error.code));
    detail = error.detail;
  } else {
    title = t('problem.generic');
    detail = error instanceof Error ? error.message : String(error);
  }
  return (
    <div role="alert" className="alert alert-error" ref={ref}>
      <p className="alert-title">{title}</p>
      {detail && detail !== title ? <p className="alert-detail">{detail}</p> : null}
    </div>
  );
}

/** A polite status message (saved, created…). */
export function Notice({ children }: { children?: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className={children ? 'alert alert-ok' : 'sr-live'}>
      {children}
    </div>
  );
}

export function FlashNotice({ flash }: { flash: Flash | null }) {
  const { t } = useTranslation();
  // The keys are checked in hooks.ts (flashKeys); the values vary by key.
  const translate = t as unknown as (key: string, values?: Record<string, string>) => string;
  return <Notice>{flash ? translate(flash.key, flash.values) : null}</Notice>;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** Loading, error or content: for data loaded with useLoad. */
export function Loaded<T>({
  data,
  error,
  children,
}: {
  data: T | undefined;
  error: unknown;
  children: (data: T) => ReactNode;
}) {
  if (error) return <ProblemAlert error={error} />;
  if (data === undefined) return <Loading />;
  return <>{children(data)}</>;
}
