import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedinContentImporter as imp, linkedinPostId } from './linkedin-content.ts';
import { detectFile, parseFile } from './registry.ts';
import { detect, expectImportError, fixture, parse, renamed, valueOf } from './fixture-files.ts';
import { syntheticXlsx } from './synthetic-xlsx.ts';

const xlsx = fixture('linkedin/content-resaved.xlsx');
const xls = fixture('linkedin/content-resaved.xls');
const HOLI = 'urn:li:activity:7306192134921981953';
const AI = 'urn:li:activity:7297880561568600064';

for (const file of [xlsx, xls]) {
  test(`${file.name}: daily totals and posts read by hand`, () => {
    const r = parse(imp, file);
    assert.equal(r.platform, 'linkedin');
    assert.equal(r.kind, 'linkedin_content');
    assert.equal(r.from, '2025-02-14');
    assert.equal(r.to, '2025-03-15');
    assert.equal(r.stats.rows, 30 + 8);
    // Metrics 02/21/2025: impressions 77 (organic 77, sponsored 0), unique 6, clicks 1
    assert.equal(valueOf(r, 'impressions', '2025-02-21'), 77);
    assert.equal(valueOf(r, 'reach', '2025-02-21'), 6);
    assert.equal(valueOf(r, 'link_clicks', '2025-02-21'), 1);
    // 03/10/2025: 29 impressions, 3 reactions; 02/14/2025 (first day): all zero, measured
    assert.equal(valueOf(r, 'impressions', '2025-03-10'), 29);
    assert.equal(valueOf(r, 'reactions', '2025-03-10'), 3);
    assert.equal(valueOf(r, 'impressions', '2025-02-14'), 0);
    assert.equal(valueOf(r, 'impressions', '2025-03-15'), 11);
    assert.equal(valueOf(r, 'shares', '2025-03-15'), 0);
    // All posts: 8 posts, newest the Holi post of 03/14/2025 (26 impressions, 2 clicks)
    assert.equal(r.posts.length, 8);
    const holi = r.posts[0]!;
    assert.equal(holi.platformPostId, HOLI);
    assert.equal(holi.date, '2025-03-14');
    assert.equal(holi.permalink, `https://www.linkedin.com/feed/update/${HOLI}`);
    assert.equal(holi.postType, 'Organic');
    assert.ok(holi.excerpt!.startsWith("Here's hoping your Holi brims with lively colors") && holi.excerpt!.length <= 280);
    assert.equal(valueOf(r, 'impressions', '2025-03-14', HOLI), 26);
    assert.equal(valueOf(r, 'link_clicks', '2025-03-14', HOLI), 2);
    // the 02/19/2025 post: 98 impressions, 2 clicks, 3 likes (LinkedIn's reactions)
    assert.equal(valueOf(r, 'impressions', '2025-02-19', AI), 98);
    assert.equal(valueOf(r, 'reactions', '2025-02-19', AI), 3);
    assert.equal(valueOf(r, 'video_views', '2025-02-19', AI), undefined); // Views: empty, not measured
    assert.equal(r.stats.notMeasured, 8);
    assert.equal(r.observations.length, 30 * 6 + 8 * 5);
    assert.ok(r.columns.ignored.includes('Engagement rate (total)'));
    assert.ok(r.columns.ignored.includes('Impressions (organic)'));
    assert.deepEqual(r.warnings, []);
  });
}

test('both copies give the same values; detected by content under any name, via the registry', () => {
  assert.deepEqual(parse(imp, xls), parse(imp, xlsx));
  assert.equal(detect(imp, renamed(xls, 'report.csv'))?.kind, 'linkedin_content');
  assert.equal(detectFile(renamed(xlsx, 'data'))?.importer, 'linkedin-content');
  assert.equal(parseFile(renamed(xls, 'x.xlsx')).observations.length, 220);
  assert.equal(detect(imp, fixture('x-current/account_overview_analytics.csv')), null);
});

test('a native file: note line above the header, organic columns only, sponsored days', () => {
  const bytes = syntheticXlsx({
    Metrics: [
      ['Aggregated data for the page. Data for the most recent days may change.'],
      ['Date', 'Impressions (organic)', 'Impressions (sponsored)', 'Unique impressions (organic)', 'Clicks (organic)', 'Engagement rate (organic)'],
      ['01/30/2026', 100, 0, 40, 3, 0.03],
      ['01/31/2026', 120, 50, 45, '', 0.02],
      [46054, 10, 0, 5, 1, 0],
    ],
  });
  const r = parse(imp, { name: 'page_content.xlsx', bytes });
  assert.equal(r.from, '2026-01-30');
  assert.equal(r.to, '2026-02-01');
  assert.equal(valueOf(r, 'impressions', '2026-01-30'), 100);
  assert.equal(valueOf(r, 'reach', '2026-01-30'), 40);
  assert.equal(valueOf(r, 'reach', '2026-01-31'), undefined); // organic reach on a sponsored day is not total reach
  assert.equal(valueOf(r, 'link_clicks', '2026-01-31'), undefined);
  assert.equal(valueOf(r, 'impressions', '2026-02-01'), 10); // a date serial left by a re-save
  assert.equal(r.posts.length, 0);
  assert.ok(r.warnings.some((w) => /no total .* organic values only/.test(w)));
  assert.ok(r.warnings.some((w) => /reach is not stored for the 1 day/.test(w)));
  assert.deepEqual(r.columns.ignored, ['Impressions (sponsored)', 'Engagement rate (organic)']);
});

test('damaged and wrong workbooks are refused with an ImportError', () => {
  for (const file of [xlsx, xls]) {
    const cut = { name: file.name, bytes: file.bytes.subarray(0, Math.floor(file.bytes.length * 0.7)) };
    expectImportError(() => parse(imp, cut), { reason: /damaged or cut off/ });
    expectImportError(() => parseFile(cut), { reason: /cannot be read/ });
  }
  const other = syntheticXlsx({ Sheet1: [['Name', 'Value'], ['a', 1]] });
  assert.equal(detect(imp, { name: 'o.xlsx', bytes: other }), null);
  expectImportError(() => parse(imp, { name: 'o.xlsx', bytes: other }), { reason: /no "Metrics" or "All posts" sheet.*"Sheet1"/ });
  expectImportError(() => parseFile({ name: 'o.xlsx', bytes: other }), { reason: /workbook with the sheets "Sheet1"/ });
  const bad = syntheticXlsx({ Metrics: [['Date', 'Impressions (total)'], ['02/30/2025', 5]] });
  expectImportError(() => parse(imp, { name: 'b.xlsx', bytes: bad }), { row: 2, column: 'Date' });
  const twice = syntheticXlsx({ 'All posts': [['Post link', 'Created date', 'Impressions'], ['urn:li:share:1', '01/02/2025', 1], ['urn:li:share:1', '01/02/2025', 2]] });
  expectImportError(() => parse(imp, { name: 't.xlsx', bytes: twice }), { row: 3, reason: /twice/ });
});

test('post ids are the URN in the link', () => {
  assert.equal(linkedinPostId('https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A123/'), 'urn:li:ugcPost:123');
  assert.equal(linkedinPostId(' https://lnkd.in/x '), 'https://lnkd.in/x');
});
