/**
 * The monthly rollups (metric_months) of many accounts for one metric, read in one statement and
 * bucketed: each month of the period, the whole period, the previous period and the same period
 * last year. The statement reads every month any bucket needs once (a year with the year before
 * is 24 months, where joining (month, bucket) pairs fetched 60) and returns one row per account:
 * the months of the period in one string, and the previous period and the same period last year
 * (each a run of months, read once when they are the same run) added up with FILTER. The buckets
 * and the roll-up to units are added up here in JavaScript. On PGlite every row the executor
 * passes on and every result row costs: a join per bucket, a group-by per unit and one result row
 * per account and month each cost as much again as reading the rollups (bench/dashboards.ts).
 *
 * Many accounts are read by organisation, metric and month (the rollups' second index) and the
 * accounts not asked for dropped here; a few by the primary key (account, metric, month). */
import { sql } from 'drizzle-orm';
import { dayNumber, fromDayNumber } from '../../core/period/days.ts';
import { monthsIn } from '../../core/period/periods.ts';
import type { Db } from '../../db/client.ts';
import { type Buckets, type MonthlyPeriods, type Part, type PeriodAggregation, valueOf } from './monthly.ts';

/** Up to this many accounts are read by their ids; more by organisation (cheaper than a 500-id filter). */
export const BY_ID_LIMIT = 64;

/** bucket → unit id → the unit's accounts over the bucket. */
export type UnitBuckets = Map<string, Map<string, UnitPart>>;

/** A unit's accounts over a bucket: the sum of their values, how many have a value, their documented days. */
export interface UnitPart {
  total: number;
  withValue: number;
  days: number;
}

/** A bucket the statement adds up itself: a run of whole months. */
interface Range {
  /** The buckets it is (a year's previous period is also its same period last year). */
  buckets: number[];
  /** First days of the first and the last month. */
  first: string;
  last: string;
}

/**
 * What to read: the months of the period one by one (when month buckets are wanted; the period
 * is then added up here from them), and the other buckets (the period otherwise, the previous
 * period, the same period last year) added up in the statement, each a run of months.
 */
function plan(p: MonthlyPeriods, only: readonly string[] | undefined) {
  const wanted = (bucket: string) => !only || only.includes(bucket);
  const names: string[] = [];
  const monthBuckets = new Map<number, number[]>();
  const ranges: Range[] = [];
  const months = new Set<string>();
  const perMonth = p.months.some((m) => wanted(m.month));
  const periodIndex = wanted('period') ? names.push('period') - 1 : -1;
  if (perMonth) {
    for (const m of p.months) {
      const list = periodIndex >= 0 ? [periodIndex] : [];
      if (wanted(m.month)) list.push(names.push(m.month) - 1);
      monthBuckets.set(dayNumber(`${m.month}-01`), list);
      months.add(`${m.month}-01`);
    }
  }
  const range = (bucket: number, period: { start: string; end: string }) => {
    const list = monthsIn(period).map((m) => `${m.month}-01`);
    for (const m of list) months.add(m);
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const same = ranges.find((r) => r.first === first && r.last === last);
    if (same) same.buckets.push(bucket);
    else ranges.push({ buckets: [bucket], first, last });
  };
  if (!perMonth && periodIndex >= 0) range(periodIndex, p.period);
  if (p.previous && wanted('previous')) range(names.push('previous') - 1, p.previous);
  if (p.sameLastYear && wanted('same_last_year')) range(names.push('same_last_year') - 1, p.sameLastYear);
  return { names, monthBuckets, ranges, months: [...months].sort() };
}

/** One account's months of the period (`day number,sum,days[,last value]`, `;` between) and its ranges' `sum,days[,last value]`. */
interface Row {
  account: string;
  months: string | null;
  [range: `r${number}`]: string;
}

interface ReadOptions {
  /** Read each month's last value (only `latest` needs it; default true). */
  latest?: boolean;
  /** Only these buckets (compare needs just 'period'). */
  only?: readonly string[];
}

/**
 * Calls `visit` with each account's part of each bucket it has documented days in (bucket by its
 * index in the returned names). The part object is reused: copy what you keep.
 */
