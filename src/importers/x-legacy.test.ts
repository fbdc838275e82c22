import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xLegacyImporter as imp } from './x-legacy.ts';
import { xContentImporter } from './x-content.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('x-legacy/tweet_activity_metrics_20170401_20170408_en.csv');

test('tweet activity export: "29.0" numbers, times, and promoted `-` columns', () => {
  const r = parse(imp, file);
  assert.equal(r.kind, 'x_tweet_activity');
  assert.equal(r.posts.length, 10);
  assert.equal(r.from, '2017-04-01');
  assert.equal(r.to, '2017-04-04');
  const first = r.posts[0]!;
  assert.equal(first.platformPostId, '849049020249120769');
  assert.equal(first.publishedAt, '2017-04-04T00:00:00Z');
  assert.equal(first.permalink, 'https://twitter.com/TCORSStgOrg/status/849049020249120769');
  // "29.0","1.0","0.034482758620689655",…,"1.0" (url clicks)
  assert.equal(valueOf(r, 'impressions', '2017-04-04', '849049020249120769'), 29);
  assert.equal(valueOf(r, 'engagements', '2017-04-04', '849049020249120769'), 1);
  assert.equal(valueOf(r, 'link_clicks', '2017-04-04', '849049020249120769'), 1);
  // "2017-04-03 19:00 +0000","102.0","3.0",…,"1.0" (retweets)
  assert.equal(r.posts.find((p) => p.platformPostId === '848973526891720704')?.publishedAt, '2017-04-03T19:00:00Z');
  assert.equal(valueOf(r, 'impressions', '2017-04-03', '848973526891720704'), 102);
  assert.equal(valueOf(r, 'shares', '2017-04-03', '848973526891720704'), 1);
  // the last tweet: "2017-04-01 00:00 +0000","87.0","3.0",…,"1.0","0.0","2.0" (retweets, replies, likes)
  assert.equal(valueOf(r, 'likes', '2017-04-01', '847961942480363520'), 2);
  assert.equal(valueOf(r, 'impressions', '2017-04-01', '847961942480363520'), 87);
  // engagement rate and the promoted columns are not stored
  assert.ok(r.columns.ignored.includes('engagement rate'));
  assert.ok(r.columns.ignored.includes('promoted impressions'));
  assert.ok(!r.observations.some((o) => o.value > 0 && o.value < 1));
  assert.equal(r.observations.length, 10 * 8);
});

test('older files say favorites; offsets other than UTC are kept', () => {
  const text = '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","favorites","promoted impressions"\n"1","https://twitter.com/a/status/1","hi","2015-06-01 09:00 +0200","10.0","2.0","0.2","0.0","1.0","1.0","-"\n';
  const r = parse(imp, synthetic('old.csv', text));
  assert.equal(valueOf(r, 'likes', '2015-06-01', '1'), 1);
  assert.equal(r.posts[0]!.publishedAt, '2015-06-01T09:00:00+02:00');
  assert.deepEqual(r.columns.ignored, ['engagement rate', 'promoted impressions']);
});

test('detected by content, renamed; not the current content export', () => {
  assert.equal(detect(imp, renamed(file))?.kind, 'x_tweet_activity');
  assert.equal(detect(xContentImporter, file), null);
  assert.equal(detect(imp, fixture('x-current/account_analytics_content_2024-11-21_2025-02-19.csv')), null);
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  expectImportError(() => parse(imp, synthetic('l.csv', text.replace('"2017-04-04 00:00 +0000","29.0"', '"2017-04-04 00:00 +0000","29.04.2017"'))), {
    row: 2,
    column: 'impressions',
    reason: /date/,
  });
  expectImportError(() => parse(imp, synthetic('l.csv', text.replace('"2017-04-04 00:00 +0000"', '"yesterday"'))), { row: 2, column: 'time' });
  const lines = text.split('\n');
  expectImportError(() => parse(imp, synthetic('l.csv', [...lines.slice(0, 2), '"9","https://twitter.com/a/status/9","t","2017-04-04 00:00 +0000","3.0"'].join('\n'))), {
    row: 3,
    column: 'engagements',
    reason: /cut off/,
  });
});
