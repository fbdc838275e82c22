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
import { can } from '../access.ts';
import { useMe } from '../session.tsx';
import { GoalStatusBadge, KpiStatusBadge, formatValue, lang } from '../components/goals.tsx';
import { kpiStatuses } from '../../../src/core/kpi/status.ts';
import { AccountStatistics } from './account/AccountStatistics.tsx';
import { AccountEvaluations } from './evaluations/AccountEvaluations.tsx';

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
  const me = useMe();
  usePageTitle(a.name);
  const mayDocument = a.status !== 'closed' && (a.canEdit || can(me, 'statistics.write', a.unitId, units));

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
        <div className="head-actions">
          <Link to={`/accounts/${encodeURIComponent(a.slug)}/dashboard`} className="button">
            {t('accountDashboard.eyebrow')}
          </Link>
          <Link to={`/reports?kind=annual&scope=account&account=${encodeURIComponent(a.slug)}`} className="button">
            {t('annualReports.accountPageLink')}
          </Link>
          {a.canEdit ? (
            <Link to={`/accounts/${encodeURIComponent(a.slug)}/edit`} className="button primary">
              {t('account.edit')}
            </Link>
          ) : null}
        </div>
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

      <AccountStatistics account={a} mayWrite={mayDocument} />

      <section className="card" aria-labelledby="people-heading">
        <h2 id="people-heading">{t('account.people')}</h2>
        <p className="muted">{t('account.peopleIntro', { unit: a.unit.name })}</p>
        <div className="form-grid">
          {people(a.reporters, t('account.reporters'))}
          {people(a.evaluators, t('account.evaluators'))}
        </div>
      </section>

      <AccountGoals account={a} units={units} />

      <AccountEvaluations accountId={a.id} />

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

/** The account's goals, with a summary of its KPIs' statuses, and a way to set a new goal. */
function AccountGoals({ account: a, units }: { account: AccountDetail; units: UnitOut[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const goals = useLoad(() => api.goals.list({ account: a.id }), [a.id]);
  const kpis = useLoad(() => api.kpis.forAccount(a.id), [a.id]);
  const mayWrite = a.status !== 'closed' && (a.canEdit || can(me, 'goal.write', a.unitId, units));
  const l = lang();
  return (
    <section className="card" aria-labelledby="goals-heading">
      <div className="page-head">
        <h2 id="goals-heading">{t('accountGoals.heading')}</h2>
        {mayWrite ? (
          <Link to={`/goals/new?account=${encodeURIComponent(a.slug)}`} className="button primary">
            {t('accountGoals.new')}
          </Link>
        ) : null}
      </div>
      <Loaded data={goals.data} error={goals.error}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('accountGoals.none')}</p>
          ) : (
            <ul className="goal-list">
              {list.map((g) => {
                const rows = (kpis.data ?? []).filter((k) => k.goal.id === g.id);
                const counts = kpiStatuses.map((s) => [s, rows.filter((r) => r.evaluation.status === s).length] as const).filter(([, n]) => n > 0);
                return (
                  <li key={g.id}>
                    <p>
                      <Link to={`/goals/${encodeURIComponent(g.id)}`}>{g.qualitativeGoal}</Link> <GoalStatusBadge status={g.status} />
                      {g.deadline ? <span className="muted"> · {t('goal.deadlineShort', { date: formatDate(g.deadline) })}</span> : null}
                    </p>
                    {rows.length > 0 ? (
                      <>
                        <p className="muted">
                          {t('accountGoals.kpiSummary', {
                            summary: counts.map(([s, n]) => `${n} ${t(`kpiStatus.${s}`).toLocaleLowerCase()}`).join(', '),
                          })}
                        </p>
                        <ul className="kpi-mini">
                          {rows.map((r) => (
                            <li key={r.kpi.id}>
                              {r.kpi.name[l]}: {formatValue(t, r.evaluation.actual, r.kpi.unit)} / {r.kpi.target === null ? t('kpi.noTarget') : formatValue(t, r.kpi.target, r.kpi.unit)}{' '}
                              <KpiStatusBadge status={r.evaluation.status} />
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      <p className="muted">{t('goal.kpis', { count: g.kpis.length })}</p>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
