/**
 * Import benchmark: a year of export files for many accounts (500 by default, about 3.6 million
 * values) imported through `importFiles` as a user would, against the database's own raw COPY
 * of the same rows into the observations table, on a file-backed PGlite and on PostgreSQL.
 *
 *   npm run bench:import                          # 500 accounts, PGlite and (if a URL) PostgreSQL
 *   npm run bench:import -- --accounts 50         # a quick run
 *   npm run bench:import -- --postgres postgres://…   # or TEST_DATABASE_URL
 *   npm run bench:import -- --no-postgres --no-write
 *
 * See bench/README.md for what each step measures. Results go to bench/results/import-statistics.md
 * (a full run; `--out FILE` elsewhere, `--no-write` prints only).
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, platform as osPlatform, release } from 'node:os';
import { join, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { addDays } from '../src/core/period/days.ts';
import type { Platform } from '../src/core/platforms.ts';
import { openDatabase, type Database, type Db } from '../src/db/client.ts';
import { parseFile } from '../src/importers/registry.ts';
import type { InputFile } from '../src/importers/types.ts';
import type { Context } from '../src/services/context.ts';
import { createOrganisation } from '../src/services/auth/setup-organisation.ts';
import { loadSystemActor } from '../src/services/load-actor.ts';
import { createUnit } from '../src/services/units/create-unit.ts';
import { createAccount } from '../src/services/accounts/create-account.ts';
import { importFiles } from '../src/services/imports/import-files.ts';
import { assertStatistics } from '../src/services/statistics/check-statistics.ts';
import { sha256Hex } from '../src/services/statistics/write-statistics.ts';
import { accountFiles, accountValues, benchAccounts, type BenchAccount, type BenchValue } from './generate.ts';
import { prototypeWrite, type PrototypeResult } from './prototype-write.ts';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '500' },
    days: { type: 'string', default: '365' },
    postgres: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    'no-pglite': { type: 'boolean', default: false },
    'no-prototype': { type: 'boolean', default: false },
    out: { type: 'string' },
    /** A postgresql.conf line for PGlite, e.g. 'shared_buffers=512MB' (repeatable); Målbar itself runs with the defaults. */
    'pglite-conf': { type: 'string', multiple: true },
    /** Measure the raw COPY only (to compare settings quickly). */
    'only-copy': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});

const ACCOUNTS = Number(args.accounts);
const DAYS = Number(args.days);
if (!(ACCOUNTS >= 8 && DAYS >= 60 && DAYS <= 365)) throw new Error('--accounts at least 8, --days 60 to 365');
const LAST_DAY = '2026-11-21';
const FIRST_DAY = addDays(LAST_DAY, -(DAYS - 1));
/** The newer export: the last half year again (10 % of its values revised) and 30 new days. */
const MERGE_OVERLAP = Math.min(180, DAYS);
const MERGE_NEW = 30;
const MERGE_LAST_DAY = addDays(LAST_DAY, MERGE_NEW);
const NOW = new Date(`${addDays(MERGE_LAST_DAY, 1)}T08:00:00Z`);

const here = dirname(fileURLToPath(import.meta.url));
const postgresUrl = args['no-postgres'] ? undefined : (args.postgres ?? process.env.TEST_DATABASE_URL);
const outFile = args['no-write'] ? null : (args.out ?? (ACCOUNTS === 500 && DAYS === 365 ? join(here, 'results', 'import-statistics.md') : null));

// ---------------------------------------------------------------- helpers

const ms = (t0: number) => performance.now() - t0;
/** CPU time (user + system, ms) of this process since `c0`: with PGlite the database runs in this process too. */
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};
const fmtS = (msec: number) => `${(msec / 1000).toFixed(2)} s`;
const fmtRate = (n: number, msec: number) => `${Math.round(n / (msec / 1000)).toLocaleString('en-US')}/s`;
const fmtN = (n: number) => n.toLocaleString('en-US');
function log(...parts: unknown[]) {
  console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);
}

