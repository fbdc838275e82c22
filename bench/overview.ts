/**
 * The dashboard drill-down at organisation scale (issue #5, "Speed": every dashboard request
 * ≤ 20 ms at the 95th percentile, server side, on PGlite): 500 accounts × 3 years × 20 metrics of
 * daily values (bench/generate.ts, COPYed into observations; monthly rollups built once; a fifth
 * of the accounts with a gap in their documentation), three
 * posts a week in the last year with per-post readings of the KPI metrics, a monthly audience
 * snapshot, a year of monthly evaluations (some drafts past their due day), and one active goal
 * per account with three KPIs on its first three metrics. Timed on
 * a file-backed PGlite, services only (no HTTP):
 *
 * - the overview cold: the first request of a day, with nothing cached (every KPI result and
 *   every account's documented runs computed and stored);
 * - the overview after one account's import (its cached rows forgotten, as a write does);
 * - the overview warm, for the organisation and for one faculty;
 * - the account dashboard: the first visit of the day (its KPIs evaluated with forecasts and
 *   kept in the result cache) and later visits.
 *
 *   node bench/overview.ts                              # 500 accounts, 3 years
 *   node bench/overview.ts --accounts 50 --years 1 --no-write
 *   node bench/overview.ts --keep .tmp/bench-overview   # keep the loaded database; a second run reuses it
 */
import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { addDays } from '../src/core/period/days.ts';
import { ageGroups } from '../src/core/platforms.ts';
import { getMetric } from '../src/core/metrics/catalogue.ts';
import { kpiMetric } from '../src/core/metrics/derived.ts';
import type { KpiInput } from '../src/contract/goals.ts';
import { openDatabase, type Db } from '../src/db/client.ts';
import type { Context } from '../src/services/context.ts';
import { createOrganisation } from '../src/services/auth/setup-organisation.ts';
import { loadSystemActor } from '../src/services/load-actor.ts';
import { createUnit } from '../src/services/units/create-unit.ts';
import { createAccount } from '../src/services/accounts/create-account.ts';
import { createStrategicGoal } from '../src/services/goals/strategic-goals.ts';
import { createGoal } from '../src/services/goals/create-goal.ts';
import { setGoalStatus } from '../src/services/goals/set-goal-status.ts';
import { rebuildRollups } from '../src/services/statistics/refresh-rollups.ts';
import { forgetKpiResults } from '../src/services/dashboards/forget-results.ts';
import { overview } from '../src/services/dashboards/overview.ts';
import { clearOverviewCache } from '../src/services/dashboards/overview-cache.ts';
import { accountDashboard } from '../src/services/dashboards/account-dashboard.ts';
import { accountValues, benchAccounts, type BenchAccount, postRows } from './generate.ts';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '500' },
    years: { type: 'string', default: '3' },
    runs: { type: 'string', default: '50' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});
const ACCOUNTS = Number(args.accounts);
const YEARS = Number(args.years);
const RUNS = Number(args.runs);
const WARM = 3;
const NOW = new Date('2026-01-15T08:00:00Z');
const TODAY = '2026-01-15';
const DAYS = Math.round(365.25 * YEARS);
const FIRST_DAY = addDays(TODAY, -DAYS);
const GOAL = { startDate: '2025-10-01', deadline: '2026-06-30' };
const here = dirname(fileURLToPath(import.meta.url));
const outFile = args['no-write'] ? null : (args.out ?? (ACCOUNTS === 500 && YEARS === 3 ? join(here, 'results', 'overview.md') : null));

const log = (...xs: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...xs);
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const count = async (db: Db, table: string) => Number(Object.values(rowsOf<Record<string, unknown>>(await db.execute(sql.raw(`select count(*) from ${table}`)))[0] ?? {})[0]);

interface Timing {
  what: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  /** This process's CPU time per run (PGlite runs in it): less swayed than wall time by other work on the machine. */
  cpuP50: number;
  cpuP95: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

function summarise(what: string, ts: number[], cpu: number[]): Timing {
  const t = { what, runs: ts.length, p50: quantile(ts, 0.5), p95: quantile(ts, 0.95), max: Math.max(...ts), cpuP50: quantile(cpu, 0.5), cpuP95: quantile(cpu, 0.95) };
  log(`  ${what}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms; CPU p50 ${t.cpuP50.toFixed(1)} ms, p95 ${t.cpuP95.toFixed(1)} ms (${t.runs} runs)`);
  return t;
}

/** Wall and CPU time of one run, in ms. */
async function measure(run: () => Promise<unknown>): Promise<[number, number]> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [wall, (c.user + c.system) / 1000];
}

