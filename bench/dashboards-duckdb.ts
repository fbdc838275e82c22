/**
 * The dashboard benchmark's questions in DuckDB (issue #5 asks for the ratios): the same daily
 * values (bench/generate.ts, deterministic per account) in an in-memory DuckDB through
 * `@duckdb/node-api`, loaded from a CSV file the benchmark writes (DuckDB's own reader, not row
 * by row) and stored sorted by metric and day, so that DuckDB's zone maps skip the row groups a
 * query's metric and days rule out (DuckDB's own way to be fast here), the same organisation shape (8 faculties × 4 departments, accounts spread over the
 * departments, units.path as in Målbar) and the same queries: straight from the daily rows, and
 * from a metric_months table built in DuckDB with one group-by, for the other engines' rollups.
 * The services' questions (a metric by unit with the previous period, the same period last year
 * and the unit tree; the comparison's per-account values) as one SQL statement each.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays } from '../src/core/period/days.ts';
import { monthsIn } from '../src/core/period/periods.ts';
import { monthlyPeriods } from '../src/services/dashboards/monthly.ts';
import { accountValues, benchAccounts } from './generate.ts';
import { log, time, type Timing } from './dashboards-timing.ts';
import type { Checks } from './dashboards-report.ts';

export interface DuckdbOptions {
  accounts: number;
  firstDay: string;
  days: number;
  runs: number;
  now: Date;
  /** 'YYYY-MM', 'YYYY-Qn' and 'YYYY' as the other engines ask. */
  month: string;
  quarter: string;
  year: string;
}

export interface DuckdbResult {
  kind: 'duckdb';
  version: string;
  threads: number;
  load: { values: number; csvS: number; copyS: number; rollupS: number; rollupRows: number };
  timings: Timing[];
  checks: Checks;
}

/** `(month, bucket)` pairs of a period as the services bucket it (monthly.ts), as a VALUES list. */
function bucketValues(param: string, now: Date): { values: string; from: string; to: string } {
  const p = monthlyPeriods(param, now);
  const pairs: [string, string][] = [];
  for (const m of p.months) pairs.push([`${m.month}-01`, m.month], [`${m.month}-01`, 'period']);
  for (const [name, range] of [['previous', p.previous], ['same_last_year', p.sameLastYear]] as const) {
    if (range) for (const m of monthsIn(range)) pairs.push([`${m.month}-01`, name]);
  }
  const months = pairs.map((x) => x[0]).sort();
  return {
    values: pairs.map(([m, b]) => `(date '${m}', '${b}')`).join(', '),
    from: months[0]!,
    to: addDays(`${months[months.length - 1]!.slice(0, 7)}-01`, 40).slice(0, 7) + '-01',
  };
}

