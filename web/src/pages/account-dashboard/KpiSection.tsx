/**
 * The account dashboard's goals: each active goal with its KPIs – actual against target in the
 * KPI's unit ("ikke målt" when not measured), status, progress, pace, coverage and the forecast's
 * verdict – and a chart per KPI: the history with the target line, the pace line and the forecast
 * band; where the evaluation has no forecast (the deadline has passed), the metric's months of
 * the period from the series endpoint. Every chart has its table and downloads (<Chart>).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountDashboardOut } from '../../api/dashboards.ts';
import { getAccountSeries } from '../../api/dashboards.ts';
import type { GoalOut } from '../../api/index.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { Loaded } from '../../components/feedback.tsx';
import {
  GoalStatusBadge,
  KpiStatusBadge,
  chartSeries,
  comparatorLabel,
  coreText,
  formatValue,
  lang,
  measurementLabel,
} from '../../components/goals.tsx';
import { getMetric } from '../../../../src/core/metrics/catalogue.ts';
import { useLoad } from '../../hooks.ts';
import { formatNumber } from '../../i18n/index.ts';
import { formatDayRange } from '../../components/statistics.ts';
import { byGoal } from './dashboard-view.ts';
import { kpiTimeSpec, monthsSpec } from './kpi-chart.ts';

type KpiRow = AccountDashboardOut['kpis'][number];
type GoalDates = Map<string, Pick<GoalOut, 'startDate' | 'deadline'>>;

export function KpiSection({ dashboard: d, period, goals }: { dashboard: AccountDashboardOut; period: string; goals: GoalDates }) {
  const { t } = useTranslation();
  const groups = byGoal(d.kpis);
  return (
    <section className="card" aria-labelledby="dash-goals-heading">
      <h2 id="dash-goals-heading">{t('accountDashboard.goalsHeading')}</h2>
      {groups.length === 0 ? <p className="muted">{t('accountDashboard.noGoals')}</p> : null}
      {groups.map(({ goal, kpis }) => {
        const dates = goals.get(goal.id);
        return (
          <section key={goal.id} className="dash-goal" aria-labelledby={`dash-goal-${goal.id}`}>
            <h3 id={`dash-goal-${goal.id}`}>
              <Link to={`/goals/${encodeURIComponent(goal.id)}`}>{goal.qualitativeGoal}</Link> <GoalStatusBadge status={goal.status} />
            </h3>
            {dates && (dates.startDate || dates.deadline) ? (
              <p className="muted">{t('accountDashboard.goalPeriod', { period: formatDayRange(dates.startDate, dates.deadline) })}</p>
            ) : null}
            <div className="kpi-cards">
              {kpis.map((row) => (
                <KpiTile key={`${row.kpi.id}-${row.evaluation.accountId}`} row={row} accountId={d.account.id} period={period} dates={dates} />
              ))}
            </div>
          </section>
        );
      })}
    </section>
  );
}

function KpiTile({ row, accountId, period, dates }: { row: KpiRow; accountId: string; period: string; dates: Pick<GoalOut, 'startDate' | 'deadline'> | undefined }) {
  const { t } = useTranslation();
  const { kpi, evaluation: e } = row;
  const l = lang();
  const name = kpi.name[l];
  const headingId = `dash-kpi-${kpi.id}`;
  return (
    <article className={`card kpi-card status-${e.status}`} aria-labelledby={`${headingId} ${headingId}-how`}>
      <header className="kpi-card-head">
        <h4 id={headingId}>{name}</h4>
        <KpiStatusBadge status={e.status} />
      </header>
      <p className="muted" id={`${headingId}-how`}>
        {measurementLabel(t, kpi.measurement)} · {comparatorLabel(t, kpi.comparator)}
      </p>
      <dl className="kpi-numbers">
        <div>
          <dt>{t('kpi.actual')}</dt>
          <dd className={e.actual === null ? 'not-measured' : 'actual'}>{formatValue(t, e.actual, kpi.unit)}</dd>
        </div>
        <div>
          <dt>{t('kpi.target')}</dt>
          <dd>{e.target === null ? t('kpi.noTarget') : formatValue(t, e.target, kpi.unit)}</dd>
        </div>
        <div>
          <dt>{t('kpi.pace')}</dt>
          <dd>{e.pace === null ? '–' : formatValue(t, e.pace, kpi.unit)}</dd>
        </div>
      </dl>
      {e.progress !== null ? (
        <div className="progress-wrap">
          <progress max={100} value={Math.max(0, Math.min(100, e.progress * 100))} aria-label={t('accountDashboard.progressOf', { name })} />
          <span>{t('kpi.progressValue', { value: formatNumber(e.progress * 100, { maximumFractionDigits: 0 }) })}</span>
        </div>
      ) : null}
      {e.coverage ? (
        <p className="muted">
          {(t as unknown as (k: string, o: Record<string, unknown>) => string)(`coverage.${e.coverage.kind}`, {
            documented: e.coverage.documented,
            total: e.coverage.total,
            defaultValue: `${e.coverage.documented} / ${e.coverage.total}`,
          })}
        </p>
      ) : null}
      {e.attainability ? (
        <p className={`verdict-line verdict-${e.attainability.verdict}`}>
          <strong>{t(`verdict.${e.attainability.verdict}`)}</strong> {coreText(t, e.attainability.message)}
        </p>
      ) : null}
      <KpiChart row={row} accountId={accountId} period={period} dates={dates} />
    </article>
  );
}

function KpiChart({ row, accountId, period, dates }: { row: KpiRow; accountId: string; period: string; dates: Pick<GoalOut, 'startDate' | 'deadline'> | undefined }) {
  const { t } = useTranslation();
  const { kpi, evaluation: e } = row;
  const a = e.attainability;
  const name = kpi.name[lang()];
  if (a) {
    const series = chartSeries(e, kpi, dates?.startDate ?? e.paceLine?.from.date ?? null, dates?.deadline ?? e.paceLine?.to.date ?? null);
    const spec = kpiTimeSpec(series, a.step, kpi.unit, {
      title: t('accountDashboard.chartTitle', { name }),
      ...(series.cumulative ? { description: t('chart.cumulativeNote') } : {}),
      actual: series.cumulative ? t('chart.historyTotal') : t('accountDashboard.actual'),
      target: t('chart.target'),
      pace: t('chart.pace'),
      forecast: t('chart.forecast'),
      band: t('chart.band'),
    });
    return spec ? <Chart spec={spec} /> : <p className="muted">{t('accountDashboard.noHistory')}</p>;
  }
  const metric = kpi.kind === 'metric' && kpi.metric && getMetric(kpi.metric) ? kpi.metric : null;
  if (!metric) return <p className="muted">{t('accountDashboard.noChart')}</p>;
  return <MonthsChart accountId={accountId} metric={metric} period={period} row={row} />;
}

/** The metric's months of the dashboard's period, for a KPI without a forecast. */
function MonthsChart({ accountId, metric, period, row }: { accountId: string; metric: string; period: string; row: KpiRow }) {
  const { t } = useTranslation();
  const series = useLoad(() => getAccountSeries(accountId, { metric, period }), [accountId, metric, period]);
  const def = getMetric(metric);
  const name = def?.name[lang()] ?? metric;
  return (
    <Loaded data={series.data} error={series.error}>
      {(s) => (
        <Chart
          spec={monthsSpec(s, { measurement: row.kpi.measurement, target: row.evaluation.target }, def?.unit ?? row.kpi.unit, {
            title: t('accountDashboard.monthsTitle', { name }),
            description: t('accountDashboard.monthsDescription'),
            actual: name,
            target: t('chart.target'),
          })}
        />
      )}
    </Loaded>
  );
}
