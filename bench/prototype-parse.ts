/**
 * How fast the Målbar template could be read: the hot loop of maalbar-template.ts's parse for
 * the benchmark's files (daily values, no posts, no monthly rows), with three changes the
 * profile (bench/profile-parse.ts) points to, each switchable to measure it alone:
 *
 * - `metricCache`: the metric cell → catalogue key looked up once per distinct cell (the parser
 *   normalises the cell, NFC and regexes, on every row);
 * - `dateCache`: the date cell → day parsed once per distinct cell (365 per file);
 * - `fastNumber`: a plain number (`1234`, `12.5`) read by Number() before the general reader
 *   (which first tests four date-like patterns on every cell).
 *
 * It uses the parser's own readCsv, parseNumber and parseDateTime and keeps the per-row checks
 * (duplicate key, negative values); it is a measurement aid, not an importer.
 *
 *   node bench/prototype-parse.ts [--accounts 60]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { addDays } from '../src/core/period/days.ts';
import { decodeText } from '../src/importers/parse/decode.ts';
import { readCsv } from '../src/importers/parse/csv.ts';
import { parseNumber } from '../src/importers/parse/numbers.ts';
import { parseDateTime } from '../src/importers/parse/dates.ts';
import { templateMetricKey } from '../src/importers/maalbar-template.ts';
import { parseFile } from '../src/importers/registry.ts';
import { getMetric } from '../src/core/metrics/catalogue.ts';
import type { InputFile } from '../src/importers/types.ts';
import { accountValues, benchAccounts, templateFile } from './generate.ts';

export interface ReadOptions {
  metricCache: boolean;
  dateCache: boolean;
  fastNumber: boolean;
}

const PLAIN = /^\d{1,15}(?:\.\d{1,6})?$/;

/** Reads a template file of daily values: [metric, day, value] per row. */
export function readTemplate(file: InputFile, o: ReadOptions): { metric: string; date: string; value: number }[] {
  const text = decodeText(file.bytes)!;
  const rows = readCsv(text.text, { file: file.name, delimiter: ',' }).rows;
  const header = rows[0]!.cells.map((c) => c.trim().toLowerCase());
  const [iDate, iMetric, iValue] = [header.indexOf('date'), header.indexOf('metric'), header.indexOf('value')] as [number, number, number];
  const width = Math.max(iDate, iMetric, iValue);
  const metrics = new Map<string, string>();
  const dates = new Map<string, string>();
  const seen = new Set<string>();
  const out: { metric: string; date: string; value: number }[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.cells.length <= width) throw new Error(`row ${row.line}: too short`);
    const metricRaw = row.cells[iMetric]!.trim();
    let metric = o.metricCache ? metrics.get(metricRaw) : undefined;
    if (metric === undefined) {
      metric = templateMetricKey(metricRaw);
      if (!metric) throw new Error(`row ${row.line}: unknown metric`);
      metrics.set(metricRaw, metric);
    }
    const dateRaw = row.cells[iDate]!.trim();
    let date = o.dateCache ? dates.get(dateRaw) : undefined;
    if (date === undefined) {
      date = parseDateTime(dateRaw, { file: file.name, row: row.line, column: 'date' }).date;
      dates.set(dateRaw, date);
    }
    const raw = row.cells[iValue]!;
    const value = o.fastNumber && PLAIN.test(raw) ? Number(raw) : parseNumber(raw, { file: file.name, row: row.line, column: 'value' });
    if (value === null) continue;
    if (value < 0 && !getMetric(metric)!.signed) throw new Error(`row ${row.line}: negative`);
    const key = `${metric}|${date}`;
    if (seen.has(key)) throw new Error(`row ${row.line}: duplicate`);
    seen.add(key);
    out.push({ metric, date, value });
  }
  return out;
}

if (import.meta.main) {
  const { values: args } = parseArgs({ options: { accounts: { type: 'string', default: '60' } } });
  const accounts = benchAccounts(Number(args.accounts));
  const files = accounts.map((a) => templateFile(`${a.slug}.csv`, a.platform, accountValues(a, addDays('2026-11-21', -364), 365)));
  const mb = files.reduce((s, f) => s + f.bytes.length, 0) / 1024 / 1024;
  const time = (label: string, run: (f: InputFile, i: number) => number) => {
    for (let i = 0; i < 10; i++) run(files[i % files.length]!, i % files.length); // warm-up
    const t0 = performance.now();
    let n = 0;
    files.forEach((f, i) => (n += run(f, i)));
    const s = (performance.now() - t0) / 1000;
    console.log(`${label.padEnd(44)} ${(mb / s).toFixed(1).padStart(5)} MB/s ${Math.round(n / s).toLocaleString('en-US').padStart(9)} values/s`);
  };
  time('parseFile (the importer as it is)', (f, i) => parseFile(f, { platform: accounts[i]!.platform }).observations.length);
  const none = { metricCache: false, dateCache: false, fastNumber: false };
  time('prototype loop, no changes', (f) => readTemplate(f, none).length);
  time('+ metric cache', (f) => readTemplate(f, { ...none, metricCache: true }).length);
  time('+ metric cache + date cache', (f) => readTemplate(f, { ...none, metricCache: true, dateCache: true }).length);
  time('+ metric cache + date cache + fast number', (f) => readTemplate(f, { metricCache: true, dateCache: true, fastNumber: true }).length);
  time('decode + readCsv only (the floor)', (f) => readCsv(decodeText(f.bytes)!.text, { delimiter: ',' }).rows.length);
}
