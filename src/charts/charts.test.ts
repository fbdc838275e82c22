// Chart specs → ECharts options (nulls as gaps, target, pace, band), the table alternative, and
// the server-side SVG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartOption } from './option.ts';
import { chartTable, formatTable, slots } from './table.ts';
import { renderChartSvg } from './render-svg.ts';
import { chartCsv, chartFileName, chartXlsx } from './downloads.ts';
import { readWorkbook } from '../importers/parse/excel.ts';
import type { BarSpec, TimeSeriesSpec } from './spec.ts';

const timeSpec: TimeSeriesSpec = {
  kind: 'time',
  title: 'Rekkevidde per dag',
  unit: 'count',
  granularity: 'day',
  from: '2026-03-01',
  to: '2026-03-06',
  series: [
    {
      key: 'reach',
      name: 'Rekkevidde',
      points: [
        { at: '2026-03-01', value: 1200 },
        { at: '2026-03-02', value: 0 },
        { at: '2026-03-03', value: null },
        { at: '2026-03-04', value: 1500.5 },
      ],
    },
  ],
  target: { name: 'Målverdi', value: 2000 },
  pace: { name: 'Tempolinje', from: { at: '2026-03-01', value: 1000 }, to: { at: '2026-03-05', value: 2000 } },
  forecast: {
    name: 'Prognose',
    bandName: '80 % intervall',
    points: [
      { at: '2026-03-05', mean: 1600, lower: 1400, upper: 1800 },
      { at: '2026-03-06', mean: 1700, lower: -100, upper: 1900 },
    ],
  },
};

interface LineOut {
  type: string;
  name: string;
  data: unknown[];
  stack?: string;
  lineStyle?: { type?: unknown };
  areaStyle?: unknown;
}

