import { test } from 'node:test';
import assert from 'node:assert/strict';
import { youtubeChartImporter as imp } from './youtube-chart.ts';
import { youtubeTotalsImporter } from './youtube-totals.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('youtube/Chart data.csv');

test('Chart data.csv: daily views per video read by hand', () => {
  const r = parse(imp, file);
  assert.equal(r.kind, 'youtube_chart');
  assert.equal(r.from, '2025-06-13');
  assert.equal(r.to, '2026-06-12');
  assert.equal(r.stats.rows, 1825);
  assert.equal(r.posts.length, 5);
  // 2025-08-28,UWQNrpakgcA,…,9102 · 2025-08-29 … 16366 · 2025-09-02 … 10
  assert.equal(valueOf(r, 'views', '2025-08-28', 'UWQNrpakgcA'), 9102);
  assert.equal(valueOf(r, 'views', '2025-08-29', 'UWQNrpakgcA'), 16366);
  assert.equal(valueOf(r, 'views', '2025-09-02', 'UWQNrpakgcA'), 10);
  assert.equal(valueOf(r, 'views', '2025-06-13', '2imBUt8eZaI'), 0);
  assert.equal(r.posts.find((p) => p.platformPostId === '2imBUt8eZaI')?.date, '2025-09-29');
  assert.equal(r.observations.length, 1825);
  assert.ok(r.observations.every((o) => o.postId !== undefined));
  assert.deepEqual(r.columns.ignored, ['Duration']);
});

test('detected by content, renamed; totals do not take it', () => {
  assert.equal(detect(imp, renamed(file))?.kind, 'youtube_chart');
  assert.equal(detect(youtubeTotalsImporter, file), null);
});

test('a re-saved copy with DD-MM-YYYY dates is read; an ambiguous one is refused', () => {
  const dmy = 'Date,Content,Video title,Video publish time,Duration,Views\n13-06-2025,abcDEF12345,T,"Sep 29, 2025",5,3\n01-07-2025,abcDEF12345,T,"Sep 29, 2025",5,4\n';
  assert.equal(valueOf(parse(imp, synthetic('c.csv', dmy)), 'views', '2025-07-01', 'abcDEF12345'), 4);
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
