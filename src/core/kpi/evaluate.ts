/**
 * The evaluation engine: a KPI, the documented statistics and a date in → the actual value,
 * status, progress, pace and a trace of the numbers used. Status and pace rules are in
 * status.ts; how values over windows are found is in aggregate.ts and per-post.ts.
 *
 * The window is the goal's start to asOf (or to the deadline, once passed). By measurement:
 * - per_post: the mean over posts published in the window (each post's value also returned);
 * - per_day: per documented day (sums ÷ documented days; rates as over the window);
 * - per_month: calendar months of the goal, clipped to start and deadline; a month counts once
 *   it has ended by asOf (the running month is reported but not used), and the actual is the
 *   mean of the ended months' values; not measured until a month has ended;
 * - over_period and at_deadline: the metric over the window by its aggregation (a running sum,
 *   the latest level, a mean, or a rate); at the deadline the two coincide.
 * An audience-share KPI takes the latest audience snapshot in the window and adds up the
 * percentages of its age groups (groups the platform does not report are left out and noted).
 *
 * Baseline when none is given: 0 for cumulative sums and for audience growth rate; for levels
 * (followers, audience share) the documented value at the start (on the start day or up to 31
 * days before, else the first in the window); none for averages and rates.
 */
import { getMetric } from '../metrics/catalogue.ts';
import { kpiMetric } from '../metrics/derived.ts';
import { type Day, addDays, compareDays, isDay, minDay } from '../period/days.ts';
import { type Period, contains, intersect, monthsIn, previousPeriod } from '../period/periods.ts';
import type { FieldIssue } from '../errors.ts';
import { perDayValue, viewerDevelopmentValue, windowSum, windowValue } from './aggregate.ts';
import { type Dataset, FOLLOWER_LOOKBACK_DAYS, documentedDays, indexStatistics, latestOnOrBefore } from './dataset.ts';
import { perPostValue } from './per-post.ts';
import { type KpiShape, type KpiStatus, meets, paceAt, progressOf, statusOf } from './status.ts';
import type { AudienceShareKpi, Coverage, Kpi, Measured, Statistics, TraceItem, TraceNote } from './types.ts';
import { coverage, notMeasured } from './types.ts';

export interface MonthResult {
  month: string;
  period: Period;
  clipped: boolean;
  ended: boolean;
  value: number | null;
  coverage: Coverage | null;
}

export interface KpiEvaluation {
  asOf: Day;
  window: Period | null;
  actual: number | null;
  target: number;
  status: KpiStatus;
  progress: number | null;
  pace: number | null;
  /** The straight pace line for charts (null when there is no baseline: the pace is the target). */
  paceLine: { from: { date: Day; value: number }; to: { date: Day; value: number } } | null;
  baseline: number | null;
  baselineSource: 'given' | 'zero' | 'data' | 'none';
  shape: KpiShape;
  /** True once the deadline is reached: the status is final. */
  final: boolean;
  coverage: Coverage | null;
  months?: MonthResult[];
  posts?: { postId: string; date: Day; value: number | null; meetsTarget: boolean | null }[];
  trace: { used: TraceItem[]; notes: TraceNote[] };
}

/** Problems with a KPI definition, as field issues (empty when it can be evaluated). */
export function validateKpi(kpi: Kpi): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isDay(kpi.start)) issues.push({ path: 'start', message: 'Expected a calendar day as YYYY-MM-DD' });
  if (!isDay(kpi.deadline)) issues.push({ path: 'deadline', message: 'Expected a calendar day as YYYY-MM-DD' });
  else if (isDay(kpi.start) && compareDays(kpi.deadline, kpi.start) < 0) {
    issues.push({ path: 'deadline', message: 'The deadline is before the start' });
  }
  if (!Number.isFinite(kpi.target)) issues.push({ path: 'target', message: 'A target value is required' });
  if (kpi.baseline != null && !Number.isFinite(kpi.baseline)) issues.push({ path: 'baseline', message: 'Not a number' });
  if (kpi.kind === 'audience_share') {
    if (kpi.ageGroups.length === 0) issues.push({ path: 'ageGroups', message: 'Name at least one age group' });
    if (kpi.target < 0 || kpi.target > 100) issues.push({ path: 'target', message: 'A share is between 0 and 100 %' });
    if (kpi.measurement !== 'over_period' && kpi.measurement !== 'at_deadline') {
      issues.push({ path: 'measurement', message: 'An audience share is measured over the period or at the deadline' });
    }
    return issues;
  }
  const info = kpiMetric(kpi.metric);
  if (!info) return [...issues, { path: 'metric', message: `Unknown metric "${kpi.metric}"` }];
  if (!info.measurements.includes(kpi.measurement)) {
    issues.push({ path: 'measurement', message: `${info.name.en} cannot be measured ${kpi.measurement.replace('_', ' ')}` });
  }
  if (!info.platforms.includes(kpi.platform)) {
    issues.push({ path: 'metric', message: `${info.name.en} is not available on ${kpi.platform}` });
  }
  return issues;
}

