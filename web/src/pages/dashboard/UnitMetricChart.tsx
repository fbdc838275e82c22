/**
 * A metric by unit on the overview: bars for the scope in all and the units below it in the
 * chosen period, with the comparison (previous period or the same period last
 * year) as a second series and coverage noted. The chart gives the table alternative and the
 * PNG/SVG/CSV/XLSX downloads. The metric is kept in the address (`?metric=`).
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getMetricByUnit } from '../../api/dashboards.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { Loaded } from '../../components/feedback.tsx';
import { describeRange, resolveParam, type CompareChoice } from '../../components/period-picker.ts';
import { todayLocal } from '../../components/statistics.ts';
import { getMetric } from '../../../../src/core/metrics/catalogue.ts';
import type { MetricByUnitOut } from '../../../../src/contract/dashboards.ts';
import { useLoad } from '../../hooks.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { isOverviewMetric, overviewMetrics, unitBarSpec, type BarUnit } from './overview-view.ts';

export function UnitMetricChart({
  unit,
  period,
  compare,
  units,
}: {
  /** The scope (slug), or undefined for the organisation. */
  unit: string | undefined;
  period: string;
  compare: CompareChoice;
  /** The units to draw as bars, in order. */
  units: readonly BarUnit[];
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const requested = params.get('metric');
  const metric = isOverviewMetric(requested) ? requested : 'reach';
  const data = useLoad(() => getMetricByUnit({ metric, period, unit }), [metric, period, unit]);

  const setMetric = (m: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('metric', m);
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-labelledby={`${id}-heading`} className="dashboard-section">
      <h2 id={`${id}-heading`}>{t('dashboard.chart.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-metric`}>{t('dashboard.chart.metric')}</label>
        <select id={`${id}-metric`} value={metric} onChange={(e) => setMetric(e.target.value)}>
          {overviewMetrics.map((m) => (
            <option key={m} value={m}>
              {getMetric(m)?.name[lang] ?? m}
            </option>
          ))}
        </select>
      </div>
      <Loaded data={data.data} error={data.error}>
        {(d) => <Drawn data={d} compare={compare} units={units} running={resolveParam(period, todayLocal())?.state === 'running'} />}
      </Loaded>
    </section>
  );
}

function Drawn({ data, compare, units, running }: { data: MetricByUnitOut; compare: CompareChoice; units: readonly BarUnit[]; running: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const metricName = getMetric(data.metric)?.name[lang] ?? data.metric;
  const comparedPeriod = compare === 'previous' ? data.periods.previous : compare === 'last_year' ? data.periods.sameLastYear : null;
  const chart = useMemo(
    () =>
      unitBarSpec(
        data,
        units,
        compare,
        {
          title: t('dashboard.chart.title', { metric: metricName }),
          current: describeRange(data.periods.period, lang),
          compared: comparedPeriod ? describeRange(comparedPeriod, lang) : null,
          lead: t(data.acrossAccounts === 'sum' ? 'dashboard.chart.leadSum' : 'dashboard.chart.leadMean', { metric: metricName }),
          coverage: (unit, share) => (share === null ? t('dashboard.chart.coverageNone', { unit }) : t('dashboard.chart.coverage', { unit, share })),
        },
        lang,
      ),
    [data, units, compare, t, metricName, comparedPeriod, lang],
  );
  return (
    <>
      {compare !== 'none' && comparedPeriod === null ? <p className="muted">{t('dashboard.chart.noComparison')}</p> : null}
      {compare !== 'none' && comparedPeriod !== null && running ? <p className="muted">{t('dashboard.chart.running')}</p> : null}
      {chart.spec.categories.length > 0 ? <Chart spec={chart.spec} /> : <p className="muted">{t('dashboard.chart.noUnits', { metric: metricName })}</p>}
      {chart.withoutAccounts.length > 0 && chart.spec.categories.length > 0 ? (
        <p className="muted">{t('dashboard.chart.withoutAccounts', { metric: metricName, units: chart.withoutAccounts.join(', ') })}</p>
      ) : null}
    </>
  );
}
