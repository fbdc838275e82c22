/**
 * Shared by the dashboard services: a period in URL form resolved to whole months with what it
 * is compared with, and the monthly rollups (metric_months) of many accounts read in one
 * statement, bucketed by month of the period and by comparison period. Values over several
 * months follow the catalogue's aggregation: `sum` adds the months' sums, `latest` takes the
 * value on the last documented day, `mean` (and `rate`, which the rollups cannot recompute from
 * paired daily components) is the mean of the documented days: Σ sums / Σ documented days.
 * Nothing documented gives null, never 0.
 */
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { getMetric, type MetricDefinition } from '../../core/metrics/catalogue.ts';
import { type Day, monthEnd, monthStart } from '../../core/period/days.ts';
import { parsePeriodParam, resolvePeriodChoice } from '../../core/period/period-choice.ts';
import { monthsIn, type Period, periodLength } from '../../core/period/periods.ts';
import type { CoveredValue, MonthValue } from '../../contract/dashboards.ts';
import type { Db } from '../../db/client.ts';

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
  lastValue: number;
  lastDay: string;
}

/** bucket ('YYYY-MM', 'previous', 'same_last_year', 'period') → account id → part. */
export type Buckets = Map<string, Map<string, Part>>;

/**
 * The rollups of the given accounts for one metric, summed per account and bucket: each month of
 * the period, the whole period, the previous period and the same period last year (one statement).
 */
export async function readBuckets(db: Db, organisationId: string, metric: string, accountIds: readonly string[], p: MonthlyPeriods): Promise<Buckets> {
  const out: Buckets = new Map();
  if (accountIds.length === 0) return out;
  const { months, buckets } = bucketPairs(p);
  const ids = `{${accountIds.join(',')}}`;
  const result = await db.execute(sql`
    select m.account_id::text as account, t.bucket, sum(m.sum) as sum, sum(m.days)::int as days,
           (array_agg(m.last_value order by m.last_day desc))[1] as last_value, max(m.last_day)::text as last_day
    from unnest(${months}::date[], ${buckets}::text[]) as t(month, bucket)
    join metric_months m on m.organisation_id = ${organisationId}::uuid and m.metric = ${metric} and m.month = t.month
    where m.account_id = any(${ids}::uuid[])
    group by m.account_id, t.bucket`);
  for (const r of (result as unknown as { rows: { account: string; bucket: string; sum: number | string; days: number | string; last_value: number | string; last_day: string }[] }).rows) {
    let b = out.get(r.bucket);
    if (!b) out.set(r.bucket, (b = new Map()));
    b.set(r.account, { sum: Number(r.sum), days: Number(r.days), lastValue: Number(r.last_value), lastDay: r.last_day });
  }
  return out;
}

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

/** A unit's accounts over a bucket: the sum of their values, how many have a value, their documented days. */
export interface UnitPart {
  total: number;
  withValue: number;
  days: number;
}

/** bucket → unit id → part. */
export type UnitBuckets = Map<string, Map<string, UnitPart>>;

function bucketPairs(p: MonthlyPeriods): { months: string; buckets: string } {
  const pairs: [Day, string][] = [];
  for (const m of p.months) {
    pairs.push([`${m.month}-01`, m.month]);
    pairs.push([`${m.month}-01`, 'period']);
  }
  for (const [name, range] of [['previous', p.previous], ['same_last_year', p.sameLastYear]] as const) {
    if (range) for (const m of monthsIn(range)) pairs.push([`${m.month}-01`, name]);
  }
  return { months: `{${pairs.map((x) => x[0]).join(',')}}`, buckets: `{${pairs.map((x) => x[1]).join(',')}}` };
}

/**
 * As readBuckets, but rolled up the unit tree in the database: each account's value per bucket
 * (by the aggregation) is added to its unit and every unit above it (the ids of units.path), so
 * that a few hundred rows travel instead of one per account and bucket.
 */
export async function readUnitBuckets(
  db: Db,
  organisationId: string,
  metric: string,
  aggregation: PeriodAggregation,
  accountIds: readonly string[],
  p: MonthlyPeriods,
): Promise<UnitBuckets> {
  const out: UnitBuckets = new Map();
  if (accountIds.length === 0) return out;
  const { months, buckets } = bucketPairs(p);
  const ids = `{${accountIds.join(',')}}`;
  // Only `latest` needs the value on the last documented day (an ordered aggregate: dearer).
  const value =
    aggregation === 'sum'
      ? sql`sum(m.sum)`
      : aggregation === 'mean'
        ? sql`sum(m.sum) / sum(m.days)`
        : sql`(array_agg(m.last_value order by m.last_day desc))[1]`;
  const result = await db.execute(sql`
    with per_account as (
      select m.account_id, t.bucket, ${value} as value, sum(m.days)::int as days
      from unnest(${months}::date[], ${buckets}::text[]) as t(month, bucket)
      join metric_months m on m.organisation_id = ${organisationId}::uuid and m.metric = ${metric} and m.month = t.month
      where m.account_id = any(${ids}::uuid[])
      group by m.account_id, t.bucket
    )
    select up.unit_id as unit, pa.bucket, sum(pa.value) as total, count(*)::int as with_value, sum(pa.days)::int as days
    from per_account pa
    join accounts a on a.id = pa.account_id
    join units u on u.id = a.unit_id
    cross join lateral unnest(string_to_array(u.path, '/')) as up(unit_id)
    group by up.unit_id, pa.bucket`);
  for (const r of (result as unknown as { rows: { unit: string; bucket: string; total: number | string; with_value: number | string; days: number | string }[] }).rows) {
    let b = out.get(r.bucket);
    if (!b) out.set(r.bucket, (b = new Map()));
    b.set(r.unit, { total: Number(r.total), withValue: Number(r.with_value), days: Number(r.days) });
  }
  return out;
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