function shapeOf(kpi: Kpi): KpiShape {
  if (kpi.kind === 'audience_share') return 'level';
  const atEnd = kpi.measurement === 'over_period' || kpi.measurement === 'at_deadline';
  if (!atEnd) return 'average';
  const base = getMetric(kpi.metric);
  if (base?.aggregation === 'sum') return 'cumulative';
  if (base?.aggregation === 'latest' || kpi.metric === 'audience_growth_rate') return 'level';
  return 'average';
}

function audienceShare(ds: Dataset, kpi: AudienceShareKpi, window: Period): Measured {
  const inWindow = ds.audience.filter((s) => contains(window, s.date));
  const snap = inWindow.at(-1);
  if (!snap) return notMeasured('no_audience_snapshot');
  return shareOf(snap, kpi, inWindow.length);
}

function shareOf(snap: Dataset['audience'][number], kpi: AudienceShareKpi, count: number): Measured {
  const used: TraceItem[] = [];
  const missing: string[] = [];
  for (const g of kpi.ageGroups) {
    const v = snap.distribution[g];
    if (typeof v !== 'number' || !Number.isFinite(v)) missing.push(g);
    else used.push({ metric: 'audience_share', date: snap.date, value: v, ageGroup: g });
  }
  if (used.length === 0) return notMeasured('age_groups_not_reported', { ageGroups: kpi.ageGroups.join(',') });
  const notes: TraceNote[] = [{ code: 'audience_snapshot', params: { date: snap.date } }];
  if (missing.length) notes.push({ code: 'age_groups_not_reported', params: { ageGroups: missing.join(',') } });
  return {
    value: used.reduce((a, u) => a + u.value, 0),
    coverage: { kind: 'snapshots', documented: count, total: count, share: 1 },
    used,
    notes,
  };
}

/**
 * The documented value at the goal's start, for a level KPI without a given baseline: on the
 * start day or up to 31 days before, else the first value in the window so far.
 */
function levelAtStart(ds: Dataset, kpi: Kpi, window: Period): Measured {
  const lookback = { start: addDays(kpi.start, -FOLLOWER_LOOKBACK_DAYS), end: kpi.start };
  if (kpi.kind === 'audience_share') {
    const snap = ds.audience.filter((s) => contains(lookback, s.date)).at(-1) ?? ds.audience.find((s) => contains(window, s.date));
    return snap ? shareOf(snap, kpi, 1) : notMeasured('no_baseline');
  }
  const at =
    latestOnOrBefore(ds, kpi.metric, kpi.start, lookback.start, kpi.platform) ??
    documentedDays(ds, kpi.metric, window, kpi.platform)[0];
  return at ? { value: at.value, coverage: null, used: at.used, notes: [] } : notMeasured('no_baseline');
}

/** The baseline: given, else 0 for sums and growth rates, else the level at the start, else none. */
function resolveBaseline(
  ds: Dataset,
  kpi: Kpi,
  shape: KpiShape,
  window: Period | null,
): { baseline: number | null; source: KpiEvaluation['baselineSource']; used: TraceItem[]; notes: TraceNote[] } {
  if (kpi.baseline != null) return { baseline: kpi.baseline, source: 'given', used: [], notes: [] };
  if (shape === 'cumulative' || (kpi.kind === 'metric' && kpi.metric === 'audience_growth_rate')) {
    return { baseline: 0, source: 'zero', used: [], notes: [] };
  }
  if (shape === 'level' && window) {
    const atStart = levelAtStart(ds, kpi, window);
    if (atStart.value !== null) {
      const date = atStart.used[0]?.date ?? kpi.start;
      return { baseline: atStart.value, source: 'data', used: atStart.used, notes: [{ code: 'baseline_from_data', params: { date } }] };
    }
  }
  return { baseline: null, source: 'none', used: [], notes: [] };
}

