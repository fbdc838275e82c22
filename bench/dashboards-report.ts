/** The markdown of bench/dashboards.ts: the engines side by side with the ratios, then each engine's table. */
import { readFileSync } from 'node:fs';
import type { Timing } from './dashboards-timing.ts';

/** The organisation's reach over the year and the sum of its accounts' latest followers, as each engine answered. */
export interface Checks {
  reachYear: number | null;
  followersYear: number | null;
}

export interface EngineResult {
  kind: 'pglite' | 'postgres';
  load: { values: number; copyS: number; rollupS: number; rollupRows: number };
  timings: Timing[];
  checks: Checks;
}

interface DuckdbLike {
  kind: 'duckdb';
  version: string;
  threads: number;
  load: { values: number; csvS: number; copyS: number; rollupS: number; rollupRows: number };
  timings: Timing[];
  checks: Checks;
}

/** The aim of issue #5: every dashboard request in ≤ 20 ms at p95 on PGlite, server side. */
export const AIM_MS = 20;

const f = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '–' : (a / b).toFixed(2));

export function report(results: readonly (EngineResult | DuckdbLike)[], o: { header: string }): string {
  const lines: string[] = ['# Dashboard queries: daily rows, monthly rollups, services; PGlite, PostgreSQL and DuckDB', '', o.header, ''];
  const of = (kind: string) => results.find((r) => r.kind === kind);
  const p95 = (kind: string, id: string, sources: readonly string[]) => {
    for (const s of sources) {
      const t = of(kind)?.timings.find((x) => x.id === id && x.source === s);
      if (t) return t.p95;
    }
    return undefined;
  };
  const ids: { id: string; query: string }[] = [];
  for (const r of results) for (const t of r.timings) if (!ids.some((x) => x.id === t.id)) ids.push({ id: t.id, query: t.query });
  const rolled = ['service', 'metric_months'];

  lines.push(
    '## Side by side (p95, ms)',
    '',
    "\"Målbar\" is what the app does: the service call where there is one (rollups inside), else the query on metric_months. The rollups are vacuumed after loading, as the server's hourly schedule does on PGlite (autovacuum on PostgreSQL), so the services read them by the covering index only. DuckDB's columns are the same questions asked of the same values in DuckDB, straight from the daily rows and from a metric_months table built in DuckDB. Ratios below 1 mean PGlite answered faster than DuckDB.",
    '',
    '| question | PGlite daily | PGlite Målbar | PostgreSQL daily | PostgreSQL Målbar | DuckDB daily | DuckDB metric_months | PGlite Målbar ÷ DuckDB daily | PGlite Målbar ÷ DuckDB metric_months |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const { id, query } of ids) {
    const pgliteM = p95('pglite', id, rolled);
    const duckD = p95('duckdb', id, ['daily rows']);
    const duckM = p95('duckdb', id, ['metric_months']);
    lines.push(
      `| ${query} | ${f(p95('pglite', id, ['daily rows']))} | ${f(pgliteM)} | ${f(p95('postgres', id, ['daily rows']))} | ${f(p95('postgres', id, rolled))} | ${f(duckD)} | ${f(duckM)} | ${ratio(pgliteM, duckD)} | ${ratio(pgliteM, duckM)} |`,
    );
  }
  lines.push('');

  const pglite = of('pglite');
  if (pglite) {
    const services = pglite.timings.filter((t) => t.source === 'service' || t.source === 'metric_months');
    const over = services.filter((t) => t.p95 > AIM_MS);
    lines.push(
      over.length === 0
        ? `On PGlite every request Målbar makes here answers within ${AIM_MS} ms at p95 (the slowest: ${services.reduce((a, b) => (b.p95 > a.p95 ? b : a)).query}, ${f(Math.max(...services.map((t) => t.p95)))} ms).`
        : `Over the ${AIM_MS} ms aim on PGlite (wall p95): ${over.map((t) => `${t.query} (${f(t.p95)} ms; CPU p95 ${f(t.cpuP95)} ms)`).join('; ')}.`,
    );
    const overCpu = services.filter((t) => t.cpuP95 > AIM_MS);
    lines.push(
      '',
      overCpu.length === 0
        ? `By CPU time (less swayed by other work on the machine) every one is within ${AIM_MS} ms at p95 (the most: ${f(Math.max(...services.map((t) => t.cpuP95)))} ms).`
        : `Over ${AIM_MS} ms by CPU time at p95 too: ${overCpu.map((t) => `${t.query} (${f(t.cpuP95)} ms)`).join('; ')}.`,
    );
    const mine = p95('pglite', 'unit-month', rolled);
    const duck = p95('duckdb', 'unit-month', ['daily rows']);
    if (mine !== undefined && duck !== undefined) {
      lines.push(
        '',
        `The issue's reference question, the organisation-wide monthly reach by unit: PGlite from the rollups ${f(mine)} ms at p95, DuckDB from the daily rows ${f(duck)} ms: ` +
          (mine < duck ? `PGlite ${(duck / mine).toFixed(1)}× faster, DuckDB's figure beaten.` : `DuckDB ${(mine / duck).toFixed(1)}× faster, not beaten.`),
      );
    }
    lines.push('');
  }

  for (const r of results) {
    lines.push(`## ${r.kind}`, '');
    if (r.kind === 'pglite') lines.push("PGlite runs in this process, so its CPU time is the work itself (with Node's share); wall time also holds the waits for a CPU when the machine is busy.", '');
    if (r.kind === 'duckdb') {
      lines.push(
        `DuckDB ${r.version} in memory, ${r.threads} threads. Loaded ${r.load.values.toLocaleString('en')} values from a CSV file (written in ${f(r.load.csvS)} s) with read_csv in ${f(r.load.copyS)} s; metric_months built in ${f(r.load.rollupS)} s (${r.load.rollupRows.toLocaleString('en')} rows).`,
        '',
      );
    } else {
      lines.push(`Loaded ${r.load.values.toLocaleString('en')} values by COPY in ${f(r.load.copyS)} s; rollups built once in ${f(r.load.rollupS)} s (${r.load.rollupRows.toLocaleString('en')} rows).`, '');
    }
    const cpu = r.kind === 'pglite';
    lines.push(
      `| query | from | p50 ms | p95 ms |${cpu ? ' CPU p50 ms | CPU p95 ms |' : ''} rows |`,
      `|---|---|---:|---:|${cpu ? '---:|---:|' : ''}---:|`,
    );
    for (const t of r.timings) lines.push(`| ${t.query} | ${t.source} | ${f(t.p50)} | ${f(t.p95)} |${cpu ? ` ${f(t.cpuP50)} | ${f(t.cpuP95)} |` : ''} ${t.rows} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The results file's notes written by hand (findings, earlier runs): everything from the
 * HAND_WRITTEN line on is kept when a run rewrites the numbers above it.
 */
const HAND_WRITTEN = '<!-- Written by hand from here on: bench/dashboards.ts keeps it when it rewrites the numbers above. -->';
export function keptNotes(file: string): string {
  let old: string;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const at = old.indexOf(HAND_WRITTEN);
  return at < 0 ? '' : `\n${old.slice(at)}`;
}