interface Workload {
  accounts: BenchAccount[];
  /** Per account: the year's values, its files, the re-saved files (same values, CRLF), the newer overlapping export. */
  values: BenchValue[][];
  files: InputFile[][];
  resaved: InputFile[][];
  merge: InputFile[][];
  mergeExpect: { added: number; changed: number; unchanged: number };
  totalValues: number;
  bytes: number;
}

function buildWorkload(): Workload {
  const accounts = benchAccounts(ACCOUNTS);
  const w: Workload = { accounts, values: [], files: [], resaved: [], merge: [], mergeExpect: { added: 0, changed: 0, unchanged: 0 }, totalValues: 0, bytes: 0 };
  for (const a of accounts) {
    const values = accountValues(a, FIRST_DAY, DAYS);
    w.values.push(values);
    w.files.push(accountFiles(a, values, 'year'));
    w.resaved.push(accountFiles(a, values, 'resaved', '\r\n'));
    const mergeValues = accountValues(a, addDays(LAST_DAY, -(MERGE_OVERLAP - 1)), MERGE_OVERLAP + MERGE_NEW, { revise: 0.1, seed: 2 });
    w.merge.push(accountFiles(a, mergeValues, 'newer'));
    const old = new Map(values.map((v) => [`${v.metric}|${v.day}`, v.value]));
    for (const v of mergeValues) {
      const before = old.get(`${v.metric}|${v.day}`);
      if (before === undefined) w.mergeExpect.added++;
      else if (before !== v.value) w.mergeExpect.changed++;
      else w.mergeExpect.unchanged++;
    }
    w.totalValues += values.length;
    w.bytes += w.files.at(-1)!.reduce((s, f) => s + f.bytes.length, 0);
  }
  return w;
}

// ---------------------------------------------------------------- parse only (pure)

interface ParseTiming {
  sha: number;
  parse: number;
  check: number;
  observations: number;
  /** CPU time of the pass (parse + check). */
  cpu: number;
}

function parseOnly(w: Workload, files: InputFile[][], lastDay: string): ParseTiming {
  const t: ParseTiming = { sha: 0, parse: 0, check: 0, observations: 0, cpu: 0 };
  const c0 = process.cpuUsage();
  w.accounts.forEach((a, i) => {
    for (const file of files[i]!) {
      let t0 = performance.now();
      const parsed = parseFile(file, { platform: a.platform, lastDay });
      t.parse += ms(t0);
      t0 = performance.now();
      assertStatistics(a.platform, a.name, { observations: parsed.observations, posts: parsed.posts, audience: [] }, { platformExport: parsed.importer !== 'maalbar-template' });
      t.check += ms(t0);
      t.observations += parsed.observations.length;
    }
  });
  t.cpu = cpuMs(c0);
  return t;
}

async function shaOnly(files: InputFile[][]): Promise<number> {
  const t0 = performance.now();
  for (const list of files) for (const f of list) await sha256Hex(f.bytes);
  return ms(t0);
}

// ---------------------------------------------------------------- engines