function monthly(ds: Dataset, kpi: Kpi & { kind: 'metric' }, asOf: Day): { measured: Measured; months: MonthResult[] } {
  const sumMetric = getMetric(kpi.metric)?.aggregation === 'sum';
  const months: MonthResult[] = [];
  const used: TraceItem[] = [];
  for (const m of monthsIn({ start: kpi.start, end: kpi.deadline })) {
    const ended = compareDays(m.period.end, asOf) <= 0;
    const window = ended ? m.period : intersect(m.period, { start: m.period.start, end: asOf });
    if (!window) continue;
    const v = (sumMetric ? windowSum : windowValue)(ds, kpi.metric, window, kpi.platform);
    months.push({ month: m.month, period: m.period, clipped: m.clipped, ended, value: v.value, coverage: v.coverage });
    if (ended && v.value !== null) used.push(...v.used);
  }
  const endedMonths = months.filter((m) => m.ended);
  const values = endedMonths.flatMap((m) => (m.value === null ? [] : [m.value]));
  if (values.length === 0) return { measured: notMeasured('no_ended_month'), months };
  const value = values.reduce((a, b) => a + b, 0) / values.length;
  return {
    measured: {
      value,
      coverage: coverage('months', values.length, endedMonths.length),
      used,
      notes: [{ code: 'mean_of_months', params: { months: values.length } }],
    },
    months,
  };
}

export function evaluateKpi(kpi: Kpi, statistics: Statistics | Dataset, asOf: Day): KpiEvaluation {
  const ds = 'daily' in statistics ? statistics : indexStatistics(statistics);
  const shape = shapeOf(kpi);
  const issues = validateKpi(kpi);
  const base = {
    asOf,
    target: kpi.target,
    shape,
    final: isDay(kpi.deadline) && isDay(asOf) && compareDays(asOf, kpi.deadline) >= 0,
  };
  if (issues.length > 0) {
    return {
      ...base, window: null, actual: null, status: 'not_measured', progress: null, pace: null, paceLine: null,
      baseline: null, baselineSource: 'none', coverage: null,
      trace: { used: [], notes: issues.map((i) => ({ code: 'invalid_kpi', params: { path: i.path, message: i.message } })) },
    };
  }
  const started = compareDays(asOf, kpi.start) >= 0;
  const window: Period | null = started ? { start: kpi.start, end: minDay(asOf, kpi.deadline) } : null;

  let measured: Measured;
  let months: MonthResult[] | undefined;
  if (!window) measured = notMeasured('not_started', { start: kpi.start });
  else if (kpi.kind === 'audience_share') measured = audienceShare(ds, kpi, window);
  else if (kpi.measurement === 'per_post') measured = perPostValue(ds, kpi.metric, window, kpi.platform);
  else if (kpi.measurement === 'per_day') measured = perDayValue(ds, kpi.metric, window, kpi.platform);
  else if (kpi.measurement === 'per_month') ({ measured, months } = monthly(ds, kpi, window.end));
  else if (kpi.metric === 'viewer_development') {
    const before = previousPeriod({ start: kpi.start, end: kpi.deadline });
    measured = viewerDevelopmentValue(ds, window, before, kpi.platform);
  } else measured = windowValue(ds, kpi.metric, window, kpi.platform);

  const { baseline, source: baselineSource, ...fromBaseline } = resolveBaseline(ds, kpi, shape, window);
  const notes = [...measured.notes, ...fromBaseline.notes];
  const used = [...measured.used, ...fromBaseline.used.filter((u) => !measured.used.includes(u))];
  const { start, deadline, target, comparator } = kpi;
  const pace = paceAt(shape, baseline, target, start, deadline, window?.end ?? start);
  const status = statusOf({ shape, comparator, actual: measured.value, target, pace, start, deadline, asOf });
  const result: KpiEvaluation = {
    ...base,
    window,
    actual: measured.value,
    status,
    progress: progressOf(kpi.comparator, measured.value, baseline, kpi.target),
    pace: window ? pace : null,
    paceLine: baseline === null ? null : { from: { date: start, value: baseline }, to: { date: deadline, value: target } },
    baseline,
    baselineSource,
    coverage: measured.coverage,
    trace: { used, notes },
  };
  if (months) result.months = months;
  if (measured.posts) {
    result.posts = measured.posts.map((p) => ({
      ...p,
      meetsTarget: p.value === null ? null : meets(comparator, p.value, target),
    }));
  }
  return result;
}
