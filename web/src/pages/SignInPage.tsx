/**
 * Sign in with e-mail and password, or through single sign-on when it is configured; then back
 * to the page asked for (or the start page). A failed single sign-on comes back here with
 * `?sso_error=<code>`, shown in the page's language.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { LoginInput } from '../../../src/contract/auth.ts';
import { ssoErrorCodes, type SsoErrorCode } from '../../../src/contract/oidc.ts';
import { api } from '../api/index.ts';
import { FlashNotice, ProblemAlert } from '../components/feedback.tsx';
import { SubmitButton, TextField } from '../components/forms.tsx';
import { onSubmit, useAction, useFlash, useLoad, usePageTitle } from '../hooks.ts';
import { useSession } from '../session.tsx';
import { check } from '../validation.ts';

/** Only paths inside the app, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** A known single sign-on error code from the address, or provider_error for anything else. */
function ssoError(code: string | null): SsoErrorCode | null {
  if (code === null) return null;
  return (ssoErrorCodes as readonly string[]).includes(code) ? (code as SsoErrorCode) : 'provider_error';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const flash = useFlash();
  const action = useAction();
  usePageTitle(t('signIn.title'));
  const [form, setForm] = useState({ email: '', password: '' });
  const next = safeNext(params.get('next'));
  const providers = useLoad(() => api.auth.providers(), []);
  const oidc = providers.data?.oidc ?? null;
  const failedSso = ssoError(params.get('sso_error'));

  if (session.state.status === 'anonymous' && session.state.needsSetup) return <Navigate to="/setup" replace />;
  // After signing in, the session state leads on to the page asked for.
  if (session.state.status === 'signedIn') return <Navigate to={next} replace />;

  const submit = () =>
    action.run(async () => {
      session.signedIn(await api.auth.login(form));
    }, check(LoginInput, form));

  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <FlashNotice flash={flash} />
      {failedSso ? (
        <div role="alert" className="alert alert-error" data-sso-error={failedSso}>
          <p className="alert-title">{t('sso.failed')}</p>
          <p className="alert-detail">{t(`sso.errors.${failedSso}`)}</p>
        </div>
      ) : null}
      {oidc ? (
        <>
          <div className="card sso">
            <a className="button primary" href={`${oidc.startUrl}?returnTo=${encodeURIComponent(next)}`}>
              {t('sso.signInWith', { name: oidc.name })}
            </a>
          </div>
          <p className="muted">{t('sso.orPassword')}</p>
        </>
      ) : null}
      <form onSubmit={onSubmit(submit)} noValidate className="form card">
        <ProblemAlert error={action.error} />
        <TextField
          label={t('common.email')}
          type="email"
          value={form.email}
          onChange={(e) => setForm((f) => ({ ...f, email: e.target.value }))}
          error={action.fieldErrors.email}
          autoComplete="username"
          required
        />
        <TextField
          label={t('common.password')}
          type="password"
          value={form.password}
          onChange={(e) => setForm((f) => ({ ...f, password: e.target.value }))}
          error={action.fieldErrors.password}
          autoComplete="current-password"
          required
        />
        <SubmitButton busy={action.busy}>{t('signIn.submit')}</SubmitButton>
      </form>
    </>
  );
}