async function visitParts(
  db: Db,
  organisationId: string,
  metric: string,
  accountIds: readonly string[],
  p: MonthlyPeriods,
  options: ReadOptions,
  visit: (account: string, bucket: number, part: Part) => void,
): Promise<string[]> {
  const { names, monthBuckets, ranges, months } = plan(p, options.only);
  if (accountIds.length === 0 || months.length === 0) return names;
  const latest = options.latest ?? true;
  const byId = accountIds.length <= BY_ID_LIMIT;
  const wanted = byId ? null : new Set(accountIds);
  const entry = latest ? sql`concat_ws(',', month - date '1970-01-01', sum, days, last_value)` : sql`concat_ws(',', month - date '1970-01-01', sum, days)`;
  const inPeriod = sql`month between ${`${p.months[0]?.month}-01`}::date and ${`${p.months[p.months.length - 1]?.month}-01`}::date`;
  // A run's last value: the greatest [month, value] pair (no sort per group).
  const rangeColumns = ranges.map((r, j) => {
    const f = sql`filter (where month between ${r.first}::date and ${r.last}::date)`;
    const last = latest ? sql`, (max(array[(month - date '1970-01-01')::float8, last_value]) ${f})[2]` : sql``;
    return sql`, concat_ws(',', sum(sum) ${f}, sum(days) ${f}${last}) as ${sql.raw(`r${j}`)}`;
  });
  // Catalogue metric keys, days and uuids are safe in array literals; every value is a parameter.
  // The months travel as one string per account: on PGlite arrays (array_agg) cost about twice
  // as much to build and parse, and a row per month several times as much.
  const result = await db.execute(sql`
    select account_id::text as account,
           ${monthBuckets.size > 0 ? sql`string_agg(${entry}, ';') filter (where ${inPeriod})` : sql`null`} as months
           ${sql.join(rangeColumns)}
    from metric_months
    where organisation_id = ${organisationId}::uuid and metric = ${metric} and month = any(${`{${months.join(',')}}`}::date[])
      ${byId ? sql`and account_id = any(${`{${accountIds.join(',')}}`}::uuid[])` : sql``}
    group by account_id`);
  // Per bucket: sum, days, last value, the month of the last value (months are distinct per
  // account, so the latest month holds the last documented day).
  const acc = new Float64Array(names.length * 4);
  const part: Part = { sum: 0, days: 0, lastValue: null };
  for (const r of (result as unknown as { rows: Row[] }).rows) {
    if (wanted && !wanted.has(r.account)) continue;
    acc.fill(0);
    const s = r.months ?? '';
    let pos = 0;
    while (pos < s.length) {
      const a = s.indexOf(',', pos);
      const b = s.indexOf(',', a + 1);
      let c = s.indexOf(latest ? ',' : ';', b + 1);
      if (c < 0) c = s.length;
      let end = c;
      let lastValue = 0;
      if (latest) {
        end = s.indexOf(';', c + 1);
        if (end < 0) end = s.length;
        lastValue = Number(s.slice(c + 1, end));
      }
      const month = Number(s.slice(pos, a));
      const sum = Number(s.slice(a + 1, b));
      const days = Number(s.slice(b + 1, c));
      pos = end + 1;
      for (const k of monthBuckets.get(month) ?? []) {
        const i = k * 4;
        acc[i] = acc[i]! + sum;
        acc[i + 1] = acc[i + 1]! + days;
        if (acc[i + 1] === days || month > acc[i + 3]!) {
          acc[i + 2] = lastValue;
          acc[i + 3] = month;
        }
      }
    }
    ranges.forEach((range, j) => {
      const v = r[`r${j}`];
      if (!v) return; // nothing documented in the run: concat_ws of nulls
      const [sum, days, lastValue] = v.split(',').map(Number);
      for (const k of range.buckets) {
        const i = k * 4;
        acc[i] = sum ?? 0;
        acc[i + 1] = days ?? 0;
        acc[i + 2] = lastValue ?? 0;
      }
    });
    for (let k = 0; k < names.length; k++) {
      const i = k * 4;
      if (acc[i + 1] === 0) continue;
      part.sum = acc[i]!;
      part.days = acc[i + 1]!;
      part.lastValue = latest ? acc[i + 2]! : null;
      visit(r.account, k, part);
    }
  }
  return names;
}

/** Each account's part of each bucket (accounts with nothing documented in a bucket have none). */
export async function readBuckets(
  db: Db,
  organisationId: string,
  metric: string,
  accountIds: readonly string[],
  p: MonthlyPeriods,
  options: ReadOptions = {},
): Promise<Buckets> {
  const maps: Map<string, Part>[] = [];
  const names = await visitParts(db, organisationId, metric, accountIds, p, options, (account, k, part) => {
    (maps[k] ??= new Map()).set(account, { ...part });
  });
  const out: Buckets = new Map();
  names.forEach((name, k) => {
    const m = maps[k];
    if (m) out.set(name, m);
  });
  return out;
}

/**
 * As readBuckets, rolled up the unit tree: each account's value per bucket (by the aggregation)
 * added to every unit of its `units` (its unit and the units above it, from units.path).
 */
export async function readUnitBuckets(
  db: Db,
  organisationId: string,
  metric: string,
  aggregation: PeriodAggregation,
  accounts: readonly { id: string; units: readonly string[] }[],
  p: MonthlyPeriods,
): Promise<UnitBuckets> {
  const unitsOf = new Map(accounts.map((a) => [a.id, a.units]));
  const maps: Map<string, UnitPart>[] = [];
  const ids = accounts.map((a) => a.id);
  const names = await visitParts(db, organisationId, metric, ids, p, { latest: aggregation === 'latest' }, (account, k, part) => {
    const value = valueOf(part, aggregation);
    if (value === null) return;
    const units = (maps[k] ??= new Map());
    for (const unitId of unitsOf.get(account) ?? []) {
      const u = units.get(unitId);
      if (u) {
        u.total += value;
        u.withValue += 1;
        u.days += part.days;
      } else units.set(unitId, { total: value, withValue: 1, days: part.days });
    }
  });
  const out: UnitBuckets = new Map();
  names.forEach((name, k) => {
    const m = maps[k];
    if (m) out.set(name, m);
  });
  return out;
}