test('a time series: every day a slot, not measured and missing days are gaps (null), a measured 0 stays 0', () => {
  assert.deepEqual(slots(timeSpec), ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
  const option = chartOption(timeSpec, 'nb');
  const series = option.series as LineOut[];
  const reach = series.find((s) => s.name === 'Rekkevidde')!;
  assert.deepEqual(reach.data, [1200, 0, null, 1500.5, null, null]);
  assert.equal((reach as { connectNulls?: boolean }).connectNulls, false);
  const x = option.xAxis as { data: string[] };
  assert.equal(x.data.length, 6);
  assert.match(x.data[0]!, /^1\. mar/);
});

test('the target line, the pace line and the forecast band (lower + stacked width)', () => {
  const series = chartOption(timeSpec, 'en').series as LineOut[];
  const target = series.find((s) => s.name === 'Målverdi')!;
  assert.deepEqual(target.data, [2000, 2000, 2000, 2000, 2000, 2000]);
  assert.notEqual(target.lineStyle?.type, 'solid', 'the target is dashed, not only coloured');
  const pace = series.find((s) => s.name === 'Tempolinje')!;
  assert.deepEqual(pace.data, [1000, 1250, 1500, 1750, 2000, null]);
  const wider = chartOption({ ...timeSpec, pace: { name: 'Tempolinje', from: { at: '2026-02-27', value: 0 }, to: { at: '2026-03-09', value: 1000 } } }, 'nb').series as LineOut[];
  assert.deepEqual(wider.find((s) => s.name === 'Tempolinje')!.data, [200, 300, 400, 500, 600, 700], 'a baseline before the range still places the line');
  const mean = series.find((s) => s.name === 'Prognose')!;
  assert.deepEqual(mean.data, [null, null, null, null, 1600, 1700]);
  const lower = series.find((s) => s.name === '80 % intervall (lower)')!;
  const band = series.find((s) => s.name === '80 % intervall')!;
  assert.deepEqual(lower.data, [null, null, null, null, 1400, -100]);
  assert.deepEqual(band.data, [null, null, null, null, 400, 2000]);
  assert.equal(lower.stack, band.stack);
  assert.ok(band.areaStyle);
  assert.equal((band as { stackStrategy?: string }).stackStrategy, 'all', 'a negative lower bound still stacks');
});

test('several lines differ in dash and symbol, not only colour', () => {
  const spec: TimeSeriesSpec = { ...timeSpec, target: null, pace: null, forecast: null, series: [timeSpec.series[0]!, { key: 'v', name: 'Visninger', points: [] }] };
  const [a, b] = chartOption(spec, 'nb').series as (LineOut & { symbol: string; color: string })[];
  assert.notDeepEqual(a!.lineStyle?.type, b!.lineStyle?.type);
  assert.notEqual(a!.symbol, b!.symbol);
  assert.notEqual(a!.color, b!.color);
});

test('the table alternative: raw values for downloads, and the locale text with "ikke målt"', () => {
  const raw = chartTable(timeSpec, 'nb');
  assert.deepEqual(raw.columns, ['Dato', 'Rekkevidde', 'Målverdi', 'Tempolinje', 'Prognose', '80 % intervall (nedre)', '80 % intervall (øvre)']);
  assert.deepEqual(raw.rows[2], [{ date: '2026-03-03' }, null, 2000, 1500, '', '', '']);
  assert.deepEqual(raw.rows[1]![1], 0);
  const nb = formatTable(timeSpec, 'nb');
  assert.equal(nb.rows[2]![1], 'ikke målt');
  assert.equal(nb.rows[1]![1], '0');
  assert.equal(nb.rows[3]![1]!.replace(/\s/g, ' '), '1 500,5'.replace(/\s/g, ' '));
  assert.match(nb.rows[0]![0]!, /^1\. mars? 2026$/);
  const en = formatTable(timeSpec, 'en');
  assert.equal(en.rows[2]![1], 'not measured');
  assert.equal(en.rows[3]![1], '1,500.5');
  assert.equal(en.rows[0]![0], '1 Mar 2026');
});

const barSpec: BarSpec = {
  kind: 'bar',
  title: 'Aldersfordeling',
  unit: 'percent',
  categories: [
    { key: '13-17', label: '13–17' },
    { key: '18-24', label: '18–24', inTarget: true },
    { key: '25-34', label: '25–34', inTarget: true },
    { key: '35+', label: '35+' },
  ],
  series: [{ key: 'share', name: 'Andel', values: [5, 40.25, null, 20] }],
  targetSetName: 'Målgruppe',
};

test('bars against a target set: the set is its own patterned series on the same stack; null is no bar', () => {
  const series = chartOption(barSpec, 'nb').series as (LineOut & { itemStyle?: { decal?: unknown } })[];
  assert.equal(series.length, 3);
  assert.deepEqual(series[0]!.data, [5, null, null, 20]);
  assert.equal(series[2]!.name, 'ikke målt', 'a category without a value is labelled, not drawn as 0');
  assert.deepEqual(series[2]!.data, [null, null, 0, null]);
  assert.deepEqual(series[1]!.data, [null, 40.25, null, null]);
  assert.equal(series[1]!.name, 'Andel – Målgruppe');
  assert.ok(series[1]!.itemStyle?.decal);
  const table = formatTable(barSpec, 'nb');
  assert.deepEqual(table.columns, ['Kategori', 'Andel', 'Målgruppe']);
  assert.deepEqual(table.rows[2], ['25–34', 'ikke målt', 'ja']);
  assert.equal(table.rows[1]![1], '40,25 %');
});

test('bars with several series and per-category targets', () => {
  const spec: BarSpec = {
    kind: 'bar',
    title: 'Rekkevidde per enhet',
    unit: 'count',
    categories: [{ key: 'a', label: 'Enhet A' }, { key: 'b', label: 'Enhet B' }],
    series: [
      { key: 'now', name: '2026', values: [10, null] },
      { key: 'then', name: '2025', values: [8, 9] },
    ],
    target: { name: 'Mål', values: [12, null] },
    horizontal: true,
  };
  const option = chartOption(spec, 'en');
  const series = option.series as (LineOut & { itemStyle?: { decal?: unknown } })[];
  assert.deepEqual(series.map((s) => s.type), ['bar', 'bar', 'scatter']);
  assert.deepEqual(series[0]!.data, [10, null]);
  assert.deepEqual(series[2]!.data, [12, null]);
  assert.notDeepEqual(series[0]!.itemStyle?.decal, series[1]!.itemStyle?.decal);
  assert.equal((option.yAxis as { type: string }).type, 'category');
});

test('server-side SVG: the title, the axis labels and the series paths, without a browser', () => {
  const started = performance.now();
  const svg = renderChartSvg(timeSpec, 'nb', { width: 640, height: 320 });
  const first = performance.now() - started;
  assert.match(svg, /^<svg[^>]+width="640"[^>]+height="320"/);
  assert.ok(svg.includes('Rekkevidde per dag'), 'the title');
  assert.ok(svg.includes('Målverdi'), 'the legend');
  assert.match(svg, /1\. mar/, 'a day on the axis');
  assert.ok((svg.match(/<path /g) ?? []).length > 5, 'paths for the lines and the band');
  wellFormed(svg);
  const bars = renderChartSvg(barSpec, 'en');
  assert.ok(bars.includes('Aldersfordeling'));
  assert.match(bars, /18–24/);
  assert.match(bars, /not measured/);
  wellFormed(bars);
  let n = 0;
  const t0 = performance.now();
  for (; n < 20; n++) renderChartSvg(n % 2 ? barSpec : timeSpec, 'nb');
  const each = (performance.now() - t0) / n;
  console.log(`renderChartSvg: first ${first.toFixed(0)} ms, then ${each.toFixed(1)} ms per chart`);
});

/** Every tag's attributes are name="value" pairs (a stray quote in a style once broke the XML). */
function wellFormed(svg: string): void {
  for (const tag of svg.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').matchAll(/<[^>]+>/g)) {
    assert.match(tag[0], /^<\/?[\w:-]+(?:\s+[\w:-]+="[^"<]*")*\s*\/?>$/, tag[0]);
  }
}

test('the data downloads: CSV in the locale, XLSX with the same cells, a file name from the title', () => {
  const csv = new TextDecoder().decode(chartCsv(timeSpec, 'nb'));
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'Dato;Rekkevidde;Målverdi;Tempolinje;Prognose;80 % intervall (nedre);80 % intervall (øvre)');
  assert.equal(lines[3], '2026-03-03;;2000;1500;;;', 'not measured is empty, never 0');
  assert.equal(lines[4], '2026-03-04;1500,5;2000;1750;;;');
  const en = new TextDecoder().decode(chartCsv(barSpec, 'en'));
  assert.match(en, /18–24,40.25,yes\r\n/);
  const book = readWorkbook(chartXlsx(timeSpec, 'en'), 'chart.xlsx');
  assert.equal(book.sheets[0]!.name, 'Rekkevidde per dag');
  assert.deepEqual(book.sheets[0]!.rows[0]!.cells, ['Date', 'Rekkevidde', 'Målverdi', 'Tempolinje', 'Prognose', '80 % intervall (lower)', '80 % intervall (upper)']);
  assert.deepEqual(book.sheets[0]!.rows[6]!.cells, ['46087', '', '2000', '', '1700', '-100', '1900']);
  assert.equal(chartFileName(timeSpec, 'png'), 'rekkevidde-per-dag.png');
  assert.equal(chartFileName({ ...barSpec, title: '—' }, 'csv'), 'diagram.csv');
});

test('the tooltip reads the table row: "ikke målt" for a gap, the band as lower and upper, names escaped', () => {
  const spec: TimeSeriesSpec = { ...timeSpec, series: [{ ...timeSpec.series[0]!, name: '<b>Rekkevidde</b>' }] };
  const tooltip = chartOption(spec, 'nb').tooltip as { formatter: (p: unknown) => string };
  const gap = tooltip.formatter([{ dataIndex: 2 }]);
  assert.match(gap, /&#60;b&#62;Rekkevidde&#60;\/b&#62;: <b>ikke målt<\/b>/);
  assert.doesNotMatch(gap, /Prognose/, 'nothing for columns without a value that day');
  const band = tooltip.formatter([{ dataIndex: 5 }]);
  assert.match(band, /80 % intervall \(nedre\): <b>[-\u2212]100<\/b>/, "bokmål writes the minus sign");
  assert.match(band, /80 % intervall \(øvre\): <b>1[\s\u00a0\u202f]900<\/b>/);
});
