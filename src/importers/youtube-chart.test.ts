import { test } from 'node:test';
import assert from 'node:assert/strict';
import { youtubeChartImporter as imp } from './youtube-chart.ts';
import { youtubeTotalsImporter } from './youtube-totals.ts';
import { youtubeTableImporter } from './youtube-table.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('youtube/Chart data.csv');

test('Chart data.csv: each video once as a post; its per-video daily rows are read but not stored, with a warning', () => {
  const r = parse(imp, file);
  assert.equal(r.kind, 'youtube_chart');
  assert.equal(r.stats.rows, 1825); // 5 videos × 365 days, no Total line
  assert.equal(r.posts.length, 5);
  assert.equal(r.posts.find((p) => p.platformPostId === '2imBUt8eZaI')?.date, '2025-09-29');
  assert.equal(r.posts.find((p) => p.platformPostId === 'UWQNrpakgcA')?.date, '2025-08-28');
  assert.equal(r.observations.length, 0);
  assert.equal(r.from, null); // no day of the account is documented by it
  assert.equal(r.to, null);
  assert.deepEqual(r.warnings, [
    'the daily values per video (1825 rows, 5 videos) are not stored: per-video values come from Table data.csv, dated on each ' +
      "video's publish day, and daily values on that day would overwrite them; the channel's daily values come from the chart's " +
      'Total line or Totals.csv',
  ]);
  assert.deepEqual(r.columns.ignored, ['Duration']);
});

test('no collision with Table data: the chart stores nothing on a (metric, day, video) key the table uses', () => {
  const table = parse(youtubeTableImporter, fixture('youtube/Table data.csv'));
  const chart = parse(imp, file);
  const keys = new Set(table.observations.map((o) => `${o.metric} ${o.date} ${o.postId}`));
  assert.ok(chart.observations.every((o) => !keys.has(`${o.metric} ${o.date} ${o.postId}`)));
  // the chart's 2025-08-28,UWQNrpakgcA row says 9102 views that day; the table's per-video total is 30331
  assert.equal(valueOf(table, 'views', '2025-08-28', 'UWQNrpakgcA'), 30331);
  assert.equal(valueOf(chart, 'views', '2025-08-28', 'UWQNrpakgcA'), undefined);
});

test("the chart's Total line becomes the channel's daily values; videos stay posts only", () => {
  const text = [
    'Date,Content,Video title,Video publish time,Views,Watch time (hours)',
    '2026-01-04,Total,,,120,1.5',
    '2026-01-04,abcDEF12345,Første video,"Jan 4, 2026",100,1.25',
    '2026-01-05,Total,,,80,-',
    '2026-01-05,abcDEF12345,Første video,"Jan 4, 2026",60,0.75',
  ].join('\n');
  const r = parse(imp, synthetic('Chart data.csv', text));
  assert.deepEqual(r.observations, [
    { metric: 'views', date: '2026-01-04', value: 120 },
    { metric: 'watch_time_hours', date: '2026-01-04', value: 1.5 },
    { metric: 'views', date: '2026-01-05', value: 80 },
  ]);
  assert.equal(r.stats.notMeasured, 1);
  assert.equal(r.from, '2026-01-04');
  assert.equal(r.to, '2026-01-05');
  assert.deepEqual(r.posts.map((p) => [p.platformPostId, p.date, p.excerpt]), [['abcDEF12345', '2026-01-04', 'Første video']]);
  assert.match(r.warnings[0]!, /per video \(2 rows, 1 video\) are not stored/);
  expectImportError(() => parse(imp, synthetic('c.csv', `${text}\n2026-01-05,Total,,,81,1`)), { row: 6, column: 'Date', reason: /twice/ });
});

test('detected by content, renamed; totals do not take it', () => {
  assert.equal(detect(imp, renamed(file))?.kind, 'youtube_chart');
  assert.equal(detect(youtubeTotalsImporter, file), null);
});

test('a re-saved copy with DD-MM-YYYY dates is read; an ambiguous one is refused', () => {
  const dmy = 'Date,Content,Video title,Video publish time,Duration,Views\n13-06-2025,Total,,,,3\n01-07-2025,Total,,,,4\n01-07-2025,abcDEF12345,T,"29-09-2025",5,4\n';
  assert.equal(valueOf(parse(imp, synthetic('c.csv', dmy)), 'views', '2025-07-01'), 4);
  assert.equal(parse(imp, synthetic('c.csv', dmy)).posts[0]?.date, '2025-09-29');
  const ambiguous = 'Date,Content,Views\n01-06-2025,abcDEF12345,3\n02-06-2025,abcDEF12345,4\n';
  expectImportError(() => parse(imp, synthetic('c.csv', ambiguous)), { column: 'Date', reason: /both/ });
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  const lines = text.split('\n');
  // line 444: 2025-08-29,UWQNrpakgcA,…,16366 with the number turned into a date
  const bad = text.replace(/(2025-08-29,UWQNrpakgcA,[^\n]*,)16366/, '$116.03.2025');
  assert.notEqual(bad, text);
  expectImportError(() => parse(imp, synthetic('c.csv', bad)), { row: 444, column: 'Views', reason: /date/ });
  expectImportError(() => parse(imp, synthetic('c.csv', [...lines.slice(0, 3), '2025-06-15,2imBUt8eZaI,Cut'].join('\n'))), {
    row: 4,
    column: 'Views',
    reason: /cut off/,
  });
  expectImportError(() => parse(imp, synthetic('c.csv', [...lines.slice(0, 3), lines[2]].join('\n'))), { row: 4, reason: /twice/ });
});
