import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedinVisitorsImporter as imp } from './linkedin-visitors.ts';
import { linkedinFollowersImporter } from './linkedin-followers.ts';
import { linkedinContentImporter } from './linkedin-content.ts';
import { detectFile, parseFile } from './registry.ts';
import { detect, expectImportError, fixture, parse, valueOf } from './fixture-files.ts';
import { syntheticXlsx, type SyntheticCell } from './synthetic-xlsx.ts';

// LinkedIn's visitor export layout (no fixture exists): a note line, then one row per day.
const NOTE = 'Visitor metrics are counted per day. Data for the most recent days may change.';
const SECTIONS = ['Overview', 'Life', 'Jobs', 'Total'];
const HEADER = ['Date', ...SECTIONS.flatMap((s) => ['page views', 'unique visitors'].flatMap((m) => ['desktop', 'mobile', 'total'].map((d) => `${s} ${m} (${d})`)))];
/** A day's row: every section's page views and unique visitors, desktop + mobile = total; the Total section as given. */
function day(date: string, totalViews: [number, number], totalUnique: [number, number]): SyntheticCell[] {
  const row: SyntheticCell[] = [date];
  for (const section of SECTIONS) {
    const [vd, vm] = section === 'Total' ? totalViews : [1, 2];
    const [ud, um] = section === 'Total' ? totalUnique : [1, 1];
    row.push(vd, vm, vd + vm, ud, um, ud + um - (section === 'Total' ? 1 : 0)); // a person on both devices counts once
  }
  return row;
}
const visitors = syntheticXlsx({
  'Visitor metrics': [[NOTE], HEADER, day('12/30/2025', [10, 25], [4, 9]), day('12/31/2025', [0, 7], [0, 3]), day('01/01/2026', [3, 0], [2, 0])],
  Location: [[NOTE], ['Location', 'Total views'], ['Oslo, Norway', 120], ['Bergen, Norway', 40]],
  'Job function': [[NOTE], ['Job function', 'Total views'], ['Education', 55]],
  Seniority: [[NOTE], ['Seniority', 'Total views'], ['Entry', 30]],
  Industry: [[NOTE], ['Industry', 'Total views'], ['Higher Education', 70]],
  'Company size': [[NOTE], ['Company size', 'Total views'], ['10,001+ employees', 25]],
});
const file = { name: 'page_visitors.xlsx', bytes: visitors };

test('visitors: total page views and unique visitors per day; sections and devices ignored; demographics named', () => {
  const r = parse(imp, file);
  assert.equal(r.platform, 'linkedin');
  assert.equal(r.kind, 'linkedin_visitors');
  assert.equal(r.from, '2025-12-30');
  assert.equal(r.to, '2026-01-01');
  assert.equal(r.stats.rows, 3);
  // Total page views (total) = desktop + mobile: 10 + 25, 0 + 7, 3 + 0
  assert.equal(valueOf(r, 'profile_views', '2025-12-30'), 35);
  assert.equal(valueOf(r, 'profile_views', '2025-12-31'), 7);
  assert.equal(valueOf(r, 'profile_views', '2026-01-01'), 3);
  // Total unique visitors (total) as written: 4 + 9 − 1, 0 + 3 − 1, 2 + 0 − 1 (never re-added from devices)
  assert.equal(valueOf(r, 'unique_visitors', '2025-12-30'), 12);
  assert.equal(valueOf(r, 'unique_visitors', '2025-12-31'), 2);
  assert.equal(valueOf(r, 'unique_visitors', '2026-01-01'), 1);
  assert.equal(r.observations.length, 6);
  assert.deepEqual(r.columns.recognised, [
    { header: 'Total page views (total)', metric: 'profile_views' },
    { header: 'Total unique visitors (total)', metric: 'unique_visitors' },
  ]);
  assert.equal(r.columns.ignored.length, HEADER.length - 3);
  assert.ok(r.columns.ignored.includes('Overview page views (desktop)'));
  assert.ok(r.columns.ignored.includes('Total unique visitors (mobile)'));
  assert.deepEqual(r.warnings, ['the sheets "Location", "Job function", "Seniority", "Industry", "Company size" (visitor demographics) are not stored']);
});

