/**
 * Where parsing time goes: parses the benchmark's files for some accounts (default 40) a few
 * times and prints the functions with the most self time from a V8 CPU profile.
 *
 *   node bench/profile-parse.ts [--accounts 40] [--rounds 3]
 */
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { addDays } from '../src/core/period/days.ts';
import { parseFile } from '../src/importers/registry.ts';
import { accountFiles, accountValues, benchAccounts } from './generate.ts';

const { values: args } = parseArgs({ options: { accounts: { type: 'string', default: '40' }, rounds: { type: 'string', default: '3' } } });
const LAST_DAY = '2026-11-21';
const accounts = benchAccounts(Number(args.accounts));
const files = accounts.map((a) => accountFiles(a, accountValues(a, addDays(LAST_DAY, -364), 365), 'year'));
const bytes = files.flat().reduce((s, f) => s + f.bytes.length, 0);

function pass(): { ms: number; values: number } {
  const t0 = performance.now();
  let values = 0;
  accounts.forEach((a, i) => {
    for (const f of files[i]!) values += parseFile(f, { platform: a.platform, lastDay: LAST_DAY }).observations.length;
  });
  return { ms: performance.now() - t0, values };
}
pass(); // warm-up
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
let total = 0;
let values = 0;
for (let r = 0; r < Number(args.rounds); r++) {
  const p = pass();
  total += p.ms;
  values += p.values;
}
const { profile } = await session.post('Profiler.stop');
console.log(`${values} values, ${((bytes * Number(args.rounds)) / 1024 / 1024 / (total / 1000)).toFixed(1)} MB/s, ${Math.round(values / (total / 1000))} values/s`);

// Self time per function (samples × interval), top 25.
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
for (const s of profile.samples ?? []) counts.set(s, (counts.get(s) ?? 0) + 1);
let all = 0;
for (const [id, n] of counts) {
  const node = byId.get(id)!;
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/work\/main\//, '')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + n);
  all += n;
}
for (const [k, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((n / all) * 100).toFixed(1).padStart(5)} %  ${k}`);

// Lines with the most ticks inside the top functions (where a function's self time goes).
const lines = new Map<string, number>();
for (const n of profile.nodes) {
  const f = n.callFrame;
  if (!f.url.includes('/src/')) continue;
  for (const t of n.positionTicks ?? []) {
    const key = `${f.url.replace(/^.*\/work\/main\//, '')}:${t.line}`;
    lines.set(key, (lines.get(key) ?? 0) + t.ticks);
  }
}
console.log('\nhottest lines:');
for (const [k, n] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${((n / all) * 100).toFixed(1).padStart(5)} %  ${k}`);
