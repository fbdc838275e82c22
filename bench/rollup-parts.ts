/**
 * What keeping the monthly rollups (metric_months) costs a write, and what cheaper ways of
 * keeping them exact cost: per account-year of rows (20 metrics × 365 days = 7,300 values, one
 * statement as the service sends them), on a file-backed PGlite (or PostgreSQL with --postgres).
 *
 *   node bench/rollup-parts.ts [--accounts 20] [--preload 60] [--postgres URL]
 *
 * Variants, each on fresh accounts (the table already holds `preload` other accounts' years), each
 * account in a transaction of its own; times per account-year, wall and CPU (PGlite runs in this
 * process, so its CPU time is the database's):
 * - write:        the service's write statement alone (typed arrays, diff, insert), no rollups;
 * - write+pairs:  the same with write-statistics.ts's column of changed months (null: nothing matched), rolled back;
 * - +range:       the write, then every month of the batch's range recomputed (delete + one group-by,
 *                 last value by array_agg(… order by day));
 * - range-only, range-max: that recompute alone, and with the last value as max([day, value]);
 * - tx-only:      an empty transaction;
 * - js-only:      the batch's aggregates computed in Node and upserted (insert … on conflict merge), as
 *                 refresh-rollups.ts's MonthChanges does (the map of rows to WrittenRow included);
 * - +cte-merge:   the write statement with one more data-modifying CTE that aggregates the inserted
 *                 rows and merges them into the rollup rows;
 * - +js-merge:    the write statement, then js-only;
 * Then a newer export of the last 180 days (10 % revised) + 30 new days on those accounts:
 * - merge+range:  the write, then the months of the batch's range recomputed;
 * - merge+pairs:  the write (inserts merged in the CTE), then only the (metric, month) pairs with a
 *                 new or replaced value recomputed.
 * At the end every rollup row is compared with a fresh group-by of observations.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '../src/core/period/days.ts';
import { openDatabase, type Database, type Db } from '../src/db/client.ts';
import { createOrganisation } from '../src/services/auth/setup-organisation.ts';
import { loadSystemActor } from '../src/services/load-actor.ts';
import { createUnit } from '../src/services/units/create-unit.ts';
import { createAccount } from '../src/services/accounts/create-account.ts';
import { MonthChanges } from '../src/services/statistics/refresh-rollups.ts';
import { accountValues, benchAccounts } from './generate.ts';

const { values: args } = parseArgs({
  options: { accounts: { type: 'string', default: '20' }, preload: { type: 'string', default: '60' }, postgres: { type: 'string' } },
});
const NOW = new Date('2026-11-22T08:00:00Z');
const NO_POST = '00000000-0000-0000-0000-000000000000';
const LAST = '2026-11-21';
const preload = Number(args.preload);
const measured = Number(args.accounts);
const VARIANTS = 4;
const accounts = benchAccounts(preload + measured * VARIANTS);

let database: Database;
let cleanup = () => {};
if (args.postgres) {
  database = await openDatabase({ kind: 'postgres', url: args.postgres, poolSize: 2 });
} else {
  const dir = mkdtempSync(join(tmpdir(), 'maalbar-rollup-parts-'));
  const pglite = await PGlite.create(join(dir, 'pgdata'));
  database = await openDatabase({ kind: 'pglite-instance', client: pglite });
  cleanup = () => rmSync(dir, { recursive: true, force: true });
}
await database.migrate();
const db = database.db;
const org = await createOrganisation(
  { db, now: NOW },
  { organisationName: `Rollups ${process.pid}`, adminName: 'Bench Admin', email: `rollups${process.pid}@bench.example`, password: 'benchmark-password-1', locale: 'en' },
  'not-a-real-hash',
);
let ctx = { db, now: NOW, actor: await loadSystemActor(db, undefined) };
const unit = await createUnit(ctx, { name: `Rollup unit ${process.pid}`, parent: org.topUnitId });
ctx = { db, now: NOW, actor: await loadSystemActor(db, undefined) };
const ids: string[] = [];
for (const a of accounts) ids.push((await createAccount(ctx, { unit: unit.id, platform: a.platform, name: a.name })).id);
const orgId = org.organisationId;

/** Where the statements go: the database, or the transaction of the variant being timed. */
let q: Db = db;