async function time(what: string, run: (i: number) => Promise<unknown>, runs = RUNS, warm = WARM): Promise<Timing> {
  for (let i = 0; i < warm; i++) await run(i);
  const ts: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [wall, c] = await measure(() => run(i));
    ts.push(wall);
    cpu.push(c);
  }
  return summarise(what, ts, cpu);
}

/** A KPI on a metric: a sum over the period, a level at the deadline, or a monthly mean, with a target near what the data gives. */
function kpiFor(metric: string, i: number): KpiInput {
  const def = getMetric(metric);
  const measurements = kpiMetric(metric)?.measurements ?? [];
  const measurement = def?.aggregation === 'sum' && measurements.includes('over_period') ? 'over_period' : measurements.includes('at_deadline') ? 'at_deadline' : 'per_month';
  // Invented targets spread around what the generator's levels give, so every status occurs.
  const scale = measurement === 'over_period' ? 200 : 1;
  return { kind: 'metric', metric, measurement, target: Math.round((500 + (i % 7) * 900) * scale) };
}

async function setUp(db: Db): Promise<{ ctx: Context; orgId: string; faculty: string; ids: string[]; accounts: BenchAccount[] }> {
  const org = await createOrganisation(
    { db, now: NOW },
    { organisationName: 'Benchmark University', adminName: 'Bench Admin', email: 'admin@bench.example', password: 'benchmark-password-1', locale: 'en' },
    'not-a-real-hash',
  );
  let ctx: Context = { db, now: NOW, actor: await loadSystemActor(db) };
  const departments: string[] = [];
  let faculty = '';
  for (let f = 1; f <= 8; f++) {
    const unit = await createUnit(ctx, { name: `Faculty ${f}`, kind: 'faculty', parent: org.topUnitId, slug: `faculty-${f}` });
    if (f === 1) faculty = unit.id;
    for (let d = 1; d <= 4; d++) {
      departments.push((await createUnit(ctx, { name: `Department ${f}.${d}`, kind: 'department', parent: unit.id, slug: `department-${f}-${d}` })).id);
    }
  }
  ctx = { db, now: NOW, actor: await loadSystemActor(db) };
  const accounts = benchAccounts(ACCOUNTS);
  const ids: string[] = [];
  const created = { db, now: new Date(`${FIRST_DAY}T08:00:00Z`), actor: ctx.actor };
  for (const a of accounts) {
    const targetAgeGroups = a.index % 2 === 0 ? ['18-24' as const, '25-34' as const] : [];
    ids.push((await createAccount(created, { unit: departments[a.index % departments.length]!, platform: a.platform, name: a.name, slug: a.slug, targetAgeGroups })).id);
  }
  return { ctx, orgId: org.organisationId, faculty, ids, accounts };
}

/** Sets up the organisation and loads its statistics, goals and all. */
async function load(db: Db) {
  log(`set-up: ${ACCOUNTS} accounts`);
  const { ctx, orgId, faculty, ids, accounts } = await setUp(db);
  log(`COPY ${ACCOUNTS} accounts × ${DAYS} days × 20 metrics, posts and audience`);
  const l0 = performance.now();
  let values = 0;
  let postValues = 0;
  const postFrom = addDays(TODAY, -365);
  for (const a of accounts) {
    const id = ids[a.index]!;
    // Documentation gaps for the watchdog: every tenth account left 30 days undocumented 400 days ago
    // (lost where a platform keeps a year), every tenth but five 9 days just inside a year (soon due).
    const gap = a.index % 10 === 0 ? [addDays(TODAY, -400), addDays(TODAY, -371)] : a.index % 10 === 5 ? [addDays(TODAY, -360), addDays(TODAY, -352)] : null;
    const vs = accountValues(a, FIRST_DAY, DAYS).filter((v) => gap === null || v.day < gap[0]! || v.day > gap[1]!);
    values += vs.length;
    await copy('observations (organisation_id, account_id, metric, day, value, source)', vs.map((v) => `${orgId},${id},${v.metric},${v.day},${v.value},import\n`).join(''));
    // Three posts a week in the last year, each read a week after publication for the KPI metrics.
    const made = postRows(a, orgId, id, postFrom, TODAY);
    postValues += made.count;
    await copy('posts (id, organisation_id, account_id, platform_post_id, published_on, post_type)', made.posts);
    await copy('observations (organisation_id, account_id, metric, day, post_id, value, source)', made.readings);
    const snapshots: string[] = [];
    for (let m = 0; m < 12; m++) {
      const day = addDays(TODAY, -30 * (m + 1));
      const top = (a.index + (m === 0 ? 0 : 1)) % ageGroups.length;
      const shares = ageGroups.map((_, g) => (g === top ? 40 : 0) + 1 + ((a.index * 13 + g * 29 + m) % 10));
      const total = shares.reduce((x, y) => x + y, 0);
      const distribution = Object.fromEntries(ageGroups.map((g, i) => [g, Math.round((shares[i]! / total) * 1000) / 10]));
      snapshots.push(`${crypto.randomUUID()},${orgId},${id},${day},"${JSON.stringify(distribution).replaceAll('"', '""')}",import\n`);
    }
    await copy('audience_snapshots (id, organisation_id, account_id, day, age_distribution, source)', snapshots.join(''));
  }
  const loadS = (performance.now() - l0) / 1000;
  await db.execute(sql`analyze`);
  log(`${values} daily and ${postValues} per-post values in ${loadS.toFixed(1)} s; building rollups`);
  const r0 = performance.now();
  await rebuildRollups(db, orgId);
  const rollupS = (performance.now() - r0) / 1000;

  log('goals: one active goal per account, three KPIs on its first three metrics');
  const g0 = performance.now();
  const sg = (await createStrategicGoal(ctx, { title: 'Benchmark strategy' })).id;
  for (const a of accounts) {
    const goal = await createGoal(ctx, {
      accounts: [ids[a.index]!],
      goalType: 'custom',
      qualitativeGoal: `Goal of ${a.name}`,
      strategicGoal: sg,
      ...GOAL,
      kpis: a.metrics.slice(0, 3).map((m, i) => kpiFor(m, a.index + i)),
    });
    await setGoalStatus(ctx, goal.id, { status: 'active' });
  }
  const goalsS = (performance.now() - g0) / 1000;
  await db.execute(sql`analyze`);
  return { ctx, orgId, faculty, ids, values, postValues, loadS, rollupS, goalsS };

}

