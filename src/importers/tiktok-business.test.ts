import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tiktokBusinessImporter as imp } from './tiktok-business.ts';
import { tiktokOverviewImporter } from './tiktok-overview.ts';
import { detect, expectImportError, fixture, parse, synthetic, valueOf } from './fixture-files.ts';

// A small business-account export as TikTok writes it (full dates, `YYYY/MM/DD`).
const TEXT = [
  'Date,Video views,Reached audience,Profile views,Likes,Shares,Comments,Website clicks,Net growth,New followers,Lost followers',
  '2025/12/30,1200,900,14,80,3,5,2,4,6,2',
  '2025/12/31,1500,1100,20,95,4,7,-,-1,3,4',
  '2026/01/01,2100,1600,31,140,9,12,5,10,12,2',
].join('\n');
const file = synthetic('TikTok_Overview.csv', TEXT, true);

test('business export: daily values with full dates, no lastDay needed', () => {
  assert.equal(detect(imp, file)?.kind, 'tiktok_business_overview');
  const r = parse(imp, file);
  assert.equal(r.platform, 'tiktok');
  assert.equal(r.from, '2025-12-30');
  assert.equal(r.to, '2026-01-01');
  assert.equal(valueOf(r, 'views', '2025-12-31'), 1500);
  assert.equal(valueOf(r, 'reach', '2025-12-31'), 1100);
  assert.equal(valueOf(r, 'profile_views', '2026-01-01'), 31);
  assert.equal(valueOf(r, 'link_clicks', '2025-12-31'), undefined); // `-`: not measured
  assert.equal(valueOf(r, 'new_followers', '2026-01-01'), 12);
  assert.equal(valueOf(r, 'lost_followers', '2025-12-31'), 4);
  assert.equal(r.stats.notMeasured, 1);
  assert.equal(valueOf(r, 'link_clicks', '2026-01-01'), 5);
  // Net growth is the net change (-1 on 2025-12-31: 3 new, 4 lost), never new followers
  assert.equal(valueOf(r, 'net_followers', '2025-12-31'), -1);
  assert.equal(valueOf(r, 'net_followers', '2026-01-01'), 10);
  assert.equal(valueOf(r, 'new_followers', '2025-12-31'), 3);
  assert.deepEqual(r.columns.ignored, []);
  assert.deepEqual(r.warnings, []);
});

test('ISO dates and a renamed copy are read too; a Studio file is not a business file', () => {
  const iso = synthetic('x.csv', 'Date,Video views,Reached audience\n2026-05-10,10,8\n');
  assert.equal(valueOf(parse(imp, iso), 'reach', '2026-05-10'), 8);
  assert.equal(detect(imp, fixture('tiktok-studio/Overview.csv')), null);
  assert.equal(detect(tiktokOverviewImporter, file), null);
});

test('damaged copies are refused with row and column', () => {
  expectImportError(() => parse(imp, synthetic('b.csv', TEXT.replace('1500,1100', '1500,11.05.2025'))), { row: 3, column: 'Reached audience', reason: /date/ });
  expectImportError(() => parse(imp, synthetic('b.csv', TEXT.replace('2025/12/31', '2025/13/31'))), { row: 3, column: 'Date' });
  expectImportError(() => parse(imp, synthetic('b.csv', TEXT.slice(0, TEXT.lastIndexOf(',140')))), { row: 4, column: 'Likes', reason: /cut off/ });
  expectImportError(() => parse(imp, synthetic('b.csv', `${TEXT}\n2026/01/01,1,1,1,1,1,1,1,1,1,1`)), { row: 5, column: 'Date', reason: /twice/ });
});
