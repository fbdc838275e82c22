/**
 * The account's coverage calendar for the last year: a heat map with a row per month and a cell
 * per day (darker: more of the platform's metrics documented; a hollow cell: nothing), the count
 * of documented days per month in text beside it, the days with nothing documented listed as
 * ranges, coverage per metric, and how fresh the documentation is. The drawing is decorative for
 * assistive technology: every fact in it is also in the text and tables.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CoverageOut } from '../../api/index.ts';
import { Loaded } from '../../components/feedback.tsx';
import { formatDay, formatDayRange, formatMonth, metricName, todayLocal } from '../../components/statistics.ts';
import { useLoad } from '../../hooks.ts';
import { formatNumber } from '../../i18n/index.ts';
import { daysSince, lastDocumentedDay, monthRows, undocumentedRanges } from './coverage-view.ts';

const GAPS_SHOWN = 12;
const DAY_NUMBERS = Array.from({ length: 31 }, (_, i) => i + 1);

/** The last year up to yesterday, or the days `from`–`to` (the account dashboard's period). */
export function CoverageCalendar({ accountId, from, to }: { accountId: string; from?: string; to?: string }) {
  const coverage = useLoad(() => api.coverage.calendar(accountId, from, to), [accountId, from, to]);
  return (
    <Loaded data={coverage.data} error={coverage.error}>
      {(c) => <CoverageView coverage={c} />}
    </Loaded>
  );
}

function CoverageView({ coverage: c }: { coverage: CoverageOut }) {
  const { t } = useTranslation();
  const [allGaps, setAllGaps] = useState(false);
  const rows = monthRows(c);
  const gaps = undocumentedRanges(c);
  const last = lastDocumentedDay(c);
  const today = todayLocal();
  const monthly = c.cadence === 'monthly';
  const documentedTotal = rows.reduce((sum, r) => sum + r.documentedDays, 0);
  const shownGaps = allGaps ? gaps : gaps.slice(0, GAPS_SHOWN);
  const documentedMetrics = c.metrics.filter((m) => m.lastDay !== null);

  return (
    <div className="coverage">
      <p className="freshness">
        {last ? (
          <>
            <strong>{t('coverageCalendar.lastDocumented', { date: formatDay(last) })}</strong>{' '}
            {t('coverageCalendar.daysAgo', { count: Math.max(0, daysSince(last, today)), days: formatNumber(Math.max(0, daysSince(last, today))) })}
          </>
        ) : (
          <strong>{t('coverageCalendar.nothingYet')}</strong>
        )}
      </p>
      <p className="muted">
        {monthly
          ? t('coverageCalendar.introMonthly', { period: formatDayRange(c.from, c.to) })
          : t('coverageCalendar.intro', {
              period: formatDayRange(c.from, c.to),
              documented: formatNumber(documentedTotal),
              days: formatNumber(c.days),
            })}
      </p>

      <div className="table-wrap heatmap-wrap">
        <table className="heatmap">
          <caption>{t('coverageCalendar.caption', { period: formatDayRange(c.from, c.to) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coverageCalendar.month')}</th>
              <th scope="col" className="heatmap-days-head">
                <span aria-hidden="true" className="day-scale">
                  {DAY_NUMBERS.map((d) => (
                    <span key={d}>{d === 1 || d % 5 === 0 ? d : ''}</span>
                  ))}
                </span>
                <span className="visually-hidden">{t('coverageCalendar.daysColumn')}</span>
              </th>
              <th scope="col" className="num">
                {monthly ? t('coverageCalendar.documentedMonth') : t('coverageCalendar.documentedDays')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{formatMonth(r.month)}</th>
                <td className="heatmap-cells">
                  <span className="day-strip" aria-hidden="true">
                    {r.cells.map((cell, i) =>
                      cell ? (
                        <span
                          key={i}
                          className={`day-cell level-${cell.level}`}
                          title={`${formatDay(cell.day)}: ${t('coverageCalendar.metricsOnDay', { count: cell.count, metrics: formatNumber(cell.count) })}`}
                        />
                      ) : (
                        <span key={i} className="day-cell outside" />
                      ),
                    )}
                  </span>
                </td>
                <td className="num">
                  {monthly
                    ? r.documentedDays > 0
                      ? t('coverageCalendar.yes')
                      : t('coverageCalendar.no')
                    : t('coverageCalendar.daysOf', { documented: formatNumber(r.documentedDays), days: formatNumber(r.daysInRange) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="chart-legend heatmap-legend" aria-hidden="true">
        <li>
          <span className="day-cell level-0" /> {t('coverageCalendar.legendNone')}
        </li>
        <li>
          <span className="day-cell level-1" /> <span className="day-cell level-2" /> <span className="day-cell level-3" /> {t('coverageCalendar.legendSome')}
        </li>
        <li>
          <span className="day-cell level-4" /> {t('coverageCalendar.legendAll', { count: c.providedMetrics })}
        </li>
      </ul>

      {!monthly && last !== null ? (
        <>
          <h3>{t('coverageCalendar.gapsHeading')}</h3>
          {gaps.length === 0 ? (
            <p>{t('coverageCalendar.noGaps')}</p>
          ) : (
            <>
              <p className="muted">{t('coverageCalendar.gapsIntro', { count: gaps.length, ranges: formatNumber(gaps.length) })}</p>
              <ul className="gap-list">
                {shownGaps.map(([from, to]) => {
                  const length = daysSince(from, to) + 1;
                  return (
                    <li key={from}>
                      {formatDayRange(from, to)} <span className="muted">({t('coverageCalendar.gapDays', { count: length, days: formatNumber(length) })})</span>
                    </li>
                  );
                })}
              </ul>
              {gaps.length > GAPS_SHOWN ? (
                <button type="button" className="link-button" onClick={() => setAllGaps((v) => !v)} aria-expanded={allGaps}>
                  {allGaps ? t('coverageCalendar.fewerGaps') : t('coverageCalendar.allGaps', { count: gaps.length })}
                </button>
              ) : null}
            </>
          )}
        </>
      ) : null}

      {documentedMetrics.length > 0 ? (
        <details className="disclosure metric-coverage">
          <summary>{t('coverageCalendar.byMetric')}</summary>
          <div className="disclosure-body table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('kpi.metric')}</th>
                  <th scope="col" className="num">
                    {t('coverageCalendar.documentedDays')}
                  </th>
                  <th scope="col">{t('coverageCalendar.firstLast')}</th>
                  <th scope="col" className="num">
                    {t('coverageCalendar.gapCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.metrics.map((m) => (
                  <tr key={m.metric}>
                    <th scope="row">{metricName(m.metric)}</th>
                    <td className="num">{t('coverageCalendar.daysOf', { documented: formatNumber(m.documentedDays), days: formatNumber(c.days) })}</td>
                    <td>{m.firstDay ? formatDayRange(m.firstDay, m.lastDay) : <span className="not-set">{t('coverageCalendar.never')}</span>}</td>
                    <td className="num">{formatNumber(m.gaps.length)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </div>
  );
}