/**
 * Monthly evaluations of 2025 for every account, as the schedule prepares them and evaluators sign
 * them: January–October signed, except every seventh account's September and October left as
 * drafts; November (due 15 December) a draft past its due day for every third account; December
 * (due on TODAY) a draft everywhere. Added to a kept database that has none.
 */
async function addEvaluations(db: Db, orgId: string, ids: readonly string[]) {
  if ((await count(db, 'evaluations')) > 0) return;
  const rows: string[] = [];
  ids.forEach((id, i) => {
    for (let m = 1; m <= 12; m++) {
      const draft = m === 12 || (m === 11 && i % 3 === 0) || (m >= 9 && m <= 10 && i % 7 === 0);
      const month = `2025-${String(m).padStart(2, '0')}-01`;
      rows.push(`${crypto.randomUUID()},${orgId},${id},${month},${draft ? 'draft' : 'signed'},${draft ? '' : `${month.slice(0, 8)}20T10:00:00Z`}\n`);
    }
  });
  await copy('evaluations (id, organisation_id, account_id, month, status, signed_at)', rows.join(''));
  await db.execute(sql`analyze evaluations`);
}

/** An organisation loaded by an earlier run with --keep. */
async function reopen(db: Db) {
  log(`reusing the database in ${dir}`);
  const ctx: Context = { db, now: NOW, actor: await loadSystemActor(db) };
  const orgId = ctx.actor.organisationId;
  const bySlug = new Map(rowsOf<{ id: string; slug: string }>(await db.execute(sql`select id::text as id, slug from accounts`)).map((r) => [r.slug, r.id]));
  const ids = benchAccounts(ACCOUNTS).map((a) => bySlug.get(a.slug)!);
  const faculty = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from units where slug = 'faculty-1'`))[0]!.id;
  const values = await count(db, 'observations where post_id is null');
  const postValues = await count(db, 'observations where post_id is not null');
  return { ctx, orgId, faculty, ids, values, postValues, loadS: NaN, rollupS: NaN, goalsS: NaN };
}

// --keep DIR: keep the loaded database there, and reuse it when it exists (measure again without loading).
const dir = args.keep ?? mkdtempSync(join(tmpdir(), 'maalbar-bench-overview-'));
const reuse = args.keep !== undefined && existsSync(join(dir, 'pgdata'));
mkdirSync(dir, { recursive: true });
const client = await PGlite.create(join(dir, 'pgdata'));
const database = await openDatabase({ kind: 'pglite-instance', client });
const copy = async (table: string, csv: string) => {
  await client.query(`copy ${table} from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
};
try {
  await database.migrate();
  const db = database.db;
  const loaded = reuse ? await reopen(db) : await load(db);
  const { ctx, orgId, faculty, ids, values, postValues, loadS, rollupS, goalsS } = loaded;
  await addEvaluations(db, orgId, ids);
  await db.execute(sql`delete from kpi_results`);
  await db.execute(sql`delete from documented_runs`);

  if (process.env.BENCH_HOOK) await (await import(process.env.BENCH_HOOK)).default({ ctx, orgId, faculty, ids });
  const timings: Timing[] = [];
  log('overview, cold (nothing cached)');
  const c0 = performance.now();
  const cold = await overview(ctx);
  const coldMs = performance.now() - c0;
  log(`  cold: ${coldMs.toFixed(0)} ms; ${await count(db, 'kpi_results')} KPI results, ${await count(db, 'documented_runs')} documented runs stored`);
  const statusLine = Object.entries(cold.totals.counts).map(([k, v]) => `${k} ${v}`).join(', ');
  log(`  ${statusLine}; ${cold.attentionTotal} accounts need attention, ${cold.totals.misfits} misfits, ${cold.totals.gaps} gaps`);

  // The first request after an import: that account's rows were forgotten in the write.
  const after: number[] = [];
  const afterCpu: number[] = [];
  for (let i = 0; i < 20; i++) {
    await forgetKpiResults(db, orgId, ids[(i * 37) % ids.length]!);
    const [wall, c] = await measure(() => overview(ctx));
    after.push(wall);
    afterCpu.push(c);
  }
  timings.push(summarise('overview, organisation, first request after one account\u2019s import', after, afterCpu));
  timings.push(await time('overview, organisation (warm)', () => overview(ctx)));
  // The same without the in-memory copy of the statement's answer (services/dashboards/overview-cache.ts):
  // what a request costs when something changed since the last one.
  timings.push(await time('overview, organisation (warm, statement read afresh)', () => (clearOverviewCache(db), overview(ctx))));
  timings.push(await time('overview, one faculty (warm)', () => overview(ctx, { unit: faculty })));
  timings.push(await time('overview, organisation, last quarter (warm)', () => overview(ctx, { period: '2025-Q4' })));
  // The account dashboard: the first visit of the day evaluates the account's KPIs with forecasts and keeps them; later visits read them.
  const visited = Array.from({ length: 20 }, (_, i) => ids[(i * 53 + 11) % ids.length]!);
  const first: number[] = [];
  const firstCpu: number[] = [];
  for (const id of visited) {
    const [wall, c] = await measure(() => accountDashboard(ctx, id));
    first.push(wall);
    firstCpu.push(c);
  }
  timings.push(summarise('account dashboard, first visit of the day (KPIs evaluated with forecasts, kept)', first, firstCpu));
  timings.push(await time('account dashboard (warm; 20 accounts in turn)', (i) => accountDashboard(ctx, visited[i % visited.length]!)));

  const f = (x: number) => x.toFixed(1);
  const lines = [
    '# The dashboard drill-down: overview and account dashboard',
    '',
    `Written by \`node bench/overview.ts\` on ${new Date().toISOString().slice(0, 10)}: ${ACCOUNTS} accounts × ${DAYS} days × 20 metrics ` +
      `(${values.toLocaleString('en')} daily values, ${postValues.toLocaleString('en')} per-post readings of ~${Math.round(postValues / ACCOUNTS / 3)} posts per account, ` +
      `12 audience snapshots per account, 12 monthly evaluations per account), one active goal per account with three KPIs (${(ACCOUNTS * 3).toLocaleString('en')} KPI results), ` +
      `on a file-backed PGlite; ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}. ` +
      `Services only (no HTTP), as of ${TODAY}. ` +
      (reuse ? 'The data was loaded by an earlier run (--keep).' : `Loading took ${f(loadS)} s, rollups ${f(rollupS)} s, goals ${f(goalsS)} s.`),
    '',
    `Load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (1, 5, 15 min) on ${cpus().length} CPU threads shared with other work, so times include waiting for a CPU.`,
    '',
    `**Cold** (the first overview of a day, nothing cached: ${(ACCOUNTS * 3).toLocaleString('en')} KPIs evaluated from daily values and ` +
      `${ACCOUNTS} accounts' documented days read, all stored): **${(coldMs / 1000).toFixed(2)} s**. The answer: ${statusLine}; ` +
      `${cold.attentionTotal} accounts need attention, ${cold.totals.misfits} audience misfits, ${cold.totals.gaps} documentation gaps.`,
    '',
    `| request | runs | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...timings.map((t) => `| ${t.what} | ${t.runs} | ${f(t.p50)} | ${f(t.p95)} | ${f(t.max)} | ${f(t.cpuP50)} | ${f(t.cpuP95)} |`),
    '',
  ];
  const text = lines.join('\n');
  console.log(`\n${text}`);
  if (outFile) {
    writeFileSync(outFile, text);
    log(`written to ${outFile}`);
  }
} finally {
  await database.close();
  if (args.keep === undefined) rmSync(dir, { recursive: true, force: true });
}