interface Engine {
  kind: 'pglite' | 'postgres';
  database: Database;
  /** COPY of CSV text into observations (the table's columns in COPY_COLUMNS order). */
  copy(columns: readonly string[], csv: string): Promise<void>;
  size(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The observations table's columns, read from the database (the schema may change): each with
 * the text COPY gets for a row. A column with a default that is not listed here is left out.
 */
type CopyRow = { orgId: string; accountId: string; importId: string; metric: string; day: string; value: number; now: string };
const COPY_VALUES: Record<string, (r: CopyRow) => string> = {
  id: () => crypto.randomUUID(),
  organisation_id: (r) => r.orgId,
  account_id: (r) => r.accountId,
  metric: (r) => r.metric,
  day: (r) => r.day,
  post_id: () => '',
  value: (r) => String(r.value),
  source: () => 'import',
  import_id: (r) => r.importId,
  created_at: (r) => r.now,
  updated_at: (r) => r.now,
};

async function copyColumns(db: Db): Promise<string[]> {
  const r = (await db.execute(
    sql`select column_name, is_nullable, column_default from information_schema.columns where table_name = 'observations' and table_schema = current_schema() order by ordinal_position`,
  )) as unknown as { rows: { column_name: string; is_nullable: string; column_default: string | null }[] };
  const out: string[] = [];
  for (const c of r.rows) {
    if (COPY_VALUES[c.column_name]) out.push(c.column_name);
    else if (c.is_nullable === 'NO' && c.column_default === null) throw new Error(`observations.${c.column_name}: the benchmark does not know what to COPY into it`);
  }
  return out;
}

async function pgliteEngine(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'maalbar-bench-'));
  const conf = args['pglite-conf'] ?? [];
  const client = await PGlite.create(join(dir, 'pgdata'), conf.length > 0 ? { postgresqlconf: conf } : {});
  for (const line of conf) {
    const name = line.split('=')[0]!.trim();
    log('pglite', `${name} = ${Object.values((await client.query<Record<string, string>>(`show ${name}`)).rows[0] ?? {})[0]}`);
  }
  const database = await openDatabase({ kind: 'pglite-instance', client });
  await database.migrate();
  return {
    kind: 'pglite',
    database,
    copy: async (columns, csv) => {
      await client.query(`copy observations (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
    },
    size: async () => `${(dirSize(join(dir, 'pgdata')) / 1024 / 1024).toFixed(0)} MB data directory`,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function dirSize(path: string): number {
  let total = 0;
  for (const name of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(path, name));
    if (s.isFile()) total += s.size;
  }
  return total;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function postgresEngine(url: string): Promise<Engine> {
  const name = `maalbar_bench_${process.pid}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`drop database if exists ${name}`);
  await admin(`create database ${name}`);
  const dbUrl = withDatabase(url, name);
  const database = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 4 });
  await database.migrate();
  const copyClient = new pg.Client({ connectionString: dbUrl });
  await copyClient.connect();
  return {
    kind: 'postgres',
    database,
    copy: async (columns, csv) => {
      const stream = copyClient.query(copyFrom(`copy observations (${columns.join(', ')}) from stdin with (format csv)`));
      await pipeline(Readable.from([Buffer.from(csv)]), stream);
    },
    size: async () => {
      const r = await copyClient.query<{ s: string }>(`select pg_size_pretty(pg_database_size(current_database())) as s`);
      return `${r.rows[0]?.s ?? '?'} database`;
    },
    close: async () => {
      await copyClient.end();
      await database.close();
      await admin(`drop database if exists ${name}`);
    },
  };
}

// ---------------------------------------------------------------- the run on one engine

interface StepResult {
  step: string;
  wall: number;
  /** CPU time of this process (PGlite: Node and the database; PostgreSQL: Node only). */
  cpu: number;
  values: number;
  note: string;
}

interface EngineResult {
  kind: string;
  steps: StepResult[];
  importDb: number;
  copyDb: number;
  copyPrep: number;
  size: string;
  prototype: PrototypeResult | null;
}

async function setUp(db: Db, w: Workload): Promise<{ ctx: Context; ids: string[] }> {
  const org = await createOrganisation(
    { db, now: NOW },
    { organisationName: 'Benchmark University', adminName: 'Bench Admin', email: 'admin@bench.example', password: 'benchmark-password-1', locale: 'en' },
    'not-a-real-hash',
  );
  let ctx: Context = { db, now: NOW, actor: await loadSystemActor(db) };
  const unitIds = new Map<Platform, string>();
  for (const a of w.accounts) {
    if (unitIds.has(a.platform)) continue;
    const unit = await createUnit(ctx, { name: `Benchmark unit ${a.platform}`, kind: 'department', parent: org.topUnitId, slug: `bench-${a.platform}` });
    unitIds.set(a.platform, unit.id);
  }
  ctx = { db, now: NOW, actor: await loadSystemActor(db) };
  const ids: string[] = [];
  for (const a of w.accounts) ids.push((await createAccount(ctx, { unit: unitIds.get(a.platform)!, platform: a.platform, name: a.name, slug: a.slug })).id);
  return { ctx, ids };
}

