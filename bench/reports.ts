/**
 * Annual reports at organisation scale (issue #6): how long the figures (services/reports,
 * buildAnnualReport) and the PDF (src/reports, renderReport) take for
 *
 * - one account's annual report, end to end (aim: ≤ 2 s, the PDF's part well under 1 s);
 * - every account's annual report one by one, as a unit manager downloading them all would
 *   (aim: ≤ 3 min for 500 accounts);
 * - the organisation's annual report of all accounts in one PDF (compact per account), and the
 *   same report as HTML, XLSX and CSV.
 *
 * The organisation is bench/overview.ts's: it loads it (500 accounts × 2 years × 20 metrics of
 * daily values, posts, audience snapshots, a goal with three KPIs per account, a year of monthly
 * evaluations) into a kept PGlite and exits; this script then opens that database itself, as of
 * 15 January 2026, and reports on 2025. Services only (no HTTP); wall and this process's CPU time.
 *
 *   node bench/reports.ts                          # 500 accounts (loads ~7 M values first: minutes)
 *   node bench/reports.ts --accounts 50            # a quick run
 *   node bench/reports.ts --keep .tmp/bench-reports  # keep the database; a second run reuses it
 *
 * A full-size run writes bench/results/reports.md (other runs only print unless given --out),
 * keeping everything from the "Written by hand" line on.
 */
import { PGlite } from '@electric-sql/pglite';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import type { Context } from '../src/services/context.ts';
import { loadSystemActor } from '../src/services/load-actor.ts';
import { buildAnnualReport } from '../src/services/reports/build-annual-report.ts';
import { renderReport } from '../src/reports/render-report.ts';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '500' },
    years: { type: 'string', default: '2' },
    single: { type: 'string', default: '20' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});
const ACCOUNTS = Number(args.accounts);
const SINGLE = Number(args.single);
const YEAR = '2025';
const NOW = new Date('2026-01-15T08:00:00Z');
const here = dirname(fileURLToPath(import.meta.url));
const outFile = args['no-write'] ? null : (args.out ?? (ACCOUNTS === 500 ? join(here, 'results', 'reports.md') : null));
const HAND_WRITTEN = '<!-- Written by hand from here on: bench/reports.ts keeps it when it rewrites the numbers above. -->';

const log = (...xs: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...xs);
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Wall and CPU ms of one run, and its result. */
async function measure<T>(run: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, value };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};

const dir = args.keep ?? mkdtempSync(join(tmpdir(), 'maalbar-bench-reports-'));
mkdirSync(dir, { recursive: true });
if (!existsSync(join(dir, 'pgdata'))) {
  log(`loading ${ACCOUNTS} accounts with bench/overview.ts into ${dir} (its overview timings run once and are not kept)`);
  const env = { ...process.env };
  delete env.BENCH_HOOK;
  const child = spawnSync(process.execPath, [join(here, 'overview.ts'), '--accounts', String(ACCOUNTS), '--years', String(args.years), '--runs', '1', '--no-write', '--keep', dir], { stdio: 'inherit', env });
  if (child.status !== 0) throw new Error(`bench/overview.ts failed (${child.status ?? child.signal})`);
}

