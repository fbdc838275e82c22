/**
 * One goal: what it is, its SMART check, status actions, and a card per KPI and account with the
 * actual value against the target, status, progress, pace, coverage, formula, target basis, the
 * forecast chart (with a table alternative) and where the number comes from.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError, type GoalDetail, type GoalStatus, type KpiEvaluation, type KpiOut } from '../api/index.ts';
import { FlashNotice, Loaded, Notice, ProblemAlert } from '../components/feedback.tsx';
import {
  ForecastChart,
  GoalStatusBadge,
  KpiStatusBadge,
  basisLabel,
  chartSeries,
  coreText,
  formatValue,
  goalTypeLabel,
  hasChartData,
  lang,
  measurementLabel,
  comparatorLabel,
  SmartList,
  deadlinePassed,
} from '../components/goals.tsx';
import { platformLabel } from '../components/labels.ts';
import { useAction, useFlash, useLoad, usePageTitle } from '../hooks.ts';
import { formatDate, formatNumber } from '../i18n/index.ts';

export default function GoalPage() {
  const { goal: param = '' } = useParams();
  const goal = useLoad(() => api.goals.get(param), [param]);
  return (
    <Loaded data={goal.data} error={goal.error}>
      {(g) => <GoalView goal={g} onChanged={goal.reload} />}
    </Loaded>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? <span className="not-set">{t('common.notSet')}</span> : children}</dd>
    </>
  );
}

/** The status changes the server allows (services/goals/set-goal-status.ts). */
const transitions: Record<GoalStatus, GoalStatus[]> = {
  draft: ['active', 'archived'],
  active: ['achieved', 'missed', 'archived'],
  achieved: ['archived'],
  missed: ['archived'],
  archived: ['draft'],
};