async function importAll(ctx: Context, ids: string[], files: InputFile[][], lastDay: string, expect: (status: string) => boolean) {
  const totals = { added: 0, changed: 0, unchanged: 0, files: 0 };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i++) {
    const report = await importFiles(ctx, ids[i]!, files[i]!, { lastDay });
    for (const f of report.files) {
      if (!expect(f.status)) throw new Error(`${f.file}: ${f.status} ${f.error ?? ''}`);
      totals.added += f.added;
      totals.changed += f.changed;
      totals.unchanged += f.unchanged;
      totals.files++;
    }
  }
  return { wall: ms(t0), cpu: cpuMs(c0), ...totals };
}

async function countObservations(db: Db): Promise<number> {
  const r = (await db.execute(sql`select count(*)::int as n from observations`)) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0]!.n);
}

function copyCsv(columns: readonly string[], orgId: string, accountId: string, importId: string, values: readonly BenchValue[], now: string): string {
  const cells = columns.map((c) => COPY_VALUES[c]!);
  let out = '';
  for (const v of values) {
    const row: CopyRow = { orgId, accountId, importId, metric: v.metric, day: v.day, value: v.value, now };
    out += cells.map((f) => f(row)).join(',') + '\n';
  }
  return out;
}

async function runEngine(engine: Engine, w: Workload, parse: { year: number; resaved: number; merge: number; yearCpu: number }): Promise<EngineResult> {
  const db = engine.database.db;
  let t0 = performance.now();
  const { ctx, ids } = await setUp(db, w);
  log(engine.kind, `set-up (organisation, ${ids.length} accounts through the services): ${fmtS(ms(t0))}`);
  const orgId = ctx.actor.organisationId;
  const steps: StepResult[] = [];

  // (b) raw COPY of the same rows, one COPY per account (as the import writes one transaction per file).
  const nowIso = NOW.toISOString();
  const columns = await copyColumns(db);
  let copyPrep = 0;
  let copyDb = 0;
  let copyCpu = 0;
  for (let i = 0; i < ids.length; i++) {
    t0 = performance.now();
    // Like the import's rows, the copied rows name an import (a row in imports per account, made first).
    const importId = crypto.randomUUID();
    await db.execute(sql`insert into imports (id, organisation_id, account_id, origin, sha256, rows, counts, created_at)
      values (${importId}::uuid, ${orgId}::uuid, ${ids[i]!}::uuid, 'api', ${`bench-copy-${i}`}, 0, '{}'::jsonb, ${nowIso}::timestamptz)`);
    const csv = copyCsv(columns, orgId, ids[i]!, importId, w.values[i]!, nowIso);
    copyPrep += ms(t0);
    t0 = performance.now();
    const c0 = process.cpuUsage();
    await engine.copy(columns, csv);
    copyDb += ms(t0);
    copyCpu += cpuMs(c0);
  }
  const copied = await countObservations(db);
  if (copied !== w.totalValues) throw new Error(`COPY stored ${copied} of ${w.totalValues} rows`);
  steps.push({ step: 'raw COPY into observations (one COPY per account)', wall: copyDb, cpu: copyCpu, values: copied, note: `+ ${fmtS(copyPrep)} to build the CSV text in Node` });
  log(engine.kind, `raw COPY: ${fmtS(copyDb)} (${fmtRate(copied, copyDb)})`);
  if (args['only-copy']) return { kind: engine.kind, steps, importDb: 0, copyDb, copyPrep, size: await engine.size(), prototype: null };
  await db.execute(sql`truncate observations`);
  await db.execute(sql`delete from imports where sha256 like 'bench-copy-%'`);

  // (a) the import, as a user would: importFiles per account with its files.
  const first = await importAll(ctx, ids, w.files, LAST_DAY, (s) => s === 'imported');
  const stored = await countObservations(db);
  if (first.added !== w.totalValues || stored !== w.totalValues) throw new Error(`import: added ${first.added}, stored ${stored}, expected ${w.totalValues}`);
  const importDb = first.wall - parse.year;
  steps.push({ step: 'import (importFiles, every file new)', wall: first.wall, cpu: first.cpu, values: first.added, note: `${first.files} files; parse ${fmtS(parse.year)}, the rest (SHA-256, database, service) ${fmtS(importDb)}` });
  log(engine.kind, `import: ${fmtS(first.wall)} (${fmtRate(first.added, first.wall)})`);

  // (c) the same files again: 'unchanged' by their SHA-256 (read and checked, nothing written).
  const again = await importAll(ctx, ids, w.files, LAST_DAY, (s) => s === 'unchanged');
  steps.push({ step: 're-import the same files (SHA-256 already imported)', wall: again.wall, cpu: again.cpu, values: w.totalValues, note: `${again.files} files 'unchanged'; parse ${fmtS(parse.year)}` });
  log(engine.kind, `re-import identical: ${fmtS(again.wall)}`);

  // The same values in re-saved files (CRLF): the full diff against the stored values, nothing changes.
  const resaved = await importAll(ctx, ids, w.resaved, LAST_DAY, (s) => s === 'unchanged');
  if (resaved.unchanged !== w.totalValues) throw new Error(`re-saved: ${resaved.unchanged} unchanged of ${w.totalValues}`);
  steps.push({ step: 're-import re-saved files (same values, compared row by row)', wall: resaved.wall, cpu: resaved.cpu, values: resaved.unchanged, note: `parse ${fmtS(parse.resaved)}, the rest ${fmtS(resaved.wall - parse.resaved)}` });
  log(engine.kind, `re-import re-saved: ${fmtS(resaved.wall)}`);

  // A newer export overlapping the last half year (10 % revised) with 30 new days: the merge path.
  const merge = await importAll(ctx, ids, w.merge, MERGE_LAST_DAY, (s) => s === 'imported');
  const e = w.mergeExpect;
  if (merge.added !== e.added || merge.changed !== e.changed || merge.unchanged !== e.unchanged) {
    throw new Error(`merge: ${JSON.stringify(merge)} expected ${JSON.stringify(e)}`);
  }
  const mergeValues = e.added + e.changed + e.unchanged;
  steps.push({
    step: `newer overlapping export (${MERGE_OVERLAP} days again + ${MERGE_NEW} new)`,
    wall: merge.wall,
    cpu: merge.cpu,
    values: mergeValues,
    note: `${fmtN(e.added)} added, ${fmtN(e.changed)} changed (old value to history), ${fmtN(e.unchanged)} unchanged; parse ${fmtS(parse.merge)}`,
  });
  log(engine.kind, `merge: ${fmtS(merge.wall)}`);
  const size = await engine.size();

  // A prototype of another write statement, on the same engine (bench/prototype-write.ts).
  let prototype: PrototypeResult | null = null;
  if (!args['no-prototype']) {
    await db.execute(sql`truncate observations, observation_history cascade`);
    prototype = await prototypeWrite(db, orgId, ids, w.values, NOW);
    log(engine.kind, `prototype write: ${fmtS(prototype.write)} first, ${fmtS(prototype.unchanged)} unchanged`);
  }
  return { kind: engine.kind, steps, importDb, copyDb, copyPrep, size, prototype };
}

