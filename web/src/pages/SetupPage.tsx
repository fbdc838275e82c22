/** First run: the organisation and its first administrator. Afterwards this page sends to sign-in. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { SetupInput } from '../../../src/contract/auth.ts';
import { api, isApiError } from '../api/index.ts';
import { ProblemAlert } from '../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { onSubmit, useAction, usePageTitle } from '../hooks.ts';
import { currentLanguage, isLanguage, type Language } from '../i18n/index.ts';
import { useSession } from '../session.tsx';
import { check } from '../validation.ts';

export default function SetupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const action = useAction();
  usePageTitle(t('setup.title'));
  const [form, setForm] = useState({
    organisationName: '',
    adminName: '',
    email: '',
    password: '',
    locale: currentLanguage() as Language,
  });
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const [done, setDone] = useState(false);
  // Navigation follows the session state (a navigate() call would run as a transition, after it).
  if (session.state.status === 'signedIn') {
    return done ? <Navigate to="/organisation" replace state={{ flash: { key: 'notice.setupDone' } }} /> : <Navigate to="/" replace />;
  }
  if (session.state.status === 'anonymous' && !session.state.needsSetup) return <Navigate to="/sign-in" replace />;

  const submit = () =>
    action.run(async () => {
      try {
        const result = await api.setup.run(form);
        setDone(true);
        session.signedIn(result);
      } catch (e) {
        // Someone else finished the set-up meanwhile: this page then leads to sign-in.
        if (isApiError(e) && e.code === 'already_set_up') session.setupDone();
        throw e;
      }
    }, check(SetupInput, form));

  const errors = action.fieldErrors;
  return (
    <>
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.intro')}</p>
      <form onSubmit={onSubmit(submit)} noValidate className="form card">
        <ProblemAlert error={action.error} />
        <TextField
          label={t('setup.organisationName')}
          hint={t('setup.organisationNameHint')}
          value={form.organisationName}
          onChange={set('organisationName')}
          error={errors.organisationName}
          autoComplete="organization"
          required
        />
        <TextField label={t('setup.adminName')} value={form.adminName} onChange={set('adminName')} error={errors.adminName} autoComplete="name" required />
        <TextField label={t('common.email')} type="email" value={form.email} onChange={set('email')} error={errors.email} autoComplete="email" required />
        <TextField
          label={t('common.password')}
          hint={t('common.passwordHint')}
          type="password"
          value={form.password}
          onChange={set('password')}
          error={errors.password}
          autoComplete="new-password"
          required
        />
        <SelectField
          label={t('common.language')}
          value={form.locale}
          onChange={(e) => setForm((f) => ({ ...f, locale: isLanguage(e.target.value) ? e.target.value : 'nb' }))}
          options={[
            { value: 'nb', label: t('language.nb') },
            { value: 'en', label: t('language.en') },
          ]}
          error={errors.locale}
        />
        <SubmitButton busy={action.busy}>{t('setup.submit')}</SubmitButton>
      </form>
    </>
  );
}
