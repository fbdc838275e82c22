import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xOverviewImporter as imp } from './x-overview.ts';
import { xContentImporter } from './x-content.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('x-current/account_overview_analytics.csv');

test('account_overview_analytics.csv: daily values read by hand, newest first', () => {
  const r = parse(imp, file);
  assert.equal(r.platform, 'x');
  assert.equal(r.kind, 'x_account_overview');
  assert.equal(r.from, '2024-12-31');
  assert.equal(r.to, '2025-02-18');
  assert.equal(r.stats.rows, 50);
  // "Tue, Feb 18, 2025",62,0,3,0,0,1,0,0,0,1,0,0,0
  assert.equal(valueOf(r, 'impressions', '2025-02-18'), 62);
  assert.equal(valueOf(r, 'new_followers', '2025-02-18'), 1);
  // "Mon, Feb 17, 2025",426,18,49,1,0,2,0,1,2,4,2,0,0
  assert.equal(valueOf(r, 'likes', '2025-02-17'), 18);
  assert.equal(valueOf(r, 'engagements', '2025-02-17'), 49);
  assert.equal(valueOf(r, 'saves', '2025-02-17'), 1);
  assert.equal(valueOf(r, 'comments', '2025-02-17'), 1);
  assert.equal(valueOf(r, 'profile_views', '2025-02-17'), 4);
  assert.equal(valueOf(r, 'posts_published', '2025-02-17'), 2);
  // "Wed, Jan 1, 2025",360,14,51,0,2,6,0,8,6,…: reposts (6) are shares, X's own Shares (2) are not
  assert.equal(valueOf(r, 'shares', '2025-01-01'), 6);
  assert.equal(valueOf(r, 'comments', '2025-01-01'), 8);
  // "Tue, Dec 31, 2024",222,14,68,0,0,25,…
  assert.equal(valueOf(r, 'new_followers', '2024-12-31'), 25);
  assert.deepEqual(r.columns.ignored, ['Shares', 'Media views']);
  assert.equal(r.observations.length, 50 * 11);
});

test('detected by content, renamed; not the content export', () => {
  assert.equal(detect(imp, renamed(file))?.kind, 'x_account_overview');
  assert.equal(detect(imp, fixture('x-current/account_analytics_content_2024-11-21_2025-02-19.csv')), null);
  assert.equal(detect(xContentImporter, file), null);
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  expectImportError(() => parse(imp, synthetic('o.csv', text.replace('"Mon, Feb 17, 2025",426', '"Mon, Feb 17, 2025",4/26/2025'))), {
    row: 3,
    column: 'Impressions',
    reason: /date/,
  });
  expectImportError(() => parse(imp, synthetic('o.csv', text.replace('"Mon, Feb 17, 2025"', '"Mon, Feb 31, 2025"'))), { row: 3, column: 'Date' });
  const lines = text.split('\n');
  expectImportError(() => parse(imp, synthetic('o.csv', [...lines.slice(0, 3), '"Sun, Feb 16, 2025",98,3'].join('\n'))), {
    row: 4,
    column: 'Engagements',
    reason: /cut off/,
  });
  expectImportError(() => parse(imp, synthetic('o.csv', [...lines.slice(0, 3), lines[2]].join('\n'))), { row: 4, reason: /twice/ });
});