// ---------------------------------------------------------------- main

const loadAtStart = loadavg();
const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');

async function main() {
  log(`generating ${ACCOUNTS} accounts × ${DAYS} days …`);
  let t0 = performance.now();
  const w = buildWorkload();
  const generated = ms(t0);
  const fileCount = w.files.reduce((s, l) => s + l.length, 0);
  log(`${fmtN(w.totalValues)} values in ${fileCount} files, ${(w.bytes / 1024 / 1024).toFixed(1)} MB, generated in ${fmtS(generated)}`);

  // A warm-up pass over a few accounts first, so the timing is of compiled code (as in a long-running server).
  parseOnly({ ...w, accounts: w.accounts.slice(0, 16) }, w.files, LAST_DAY);
  const year = parseOnly(w, w.files, LAST_DAY);
  const resaved = parseOnly(w, w.resaved, LAST_DAY);
  const merge = parseOnly(w, w.merge, MERGE_LAST_DAY);
  const sha = await shaOnly(w.files);
  if (year.observations !== w.totalValues) throw new Error(`parsed ${year.observations} of ${w.totalValues} values`);
  log(`parse only: ${fmtS(year.parse)} (${((w.bytes / 1024 / 1024) / (year.parse / 1000)).toFixed(1)} MB/s), check ${fmtS(year.check)}, SHA-256 ${fmtS(sha)}`);
  const parse = { year: year.parse + year.check, resaved: resaved.parse + resaved.check, merge: merge.parse + merge.check, yearCpu: year.cpu };

  const results: EngineResult[] = [];
  const skipped: string[] = [];
  if (!args['no-pglite']) {
    const engine = await pgliteEngine();
    try {
      results.push(await runEngine(engine, w, parse));
    } finally {
      await engine.close();
    }
  }
  if (postgresUrl) {
    const engine = await postgresEngine(postgresUrl);
    try {
      results.push(await runEngine(engine, w, parse));
    } finally {
      await engine.close();
    }
  } else if (!args['no-postgres']) {
    skipped.push('PostgreSQL: skipped (no TEST_DATABASE_URL and no --postgres URL)');
    log(skipped.at(-1));
  }

  const report = renderReport(w, { generated, sha, year, parse }, results, skipped, fileCount);
  console.log('\n' + report);
  if (outFile) {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, report + keptNotes(outFile));
    log(`written to ${outFile}`);
  }
}

