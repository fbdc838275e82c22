/**
 * From a KPI and the account's documented statistics to the question attainability.ts answers:
 * which history series to forecast, at which step, and whether the target is a level or a total.
 *
 * - sums over the period (link clicks over the goal): the daily values, as a total;
 * - levels (followers at the deadline): the daily documented values, as a level;
 * - audience growth rate over the period: the daily follower counts, as a level, with the target
 *   turned into a follower count: followers at the start × (1 + target / 100);
 * - audience share: the share of the age groups in each audience snapshot, as a level;
 * - everything measured per post, per day, per month or as a rate: the value of each ended
 *   calendar month (the same measurement over that month), as a level at monthly steps.
 * History runs from `historyStart` (default: 365 days before asOf) to asOf.
 */
import { getMetric } from '../metrics/catalogue.ts';
import { type Day, addDays, compareDays, monthEnd } from '../period/days.ts';
import { type Period, monthsIn } from '../period/periods.ts';
import { perDayValue, windowValue } from '../kpi/aggregate.ts';
import { type Dataset, documentedDays, followersOn, indexStatistics } from '../kpi/dataset.ts';
import { perPostValue } from '../kpi/per-post.ts';
import type { Kpi, MetricKpi, Statistics } from '../kpi/types.ts';
import type { SeriesPoint } from '../forecast/forecast.ts';
import type { AttainabilityInput } from './attainability.ts';

const DEFAULT_HISTORY_DAYS = 365;

function monthlyValues(ds: Dataset, kpi: MetricKpi, history: Period, asOf: Day): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (const m of monthsIn(history)) {
    if (m.clipped || compareDays(monthEnd(m.period.start), asOf) > 0) continue; // whole, ended months only
    const v =
      kpi.measurement === 'per_post'
        ? perPostValue(ds, kpi.metric, m.period, kpi.platform)
        : kpi.measurement === 'per_day'
          ? perDayValue(ds, kpi.metric, m.period, kpi.platform)
          : windowValue(ds, kpi.metric, m.period, kpi.platform);
    if (v.value !== null) out.push({ date: m.period.start, value: v.value });
  }
  return out;
}

/** The attainability question for a KPI, built from the documented statistics up to `asOf`. */
export function attainabilityInputFor(
  kpi: Kpi,
  statistics: Statistics | Dataset,
  asOf: Day,
  historyStart: Day = addDays(asOf, -DEFAULT_HISTORY_DAYS),
): AttainabilityInput {
  const ds = 'daily' in statistics ? statistics : indexStatistics(statistics);
  const history: Period = { start: historyStart, end: asOf };
  const common = { comparator: kpi.comparator, target: kpi.target, start: kpi.start, deadline: kpi.deadline, asOf };

  if (kpi.kind === 'audience_share') {
    const series = ds.audience
      .filter((s) => compareDays(s.date, historyStart) >= 0 && compareDays(s.date, asOf) <= 0)
      .flatMap((s) => {
        const parts = kpi.ageGroups.map((g) => s.distribution[g]).filter((v): v is number => typeof v === 'number');
        return parts.length ? [{ date: s.date, value: parts.reduce((a, b) => a + b, 0) }] : [];
      });
    return { ...common, kind: 'level', step: 'day', history: series };
  }

  const atEnd = kpi.measurement === 'over_period' || kpi.measurement === 'at_deadline';
  const aggregation = getMetric(kpi.metric)?.aggregation;
  const daily = (metric: string) =>
    documentedDays(ds, metric, history, kpi.platform).map((d) => ({ date: d.date, value: d.value }));

  if (atEnd && aggregation === 'sum') return { ...common, kind: 'total', step: 'day', history: daily(kpi.metric) };
  if (atEnd && aggregation === 'latest') return { ...common, kind: 'level', step: 'day', history: daily(kpi.metric) };
  if (atEnd && kpi.metric === 'audience_growth_rate') {
    const followers = daily('followers');
    const atStart =
      compareDays(kpi.start, asOf) <= 0 ? followersOn(ds, kpi.start, kpi.platform)?.value : followers.at(-1)?.value;
    const target = atStart === undefined ? Number.NaN : atStart * (1 + kpi.target / 100);
    return { ...common, target, kind: 'level', step: 'day', history: followers };
  }
  return { ...common, kind: 'level', step: 'month', history: monthlyValues(ds, kpi, history, asOf) };
}
