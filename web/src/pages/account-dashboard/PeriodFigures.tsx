/**
 * The period's figures of the KPIs' metrics (and followers) against the previous period or the
 * same period last year, as the period picker's comparison says: each metric over the period by
 * its aggregation (total, last value, mean of days), the comparison period's, the change in
 * percent and how much of the period is documented. Read from the monthly series endpoint.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { getAccountSeries, type AccountDashboardOut, type AccountSeriesOut } from '../../api/dashboards.ts';
import { Loaded } from '../../components/feedback.tsx';
import { formatValue, lang } from '../../components/goals.tsx';
import type { CompareChoice } from '../../components/PeriodPicker.tsx';
import { formatDayRange } from '../../components/statistics.ts';
import { useLoad } from '../../hooks.ts';
import { formatNumber } from '../../i18n/index.ts';
import { getMetric } from '../../../../src/core/metrics/catalogue.ts';
import { percentChange, periodMetrics } from './dashboard-view.ts';

type Covered = AccountSeriesOut['total'];

const isBase = (m: string) => getMetric(m) !== undefined;

function covered(t: TFunction, c: Covered | null, unit: string): string {
  if (!c) return t('accountDashboard.noComparison');
  return formatValue(t, c.value, unit);
}

function coverageText(t: TFunction, c: Covered): string {
  if (c.coverage === null) return t('kpi.notMeasured');
  return t('unit.percent', { value: formatNumber(c.coverage * 100, { maximumFractionDigits: 0 }) });
}

export function PeriodFigures({ dashboard: d, period, compare }: { dashboard: AccountDashboardOut; period: string; compare: CompareChoice }) {
  const { t } = useTranslation();
  const metrics = periodMetrics(d.kpis, isBase).filter((m) => getMetric(m)?.platforms.includes(d.account.platform));
  const key = metrics.join(',');
  const series = useLoad(() => Promise.all(metrics.map((metric) => getAccountSeries(d.account.id, { metric, period }))), [d.account.id, key, period]);
  const base = compare === 'previous' ? d.periods.previous : compare === 'last_year' ? d.periods.sameLastYear : null;
  const baseLabel = compare === 'previous' ? t('accountDashboard.previousPeriod') : t('accountDashboard.sameLastYear');
  const caption =
    compare === 'none' || !base
      ? t('accountDashboard.figuresCaption', { period: formatDayRange(d.periods.period.start, d.periods.period.end) })
      : t('accountDashboard.figuresCaptionCompared', {
          period: formatDayRange(d.periods.period.start, d.periods.period.end),
          base: formatDayRange(base.start, base.end),
        });
  return (
    <section className="card" aria-labelledby="dash-figures-heading">
      <h2 id="dash-figures-heading">{t('accountDashboard.figuresHeading')}</h2>
      {metrics.length === 0 ? (
        <p className="muted">{t('accountDashboard.noFigures')}</p>
      ) : (
        <Loaded data={series.data} error={series.error}>
          {(list) => (
            <div className="table-wrap">
              <table className="table">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('kpi.metric')}</th>
                    <th scope="col" className="num">
                      {t('accountDashboard.thisPeriod')}
                    </th>
                    {compare !== 'none' ? (
                      <>
                        <th scope="col" className="num">
                          {baseLabel}
                        </th>
                        <th scope="col" className="num">
                          {t('accountDashboard.change')}
                        </th>
                      </>
                    ) : null}
                    <th scope="col" className="num">
                      {t('accountDashboard.documented')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => {
                    const def = getMetric(s.metric);
                    const unit = def?.unit ?? 'count';
                    const other = compare === 'previous' ? s.previous : compare === 'last_year' ? s.sameLastYear : null;
                    const change = percentChange(s.total.value, other?.value ?? null);
                    return (
                      <tr key={s.metric}>
                        <th scope="row">
                          {def?.name[lang()] ?? s.metric}{' '}
                          <span className="muted">({t(`accountDashboard.aggregation.${s.aggregation}`)})</span>
                        </th>
                        <td className="num">{covered(t, s.total, unit)}</td>
                        {compare !== 'none' ? (
                          <>
                            <td className="num">{covered(t, other, unit)}</td>
                            <td className="num">
                              {change === null
                                ? '–'
                                : t('accountDashboard.changeValue', {
                                    value: formatNumber(change, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
                                  })}
                            </td>
                          </>
                        ) : null}
                        <td className="num">{coverageText(t, s.total)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      )}
    </section>
  );
}