export async function runDuckdb(o: DuckdbOptions): Promise<DuckdbResult> {
  // Imported here so that the other engines run where DuckDB's binary is not installed.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const dir = mkdtempSync(join(tmpdir(), 'maalbar-bench-duckdb-'));
  try {
    const first = async (text: string) => (await c.runAndReadAll(text)).getRowsJS()[0] ?? [];
    const [version, threads] = await first(`select version(), current_setting('threads')`);
    log(`duckdb ${String(version)}, ${String(threads)} threads: set-up`);

    // The organisation: top → 8 faculties → 4 departments; accounts over the 32 departments.
    const top = randomUUID();
    const units: [string, string][] = [[top, top]];
    const departments: string[] = [];
    for (let f = 0; f < 8; f++) {
      const faculty = randomUUID();
      units.push([faculty, `${top}/${faculty}`]);
      for (let d = 0; d < 4; d++) {
        const dep = randomUUID();
        units.push([dep, `${top}/${faculty}/${dep}`]);
        departments.push(dep);
      }
    }
    const accounts = benchAccounts(o.accounts);
    const ids = accounts.map(() => randomUUID());
    await c.run(`create table units (id uuid primary key, path varchar not null)`);
    await c.run(`insert into units values ${units.map(([id, path]) => `('${id}', '${path}')`).join(', ')}`);
    await c.run(`create table accounts (id uuid primary key, unit_id uuid not null, platform varchar not null)`);
    await c.run(`insert into accounts values ${accounts.map((a) => `('${ids[a.index]}', '${departments[a.index % departments.length]}', '${a.platform}')`).join(', ')}`);

    log(`duckdb: CSV of ${o.accounts} accounts × ${o.days} days × 20 metrics`);
    const file = join(dir, 'observations.csv');
    const c0 = performance.now();
    const fd = openSync(file, 'w');
    let values = 0;
    for (const a of accounts) {
      const vs = accountValues(a, o.firstDay, o.days);
      values += vs.length;
      const id = ids[a.index]!;
      writeSync(fd, vs.map((v) => `${id},${v.metric},${v.day},${v.value}\n`).join(''));
    }
    closeSync(fd);
    const csvS = (performance.now() - c0) / 1000;
    const l0 = performance.now();
    await c.run(`
      create table observations as
      select account_id, metric, day, value, null::uuid as post_id
      from read_csv('${file}', header = false, columns = {'account_id': 'UUID', 'metric': 'VARCHAR', 'day': 'DATE', 'value': 'DOUBLE'})
      order by metric, day, account_id`);
    const copyS = (performance.now() - l0) / 1000;
    rmSync(file);
    const [stored] = await first(`select count(*)::int from observations`);
    if (Number(stored) !== values) throw new Error(`duckdb: ${String(stored)} rows stored, ${values} written`);
    log(`duckdb: ${values} values in ${copyS.toFixed(1)} s (CSV written in ${csvS.toFixed(1)} s); building metric_months`);
    const r0 = performance.now();
    await c.run(`
      create table metric_months as
      select account_id, metric, date_trunc('month', day)::date as month, sum(value) as sum, count(*)::int as days,
             min(day) as first_day, max(day) as last_day, arg_max(value, day) as last_value, min(value) as min, max(value) as max
      from observations where post_id is null group by all`);
    const rollupS = (performance.now() - r0) / 1000;
    const [rollupRows] = await first(`select count(*)::int from metric_months`);
    log(`duckdb: ${String(rollupRows)} rollup rows in ${rollupS.toFixed(1)} s`);

    const rows = async (text: string) => (await c.runAndReadAll(text)).currentRowCount;
    const t = (id: string, query: string, source: string, run: (i: number) => Promise<number>) => time(o.runs, id, query, source, run);
    const monthStart = `${o.month}-01`;
    const monthEnd = addDays(addDays(monthStart, 40).slice(0, 8) + '01', -1);
    const yearStart = `${o.year}-01-01`;
    const yearEnd = `${o.year}-12-31`;
    const reachAccounts = accounts.filter((a) => a.metrics.includes('reach')).map((a) => ids[a.index]!);
    const timings: Timing[] = [];

    timings.push(
      await t('unit-month', 'org-wide reach by unit, one month', 'daily rows', () =>
        rows(`select a.unit_id, sum(o.value) as sum, count(*) as days
              from observations o join accounts a on a.id = o.account_id
              where o.metric = 'reach' and o.day between date '${monthStart}' and date '${monthEnd}' and o.post_id is null
              group by a.unit_id`),
      ),
      await t('unit-month', 'org-wide reach by unit, one month', 'metric_months', () =>
        rows(`select a.unit_id, sum(m.sum) as sum, sum(m.days) as days
              from metric_months m join accounts a on a.id = m.account_id
              where m.metric = 'reach' and m.month = date '${monthStart}'
              group by a.unit_id`),
      ),
      await t('unit-12', 'org-wide reach by unit, 12 months', 'daily rows', () =>
        rows(`select a.unit_id, date_trunc('month', o.day) as month, sum(o.value) as sum, count(*) as days
              from observations o join accounts a on a.id = o.account_id
              where o.metric = 'reach' and o.day between date '${yearStart}' and date '${yearEnd}' and o.post_id is null
              group by 1, 2`),
      ),
      await t('unit-12', 'org-wide reach by unit, 12 months', 'metric_months', () =>
        rows(`select a.unit_id, m.month, sum(m.sum) as sum, sum(m.days) as days
              from metric_months m join accounts a on a.id = m.account_id
              where m.metric = 'reach' and m.month between date '${yearStart}' and date '${o.year}-12-01'
              group by 1, 2`),
      ),
      await t('account-year', 'one account, reach per month over a year', 'daily rows', (i) =>
        rows(`select date_trunc('month', day) as month, sum(value), count(*) from observations
              where account_id = '${reachAccounts[i % reachAccounts.length]}' and metric = 'reach'
                and day between date '${yearStart}' and date '${yearEnd}' and post_id is null
              group by 1`),
      ),
      await t('account-year', 'one account, reach per month over a year', 'metric_months', (i) =>
        rows(`select month, sum, days, last_value from metric_months
              where account_id = '${reachAccounts[i % reachAccounts.length]}' and metric = 'reach'
                and month between date '${yearStart}' and date '${o.year}-12-01'`),
      ),
      await t('latest', 'latest followers per account at the end of the year', 'daily rows', () =>
        rows(`select account_id, arg_max(value, day) as value from observations
              where metric = 'followers' and day <= date '${yearEnd}' and post_id is null group by account_id`),
      ),
      await t('latest', 'latest followers per account at the end of the year', 'metric_months', () =>
        rows(`select account_id, arg_max(last_value, month) as value from metric_months
              where metric = 'followers' and month <= date '${o.year}-12-01' group by account_id`),
      ),
    );

    // metric-by-unit as one statement: per account and bucket, then up the unit tree by path.
    const byUnit = (param: string, metric: string, from: 'daily rows' | 'metric_months') => {
      const b = bucketValues(param, o.now);
      const perAccount =
        from === 'daily rows'
          ? `select o.account_id, b.bucket, ${metric === 'followers' ? 'arg_max(o.value, o.day)' : 'sum(o.value)'} as value, count(*) as days
             from observations o join b on b.month = date_trunc('month', o.day)
             where o.metric = '${metric}' and o.post_id is null and o.day >= date '${b.from}' and o.day < date '${b.to}'
             group by all`
          : `select m.account_id, b.bucket, ${metric === 'followers' ? 'arg_max(m.last_value, m.last_day)' : 'sum(m.sum)'} as value, sum(m.days) as days
             from metric_months m join b on b.month = m.month
             where m.metric = '${metric}' and m.month >= date '${b.from}' and m.month < date '${b.to}'
             group by all`;
      return `
        with b(month, bucket) as (values ${b.values}),
        per_account as (${perAccount})
        select up.unit_id, pa.bucket, sum(pa.value) as total, count(*) as with_value, sum(pa.days) as days
        from per_account pa join accounts a on a.id = pa.account_id join units u on u.id = a.unit_id
        cross join unnest(string_split(u.path, '/')) as up(unit_id)
        group by all`;
    };
    const services: [string, string, string, string][] = [
      ['service-month', 'metric by unit, organisation, a month (+ previous, last year, unit tree)', o.month, 'reach'],
      ['service-quarter', 'metric by unit, organisation, a quarter (+ previous, last year, unit tree)', o.quarter, 'reach'],
      ['service-year', 'metric by unit, organisation, a year (+ previous, last year, unit tree)', o.year, 'reach'],
      ['service-year-latest', 'metric by unit, followers (latest), a year (+ previous, last year, unit tree)', o.year, 'followers'],
    ];
    for (const [id, query, param, metric] of services) {
      for (const from of ['daily rows', 'metric_months'] as const) timings.push(await t(id, query, from, () => rows(byUnit(param, metric, from))));
    }
    timings.push(
      await t('compare-year', "compare: each account's reach over a year", 'daily rows', () =>
        rows(`select account_id, sum(value), count(*) from observations
              where metric = 'reach' and day between date '${yearStart}' and date '${yearEnd}' and post_id is null group by account_id`),
      ),
      await t('compare-year', "compare: each account's reach over a year", 'metric_months', () =>
        rows(`select account_id, sum(sum), sum(days) from metric_months
              where metric = 'reach' and month between date '${yearStart}' and date '${o.year}-12-01' group by account_id`),
      ),
    );
    const [reachYear] = await first(`select sum(value) from observations where metric = 'reach' and day between date '${yearStart}' and date '${yearEnd}' and post_id is null`);
    const [followersYear] = await first(`
      select sum(v) from (select arg_max(value, day) as v from observations
      where metric = 'followers' and day between date '${yearStart}' and date '${yearEnd}' and post_id is null group by account_id)`);
    const checks = { reachYear: Number(reachYear), followersYear: Number(followersYear) };
    return { kind: 'duckdb', version: String(version), threads: Number(threads), load: { values, csvS, copyS, rollupS, rollupRows: Number(rollupRows) }, timings, checks };
  } finally {
    c.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
