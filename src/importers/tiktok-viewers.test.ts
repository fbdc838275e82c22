import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tiktokViewersImporter as imp } from './tiktok-viewers.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('tiktok-studio/Viewers.csv');
const lastDay = { lastDay: '2026-02-28' };

test('Viewers.csv: values read by hand; `undefined` is not measured, never 0', () => {
  const r = parse(imp, file, lastDay);
  assert.equal(r.kind, 'tiktok_viewers');
  assert.equal(r.from, '2025-02-28');
  assert.equal(r.to, '2026-02-27');
  // "March 24","undefined","0","0" then "March 25","3","3","0"
  assert.equal(valueOf(r, 'reach', '2025-03-24'), undefined);
  assert.equal(valueOf(r, 'new_viewers', '2025-03-24'), 0);
  assert.equal(valueOf(r, 'reach', '2025-03-25'), 3);
  // "December 31","18298","13340","4958" and "January 1","8665","5525","3140"
  assert.equal(valueOf(r, 'reach', '2025-12-31'), 18298);
  assert.equal(valueOf(r, 'new_viewers', '2025-12-31'), 13340);
  assert.equal(valueOf(r, 'returning_viewers', '2026-01-01'), 3140);
  // last row "February 27","15752","9979","5773"
  assert.equal(valueOf(r, 'reach', '2026-02-27'), 15752);
  assert.equal(r.stats.notMeasured, 25);
  assert.equal(r.observations.length, 365 * 3 - 25);
});

test('detected by content, also renamed and with bokmål headers', () => {
  assert.equal(detect(imp, renamed(file))?.kind, 'tiktok_viewers');
  assert.equal(detect(imp, fixture('tiktok-studio/Overview.csv')), null);
  const nb = synthetic('seere.csv', '"Dato","Totalt antall seere","Nye seere","Tilbakevendende seere"\n"31. desember","10","7","3"\n"1. januar","12","8","4"\n', true);
  assert.equal(detect(imp, nb)?.importer, 'tiktok-viewers');
  const r = parse(imp, nb, { lastDay: '2026-01-02' });
  assert.equal(valueOf(r, 'reach', '2025-12-31'), 10);
  assert.equal(valueOf(r, 'returning_viewers', '2026-01-01'), 4);
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  const bad = text.replace('"March 25","3","3","0"', '"March 25","3","3.mar","0"');
  expectImportError(() => parse(imp, synthetic('v.csv', bad), lastDay), { row: 27, column: 'New Viewers', reason: /date/ });
  const words = text.replace('"March 25","3","3","0"', '"March 25","3","three","0"');
  expectImportError(() => parse(imp, synthetic('v.csv', words), lastDay), { row: 27, column: 'New Viewers', reason: /not a number/ });
  const cut = text.split('\n').slice(0, 30).join('\n') + '\n"March 29","5"';
  expectImportError(() => parse(imp, synthetic('v.csv', cut), lastDay), { row: 31, column: 'New Viewers', reason: /cut off/ });
  expectImportError(() => parse(imp, synthetic('v.csv', text.replace('"March 25"', '"Smarch 25"')), lastDay), { row: 27, column: 'Date' });
});
