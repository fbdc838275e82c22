/** Shared by bench/dashboards*.ts: a query timed RUNS times after WARM warm-up runs, p50 and p95. */
import { performance } from 'node:perf_hooks';

export const WARM = 3;

/** What a query is, so that the engines' timings of the same question line up in the report. */
export interface Timing {
  /** Stable key of the question (the same in every engine), e.g. 'unit-month'. */
  id: string;
  query: string;
  /** 'daily rows', 'metric_months' or 'service' (the service function, rollups inside). */
  source: string;
  p50: number;
  p95: number;
  /**
   * This process's CPU time per run (all its threads): for PGlite, which runs in the process, the
   * work itself, less swayed than wall time by other work on the machine; for PostgreSQL only the
   * client's share; for DuckDB all its threads' time.
   */
  cpuP50: number;
  cpuP95: number;
  rows: number;
}

export const log = (...xs: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...xs);

/** Times `run` (which returns the rows it got, checked to be the same every time). */
export async function time(runs: number, id: string, query: string, source: string, run: (i: number) => Promise<number>): Promise<Timing> {
  for (let i = 0; i < WARM; i++) await run(i);
  const ts: number[] = [];
  const cpu: number[] = [];
  let rows = -1;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const n = await run(i);
    ts.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (n === 0) throw new Error(`${query} [${source}]: no rows (the benchmark's data is wrong)`);
    rows = n;
  }
  const at = (xs: number[], q: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
  const t = { id, query, source, p50: at(ts, 0.5), p95: at(ts, 0.95), cpuP50: at(cpu, 0.5), cpuP95: at(cpu, 0.95), rows };
  log(`  ${query} [${source}]: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms (${rows} rows)`);
  return t;
}
