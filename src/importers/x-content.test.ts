import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xContentImporter as imp } from './x-content.ts';
import { xOverviewImporter } from './x-overview.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('x-current/account_analytics_content_2024-11-21_2025-02-19.csv');

test('content export: posts and per-post values read by hand', () => {
  const r = parse(imp, file);
  assert.equal(r.kind, 'x_content');
  assert.equal(r.posts.length, 141);
  assert.equal(r.from, '2024-12-31');
  assert.equal(r.to, '2025-02-17');
  const first = r.posts[0]!;
  assert.equal(first.platformPostId, '1891564128784855141');
  assert.equal(first.date, '2025-02-17');
  assert.equal(first.permalink, 'https://x.com/Wormhole_BR/status/1891564128784855141');
  assert.match(first.excerpt!, /^Faltam 2 dias para a LIVE da Worm!/);
  assert.equal(valueOf(r, 'impressions', '2025-02-17', '1891564128784855141'), 70);
  assert.equal(valueOf(r, 'saves', '2025-02-17', '1891564128784855141'), 1);
  // 1889642044521628052, Wed Feb 12 2025: 659 impressions, 18 likes, 100 engagements, 8 new follows, 3 replies, 9 reposts, 5 profile visits, 4 URL clicks
  const id = '1889642044521628052';
  assert.equal(valueOf(r, 'impressions', '2025-02-12', id), 659);
  assert.equal(valueOf(r, 'engagements', '2025-02-12', id), 100);
  assert.equal(valueOf(r, 'new_followers', '2025-02-12', id), 8);
  assert.equal(valueOf(r, 'comments', '2025-02-12', id), 3);
  assert.equal(valueOf(r, 'shares', '2025-02-12', id), 9);
  assert.equal(valueOf(r, 'profile_views', '2025-02-12', id), 5);
  assert.equal(valueOf(r, 'link_clicks', '2025-02-12', id), 4);
  // the last row: 1874078422043127856, Tue Dec 31 2024, 174 impressions, 9 replies
  assert.equal(valueOf(r, 'impressions', '2024-12-31', '1874078422043127856'), 174);
  assert.equal(valueOf(r, 'comments', '2024-12-31', '1874078422043127856'), 9);
  assert.deepEqual(r.columns.ignored, ['Share', 'Detail expands', 'Hashtag clicks', 'Permalink clicks']);
});

test('the other header generation (Post Link, URL Clicks); a later export keys the same values', () => {
  const text = [
    'Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks',
    '1891564128784855141,Mon Feb 17 2025,Hei &amp; hå,https://x.com/a/status/1891564128784855141,95,4,5,1,0,0,0,0,0,0,2,0,0',
  ].join('\n');
  const f = synthetic('later.csv', text);
  assert.equal(detect(imp, f)?.kind, 'x_content');
  const later = parse(imp, f);
  assert.equal(later.posts[0]!.permalink, 'https://x.com/a/status/1891564128784855141');
  assert.equal(later.posts[0]!.excerpt, 'Hei & hå');
  assert.equal(valueOf(later, 'link_clicks', '2025-02-17', '1891564128784855141'), 2);
  // the same post, the same day, the same metric: a later export updates rather than adds
  assert.equal(valueOf(later, 'impressions', '2025-02-17', '1891564128784855141'), 95);
  assert.equal(valueOf(parse(imp, file), 'impressions', '2025-02-17', '1891564128784855141'), 70);
});

test('detected by content, renamed; not the overview', () => {
  assert.equal(detect(imp, renamed(file, 'posts.csv'))?.importer, 'x-content');
  assert.equal(detect(xOverviewImporter, file), null);
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  // a spreadsheet rounds long ids into scientific notation
  expectImportError(() => parse(imp, synthetic('c.csv', text.replace('1891564128784855141,Mon', '1.89156E+18,Mon'))), { row: 2, column: 'Post id' });
  expectImportError(() => parse(imp, synthetic('c.csv', text.replace('1891564128784855141,70,3,3', '1891564128784855141,70,3.mar,3'))), {
    row: 2,
    column: 'Likes',
    reason: /date/,
  });
  const lines = text.split('\r\n');
  expectImportError(() => parse(imp, synthetic('c.csv', [...lines.slice(0, 2), '1,Mon Feb 17 2025,"cut off text'].join('\r\n'))), { row: 3, reason: /never closed/ });
  expectImportError(() => parse(imp, synthetic('c.csv', [...lines.slice(0, 2), '2,Mon Feb 17 2025,text,https://x.com/a/status/2,5,1'].join('\r\n'))), {
    row: 3,
    column: 'Engagements',
    reason: /cut off/,
  });
});

test('post text is unescaped to plain text', () => {
  const r = parse(imp, file);
  assert.equal(r.posts.find((p) => p.platformPostId === '1890403648406012332')?.excerpt, 'Wormhole <3');
});
