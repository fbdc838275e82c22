/**
 * Shared by the dashboard services: a period in URL form resolved to whole months with what it
 * is compared with, and the values of accounts and units over the buckets read by
 * read-rollups.ts (each month of the period, the whole period and its comparisons). Values over several
 * months follow the catalogue's aggregation: `sum` adds the months' sums, `latest` takes the
 * value on the last documented day, `mean` (and `rate`, which the rollups cannot recompute from
 * paired daily components) is the mean of the documented days: Σ sums / Σ documented days.
 * Nothing documented gives null, never 0.
 */
import { AppError } from '../../core/errors.ts';
import { getMetric, type MetricDefinition } from '../../core/metrics/catalogue.ts';
import { monthEnd, monthStart } from '../../core/period/days.ts';
import { parsePeriodParam, resolvePeriodChoice } from '../../core/period/period-choice.ts';
import { monthsIn, type Period, periodLength } from '../../core/period/periods.ts';
import type { CoveredValue, MonthValue } from '../../contract/dashboards.ts';
import type { UnitBuckets } from './read-rollups.ts';

export type PeriodAggregation = 'sum' | 'latest' | 'mean';

export function metricOf(key: string): { def: MetricDefinition; aggregation: PeriodAggregation } {
  const def = getMetric(key);
  if (!def) throw new AppError('validation_failed', `Unknown metric "${key}".`, [{ path: 'metric', message: `unknown metric "${key}"` }]);
  const aggregation: PeriodAggregation = def.aggregation === 'sum' ? 'sum' : def.aggregation === 'latest' ? 'latest' : 'mean';
  return { def, aggregation };
}

const wholeMonths = (p: Period): boolean => p.start === monthStart(p.start) && p.end === monthEnd(p.end);

export interface MonthlyPeriods {
  period: Period;
  /** 'YYYY-MM' of each month of the period. */
  months: { month: string; days: number }[];
  previous: Period | null;
  sameLastYear: Period | null;
}

/** The period (a month, quarter, year, or a custom range of whole months) with its comparisons. */
export function monthlyPeriods(param: string, now: Date): MonthlyPeriods {
  const r = resolvePeriodChoice(parsePeriodParam(param), now.toISOString().slice(0, 10));
  if (!wholeMonths(r.period)) {
    const message = 'monthly dashboards need whole months: a month, a quarter, a year, or a range from a first to a last day of a month';
    throw new AppError('validation_failed', message, [{ path: 'period', message }]);
  }
  return {
    period: r.period,
    months: monthsIn(r.period).map((m) => ({ month: m.month, days: periodLength(m.period) })),
    previous: wholeMonths(r.previous) ? r.previous : null,
    sameLastYear: wholeMonths(r.sameLastYear) ? r.sameLastYear : null,
  };
}

/** An account's documented part of a bucket (a month, or a comparison period). */
export interface Part {
  sum: number;
  days: number;
  /** The value on the bucket's last documented day; null when not read (only `latest` needs it). */
  lastValue: number | null;
}

/** bucket ('YYYY-MM', 'previous', 'same_last_year', 'period') → account id → part. */
export type Buckets = Map<string, Map<string, Part>>;

/** One account's value over a bucket by the aggregation; null when nothing is documented. */
export function valueOf(part: Part | undefined, aggregation: PeriodAggregation): number | null {
  if (!part || part.days === 0) return null;
  switch (aggregation) {
    case 'sum':
      return part.sum;
    case 'latest':
      return part.lastValue;
    case 'mean':
      return part.sum / part.days;
  }
}

/**
 * Several accounts' value over one bucket: sums and latest values are added (a unit's reach, its
 * followers), means are averaged over the accounts with a value. `days` is the bucket's length.
 */
export function combine(parts: readonly (Part | undefined)[], aggregation: PeriodAggregation, days: number): CoveredValue {
  const values: number[] = [];
  let documented = 0;
  for (const p of parts) {
    const v = valueOf(p, aggregation);
    if (v !== null && p) {
      values.push(v);
      documented += p.days;
    }
  }
  const total = values.reduce((a, b) => a + b, 0);
  const value = values.length === 0 ? null : aggregation === 'mean' ? total / values.length : total;
  const expected = parts.length * days;
  return { value, documented, expected, coverage: expected === 0 ? null : documented / expected };
}

/** The months of the period, the whole period and its comparisons, for a set of accounts. */
export function covered(
  buckets: Buckets,
  accountIds: readonly string[],
  aggregation: PeriodAggregation,
  p: MonthlyPeriods,
): { months: MonthValue[]; total: CoveredValue; previous: CoveredValue | null; sameLastYear: CoveredValue | null } {
  const partsOf = (bucket: string) => {
    const b = buckets.get(bucket);
    return accountIds.map((id) => b?.get(id));
  };
  return {
    months: p.months.map((m) => ({ month: m.month, ...combine(partsOf(m.month), aggregation, m.days) })),
    total: combine(partsOf('period'), aggregation, periodLength(p.period)),
    previous: p.previous ? combine(partsOf('previous'), aggregation, periodLength(p.previous)) : null,
    sameLastYear: p.sameLastYear ? combine(partsOf('same_last_year'), aggregation, periodLength(p.sameLastYear)) : null,
  };
}

/** A unit's months, total and comparisons from readUnitBuckets; `accounts` counted for the expected days. */
export function coveredUnit(
  buckets: UnitBuckets,
  unitId: string,
  accounts: number,
  aggregation: PeriodAggregation,
  p: MonthlyPeriods,
): { months: MonthValue[]; total: CoveredValue; previous: CoveredValue | null; sameLastYear: CoveredValue | null } {
  const of = (bucket: string, days: number): CoveredValue => {
    const part = buckets.get(bucket)?.get(unitId);
    const expected = accounts * days;
    const value = !part || part.withValue === 0 ? null : aggregation === 'mean' ? part.total / part.withValue : part.total;
    const documented = part?.days ?? 0;
    return { value, documented, expected, coverage: expected === 0 ? null : documented / expected };
  };
  return {
    months: p.months.map((m) => ({ month: m.month, ...of(m.month, m.days) })),
    total: of('period', periodLength(p.period)),
    previous: p.previous ? of('previous', periodLength(p.previous)) : null,
    sameLastYear: p.sameLastYear ? of('same_last_year', periodLength(p.sameLastYear)) : null,
  };
}