type Row = { metric: string; day: string; value: number };
// Generated before the timings (memoised), so that the timings are of the database and the aggregation.
const years = new Map<number, Row[]>();
const newers = new Map<number, Row[]>();
const yearOf = (i: number): Row[] => years.get(i) ?? years.set(i, accountValues(accounts[i]!, addDays(LAST, -364), 365)).get(i)!;
const newerOf = (i: number): Row[] => newers.get(i) ?? newers.set(i, accountValues(accounts[i]!, addDays(LAST, -179), 210, { revise: 0.1, seed: 2 })).get(i)!;
for (let i = 0; i < accounts.length; i++) {
  yearOf(i);
  newerOf(i);
}

async function newImport(accountId: string): Promise<string> {
  const id = crypto.randomUUID();
  await q.execute(sql`insert into imports (id, organisation_id, account_id, origin, sha256, rows, counts, warnings, created_at)
    values (${id}::uuid, ${orgId}::uuid, ${accountId}::uuid, 'file', ${id}, 0, '{}'::jsonb, '[]'::jsonb, ${NOW.toISOString()}::timestamptz)`);
  return id;
}

/** The service's statement (write-statistics.ts), account-level rows only; `extra` adds CTEs after `ins`. */
function writeStatement(accountId: string, importId: string, rows: readonly Row[], opts: { returning: boolean; extra?: SQL; select?: SQL }) {
  const now = NOW.toISOString();
  const metrics = `{${rows.map((r) => r.metric).join(',')}}`;
  const days = `{${rows.map((r) => r.day).join(',')}}`;
  const postIds = `{${rows.map(() => 'NULL').join(',')}}`;
  const values = `{${rows.map((r) => String(r.value)).join(',')}}`;
  const insRet = opts.returning ? sql`metric, day, post_id, value` : sql`1`;
  const updRet = opts.returning ? sql`o.metric, o.day, o.post_id` : sql`1`;
  return sql`
    with r as (
      select * from unnest(${metrics}::text[], ${days}::date[], ${postIds}::uuid[], ${values}::float8[]) as r(metric, day, post_id, value)
    ), cur as (
      select o.metric, o.day, o.post_id, o.value, o.import_id, o.source, r.value as new_value
      from r join observations o
        on o.account_id = ${accountId}::uuid and o.metric = r.metric and o.day = r.day
       and coalesce(o.post_id, ${NO_POST}::uuid) = coalesce(r.post_id, ${NO_POST}::uuid)
    ), hist as (
      insert into observation_history (id, organisation_id, account_id, metric, day, post_id, value, import_id, source, replaced_by_import_id, replaced_at)
      select gen_random_uuid(), ${orgId}::uuid, ${accountId}::uuid, metric, day, post_id, value, import_id, source, ${importId}::uuid, ${now}::timestamptz
      from cur where value is distinct from new_value
      returning 1
    ), upd as (
      update observations o set value = cur.new_value, import_id = ${importId}::uuid, source = 'import', updated_at = ${now}::timestamptz
      from cur where o.account_id = ${accountId}::uuid and o.metric = cur.metric and o.day = cur.day
        and coalesce(o.post_id, ${NO_POST}::uuid) = coalesce(cur.post_id, ${NO_POST}::uuid)
        and cur.value is distinct from cur.new_value
      returning ${updRet}
    ), ins as (
      insert into observations (organisation_id, account_id, metric, day, post_id, value, source, import_id, created_at, updated_at)
      select ${orgId}::uuid, ${accountId}::uuid, r.metric, r.day, r.post_id, r.value, 'import', ${importId}::uuid, ${now}::timestamptz, ${now}::timestamptz
      from r where not exists (
        select 1 from cur where cur.metric = r.metric and cur.day = r.day and cur.post_id is not distinct from r.post_id)
      returning ${insRet}
    )${opts.extra ?? sql``}
    select (select count(*) from ins)::int as added, (select count(*) from upd)::int as changed, (select count(*) from cur)::int as matched${opts.select ?? sql``}`;
}

const mergeSet = sql`
  sum = metric_months.sum + excluded.sum, days = metric_months.days + excluded.days,
  first_day = least(metric_months.first_day, excluded.first_day), last_day = greatest(metric_months.last_day, excluded.last_day),
  last_value = case when excluded.last_day > metric_months.last_day then excluded.last_value else metric_months.last_value end,
  min = least(metric_months.min, excluded.min), max = greatest(metric_months.max, excluded.max)`;

