/**
 * Keeps metric_months (db/schema/rollups.ts) equal to a fresh group-by over observations.
 * Called inside the transaction of every write (write-statistics.ts, after the values are
 * written) and of every undo (undo-import.ts, after the values are restored or removed), behind
 * the account's advisory lock, so readers never see rollups and daily values disagree.
 *
 * A write tells, statement by statement, what it did (MonthChanges), and only the (metric, month)
 * pairs it changed are touched, in at most three statements at the end:
 * - a statement that matched no stored value only inserted: its values' aggregates per pair are
 *   computed in Node from the batch and merged into the stored rows (sums and day counts added,
 *   first/last day and min/max widened, the last value taken from the later side) by one upsert.
 *   Exact, because the stored row is the aggregate of the month's other days (the invariant) and
 *   every value merged is of a day that was not documented before;
 * - a statement that matched stored values names the pairs of the values it inserted or changed
 *   (write-statistics.ts reads them from its own CTEs), and those pairs are recomputed from
 *   observations (delete, then insert … select … group by), since a replaced value can take a
 *   month's min or max with it;
 * - a re-import of the same values changes nothing and touches nothing.
 * An undo recomputes the pairs of the account-level values the import still had (import_id),
 * plus those the undo has just moved to history (import_id = the import, replaced by nothing).
 *
 * Sums of non-integer values (hours, seconds) are added in another order than a fresh group-by
 * would add them, so they can differ from it in the last bit (about 1e-16 of the sum), as two
 * group-bys with different plans can; sums of counts are exact (below 2^53).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * A month's columns over observations `o`, in metric_months's column order after the month.
 * The last value is the value of the greatest [day, value] pair (days are unique per account,
 * metric and account-level value): no sort per group, unlike array_agg(… order by day) (on
 * PGlite a year of 20 metrics recomputed in 16 ms instead of 23, bench/rollup-parts.ts).
 */
const AGGREGATES = sql`sum(o.value), count(*)::int, min(o.day), max(o.day), (max(array[(o.day - date '2000-01-01')::float8, o.value]))[2], min(o.value), max(o.value)`;
const COLUMNS = sql`organisation_id, account_id, metric, month, sum, days, first_day, last_day, last_value, min, max`;

export type RollupScope = { importId: string } | { from: string; to: string };

/** Recomputes the account's rollup rows the scope touches (inside the caller's transaction). */
export async function refreshRollups(db: Db, accountId: string, scope: RollupScope): Promise<void> {
  if ('from' in scope) return refreshMonths(db, accountId, scope.from, scope.to);
  const x = scope.importId;
  // The touched pairs, read once, so that the delete and the insert see the same set.
  const result = await db.execute(sql`
    select coalesce(array_agg(distinct metric || '|' || to_char(day, 'YYYY-MM')), '{}')::text[] as pairs from (
      select metric, day from observations
      where account_id = ${accountId}::uuid and import_id = ${x}::uuid and post_id is null
      union all
      select metric, day from observation_history
      where account_id = ${accountId}::uuid and import_id = ${x}::uuid and replaced_by_import_id is null and post_id is null
    ) t`);
  const row = (result as unknown as { rows: { pairs: string[] | string }[] }).rows[0];
  await recomputePairs(db, accountId, asArray(row?.pairs));
}

interface MonthAggregate {
  metric: string;
  /** 'YYYY-MM-01' */
  month: string;
  sum: number;
  days: number;
  first: string;
  last: string;
  lastValue: number;
  min: number;
  max: number;
}

/** A written row as write-statistics.ts sends it. */
export interface WrittenRow {
  metric: string;
  day: string;
  post_id: string | null;
  value: number;
}

/** 'YYYY-MM-DD' → months since year 0 (a number: cheaper to key by than a new string per value). */
function monthNumber(day: string): number {
  const digit = (i: number) => day.charCodeAt(i) - 48;
  return (digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)) * 12 + digit(5) * 10 + digit(6) - 1;
}

/** What one write did to the account's months, gathered statement by statement (see the header). */
export class MonthChanges {
  /** metric → month number → the aggregate of the new values (a year of 20 metrics: 260 entries). */
  readonly #merge = new Map<string, Map<number, MonthAggregate>>();
  /** 'metric|YYYY-MM' */
  readonly #recompute = new Set<string>();

  /**
   * One statement's outcome: its rows, how many of them matched a stored value (changed or not),
   * and, when some did, the 'metric|YYYY-MM' pairs of the account-level values it inserted or changed.
   */
  add(rows: readonly WrittenRow[], matched: number, pairs: readonly string[] | string | null | undefined): void {
    if (matched > 0) {
      for (const p of asArray(pairs)) this.#recompute.add(p);
      return;
    }
    let metric = '';
    let byMonth: Map<number, MonthAggregate> | undefined;
    for (const r of rows) {
      if (r.post_id !== null) continue;
      if (r.metric !== metric || byMonth === undefined) {
        metric = r.metric;
        byMonth = this.#merge.get(metric);
        if (byMonth === undefined) this.#merge.set(metric, (byMonth = new Map()));
      }
      const month = monthNumber(r.day);
      const a = byMonth.get(month);
      if (a === undefined) {
        byMonth.set(month, { metric, month: `${r.day.slice(0, 7)}-01`, sum: r.value, days: 1, first: r.day, last: r.day, lastValue: r.value, min: r.value, max: r.value });
        continue;
      }
      a.sum += r.value;
      a.days++;
      if (r.day < a.first) a.first = r.day;
      if (r.day > a.last) {
        a.last = r.day;
        a.lastValue = r.value;
      }
      if (r.value < a.min) a.min = r.value;
      if (r.value > a.max) a.max = r.value;
    }
  }