function GoalView({ goal: g, onChanged }: { goal: GoalDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const flash = useFlash();
  usePageTitle(g.qualitativeGoal);
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<string[] | null>(null);

  const setStatus = async (status: GoalStatus) => {
    setDone(null);
    setRefused(null);
    const result = await action.run(async () => {
      try {
        return await api.goals.setStatus(g.id, status);
      } catch (e) {
        if (status === 'active' && isApiError(e) && e.status >= 400 && e.status < 500 && e.code === 'validation_failed') {
          const missing = [...g.activation.missing, ...deadlinePassed(g.deadline)].map((m) => coreText(t, m));
          setRefused(missing.length ? missing : e.issues.map((i) => i.message));
          return undefined;
        }
        throw e;
      }
    });
    if (result) {
      setDone(t('goal.statusChanged', { status: t(`goalStatus.${status}`) }));
      onChanged();
    }
  };

  const period = [g.startDate ? formatDate(g.startDate) : '…', g.deadline ? formatDate(g.deadline) : '…'].join(' – ');
  const accountLabel = (id: string) => {
    const a = g.accounts.find((x) => x.id === id);
    return a ? `${a.name} (${platformLabel(a.platform)})` : '';
  };
  const byKpi = g.kpis.map((k) => ({ kpi: k, evaluations: g.evaluations.filter((e) => e.kpiId === k.id) }));

  return (
    <>
      <p>
        {g.strategicGoal ? (
          <Link to={`/strategy#sg-${g.strategicGoal.id}`}>← {t('nav.strategy')}</Link>
        ) : (
          <Link to="/strategy">← {t('nav.strategy')}</Link>
        )}
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">{goalTypeLabel(t, g.goalType)}</p>
          <h1>{g.qualitativeGoal}</h1>
          {g.concreteGoal ? <p className="subtitle">{g.concreteGoal}</p> : null}
          <p>
            <GoalStatusBadge status={g.status} />
          </p>
        </div>
        {g.canEdit ? (
          <Link to={`/goals/${encodeURIComponent(g.id)}/edit`} className="button primary">
            {t('goal.edit')}
          </Link>
        ) : null}
      </div>
      <FlashNotice flash={flash} />

      <section className="card" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('goal.about')}</h2>
        <dl className="facts">
          <Fact label={t('goal.accounts')}>
            {g.accounts.length ? (
              <ul className="inline-list">
                {g.accounts.map((a) => (
                  <li key={a.id}>
                    <Link to={`/accounts/${encodeURIComponent(a.slug)}`}>{a.name}</Link> ({platformLabel(a.platform)})
                  </li>
                ))}
              </ul>
            ) : null}
          </Fact>
          <Fact label={t('goal.unit')}>
            <Link to={`/organisation?unit=${encodeURIComponent(g.unit.slug)}`}>{g.unit.name}</Link>
          </Fact>
          <Fact label={t('goal.strategicGoal')}>
            {g.strategicGoal ? <Link to={`/strategy#sg-${g.strategicGoal.id}`}>{g.strategicGoal.title}</Link> : null}
          </Fact>
          <Fact label={t('goal.period')}>{period}</Fact>
          <Fact label={t('goal.status')}>{t(`goalStatus.${g.status}`)}</Fact>
          <Fact label={t('goal.owner')}>{g.owner?.name}</Fact>
        </dl>
      </section>

      {g.canEdit ? (
        <section className="card" aria-labelledby="status-heading">
          <h2 id="status-heading">{t('goal.changeStatus')}</h2>
          <ProblemAlert error={action.error} />
          <Notice>{done}</Notice>
          {refused ? (
            <div role="alert" className="alert alert-error">
              <p className="alert-title">{t('wizard.activationRefused')}</p>
              <ul>
                {refused.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="actions">
            {transitions[g.status].map((s) => (
              <button
                key={s}
                type="button"
                className={s === 'active' ? 'button primary' : 'button'}
                disabled={action.busy}
                onClick={() => void setStatus(s)}
              >
                {t(`goalAction.${s}`)}
              </button>
            ))}
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby="smart-heading">
        <h2 id="smart-heading">{t('wizard.smartHeading')}</h2>
        <SmartList smart={g.smart} />
        {g.status === 'draft' && !g.activation.ok ? (
          <div className="alert alert-warn">
            <p className="alert-title">{t('wizard.missingForActivation')}</p>
            <ul>
              {g.activation.missing.map((m, i) => (
                <li key={i}>{coreText(t, m)}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="kpis-heading">
        <h2 id="kpis-heading">{t('goal.kpis', { count: g.kpis.length })}</h2>
        {g.kpis.length === 0 ? <p className="muted">{t('goal.noKpis')}</p> : null}
        <div className="kpi-cards">
          {byKpi.flatMap(({ kpi, evaluations }) =>
            evaluations.length
              ? evaluations.map((e) => (
                  <KpiCard
                    key={`${kpi.id}-${e.accountId}`}
                    kpi={kpi}
                    evaluation={e}
                    account={accountLabel(e.accountId)}
                    multi={g.accounts.length > 1}
                    start={g.startDate}
                    deadline={g.deadline}
                  />
                ))
              : [<KpiCard key={kpi.id} kpi={kpi} evaluation={null} account="" multi={false} start={g.startDate} deadline={g.deadline} />],
          )}
        </div>
      </section>
    </>
  );
}

const TRACE_SHOWN = 10;

export function KpiCard({
  kpi,
  evaluation: e,
  account,
  multi,
  start,
  deadline,
}: {
  kpi: KpiOut;
  evaluation: KpiEvaluation | null;
  account: string;
  multi: boolean;
  start: string | null;
  deadline: string | null;
}) {
  const { t } = useTranslation();
  const l = lang();
  const status = e?.status ?? 'not_measured';
  const progress = e?.progress ?? null;
  const title = kpi.name[l] + (multi && account ? ` – ${account}` : '');
  const series = e ? chartSeries(e, kpi, start, deadline) : null;
  const note = (code: string, params: Record<string, string | number> | undefined) =>
    (t as unknown as (k: string, o: Record<string, unknown>) => string)(`traceNote.${code}`, {
      ...(params ?? {}),
      defaultValue: `${code}${params ? ` ${JSON.stringify(params)}` : ''}`,
    });
  return (
    <article className={`card kpi-card status-${status}`} aria-labelledby={`kpi-${kpi.id}-${e?.accountId ?? ''}`}>
      <header className="kpi-card-head">
        <h3 id={`kpi-${kpi.id}-${e?.accountId ?? ''}`}>{title}</h3>
        <KpiStatusBadge status={status} />
      </header>
      <p className="muted">
        {measurementLabel(t, kpi.measurement)} · {comparatorLabel(t, kpi.comparator)}
      </p>
      <dl className="kpi-numbers">
        <div>
          <dt>{t('kpi.actual')}</dt>
          <dd className={e?.actual === null || !e ? 'not-measured' : 'actual'}>{formatValue(t, e?.actual ?? null, kpi.unit)}</dd>
        </div>
        <div>
          <dt>{t('kpi.target')}</dt>
          <dd>{kpi.target === null ? t('kpi.noTarget') : formatValue(t, kpi.target, kpi.unit)}</dd>
        </div>
        <div>
          <dt>{t('kpi.pace')}</dt>
          <dd>{e?.pace === null || !e ? '–' : formatValue(t, e.pace, kpi.unit)}</dd>
        </div>
        {kpi.baseline !== null || e?.baseline != null ? (
          <div>
            <dt>{t('kpi.baseline')}</dt>
            <dd>{formatValue(t, e?.baseline ?? kpi.baseline, kpi.unit)}</dd>
          </div>
        ) : null}
      </dl>
      {progress !== null ? (
        <div className="progress-wrap">
          <progress max={100} value={Math.max(0, Math.min(100, progress * 100))} aria-label={t('kpi.progress')} />
          <span>{t('kpi.progressValue', { value: formatNumber(progress * 100, { maximumFractionDigits: 0 }) })}</span>
        </div>
      ) : null}
      {e?.coverage ? (
        <p className="muted">
          {(t as unknown as (k: string, o: Record<string, unknown>) => string)(`coverage.${e.coverage.kind}`, {
            documented: e.coverage.documented,
            total: e.coverage.total,
            defaultValue: `${e.coverage.documented} / ${e.coverage.total}`,
          })}
        </p>
      ) : null}
      {kpi.formula ? (
        <p className="formula">
          <strong>{t('kpi.formula')}:</strong> {kpi.formula[l]}
        </p>
      ) : null}
      <p className="muted">
        <strong>{t('kpi.targetBasis')}:</strong> {kpi.targetBasis ? basisLabel(t, kpi.targetBasis) : t('common.notSet')}
        {kpi.targetBasisNote ? ` – ${kpi.targetBasisNote}` : ''}
      </p>
      {e?.attainability ? (
        <p className={`verdict-line verdict-${e.attainability.verdict}`}>
          <strong>{t(`verdict.${e.attainability.verdict}`)}</strong> {coreText(t, e.attainability.message)}
        </p>
      ) : null}
      {series && hasChartData(series) ? <ForecastChart series={series} unit={kpi.unit} title={t('chart.title', { name: title })} /> : null}
      {e ? (
        <details className="trace">
          <summary>{t('kpi.whereFrom')}</summary>
          {e.trace.used.length === 0 ? (
            <p className="muted">{t('kpi.noValuesUsed')}</p>
          ) : (
            <>
              <p className="muted">{t('kpi.usedCount', { shown: Math.min(TRACE_SHOWN, e.trace.used.length), count: e.trace.usedCount })}</p>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('chart.date')}</th>
                    <th scope="col">{t('kpi.metric')}</th>
                    <th scope="col">{t('chart.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.trace.used.slice(0, TRACE_SHOWN).map((u, i) => (
                    <tr key={i}>
                      <td>{formatDate(u.date)}</td>
                      <td>
                        {u.metric}
                        {u.postId ? ` (${u.postId})` : ''}
                        {u.ageGroup ? ` (${u.ageGroup})` : ''}
                      </td>
                      <td>{formatNumber(u.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {e.trace.notes.length ? (
            <ul>
              {e.trace.notes.map((n, i) => (
                <li key={i}>{note(n.code, n.params)}</li>
              ))}
            </ul>
          ) : null}
          <p className="muted">{t('kpi.asOf', { date: formatDate(e.asOf) })}</p>
        </details>
      ) : null}
    </article>
  );
}
