import { test } from 'node:test';
import assert from 'node:assert/strict';
import { youtubeTotalsImporter as imp } from './youtube-totals.ts';
import { xOverviewImporter } from './x-overview.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('youtube/Totals.csv');

test('Totals.csv (re-saved, DD-MM-YYYY): daily channel views read by hand', () => {
  const r = parse(imp, file);
  assert.equal(r.kind, 'youtube_totals');
  assert.equal(r.from, '2025-06-13');
  assert.equal(r.to, '2026-06-12');
  assert.equal(r.stats.rows, 365);
  // 13-06-2025,1224 · 31-12-2025,4 · 01-01-2026,2 · 12-06-2026,19
  assert.equal(valueOf(r, 'views', '2025-06-13'), 1224);
  assert.equal(valueOf(r, 'views', '2025-12-31'), 4);
  assert.equal(valueOf(r, 'views', '2026-01-01'), 2);
  assert.equal(valueOf(r, 'views', '2026-06-12'), 19);
  assert.ok(r.observations.every((o) => o.postId === undefined));
});

test('detected by content; plain or foreign `Date,…` files are not taken', () => {
  assert.equal(detect(imp, renamed(file, 'Totals (2).csv'))?.kind, 'youtube_totals');
  assert.equal(detect(imp, synthetic('a.csv', 'Date,Primary\n2025-01-01,3\n')), null);
  assert.equal(detect(imp, fixture('x-current/account_overview_analytics.csv')), null);
  assert.equal(detect(xOverviewImporter, file), null);
  assert.equal(detect(imp, fixture('youtube/Chart data.csv')), null);
});

test('ISO and MM/DD/YYYY dates; dates fitting both orders are refused with a clear message', () => {
  assert.equal(valueOf(parse(imp, synthetic('t.csv', 'Date,Views,Watch time (hours)\n2026-01-31,5,0.5\n')), 'watch_time_hours', '2026-01-31'), 0.5);
  assert.equal(valueOf(parse(imp, synthetic('t.csv', 'Date,Views\n01/31/2026,5\n02/01/2026,6\n')), 'views', '2026-02-01'), 6);
  expectImportError(() => parse(imp, synthetic('t.csv', 'Date,Views\n01-02-2026,5\n02-02-2026,6\n')), { column: 'Date', reason: /fit both/ });
  expectImportError(() => parse(imp, synthetic('t.csv', 'Date,Views\n13-02-2026,5\n02-13-2026,6\n')), { column: 'Date', reason: /mix/ });
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  expectImportError(() => parse(imp, synthetic('t.csv', text.replace('31-12-2025,4', '31-12-2025,4.des'))), { row: 203, column: 'Views', reason: /date/ });
  expectImportError(() => parse(imp, synthetic('t.csv', text.replace('01-01-2026,2', '01-01-2026'))), { row: 204, column: 'Views', reason: /cut off/ });
  expectImportError(() => parse(imp, synthetic('t.csv', text.replace('01-01-2026,2', '31-12-2025,2'))), { row: 204, column: 'Date', reason: /twice/ });
});

test('a copy re-saved with semicolons and decimal commas', () => {
  const text = 'Date;Views;Watch time (hours)\r\n13-06-2025;1.224;2,5\r\n14-06-2025;147;0,25\r\n';
  const r = parse(imp, synthetic('Totals.csv', text));
  assert.equal(valueOf(r, 'views', '2025-06-13'), 1224);
  assert.equal(valueOf(r, 'watch_time_hours', '2025-06-13'), 2.5);
  assert.equal(valueOf(r, 'watch_time_hours', '2025-06-14'), 0.25);
});