  /** Brings the account's rollup rows up to date (inside the write's transaction, after its last statement). */
  async apply(db: Db, organisationId: string, accountId: string): Promise<void> {
    const merge: MonthAggregate[] = [];
    for (const byMonth of this.#merge.values()) {
      for (const a of byMonth.values()) if (!this.#recompute.has(`${a.metric}|${a.month.slice(0, 7)}`)) merge.push(a);
    }
    if (merge.length > 0) await mergeAggregates(db, organisationId, accountId, merge);
    await recomputePairs(db, accountId, [...this.#recompute]);
  }
}

/** Adds aggregates of newly documented days to the stored rows (or stores them as new rows). */
async function mergeAggregates(db: Db, organisationId: string, accountId: string, list: readonly MonthAggregate[]): Promise<void> {
  // Metric keys are catalogue keys (snake_case), days YYYY-MM-DD and values finite numbers
  // (checked before the write): safe in array literals without quoting.
  const arr = (f: (a: MonthAggregate) => string | number) => `{${list.map(f).join(',')}}`;
  // (A look first whether the months have rows, to insert without on conflict when they have
  // none, saved 0.1–0.9 ms of ~4 on PGlite, within the noise: not done.)
  await db.execute(sql`
    insert into metric_months (${COLUMNS})
    select ${organisationId}::uuid, ${accountId}::uuid, t.* from unnest(
      ${arr((a) => a.metric)}::text[], ${arr((a) => a.month)}::date[], ${arr((a) => a.sum)}::float8[], ${arr((a) => a.days)}::int[],
      ${arr((a) => a.first)}::date[], ${arr((a) => a.last)}::date[], ${arr((a) => a.lastValue)}::float8[],
      ${arr((a) => a.min)}::float8[], ${arr((a) => a.max)}::float8[]) as t
    on conflict (account_id, metric, month) do update set
      sum = metric_months.sum + excluded.sum,
      days = metric_months.days + excluded.days,
      first_day = least(metric_months.first_day, excluded.first_day),
      last_day = greatest(metric_months.last_day, excluded.last_day),
      last_value = case when excluded.last_day > metric_months.last_day then excluded.last_value else metric_months.last_value end,
      min = least(metric_months.min, excluded.min),
      max = greatest(metric_months.max, excluded.max)`);
}

/** Recomputes the given 'metric|YYYY-MM' pairs of the account from observations. */
async function recomputePairs(db: Db, accountId: string, pairs: readonly string[]): Promise<void> {
  if (pairs.length === 0) return;
  // Metric keys are catalogue keys (snake_case) and months YYYY-MM-01: safe in array literals.
  const m = `{${pairs.map((p) => p.slice(0, p.indexOf('|'))).join(',')}}`;
  const d = `{${pairs.map((p) => `${p.slice(p.indexOf('|') + 1)}-01`).join(',')}}`;
  await db.execute(sql`
    delete from metric_months r
    using unnest(${m}::text[], ${d}::date[]) as t(metric, month)
    where r.account_id = ${accountId}::uuid and r.metric = t.metric and r.month = t.month`);
  await db.execute(sql`
    insert into metric_months (${COLUMNS})
    select o.organisation_id, o.account_id, o.metric, t.month, ${AGGREGATES}
    from unnest(${m}::text[], ${d}::date[]) as t(metric, month)
    join observations o
      on o.account_id = ${accountId}::uuid and o.metric = t.metric
     and o.day >= t.month and o.day < (t.month + interval '1 month')::date and o.post_id is null
    group by o.organisation_id, o.account_id, o.metric, t.month`);
}

/**
 * Every metric of the account in the months from..to touch, recomputed with one group-by over
 * the account's rows in those months (for a check or repair of a range; writes and undos
 * recompute only what they changed).
 */
async function refreshMonths(db: Db, accountId: string, from: string, to: string): Promise<void> {
  await db.execute(sql`
    delete from metric_months
    where account_id = ${accountId}::uuid
      and month >= date_trunc('month', ${from}::date)::date and month <= date_trunc('month', ${to}::date)::date`);
  await db.execute(sql`
    insert into metric_months (${COLUMNS})
    select o.organisation_id, o.account_id, o.metric, date_trunc('month', o.day)::date, ${AGGREGATES}
    from observations o
    where o.account_id = ${accountId}::uuid and o.post_id is null
      and o.day >= date_trunc('month', ${from}::date)::date
      and o.day < (date_trunc('month', ${to}::date) + interval '1 month')::date
    group by o.organisation_id, o.account_id, o.metric, date_trunc('month', o.day)::date`);
}

/** Rebuilds every rollup row of an organisation from observations (for a fresh table, benchmarks and checks). */
export async function rebuildRollups(db: Db, organisationId: string): Promise<void> {
  await db.execute(sql`delete from metric_months where organisation_id = ${organisationId}::uuid`);
  await db.execute(sql`
    insert into metric_months (${COLUMNS})
    select o.organisation_id, o.account_id, o.metric, date_trunc('month', o.day)::date, ${AGGREGATES}
    from observations o where o.organisation_id = ${organisationId}::uuid and o.post_id is null
    group by o.organisation_id, o.account_id, o.metric, date_trunc('month', o.day)::date`);
}

/** node-postgres parses text[]; PGlite too, but be safe with the '{a,b}' literal form. */
function asArray(v: readonly string[] | string | null | undefined): readonly string[] {
  if (v === undefined || v === null) return [];
  if (typeof v !== 'string') return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',');
}
