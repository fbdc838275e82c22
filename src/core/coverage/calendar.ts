/**
 * An account's coverage calendar: for each metric, which days in `[from, to]` are documented
 * (as runs of days), where the gaps are, and the first and last documented day overall; and for
 * each day, how many metrics are documented (the web draws a heat map from it). Pure: the
 * service reads the documented (metric, day) pairs and each metric's extent, and passes them in.
 *
 * Which metrics: every platform metric the platform provides (catalogue order), then any other
 * metric documented for the account (web analytics, listening, the reporter's own records, or a
 * key the catalogue no longer lists), so nothing documented is hidden. A per-post value counts
 * for the day it is dated (`observations.day`).
 */
import { metricCatalogue } from '../metrics/catalogue.ts';
import type { Platform } from '../platforms.ts';
import { dayNumber, daysInclusive, type Day } from '../period/days.ts';
import { gaps, runsOfDayNumbers, totalDays, type DayRange } from './ranges.ts';

export interface DocumentedCell {
  metric: string;
  day: Day;
}

export interface MetricExtent {
  metric: string;
  first: Day;
  last: Day;
}

export interface MetricCoverage {
  metric: string;
  /** The platform reports it (false for metrics from elsewhere and unknown keys). */
  provided: boolean;
  /** Documented days in `[from, to]`. */
  documentedDays: number;
  documented: DayRange[];
  gaps: DayRange[];
  /** First and last documented day at all (also outside `[from, to]`); null when never documented. */
  firstDay: Day | null;
  lastDay: Day | null;
}

export interface CoverageCalendar {
  from: Day;
  to: Day;
  days: number;
  /** Metrics the platform provides (the scale of the heat map). */
  providedMetrics: number;
  metrics: MetricCoverage[];
  /** perDay[i] = how many metrics are documented on day `from + i`. */
  perDay: number[];
}

export function coverageCalendar(input: {
  platform: Platform;
  from: Day;
  to: Day;
  cells: readonly DocumentedCell[];
  extents: readonly MetricExtent[];
}): CoverageCalendar {
  const { platform, from, to } = input;
  const start = dayNumber(from);
  const days = daysInclusive(from, to);
  const perDay: number[] = new Array<number>(days).fill(0);
  const byMetric = new Map<string, Set<number>>();
  for (const c of input.cells) {
    const n = dayNumber(c.day);
    if (n < start || n >= start + days) continue;
    let set = byMetric.get(c.metric);
    if (!set) byMetric.set(c.metric, (set = new Set()));
    if (set.has(n)) continue;
    set.add(n);
    perDay[n - start] = (perDay[n - start] ?? 0) + 1;
  }
  const extentOf = new Map(input.extents.map((e) => [e.metric, e]));

  const provided = metricCatalogue.filter((m) => m.source === 'platform' && m.platforms.includes(platform)).map((m) => m.key);
  const providedSet = new Set(provided);
  const catalogueOrder = new Map(metricCatalogue.map((m, i) => [m.key, i]));
  const others = [...new Set([...byMetric.keys(), ...extentOf.keys()])]
    .filter((k) => !providedSet.has(k))
    .sort((a, b) => (catalogueOrder.get(a) ?? Infinity) - (catalogueOrder.get(b) ?? Infinity) || a.localeCompare(b));

  const metrics = [...provided, ...others].map((metric): MetricCoverage => {
    const documented = runsOfDayNumbers(byMetric.get(metric) ?? []);
    const extent = extentOf.get(metric);
    return {
      metric,
      provided: providedSet.has(metric),
      documentedDays: totalDays(documented),
      documented,
      gaps: gaps(documented, from, to),
      firstDay: extent?.first ?? null,
      lastDay: extent?.last ?? null,
    };
  });
  return { from, to, days, providedMetrics: provided.length, metrics, perDay };
}
