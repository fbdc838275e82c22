// Every TikTok, YouTube and X fixture is recognised by its own importer through the registry,
// from content only (renamed), and no other fixture is taken by these importers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectFile, importers, parseFile } from './registry.ts';
import { decodeText } from './parse/decode.ts';
import { fixture, fixturesDir, renamed } from './fixture-files.ts';

const expected: Record<string, [importer: string, kind: string]> = {
  'tiktok-studio/Overview.csv': ['tiktok-overview', 'tiktok_overview'],
  'tiktok-studio/Viewers.csv': ['tiktok-viewers', 'tiktok_viewers'],
  'tiktok-studio/FollowerHistory.csv': ['tiktok-followers', 'tiktok_follower_history'],
  'tiktok-studio/Content.csv': ['tiktok-content', 'tiktok_content'],
  'tiktok-studio/FollowerGender.csv': ['tiktok-audience', 'tiktok_follower_gender'],
  'tiktok-studio/FollowerTopTerritories.csv': ['tiktok-audience', 'tiktok_follower_territories'],
  'tiktok-studio/FollowerActivity.csv': ['tiktok-audience', 'tiktok_follower_activity'],
  'youtube/Table data.csv': ['youtube-table', 'youtube_table'],
  'youtube/Chart data.csv': ['youtube-chart', 'youtube_chart'],
  'youtube/Totals.csv': ['youtube-totals', 'youtube_totals'],
  'x-current/account_overview_analytics.csv': ['x-overview', 'x_account_overview'],
  'x-current/account_analytics_content_2024-11-21_2025-02-19.csv': ['x-content', 'x_content'],
  'x-legacy/tweet_activity_metrics_20170401_20170408_en.csv': ['x-legacy', 'x_tweet_activity'],
};
const mine = new Set(['tiktok-overview', 'tiktok-viewers', 'tiktok-followers', 'tiktok-content', 'tiktok-audience', 'tiktok-business', 'youtube-table', 'youtube-chart', 'youtube-totals', 'x-overview', 'x-content', 'x-legacy']);

test('each fixture is detected as its kind through the registry and parses', () => {
  for (const [path, [importer, kind]] of Object.entries(expected)) {
    const file = renamed(fixture(path), 'download.csv');
    const d = detectFile(file);
    assert.equal(d?.importer, importer, path);
    assert.equal(d?.kind, kind, path);
    const r = parseFile(file, { lastDay: '2026-02-28' });
    assert.equal(r.importer, importer, path);
    assert.ok(r.stats.rows > 0, path);
  }
});

test('only its own importer answers for each fixture; other platforms fixtures are not taken', () => {
  const root = fileURLToPath(fixturesDir);
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(`${root}/${dir.name}`)) {
      const path = `${dir.name}/${name}`;
      const file = fixture(path);
      const text = decodeText(file.bytes);
      const answering = importers.filter((i) => mine.has(i.key) && i.detect(file, text) !== null).map((i) => i.key);
      assert.deepEqual(answering, expected[path] ? [expected[path][0]] : [], path);
    }
  }
});

test('every importer of this set is in the registry once', () => {
  assert.deepEqual(importers.filter((i) => mine.has(i.key)).map((i) => i.key).sort(), [...mine].sort());
});