function mergeCte(accountId: string): SQL {
  return sql`, roll as (
    insert into metric_months (organisation_id, account_id, metric, month, sum, days, first_day, last_day, last_value, min, max)
    select ${orgId}::uuid, ${accountId}::uuid, metric, date_trunc('month', day)::date, sum(value), count(*)::int, min(day), max(day),
           (array_agg(value order by day desc))[1], min(value), max(value)
    from ins where post_id is null group by metric, date_trunc('month', day)::date
    on conflict (account_id, metric, month) do update set ${mergeSet}
    returning 1)`;
}
/** As write-statistics.ts asks for them: when stored values were matched, the months of the values new or changed. */
const servicePairs = sql`, case when exists (select 1 from cur) then (select coalesce(array_agg(distinct metric || '|' || to_char(day, 'YYYY-MM')), '{}')
  from (select metric, day, post_id from ins union all select metric, day, post_id from upd) w where post_id is null) end as pairs`;
const changedPairs = sql`, (select coalesce(array_agg(distinct metric || '|' || date_trunc('month', day)::date::text), '{}') from upd where post_id is null) as pairs`;

/** last_value as the value of the greatest [day, value] pair: no sort per group (days are unique per metric and account). */
let lastValueExpr = sql`(array_agg(value order by day desc))[1]`;
const lastByMax = sql`(max(array[(day - date '2000-01-01')::float8, value]))[2]`;

async function refreshRange(accountId: string, from: string, to: string) {
  await q.execute(sql`delete from metric_months where account_id = ${accountId}::uuid
    and month >= date_trunc('month', ${from}::date)::date and month <= date_trunc('month', ${to}::date)::date`);
  await q.execute(sql`
    insert into metric_months (organisation_id, account_id, metric, month, sum, days, first_day, last_day, last_value, min, max)
    select organisation_id, account_id, metric, date_trunc('month', day)::date, sum(value), count(*)::int, min(day), max(day),
           ${lastValueExpr}, min(value), max(value)
    from observations where account_id = ${accountId}::uuid and post_id is null
      and day >= date_trunc('month', ${from}::date)::date and day < (date_trunc('month', ${to}::date) + interval '1 month')::date
    group by organisation_id, account_id, metric, date_trunc('month', day)::date`);
}

async function refreshPairs(accountId: string, pairs: string[]) {
  if (pairs.length === 0) return;
  const m = `{${pairs.map((p) => p.split('|')[0]).join(',')}}`;
  const d = `{${pairs.map((p) => p.split('|')[1]).join(',')}}`;
  await q.execute(sql`delete from metric_months r using unnest(${m}::text[], ${d}::date[]) as t(metric, month)
    where r.account_id = ${accountId}::uuid and r.metric = t.metric and r.month = t.month`);
  await q.execute(sql`
    insert into metric_months (organisation_id, account_id, metric, month, sum, days, first_day, last_day, last_value, min, max)
    select o.organisation_id, o.account_id, o.metric, t.month, sum(o.value), count(*)::int, min(o.day), max(o.day),
           (array_agg(o.value order by o.day desc))[1], min(o.value), max(o.value)
    from unnest(${m}::text[], ${d}::date[]) as t(metric, month)
    join observations o on o.account_id = ${accountId}::uuid and o.metric = t.metric
     and o.day >= t.month and o.day < (t.month + interval '1 month')::date and o.post_id is null
    group by o.organisation_id, o.account_id, o.metric, t.month`);
}

/** The service's way (refresh-rollups.ts): the batch's aggregates computed in Node, merged by one upsert. */
async function jsMerge(accountId: string, rows: readonly Row[]) {
  const changes = new MonthChanges();
  changes.add(rows.map((r) => ({ ...r, post_id: null })), 0, null);
  await changes.apply(q, orgId, accountId);
}

const rowsOfResult = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

class RollBack extends Error {}

async function timeIt(label: string, first: number, run: (accountId: string, i: number) => Promise<void>) {
  let wall = 0;
  const c0 = process.cpuUsage();
  for (let k = 0; k < measured; k++) {
    const t0 = performance.now();
    await db
      .transaction(async (tx) => {
        q = tx as unknown as Db;
        try {
          await run(ids[first + k]!, first + k);
        } finally {
          q = db;
        }
      })
      .catch((e: unknown) => {
        if (!(e instanceof RollBack)) throw e;
      });
    wall += performance.now() - t0;
  }
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  console.log(`${label.padEnd(12)} ${(wall / measured).toFixed(1).padStart(7)} ms wall ${(cpu / measured).toFixed(1).padStart(7)} ms CPU per account-year`);
}

