/** Sign in with e-mail and password; then back to the page asked for (or the start page). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { LoginInput } from '../../../src/contract/auth.ts';
import { api } from '../api/index.ts';
import { FlashNotice, ProblemAlert } from '../components/feedback.tsx';
import { SubmitButton, TextField } from '../components/forms.tsx';
import { onSubmit, useAction, useFlash, usePageTitle } from '../hooks.ts';
import { useSession } from '../session.tsx';
import { check } from '../validation.ts';

/** Only paths inside the app, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
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
