import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedinFollowersImporter as imp } from './linkedin-followers.ts';
import { linkedinContentImporter } from './linkedin-content.ts';
import { detect, expectImportError, fixture, parse, valueOf } from './fixture-files.ts';
import { syntheticXlsx } from './synthetic-xlsx.ts';

const NOTE = 'New followers are counted per day. Data for the most recent days may change.';
const followers = syntheticXlsx({
  'New followers': [
    [NOTE],
    ['Date', 'Sponsored followers', 'Organic followers', 'Auto-invited followers', 'Total followers'],
    ['12/30/2025', 0, 2, 0, 2],
    ['12/31/2025', 1, 3, 1, 5],
    ['01/01/2026', 0, 0, 0, 0],
  ],
  Location: [[NOTE], ['Location', 'Total followers'], ['Oslo, Norway', 120]],
  Seniority: [[NOTE], ['Seniority', 'Total followers'], ['Entry', 40]],
});

test('new followers per day (not a running total) from the total column', () => {
  const r = parse(imp, { name: 'followers.xlsx', bytes: followers });
  assert.equal(r.platform, 'linkedin');
  assert.equal(r.kind, 'linkedin_followers');
  assert.equal(r.from, '2025-12-30');
  assert.equal(r.to, '2026-01-01');
  assert.equal(valueOf(r, 'new_followers', '2025-12-30'), 2);
  assert.equal(valueOf(r, 'new_followers', '2025-12-31'), 5);
  assert.equal(valueOf(r, 'new_followers', '2026-01-01'), 0);
  assert.equal(r.observations.length, 3);
  assert.deepEqual(r.columns.ignored, ['Sponsored followers', 'Organic followers', 'Auto-invited followers']);
  assert.deepEqual(r.warnings, ['the sheets "Location", "Seniority" (follower demographics) are not stored']);
});

test('detection by content: followers vs content', () => {
  const file = { name: 'content.xls', bytes: followers };
  assert.equal(detect(imp, file)?.kind, 'linkedin_followers');
  assert.equal(detect(linkedinContentImporter, file), null);
  assert.equal(detect(imp, fixture('linkedin/content-resaved.xls')), null);
});

test('organic only is read with a warning; damaged files are refused', () => {
  const organic = syntheticXlsx({ 'New followers': [['Date', 'Organic followers'], ['03/01/2026', 4]] });
  const r = parse(imp, { name: 'f.xlsx', bytes: organic });
  assert.equal(valueOf(r, 'new_followers', '2026-03-01'), 4);
  assert.match(r.warnings[0]!, /organic new followers only/);
  expectImportError(() => parse(imp, { name: 'f.xlsx', bytes: followers.subarray(0, 200) }), { reason: /cut off/ });
  const twice = syntheticXlsx({ 'New followers': [['Date', 'Organic followers', 'Total followers'], ['03/01/2026', 4, 4], ['03/01/2026', 1, 1]] });
  expectImportError(() => parse(imp, { name: 't.xlsx', bytes: twice }), { row: 3, reason: /twice/ });
  const bad = syntheticXlsx({ 'New followers': [['Date', 'Organic followers', 'Total followers'], ['03/01/2026', 4, 'many']] });
  expectImportError(() => parse(imp, { name: 'b.xlsx', bytes: bad }), { row: 2, column: 'Total followers', reason: /not a number/ });
});
