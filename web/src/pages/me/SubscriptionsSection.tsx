/**
 * Subscriptions to the monthly report on /me: the list (what, language, the last month sent) with
 * a button to end each, and a form to add one for a unit or an account the person may read, in
 * bokmål or English. Units the person cannot read are shown greyed out (to keep the tree whole);
 * the server checks the access again, and its problems are shown as they come.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../access.ts';
import { api } from '../../api/index.ts';
import { createReportSubscription, deleteReportSubscription, listReportSubscriptions, type ReportSubscription } from '../../api/notifications.ts';
import { Loaded, Notice, ProblemAlert } from '../../components/feedback.tsx';
import { SelectField, SubmitButton } from '../../components/forms.tsx';
import { unitOptions } from '../../components/units.ts';
import { onSubmit, useAction, useLoad } from '../../hooks.ts';
import { currentLanguage, formatDate, type Language } from '../../i18n/index.ts';
import { useMe } from '../../session.tsx';
import { formatMonthName } from '../notifications/notification-text.ts';

type ScopeKind = 'unit' | 'account';

export function SubscriptionsSection({ emailAvailable }: { emailAvailable: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const subscriptions = useLoad(() => listReportSubscriptions(), []);
  const units = useLoad(() => api.units.list(false), []);
  const accounts = useLoad(() => api.accounts.list({}), []);
  const add = useAction();
  const removeAction = useAction();
  const [kind, setKind] = useState<ScopeKind>('unit');
  const [unit, setUnit] = useState('');
  const [account, setAccount] = useState('');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [notice, setNotice] = useState<string | null>(null);
  const lang = currentLanguage();

  const submit = async () => {
    setNotice(null);
    const chosen = kind === 'unit' ? unit : account;
    const input = kind === 'unit' ? { unit, language } : { account, language };
    const made = await add.run(() => createReportSubscription(input), chosen ? {} : { [kind]: 'validation.choose' });
    if (made) {
      setNotice(t('me.subscriptions.added', { name: made.scope.name }));
      subscriptions.reload();
    }
  };
  const remove = async (s: ReportSubscription) => {
    setNotice(null);
    const done = await removeAction.run(async () => {
      await deleteReportSubscription(s.id);
      return true;
    });
    if (done) {
      setNotice(t('me.subscriptions.removed', { name: s.scope.name }));
      subscriptions.setData((subscriptions.data ?? []).filter((x) => x.id !== s.id));
      setTimeout(() => document.getElementById('me-subscriptions-heading')?.focus(), 0);
    }
  };

  const languageOptions = [
    { value: 'nb', label: t('language.nb') },
    { value: 'en', label: t('language.en') },
  ];

  return (
    <section className="card" aria-labelledby="me-subscriptions-heading">
      <h2 id="me-subscriptions-heading" tabIndex={-1}>
        {t('me.subscriptions.title')}
      </h2>
      <p className="muted">{t('me.subscriptions.intro')}</p>
      {emailAvailable ? null : <p className="alert alert-warn">{t('me.subscriptions.emailUnavailable')}</p>}
      <Notice>{notice}</Notice>
      <ProblemAlert error={removeAction.error} />
      <Loaded data={subscriptions.data} error={subscriptions.error}>
        {(list) =>
          list.length === 0 ? (
            <p className="not-set">{t('me.subscriptions.none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('me.subscriptions.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('me.subscriptions.scope')}</th>
                    <th scope="col">{t('me.subscriptions.language')}</th>
                    <th scope="col">{t('me.subscriptions.lastSent')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('people.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        {s.scope.name} <span className="muted">({t(`me.subscriptions.scopeKind.${s.scope.kind}`)})</span>
                      </th>
                      <td>{t(`language.${s.language}`)}</td>
                      <td>
                        {s.lastSent
                          ? t('me.subscriptions.sentValue', { period: formatMonthName(s.lastSent.period, lang), date: formatDate(s.lastSent.at) })
                          : t('me.subscriptions.notSent')}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button small danger"
                          onClick={() => void remove(s)}
                          disabled={removeAction.busy}
                          aria-label={t('me.subscriptions.removeLabel', { name: s.scope.name })}
                        >
                          {t('me.subscriptions.remove')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <h3>{t('me.subscriptions.new')}</h3>
      <form className="form" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={add.error} />
        <div className="form-grid">
          <SelectField
            label={t('me.subscriptions.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value === 'account' ? 'account' : 'unit')}
            options={[
              { value: 'unit', label: t('me.subscriptions.kindUnit') },
              { value: 'account', label: t('me.subscriptions.kindAccount') },
            ]}
          />
          {kind === 'unit' ? (
            <SelectField
              label={t('me.subscriptions.unit')}
              hint={t('me.subscriptions.unitHint')}
              value={unit}
              onChange={(e) => setUnit(e.target.value)}
              error={add.fieldErrors.unit}
              options={[{ value: '', label: t('me.subscriptions.choose') }, ...unitOptions(units.data ?? [], { enabled: (u) => can(me, 'read', u.id, units.data ?? []) })]}
            />
          ) : (
            <SelectField
              label={t('me.subscriptions.account')}
              value={account}
              onChange={(e) => setAccount(e.target.value)}
              error={add.fieldErrors.account}
              options={[{ value: '', label: t('me.subscriptions.choose') }, ...(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))]}
            />
          )}
          <SelectField
            label={t('me.subscriptions.language')}
            value={language}
            onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'nb')}
            error={add.fieldErrors.language}
            options={languageOptions}
          />
        </div>
        <ProblemAlert error={units.error ?? accounts.error} />
        <SubmitButton busy={add.busy}>{t('me.subscriptions.add')}</SubmitButton>
      </form>
    </section>
  );
}