/**
 * The results file's notes written by hand (the history of earlier runs and what changed between
 * them): everything from the HAND_WRITTEN line on is kept when a run rewrites the file above it.
 */
const HAND_WRITTEN = '<!-- Written by hand from here on: bench/import-statistics.ts keeps it when it rewrites the numbers above. -->';
function keptNotes(file: string): string {
  let old: string;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const at = old.indexOf(HAND_WRITTEN);
  return at < 0 ? '' : `\n${old.slice(at)}`;
}

async function postgresVersion(): Promise<string> {
  if (!postgresUrl) return '';
  const c = new pg.Client({ connectionString: postgresUrl });
  await c.connect();
  try {
    return (await c.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]?.v ?? '';
  } finally {
    await c.end();
  }
}
const pgVersion = await postgresVersion().catch(() => '');
const pgliteVersion = (JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))), '..', 'package.json'), 'utf8')) as { version: string }).version;

function renderReport(
  w: Workload,
  t: { generated: number; sha: number; year: ParseTiming; parse: { year: number; yearCpu: number } },
  results: EngineResult[],
  skipped: string[],
  fileCount: number,
): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines: string[] = [
    '# Import benchmark: results',
    '',
    `Run by \`npm run bench:import${ACCOUNTS !== 500 ? ` -- --accounts ${ACCOUNTS}` : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `- Machine: ${cpu}, ${cpus().length} threads, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${osPlatform()} ${release()}`,
    `- Load average (1, 5, 15 min) when the run started: ${fmtLoad(loadAtStart)}, when it ended: ${fmtLoad(loadavg())} (other work on the machine slows every number here; compare ratios to the raw COPY of the same run)`,
    `- Node ${process.version}; PGlite ${pgliteVersion} (file-backed, in a temp dir, default settings${args['pglite-conf']?.length ? ` except ${args['pglite-conf'].join(', ')}` : ''})${pgVersion ? `; PostgreSQL ${pgVersion}` : ''}`,
    `- Workload: ${ACCOUNTS} accounts × ${DAYS} days × ${w.accounts[0]?.metrics.length ?? 0} metrics = **${fmtN(w.totalValues)} values** in ${fileCount} files ` +
      `(${(w.bytes / 1024 / 1024).toFixed(1)} MB: the Målbar template CSV for every account, TikTok Studio Overview.csv for the TikTok accounts' five Overview metrics), ` +
      `generated in ${fmtS(t.generated)}.`,
    `- Parse only (decode, detect, read, build observations; pure, no database): ${fmtS(t.year.parse)} ` +
      `(${(w.bytes / 1024 / 1024 / (t.year.parse / 1000)).toFixed(1)} MB/s, ${fmtRate(w.totalValues, t.year.parse)}); checks ${fmtS(t.year.check)}; ` +
      `CPU time of parse and checks ${fmtS(t.year.cpu)} (${fmtRate(w.totalValues, t.year.cpu)} per CPU-s); SHA-256 of every file ${fmtS(t.sha)}.`,
    '',
  ];
  for (const r of results) {
    const conf = r.kind === 'pglite' && args['pglite-conf']?.length ? ` with ${args['pglite-conf'].join(', ')}` : '';
    lines.push(`## ${r.kind === 'pglite' ? 'PGlite (file-backed)' : 'PostgreSQL'}${conf}`, '');
    const cpuHead = r.kind === 'pglite' ? 'CPU (Node + PGlite)' : 'CPU (Node only)';
    lines.push(`| step | time | values | values/s | ${cpuHead} | values per CPU-s | notes |`, '| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const s of r.steps) {
      lines.push(`| ${s.step} | ${fmtS(s.wall)} | ${fmtN(s.values)} | ${fmtRate(s.values, s.wall)} | ${fmtS(s.cpu)} | ${fmtRate(s.values, s.cpu)} | ${s.note} |`);
    }
    const imp = r.steps[1];
    if (!imp) continue;
    const ratio = imp.values / (imp.wall / 1000) / (r.steps[0]!.values / (r.copyDb / 1000));
    const cpuRatio = r.kind === 'pglite' ? ` By CPU time (independent of other load on the machine): **${(r.steps[0]!.cpu / imp.cpu).toFixed(2)}**.` : '';
    lines.push('');
    lines.push(
      `Import rate / raw COPY rate: **${ratio.toFixed(2)}** (aim ≥ 0.5).${cpuRatio} Of the import's ${fmtS(imp.wall)}, parsing and checking took ${fmtS(t.parse.year)} ` +
        `(${((t.parse.year / imp.wall) * 100).toFixed(0)} %), the database and service part ${fmtS(r.importDb)}` +
        (r.kind === 'pglite' ? ` (by CPU time: parse and checks ${fmtS(t.parse.yearCpu)} of ${fmtS(imp.cpu)}, ${((t.parse.yearCpu / imp.cpu) * 100).toFixed(0)} %)` : '') +
        `. After the steps: ${r.size}.`,
    );
    if (r.prototype) {
      const p = r.prototype;
      lines.push(
        '',
        `Prototype write statement (bench/prototype-write.ts, ${p.description}): first write ${fmtS(p.write)} (${fmtRate(p.values, p.write)}), ` +
          `the same values again (all unchanged) ${fmtS(p.unchanged)} (${fmtRate(p.values, p.unchanged)}); database only, no parsing.` +
          (r.kind === 'pglite' ? ` CPU time: ${fmtS(p.writeCpu)} and ${fmtS(p.unchangedCpu)}.` : ''),
      );
    }
    lines.push('');
  }
  for (const s of skipped) lines.push(`- ${s}`);
  return lines.join('\n') + '\n';
}

await main();