// Preload: other accounts' years, written by the plain statement, rollups rebuilt once.
for (let i = 0; i < preload; i++) await q.execute(writeStatement(ids[i]!, await newImport(ids[i]!), yearOf(i), { returning: false }));
await q.execute(sql`insert into metric_months select organisation_id, account_id, metric, date_trunc('month', day)::date, sum(value), count(*)::int, min(day), max(day),
  (array_agg(value order by day desc))[1], min(value), max(value) from observations where post_id is null group by 1, 2, 3, 4`);
console.log(`${database.kind}: ${preload * 7300} rows preloaded; ${measured} account-years per variant`);

const base = (v: number) => preload + v * measured;
const from = addDays(LAST, -364);
await timeIt('write', base(0), async (a, i) => {
  await q.execute(writeStatement(a, await newImport(a), yearOf(i), { returning: false }));
});
await timeIt('write+pairs', base(3), async (a, i) => {
  // The write statement with the months column of write-statistics.ts, on accounts of variant 3, rolled back.
  await q.execute(writeStatement(a, await newImport(a), yearOf(i), { returning: true, select: servicePairs }));
  throw new RollBack();
});
await timeIt('+range', base(1), async (a, i) => {
  await q.execute(writeStatement(a, await newImport(a), yearOf(i), { returning: false }));
  await refreshRange(a, from, LAST);
});
// The recompute alone, on accounts already written: last_value by an ordered array_agg, and by max(array).
await timeIt('range-only', base(1), async (a) => refreshRange(a, from, LAST));
lastValueExpr = lastByMax;
await timeIt('range-max', base(1), async (a) => refreshRange(a, from, LAST));
lastValueExpr = sql`(array_agg(value order by day desc))[1]`;
// The Node-side aggregate and its upsert alone, on accounts written without rollups (variant 0: no rows yet).
await timeIt('tx-only', base(0), async () => {
  await q.execute(sql`select 1`);
});
await timeIt('js-only', base(0), async (a, i) => jsMerge(a, yearOf(i)));
await timeIt('+cte-merge', base(2), async (a, i) => {
  await q.execute(writeStatement(a, await newImport(a), yearOf(i), { returning: true, extra: mergeCte(a), select: changedPairs }));
});
await timeIt('+js-merge', base(3), async (a, i) => {
  const rows = yearOf(i);
  await q.execute(writeStatement(a, await newImport(a), rows, { returning: false }));
  await jsMerge(a, rows);
});

await timeIt('merge+range', base(1), async (a, i) => {
  await q.execute(writeStatement(a, await newImport(a), newerOf(i), { returning: false }));
  await refreshRange(a, addDays(LAST, -179), addDays(LAST, 30));
});
await timeIt('merge+pairs', base(2), async (a, i) => {
  const r = await q.execute(writeStatement(a, await newImport(a), newerOf(i), { returning: true, extra: mergeCte(a), select: changedPairs }));
  const pairs = rowsOfResult(r)[0]!.pairs as string[] | string;
  await refreshPairs(a, Array.isArray(pairs) ? pairs : pairs.replace(/^\{|\}$/g, '').split(',').filter(Boolean));
});

// Every rollup row against a fresh group-by: exact, except sums of non-integer values, which are added
// in another order (batch order, or merged) and may differ in the last bits.
const check = rowsOfResult(
  await q.execute(sql`
    with fresh as (
      select account_id, metric, date_trunc('month', day)::date as month, sum(value) as sum, count(*)::int as days, min(day) as first_day, max(day) as last_day,
             (array_agg(value order by day desc))[1] as last_value, min(value) as min, max(value) as max
      from observations where post_id is null group by 1, 2, 3)
    select count(*) filter (where m.account_id is null or f.account_id is null
                              or (f.days, f.first_day, f.last_day, f.last_value, f.min, f.max) is distinct from (m.days, m.first_day, m.last_day, m.last_value, m.min, m.max)
                              or abs(f.sum - m.sum) > 1e-12 * greatest(abs(f.sum), 1))::int as bad,
           count(*) filter (where f.sum <> m.sum)::int as last_bits
    from fresh f full join metric_months m using (account_id, metric, month)`),
)[0]!;
console.log(`rollup rows differing from a fresh group-by: ${String(check.bad)}; sums equal but for the last bits (order of adding): ${String(check.last_bits)}`);
const bad = Number(check.bad);
await database.close();
cleanup();
if (bad !== 0) process.exit(1);
