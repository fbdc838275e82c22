/**
 * One metric of an account's year from its monthly rollups (annual-figures-reads.ts), as the
 * annual report shows it: each month with the same month the year before, the year's value by the
 * catalogue's aggregation, the change, trend and seasonality (core/reports/annual-trends.ts).
 */
import type { AnnualMetric } from '../../contract/reports.ts';
import { getMetric } from '../../core/metrics/catalogue.ts';
import { daysInMonth } from '../../core/period/days.ts';
import { aggregateMonths, type MonthPart, monthValue, relativeChange, seasonalityOf, trendOf, type YearAggregation } from '../../core/reports/annual-trends.ts';
import { monthsOf } from './annual-figures-reads.ts';

/** How the catalogue's aggregation adds months up: sums, the last value (stocks), the mean of documented days (means and rates). */
export function yearAggregation(metric: string): YearAggregation {
  const a = getMetric(metric)?.aggregation;
  return a === 'sum' ? 'sum' : a === 'latest' ? 'last' : 'mean';
}

/**
 * The metric over `year` from the account's parts by month ('YYYY-MM', both years). The year
 * before is compared over the months up to `asOfMonth` (all twelve once the year has ended).
 */
export function annualMetric(metric: string, parts: ReadonlyMap<string, MonthPart> | undefined, year: string, asOfMonth: string): AnnualMetric {
  const def = getMetric(metric);
  const aggregation = yearAggregation(metric);
  const previous = String(Number(year) - 1).padStart(4, '0');
  const part = (m: string) => parts?.get(m) ?? null;
  const months = monthsOf(year).map((month, i) => {
    const before = `${previous}-${month.slice(5)}`;
    const p = part(month);
    return {
      month,
      value: monthValue(p, aggregation),
      previousYear: monthValue(part(before), aggregation),
      documentedDays: p?.days ?? 0,
      days: daysInMonth(Number(year), i + 1),
    };
  });
  const current = aggregateMonths(monthsOf(year).map(part), aggregation);
  const previousYear = aggregateMonths(
    monthsOf(year)
      .filter((m) => m <= asOfMonth)
      .map((m) => part(`${previous}-${m.slice(5)}`)),
    aggregation,
  );
  return {
    metric,
    name: def?.name ?? { nb: metric, en: metric },
    unit: def?.unit ?? 'count',
    aggregation,
    months,
    year: current,
    previousYear,
    change: relativeChange(current, previousYear),
    trend: trendOf(months.map((m) => m.value)),
    seasonality: seasonalityOf(months),
  };
}

/** The reach or views metric the recommendation weighs: the first of these the report shows with a value this year. */
const REACH_METRICS = ['reach', 'views', 'impressions', 'video_views'];

export function mainReachMetric(metrics: readonly AnnualMetric[]): AnnualMetric | null {
  for (const key of REACH_METRICS) {
    const m = metrics.find((x) => x.metric === key && x.year !== null);
    if (m) return m;
  }
  return null;
}
