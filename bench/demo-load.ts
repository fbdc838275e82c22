/**
 * How long loading the demo takes (`maalbar demo` without the web build): loadDemo into a fresh
 * file-backed PGlite, after its migrations, wall and CPU time (PGlite runs in this process), with
 * how many values, monthly evaluations and annual reports it made.
 *
 *   node bench/demo-load.ts [--loader src/demo/load-demo.ts] [--rounds 2]
 *
 * `--loader` names another module exporting loadDemo, to compare a change with what it replaces.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { count } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import { annualReports, evaluations } from '../src/db/schema/index.ts';
import type { loadDemo as LoadDemo } from '../src/demo/load-demo.ts';

const { values: args } = parseArgs({ options: { loader: { type: 'string', default: 'src/demo/load-demo.ts' }, rounds: { type: 'string', default: '2' } } });
const { loadDemo } = (await import(pathToFileURL(resolve(args.loader)).href)) as { loadDemo: typeof LoadDemo };
const now = new Date('2026-11-22T10:00:00Z');
for (let round = 1; round <= Number(args.rounds); round++) {
  const dir = mkdtempSync(join(tmpdir(), 'maalbar-demo-bench-'));
  const client = await PGlite.create(join(dir, 'pgdata'));
  const database = await openDatabase({ kind: 'pglite-instance', client });
  await database.migrate();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await loadDemo(database.db, { now });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const made = async (table: typeof evaluations | typeof annualReports) => (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
  console.log(
    `${args.loader} round ${round}: ${(wall / 1000).toFixed(2)} s wall, ${((c.user + c.system) / 1e6).toFixed(2)} s CPU, ` +
      `${summary.counts.observations} values, ${await made(evaluations)} evaluations, ${await made(annualReports)} annual reports, load average ${loadavg()[0]!.toFixed(1)}`,
  );
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
