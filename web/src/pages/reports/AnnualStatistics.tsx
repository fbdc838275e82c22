/**
 * The annual report's statistics: a table of the metrics through the year (the year against the
 * year before, the change with its sign, the trend and the peak and low months), a chart per main
 * metric month by month against last year (each with its table and downloads, <Chart>), the
 * content formats ranked, and audience fit month by month.
 */
import { useTranslation } from 'react-i18next';
import type { AnnualAccountFigures, AnnualMetric } from '../../../../src/contract/reports.ts';
import { getMetric } from '../../../../src/core/metrics/catalogue.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { formatValue, lang } from '../../components/goals.tsx';
import { ageGroupLabel } from '../../components/labels.ts';
import { formatDay, formatMonth } from '../../components/statistics.ts';
import { formatNumber } from '../../i18n/index.ts';
import { mainMetrics, yearOverYearSpec } from './annual-chart.ts';
import { Measured, changeLabel, percentText } from './labels.tsx';

/** The most charts drawn: the KPIs' metrics come first, then the platform's core metrics. */
const MAX_CHARTS = 6;

export function AnnualStatistics({ figures: f }: { figures: AnnualAccountFigures }) {
  const { t } = useTranslation();
  const previous = String(Number(f.year) - 1);
  const charted = mainMetrics(f.metrics, MAX_CHARTS);
  return (
    <section className="card" aria-labelledby="annual-stats-heading">
      <h2 id="annual-stats-heading">{t('annualReports.statsHeading')}</h2>
      {f.metrics.length === 0 ? (
        <p className="muted">{t('annualReports.noMetrics')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption>{t('annualReports.statsCaption', { year: f.year, previous })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('annualReports.statsCol.metric')}</th>
                  <th scope="col" className="num">{f.year}</th>
                  <th scope="col" className="num">{previous}</th>
                  <th scope="col" className="num">{t('annualReports.statsCol.change')}</th>
                  <th scope="col">{t('annualReports.statsCol.trend')}</th>
                  <th scope="col">{t('annualReports.statsCol.season')}</th>
                </tr>
              </thead>
              <tbody>
                {f.metrics.map((m) => (
                  <MetricRow key={m.metric} metric={m} />
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('annualReports.statsNote')}</p>
          <h3 id="annual-charts-heading">{t('annualReports.chartsHeading', { previous })}</h3>
          {charted.length === 0 ? <p className="muted">{t('annualReports.noCharts')}</p> : null}
          {charted.map((m) => (
            <Chart
              key={m.metric}
              spec={yearOverYearSpec(m, f.year, {
                title: t('annualReports.chartTitle', { name: m.name[lang()], year: f.year, previous }),
                description: t('annualReports.chartDescription'),
                year: f.year,
                previousYear: previous,
              })}
            />
          ))}
        </>
      )}
    </section>
  );
}

function MetricRow({ metric: m }: { metric: AnnualMetric }) {
  const { t } = useTranslation();
  const measuredMonths = m.months.filter((x) => x.value !== null).length;
  const trend = m.trend.direction;
  return (
    <tr>
      <th scope="row">
        {m.name[lang()]}
        <br />
        <span className="muted">{t(`annualReports.aggregation.${m.aggregation}`)}</span>
      </th>
      <td className="num">
        <Measured value={m.year} text={formatValue(t, m.year, m.unit)} />
        <br />
        <span className="muted">{t('annualReports.measuredMonths', { count: measuredMonths, months: formatNumber(measuredMonths) })}</span>
      </td>
      <td className="num">
        <Measured value={m.previousYear} text={formatValue(t, m.previousYear, m.unit)} />
      </td>
      <td className="num">
        <Measured value={m.change} text={changeLabel(t, m.change)} />
      </td>
      <td>
        {trend === null ? (
          <span className="not-set">{t('annualReports.trendUnknown')}</span>
        ) : (
          <>
            <span aria-hidden="true">{trend === 'up' ? '↗ ' : trend === 'down' ? '↘ ' : '→ '}</span>
            {t(`annualReports.trend.${trend}`)}
            {m.trend.slopePerMonth !== null && trend !== 'flat' ? (
              <>
                <br />
                <span className="muted">
                  {t('annualReports.perMonth', { value: `${m.trend.slopePerMonth > 0 ? '+' : ''}${formatValue(t, m.trend.slopePerMonth, m.unit)}` })}
                </span>
              </>
            ) : null}
          </>
        )}
      </td>
      <td>
        {m.seasonality.peakMonth && m.seasonality.lowMonth ? (
          t('annualReports.season', { peak: formatMonth(m.seasonality.peakMonth), low: formatMonth(m.seasonality.lowMonth) })
        ) : (
          <span className="not-set">{t('annualReports.seasonUnknown')}</span>
        )}
      </td>
    </tr>
  );
}

export function AnnualFormats({ formats }: { formats: AnnualAccountFigures['formats'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="annual-formats-heading">
      <h2 id="annual-formats-heading">{t('annualReports.formatsHeading')}</h2>
      {formats.length === 0 ? (
        <p className="muted">{t('annualReports.noFormats')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('annualReports.formatsHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('annualReports.formatCol.type')}</th>
                <th scope="col" className="num">{t('annualReports.formatCol.posts')}</th>
                <th scope="col">{t('annualReports.formatCol.metric')}</th>
                <th scope="col" className="num">{t('annualReports.formatCol.mean')}</th>
                <th scope="col" className="num">{t('annualReports.formatCol.median')}</th>
              </tr>
            </thead>
            <tbody>
              {formats.map((x) => {
                const unit = getMetric(x.metric)?.unit ?? 'count';
                return (
                  <tr key={`${x.postType}-${x.metric}`}>
                    <th scope="row">{x.postType}</th>
                    <td className="num">{formatNumber(x.posts)}</td>
                    <td>{x.name[lang()]}</td>
                    <td className="num">
                      <Measured value={x.mean} text={formatValue(t, x.mean, unit)} />
                    </td>
                    <td className="num">
                      <Measured value={x.median} text={formatValue(t, x.median, unit)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function AnnualAudience({ audience: a }: { audience: AnnualAccountFigures['audience'] }) {
  const { t } = useTranslation();
  const targets = a.targetAgeGroups.map((g) => ageGroupLabel(t, g)).join(', ');
  return (
    <section className="card" aria-labelledby="annual-audience-heading">
      <h2 id="annual-audience-heading">{t('annualReports.audienceHeading')}</h2>
      <p>
        {a.targetAgeGroups.length > 0 ? t('audience.targets', { groups: targets }) : t('audience.unknown.no_target_groups')}
      </p>
      {a.snapshots.length === 0 ? (
        <p className="muted">{t('annualReports.noSnapshots')}</p>
      ) : (
        <>
          <p>{t('annualReports.fitMonths', { fit: formatNumber(a.fitMonths), misfit: formatNumber(a.misfitMonths), months: formatNumber(a.snapshots.length) })}</p>
          <div className="table-wrap">
            <table className="table">
              <caption>{t('annualReports.audienceCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('annualReports.audienceCol.day')}</th>
                  <th scope="col">{t('annualReports.audienceCol.largest')}</th>
                  <th scope="col" className="num">{t('annualReports.audienceCol.targetShare')}</th>
                  <th scope="col">{t('annualReports.audienceCol.fit')}</th>
                </tr>
              </thead>
              <tbody>
                {a.snapshots.map((s) => (
                  <tr key={s.day}>
                    <th scope="row">{formatDay(s.day)}</th>
                    <td>
                      {s.largestGroup ? ageGroupLabel(t, s.largestGroup) : <span className="not-set">{t('kpi.notMeasured')}</span>}
                      {s.largestShare !== null ? ` (${percentText(t, s.largestShare / 100)})` : ''}
                    </td>
                    <td className="num">{s.targetShare === null ? <span className="not-set">{t('kpi.notMeasured')}</span> : percentText(t, s.targetShare / 100)}</td>
                    <td>{t(`dashboard.fit.${s.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
