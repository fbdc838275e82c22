// The manual monthly entry offers the platform's own metrics and those from elsewhere (hours,
// money, applicants…), with the platform's first where it has no export; the month before today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryMetrics, previousMonth } from './manual-entry.ts';

test('previousMonth crosses New Year', () => {
  assert.equal(previousMonth('2026-11-22'), '2026-10');
  assert.equal(previousMonth('2027-01-01'), '2026-12');
});

test('entryMetrics: platform metrics of that platform only, and every metric from elsewhere', () => {
  const snapchat = entryMetrics('snapchat');
  const keys = (ms: { key: string }[]) => ms.map((m) => m.key);
  assert.ok(keys(snapchat.platform).includes('views'));
  assert.ok(!keys(snapchat.platform).includes('impressions'), 'Snapchat reports no impressions');
  assert.ok(!keys(snapchat.platform).includes('hours_spent'));
  for (const k of ['hours_spent', 'spend_nok', 'applicants', 'sessions', 'mentions']) assert.ok(keys(snapchat.elsewhere).includes(k), k);
  assert.ok(snapchat.elsewhere.every((m) => m.source !== 'platform'));
  assert.equal(snapchat.platformFirst, true, 'Snapchat has no export: its own statistics come first');
  assert.equal(entryMetrics('tiktok').platformFirst, false);
  assert.ok(!keys(entryMetrics('tiktok').platform).includes('hours_spent'));
});
