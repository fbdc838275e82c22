/** One account: its profile, unit, named reporters and evaluators; edit and change status. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AccountStatus } from '../../../src/core/platforms.ts';
import { api, type AccountDetail, type UnitOut } from '../api/index.ts';
import { FlashNotice, Loaded, Notice, ProblemAlert } from '../components/feedback.tsx';
import { SelectField, SubmitButton } from '../components/forms.tsx';
import { ageGroupLabel, platformLabel, statusLabel, statusOptions } from '../components/labels.ts';
import { unitName } from '../components/units.ts';
import { onSubmit, useAction, useFlash, useLoad, usePageTitle } from '../hooks.ts';
import { formatDate, formatNumber } from '../i18n/index.ts';

export default function AccountPage() {
  const { account: param = '' } = useParams();
  const account = useLoad(() => api.accounts.get(param), [param]);
  const units = useLoad(() => api.units.list(true), []);
  return (
    <Loaded data={account.data} error={account.error}>
      {(a) => <AccountView account={a} units={units.data ?? []} onChanged={account.reload} />}
    </Loaded>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const emptyValue = children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0);
  return (
    <>
      <dt>{label}</dt>
      <dd>{emptyValue ? <span className="not-set">{t('common.notSet')}</span> : children}</dd>
    </>
  );
}

function AccountView({ account: a, units, onChanged }: { account: AccountDetail; units: UnitOut[]; onChanged(): void }) {
  const { t } = useTranslation();
  const flash = useFlash();
  usePageTitle(a.name);

  const people = (list: AccountDetail['reporters'], label: string) => (
    <div>
      <h3>{label}</h3>
      {list.length === 0 ? (
        <p className="not-set">{t('account.nobodyNamed')}</p>
      ) : (
        <ul className="people-list">
          {list.map((p) => (
            <li key={`${p.id}-${p.fromUnitId}`}>
              {p.name} <span className="from">({p.email})</span>
              {p.fromUnitId !== a.unitId ? (
                <span className="from"> – {t('account.inheritedFrom', { unit: unitName(units, p.fromUnitId) || '…' })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <>
      <p>
        <Link to="/accounts">← {t('account.backToList')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{a.name}</h1>
          <p className="subtitle">
            {platformLabel(a.platform)}
            {a.handle ? ` · ${a.handle}` : ''} · <span className={`badge ${a.status}`}>{statusLabel(t, a.status)}</span>
          </p>
        </div>
        {a.canEdit ? (
          <Link to={`/accounts/${encodeURIComponent(a.slug)}/edit`} className="button primary">
            {t('account.edit')}
          </Link>
        ) : null}
      </div>
      <FlashNotice flash={flash} />
      {a.status === 'closed' ? (
        <p className="alert alert-warn">{t('account.closedNotice', { date: formatDate(a.closedAt) })}</p>
      ) : null}

      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('account.profile')}</h2>
        <dl className="facts">
          <Fact label={t('account.unit')}>
            <Link to={`/organisation?unit=${encodeURIComponent(a.unit.slug)}`}>{a.unit.name}</Link>
          </Fact>
          <Fact label={t('account.platform')}>{platformLabel(a.platform)}</Fact>
          <Fact label={t('account.handle')}>{a.handle}</Fact>
          <Fact label={t('account.url')}>
            {a.url ? (
              <a href={a.url} rel="noopener noreferrer" target="_blank">
                {a.url}
              </a>
            ) : null}
          </Fact>
          <Fact label={t('account.status')}>{statusLabel(t, a.status)}</Fact>
          <Fact label={t('account.registered')}>{formatDate(a.createdAt)}</Fact>
        </dl>

        <h3>{t('accountForm.sectionAudience')}</h3>
        <dl className="facts">
          <Fact label={t('account.targetAudience')}>{a.targetAudience}</Fact>
          <Fact label={t('account.targetAgeGroups')}>{a.targetAgeGroups.map((g) => ageGroupLabel(t, g)).join(', ')}</Fact>
          <Fact label={t('account.audienceNeeds')}>{a.audienceNeeds}</Fact>
        </dl>

        <h3>{t('accountForm.sectionContent')}</h3>
        <dl className="facts">
          <Fact label={t('account.platformRationale')}>{a.platformRationale}</Fact>
          <Fact label={t('account.contentFormats')}>{a.contentFormats.join(', ')}</Fact>
          <Fact label={t('account.contentFrequency')}>{a.contentFrequency}</Fact>
        </dl>

        <h3>{t('accountForm.sectionResources')}</h3>
        <dl className="facts">
          <Fact label={t('account.plannedHoursPerMonth')}>
            {a.plannedHoursPerMonth === null ? null : t('account.hoursValue', { hours: formatNumber(a.plannedHoursPerMonth) })}
          </Fact>
          <Fact label={t('account.budgetNokPerYear')}>
            {a.budgetNokPerYear === null ? null : t('account.nokValue', { amount: formatNumber(a.budgetNokPerYear) })}
          </Fact>
        </dl>
      </section>

      <section className="card" aria-labelledby="people-heading">
        <h2 id="people-heading">{t('account.people')}</h2>
        <p className="muted">{t('account.peopleIntro', { unit: a.unit.name })}</p>
        <div className="form-grid">
          {people(a.reporters, t('account.reporters'))}
          {people(a.evaluators, t('account.evaluators'))}
        </div>
      </section>

      {a.canEdit ? <StatusForm account={a} onChanged={onChanged} /> : null}
    </>
  );
}

function StatusForm({ account, onChanged }: { account: AccountDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [status, setStatus] = useState<AccountStatus>(account.status);
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    setSaved(false);
    const result = await action.run(() => api.accounts.update(account.id, { status }));
    if (result) {
      setSaved(true);
      onChanged();
    }
  };
  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('account.changeStatus')}</h2>
      <p className="muted">{t('account.statusHelp')}</p>
      <form className="form" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={action.error} />
        <Notice>{saved ? t('account.statusSaved') : null}</Notice>
        <SelectField
          label={t('account.newStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as AccountStatus)}
          options={statusOptions(t)}
          error={action.fieldErrors.status}
        />
        {status === 'closed' && account.status !== 'closed' ? <p className="alert alert-warn">{t('account.closeKeepsData')}</p> : null}
        <SubmitButton busy={action.busy} className="button">
          {t('account.saveStatus')}
        </SubmitButton>
      </form>
    </section>
  );
}
