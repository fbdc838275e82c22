/** My settings: who I am, change password, personal API tokens. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordChangeInput, TokenCreateInput } from '../../../src/contract/auth.ts';
import { api, type TokenCreated } from '../api/index.ts';
import { Loaded, Notice, ProblemAlert } from '../components/feedback.tsx';
import { SubmitButton, TextField } from '../components/forms.tsx';
import { roleLabel } from '../components/labels.ts';
import { unitName } from '../components/units.ts';
import { onSubmit, useAction, useLoad, usePageTitle } from '../hooks.ts';
import { formatDate } from '../i18n/index.ts';
import { useMe } from '../session.tsx';
import { check, numberOrNull, type LocalIssues } from '../validation.ts';

export default function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('settings.title'));
  const units = useLoad(() => api.units.list(true), []);
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <section className="card" aria-labelledby="me-heading">
        <h2 id="me-heading">{t('settings.me')}</h2>
        <dl className="facts">
          <dt>{t('people.name')}</dt>
          <dd>{me.name}</dd>
          <dt>{t('common.email')}</dt>
          <dd>{me.email}</dd>
          <dt>{t('settings.organisation')}</dt>
          <dd>{me.organisation.name}</dd>
          <dt>{t('people.roles')}</dt>
          <dd>
            {me.grants.length === 0
              ? t('people.noRoles')
              : me.grants
                  .map((g) => (g.unitId ? t('people.grantOn', { role: roleLabel(t, g.role), unit: unitName(units.data, g.unitId) }) : roleLabel(t, g.role)))
                  .join(', ')}
          </dd>
        </dl>
        <p className="hint">{t('settings.languageHint')}</p>
      </section>
      {me.isAdmin ? (
        <section className="card" aria-labelledby="windows-heading">
          <h2 id="windows-heading">
            <Link to="/settings/history-windows">{t('settings.historyWindowsLink')}</Link>
          </h2>
          <p className="hint">{t('settings.historyWindowsHint')}</p>
        </section>
      ) : null}
      {me.isAdmin ? (
        <section className="card" aria-labelledby="mappings-heading">
          <h2 id="mappings-heading">
            <Link to="/settings/column-mappings">{t('mapping.settingsLink')}</Link>
          </h2>
          <p className="hint">{t('mapping.settingsHint')}</p>
        </section>
      ) : null}
      <ChangePassword />
      <Tokens />
    </>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const action = useAction();
  const blank = { currentPassword: '', newPassword: '', repeat: '' };
  const [form, setForm] = useState(blank);
  const [done, setDone] = useState(false);
  const submit = async () => {
    setDone(false);
    const input = { currentPassword: form.currentPassword, newPassword: form.newPassword };
    const issues: LocalIssues = check(PasswordChangeInput, input);
    if (!issues.newPassword && form.repeat !== form.newPassword) issues.repeat = 'validation.passwordsDiffer';
    const result = await action.run(async () => {
      await api.auth.changePassword(input);
      return true;
    }, issues);
    if (result) {
      setForm(blank);
      setDone(true);
    }
  };
  const errors = action.fieldErrors;
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('settings.password')}</h2>
      <form className="form" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={action.error} />
        <Notice>{done ? t('settings.passwordChanged') : null}</Notice>
        <TextField
          label={t('settings.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={form.currentPassword}
          onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
          error={errors.currentPassword}
        />
        <TextField
          label={t('settings.newPassword')}
          hint={t('common.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={form.newPassword}
          onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
          error={errors.newPassword}
        />
        <TextField
          label={t('settings.repeatPassword')}
          type="password"
          autoComplete="new-password"
          value={form.repeat}
          onChange={(e) => setForm({ ...form, repeat: e.target.value })}
          error={errors.repeat}
        />
        <SubmitButton busy={action.busy}>{t('settings.changePassword')}</SubmitButton>
      </form>
    </section>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const tokens = useLoad(() => api.tokens.list(), []);
  const create = useAction();
  const revokeAction = useAction();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async () => {
    setNotice(null);
    setCopied(false);
    const expires = numberOrNull(days);
    const input = { name, ...(expires === null ? {} : { expiresInDays: expires }) };
    const token = await create.run(() => api.tokens.create(input), check(TokenCreateInput, input));
    if (token) {
      setCreated(token);
      setName('');
      setDays('');
      tokens.reload();
    }
  };
  const revoke = async (id: string, tokenName: string) => {
    setNotice(null);
    const ok = await revokeAction.run(async () => {
      await api.tokens.revoke(id);
      return true;
    });
    if (ok) {
      setNotice(t('tokens.revoked', { name: tokenName }));
      if (created?.id === id) setCreated(null);
      tokens.reload();
    }
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.intro')}</p>
      <Notice>{notice}</Notice>
      <ProblemAlert error={revokeAction.error} />
      {created ? (
        <div className="alert alert-ok" role="status">
          <p className="alert-title">{t('tokens.createdTitle', { name: created.name })}</p>
          <p className="alert-detail">{t('tokens.copyHint')}</p>
          <p>
            <code className="secret" aria-label={t('tokens.secret')}>
              {created.token}
            </code>
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void copy()}>
              {t('tokens.copy')}
            </button>
            <span aria-live="polite">{copied ? t('tokens.copied') : ''}</span>
            <button type="button" className="button subtle" onClick={() => setCreated(null)}>
              {t('tokens.hide')}
            </button>
          </div>
        </div>
      ) : null}
      <Loaded data={tokens.data} error={tokens.error}>
        {(list) =>
          list.length === 0 ? (
            <p className="not-set">{t('tokens.none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('tokens.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('tokens.name')}</th>
                    <th scope="col">{t('tokens.prefix')}</th>
                    <th scope="col">{t('tokens.created')}</th>
                    <th scope="col">{t('tokens.lastUsed')}</th>
                    <th scope="col">{t('tokens.expires')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('people.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((tok) => (
                    <tr key={tok.id}>
                      <th scope="row">{tok.name}</th>
                      <td>
                        <code>{tok.prefix}…</code>
                      </td>
                      <td>{formatDate(tok.createdAt)}</td>
                      <td>{tok.lastUsedAt ? formatDate(tok.lastUsedAt, true) : t('tokens.never')}</td>
                      <td>{tok.expiresAt ? formatDate(tok.expiresAt) : t('tokens.noExpiry')}</td>
                      <td>
                        <button
                          type="button"
                          className="button small danger"
                          onClick={() => void revoke(tok.id, tok.name)}
                          aria-label={t('tokens.revokeLabel', { name: tok.name })}
                        >
                          {t('tokens.revoke')}
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
      <h3>{t('tokens.new')}</h3>
      <form className="form" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={create.error} />
        <div className="form-grid">
          <TextField label={t('tokens.name')} hint={t('tokens.nameHint')} value={name} onChange={(e) => setName(e.target.value)} error={create.fieldErrors.name} />
          <TextField
            label={t('tokens.expiresInDays')}
            hint={t('tokens.expiresHint')}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={create.fieldErrors.expiresInDays}
            optional
          />
        </div>
        <SubmitButton busy={create.busy}>{t('tokens.create')}</SubmitButton>
      </form>
    </section>
  );
}
