import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tiktokAudienceImporter as imp } from './tiktok-audience.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic } from './fixture-files.ts';

const lastDay = { lastDay: '2026-02-28' };

test('FollowerGender.csv: fractions as percent in an `other` block; no age groups', () => {
  const file = fixture('tiktok-studio/FollowerGender.csv');
  assert.equal(detect(imp, renamed(file))?.kind, 'tiktok_follower_gender');
  const r = parse(imp, file, lastDay);
  assert.equal(r.audience.length, 1);
  assert.deepEqual(r.audience[0], { date: '2026-02-28', ageDistribution: {}, other: { gender: { Female: 59, Male: 41, Other: 0 } } });
  assert.match(r.warnings.join(' '), /no age groups/);
  assert.equal(r.observations.length, 0);
  expectImportError(() => parse(imp, file), { reason: /no year|downloaded/ });
});

test('FollowerTopTerritories.csv: country shares as percent', () => {
  const file = fixture('tiktok-studio/FollowerTopTerritories.csv');
  assert.equal(detect(imp, renamed(file))?.kind, 'tiktok_follower_territories');
  const t = parse(imp, file, lastDay).audience[0]!.other!.territories!;
  assert.equal(t.US, 46.2);
  assert.equal(t.EG, 21.9);
  assert.equal(t.RO, 0.1);
  assert.equal(t.Others, 21.1);
  assert.equal(Object.keys(t).length, 11);
});

test('FollowerActivity.csv: active followers per hour, one block per day, dated on the last day', () => {
  const file = fixture('tiktok-studio/FollowerActivity.csv');
  assert.equal(detect(imp, renamed(file))?.kind, 'tiktok_follower_activity');
  const r = parse(imp, file, lastDay);
  assert.equal(r.from, '2026-02-21');
  assert.equal(r.to, '2026-02-27');
  assert.equal(r.stats.rows, 168);
  const snap = r.audience[0]!;
  assert.equal(snap.date, '2026-02-27');
  assert.equal(Object.keys(snap.other!).length, 7);
  assert.equal(snap.other!['active_followers_by_hour 2026-02-21']!['0'], 491); // "February 21","0","491"
  assert.equal(snap.other!['active_followers_by_hour 2026-02-24']!['13'], 1256); // "February 24","13","1256"
  assert.equal(snap.other!['active_followers_by_hour 2026-02-27']!['23'], 0);
});

test('bokmål headers', () => {
  const f = synthetic('k.csv', '"Kjønn","Fordeling"\n"Kvinne","0.5"\n"Mann","0.5"\n', true);
  assert.equal(detect(imp, f)?.kind, 'tiktok_follower_gender');
  assert.deepEqual(parse(imp, f, lastDay).audience[0]!.other, { gender: { Kvinne: 50, Mann: 50 } });
});

test('damaged copies are refused with row and column', () => {
  const gender = new TextDecoder().decode(fixture('tiktok-studio/FollowerGender.csv').bytes);
  expectImportError(() => parse(imp, synthetic('g.csv', gender.replace('"0.59"', '"59"')), lastDay), { row: 2, column: 'Distribution', reason: /fraction/ });
  expectImportError(() => parse(imp, synthetic('g.csv', gender.replace('"0.41"', '"0.41.2025"')), lastDay), { row: 3, column: 'Distribution' });
  expectImportError(() => parse(imp, synthetic('g.csv', gender.replace('"Other","0"', '"Other"')), lastDay), { row: 4, column: 'Distribution', reason: /cut off/ });
  const activity = new TextDecoder().decode(fixture('tiktok-studio/FollowerActivity.csv').bytes);
  expectImportError(() => parse(imp, synthetic('a.csv', activity.replace('"February 24","13","1256"', '"February 24","13","12:56"')), lastDay), {
    row: 87,
    column: 'Active followers',
  });
  expectImportError(() => parse(imp, synthetic('a.csv', activity.replace('"February 24","13"', '"February 24","25"')), lastDay), {
    row: 87,
    column: 'Hour',
  });
});