const client = await PGlite.create(join(dir, 'pgdata'));
const database = await openDatabase({ kind: 'pglite-instance', client });
try {
  await database.migrate();
  const db = database.db;
  const ctx: Context = { db, now: NOW, actor: await loadSystemActor(db) };
  const ids = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from accounts order by slug`)).map((r) => r.id);
  log(`${ids.length} accounts; annual reports on ${YEAR} as of ${NOW.toISOString().slice(0, 10)}`);

  // Warm-up: module loading, fonts, ECharts.
  await renderReport(await buildAnnualReport(ctx, { account: ids[0]!, year: YEAR }), 'pdf', 'nb');

  // One account, end to end, for SINGLE accounts spread over the organisation.
  const single = { figures: [] as number[], pdf: [] as number[], total: [] as number[], figuresCpu: [] as number[], pdfCpu: [] as number[], pages: [] as number[] };
  const step = Math.max(1, Math.floor(ids.length / SINGLE));
  for (let i = 0; i < Math.min(SINGLE, ids.length); i++) {
    const id = ids[(i * step) % ids.length]!;
    const f = await measure(() => buildAnnualReport(ctx, { account: id, year: YEAR }));
    const p = await measure(() => renderReport(f.value, 'pdf', 'nb'));
    single.figures.push(f.wall);
    single.pdf.push(p.wall);
    single.total.push(f.wall + p.wall);
    single.figuresCpu.push(f.cpu);
    single.pdfCpu.push(p.cpu);
    single.pages.push(pageCount(p.value.body));
  }
  log(`one account: figures p50 ${quantile(single.figures, 0.5).toFixed(0)} ms, PDF p50 ${quantile(single.pdf, 0.5).toFixed(0)} ms, total p95 ${quantile(single.total, 0.95).toFixed(0)} ms`);

  // Every account one by one.
  log(`all ${ids.length} accounts one by one`);
  let figuresMs = 0;
  let pdfMs = 0;
  let bytes = 0;
  const all0 = performance.now();
  const allCpu0 = process.cpuUsage();
  for (const id of ids) {
    const t0 = performance.now();
    const report = await buildAnnualReport(ctx, { account: id, year: YEAR });
    const t1 = performance.now();
    bytes += (await renderReport(report, 'pdf', 'nb')).body.length;
    figuresMs += t1 - t0;
    pdfMs += performance.now() - t1;
  }
  const allMs = performance.now() - all0;
  const allCpuUsage = process.cpuUsage(allCpu0);
  const allCpu = (allCpuUsage.user + allCpuUsage.system) / 1000;
  log(`  ${(allMs / 1000).toFixed(1)} s (figures ${(figuresMs / 1000).toFixed(1)} s, PDFs ${(pdfMs / 1000).toFixed(1)} s)`);

  // The organisation's report in one file.
  log('the organisation in one report');
  const org = await measure(() => buildAnnualReport(ctx, { year: YEAR }));
  const orgPdf = await measure(() => renderReport(org.value, 'pdf', 'nb'));
  const orgHtml = await measure(() => renderReport(org.value, 'html', 'nb'));
  const orgXlsx = await measure(() => renderReport(org.value, 'xlsx', 'nb'));
  const orgCsv = await measure(() => renderReport(org.value, 'csv', 'nb'));
  log(`  figures ${(org.wall / 1000).toFixed(1)} s, PDF ${(orgPdf.wall / 1000).toFixed(1)} s (${pageCount(orgPdf.value.body)} pages)`);

  const s = (ms: number) => (ms / 1000).toFixed(2);
  const m = (ms: number) => ms.toFixed(0);
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  const lines = [
    '# Annual reports: figures and PDFs at organisation scale',
    '',
    `Written by \`node bench/reports.ts\` on ${new Date().toISOString().slice(0, 10)}: ${ids.length} accounts (bench/overview.ts's organisation, ${args.years} years of daily values, ` +
      `posts, audience snapshots, a goal with three KPIs and twelve monthly evaluations per account) on a file-backed PGlite; annual reports on ${YEAR} as of ` +
      `${NOW.toISOString().slice(0, 10)}; ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}. Services only (no HTTP).`,
    '',
    `Load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (1, 5, 15 min) on ${cpus().length} CPU threads shared with other work, so wall times include waiting for a CPU; CPU is this process's own time (PGlite runs in it).`,
    '',
    `## One account's annual report, end to end (aim ≤ 2 s; ${single.total.length} accounts)`,
    '',
    '| part | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |',
    '|---|---:|---:|---:|---:|---:|',
    `| figures (buildAnnualReport) | ${m(quantile(single.figures, 0.5))} | ${m(quantile(single.figures, 0.95))} | ${m(Math.max(...single.figures))} | ${m(quantile(single.figuresCpu, 0.5))} | ${m(quantile(single.figuresCpu, 0.95))} |`,
    `| PDF (renderReport, ${quantile(single.pages, 0.5)} pages) | ${m(quantile(single.pdf, 0.5))} | ${m(quantile(single.pdf, 0.95))} | ${m(Math.max(...single.pdf))} | ${m(quantile(single.pdfCpu, 0.5))} | ${m(quantile(single.pdfCpu, 0.95))} |`,
    `| total | ${m(quantile(single.total, 0.5))} | ${m(quantile(single.total, 0.95))} | ${m(Math.max(...single.total))} | | |`,
    '',
    `## Every account's annual PDF, one by one (aim ≤ 3 min for 500)`,
    '',
    `${ids.length} reports in **${s(allMs)} s** (${s(allCpu)} s CPU): figures ${s(figuresMs)} s, PDFs ${s(pdfMs)} s, ${mb(bytes)} MB of PDF; ${m(allMs / ids.length)} ms per account.`,
    '',
    `## The organisation's annual report in one file (${ids.length} accounts, compact per account)`,
    '',
    '| step | wall s | CPU s | size |',
    '|---|---:|---:|---:|',
    `| figures (buildAnnualReport, organisation) | ${s(org.wall)} | ${s(org.cpu)} | |`,
    `| PDF (${pageCount(orgPdf.value.body)} pages) | ${s(orgPdf.wall)} | ${s(orgPdf.cpu)} | ${mb(orgPdf.value.body.length)} MB |`,
    `| HTML | ${s(orgHtml.wall)} | ${s(orgHtml.cpu)} | ${mb(orgHtml.value.body.length)} MB |`,
    `| XLSX | ${s(orgXlsx.wall)} | ${s(orgXlsx.cpu)} | ${mb(orgXlsx.value.body.length)} MB |`,
    `| CSV | ${s(orgCsv.wall)} | ${s(orgCsv.cpu)} | ${mb(orgCsv.value.body.length)} MB |`,
    '',
  ];
  const text = lines.join('\n');
  console.log(`\n${text}`);
  if (outFile) {
    writeFileSync(outFile, `${text}${keptNotes(outFile)}`);
    log(`written to ${outFile}`);
  }
} finally {
  await database.close();
  if (args.keep === undefined) rmSync(dir, { recursive: true, force: true });
}

/** Pages of a pdfkit PDF (its page objects are plain dictionaries). */
function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

/** Everything from the HAND_WRITTEN line on, kept when a run rewrites the numbers above it. */
function keptNotes(file: string): string {
  let old: string;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    return `\n${HAND_WRITTEN}\n`;
  }
  const at = old.indexOf(HAND_WRITTEN);
  return at < 0 ? `\n${HAND_WRITTEN}\n` : `\n${old.slice(at)}`;
}