test('detected by content among the LinkedIn kinds, through the registry too', () => {
  assert.equal(detect(imp, { name: 'renamed.xls', bytes: visitors })?.kind, 'linkedin_visitors');
  assert.equal(detectFile({ name: 'x.bin', bytes: visitors })?.importer, 'linkedin-visitors');
  assert.equal(detect(linkedinFollowersImporter, file), null);
  assert.equal(detect(linkedinContentImporter, file), null);
  assert.equal(detect(imp, fixture('linkedin/content-resaved.xlsx')), null);
  assert.equal(detect(imp, fixture('linkedin/content-resaved.xls')), null);
  const followers = syntheticXlsx({ 'New followers': [['Date', 'Organic followers', 'Sponsored followers', 'Total followers'], ['03/01/2026', 1, 0, 1]] });
  assert.equal(detect(imp, { name: 'f.xlsx', bytes: followers }), null);
  assert.equal(parseFile(file).observations.length, 6);
});

test('a re-saved copy: no note line, older capitalisation, date serials, bokmål headers, a missing column', () => {
  const resaved = syntheticXlsx({
    Sheet1: [
      ['Date', 'Total Page Views (Desktop)', 'Total Page Views (Mobile Devices)', 'Total Page Views (Total)', 'Total Unique Visitors (Total)'],
      [46022, 5, 6, 11, 8], // 46022 = 2025-12-31 in the 1900 date system
      ['01/01/2026', 1, 1, 2, '-'],
    ],
  });
  const r = parse(imp, { name: 'v.xlsx', bytes: resaved });
  assert.equal(valueOf(r, 'profile_views', '2025-12-31'), 11);
  assert.equal(valueOf(r, 'unique_visitors', '2025-12-31'), 8);
  assert.equal(valueOf(r, 'profile_views', '2026-01-01'), 2);
  assert.equal(valueOf(r, 'unique_visitors', '2026-01-01'), undefined); // '-': not measured, never 0
  assert.equal(r.stats.notMeasured, 1);
  assert.deepEqual(r.warnings, []);

  const nb = syntheticXlsx({ Besøksstatistikk: [['Dato', 'Totalt antall sidevisninger (totalt)'], ['02/01/2026', 9]] });
  const n = parse(imp, { name: 'besøkende.xlsx', bytes: nb });
  assert.equal(valueOf(n, 'profile_views', '2026-02-01'), 9);
  assert.deepEqual(n.warnings, ['the file has no "Total unique visitors (total)" column: unique_visitors is not stored']);
});

test('damaged copies are refused with file, sheet, row and column', () => {
  const at = (rows: SyntheticCell[][]) => ({ name: 'v.xlsx', bytes: syntheticXlsx({ 'Visitor metrics': [[NOTE], HEADER, ...rows] }) });
  const where = 'v.xlsx (sheet "Visitor metrics")';
  let e = expectImportError(() => parse(imp, at([day('12/30/2025', [1, 1], [1, 1]), day('12/30/2025', [1, 1], [1, 1])])), { row: 4, column: 'Date', reason: /twice/ });
  assert.equal(e.location.file, where);
  const decimalAsDate = day('12/30/2025', [1, 1], [1, 1]);
  decimalAsDate[HEADER.indexOf('Total page views (total)')] = '12.05.2025';
  e = expectImportError(() => parse(imp, at([decimalAsDate])), { row: 3, column: 'Total page views (total)', reason: /date/ });
  assert.equal(e.location.file, where);
  expectImportError(() => parse(imp, at([['13/45/2025', 1]])), { row: 3, column: 'Date' });
  expectImportError(() => parse(imp, { name: 'cut.xlsx', bytes: visitors.subarray(0, visitors.length - 100) }), { reason: /cut off/ });
  const wrong = syntheticXlsx({ Data: [['Day', 'Views'], ['01/01/2026', 3]] });
  expectImportError(() => imp.parse({ name: 'w.xlsx', bytes: wrong }, null, {}), { reason: /no "Visitor metrics" sheet was found \(sheets: "Data"\)/ });
});
