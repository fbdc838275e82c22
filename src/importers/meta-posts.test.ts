import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metaPostsImporter } from './meta-posts.ts';
import { detect, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';
import { ImportError } from './errors.ts';

const FB = 'meta-oigetit/Mar-18-2025_Apr-14-2025_553302954456165.csv';
const IG = 'meta-oigetit/Mar-18-2025_Apr-14-2025_1019826952924933.csv';
const FB42 = 'facebook/meta-posts-42col.csv';

test('Facebook post export (meta-oigetit): posts, per-post values dated by publish day', () => {
  const r = parse(metaPostsImporter, fixture(FB));
  assert.equal(r.platform, 'facebook');
  assert.equal(r.kind, 'meta_posts');
  assert.equal(r.posts.length, 48);
  assert.equal(r.stats.rows, 48);
  const post = r.posts.find((p) => p.platformPostId === '960221266197866');
  assert.ok(post);
  assert.equal(post.date, '2025-03-18');
  assert.equal(post.publishedAt, '2025-03-18T12:59:00');
  assert.equal(post.postType, 'Photos');
  assert.equal(post.permalink, 'https://www.facebook.com/OigetitSouthAfricaFacebook/posts/960221266197866');
  assert.ok(post.excerpt?.startsWith('Convicted rapist and murderer Thabo Bester'));
  assert.ok(post.excerpt!.length <= 280);
  assert.ok(!post.excerpt!.includes('\n'));
  assert.equal(valueOf(r, 'reach', '2025-03-18', '960221266197866'), 37);
  assert.equal(valueOf(r, 'reactions', '2025-03-18', '960221266197866'), 2);
  assert.equal(valueOf(r, 'engagements', '2025-03-18', '960221266197866'), 2);
  assert.equal(valueOf(r, 'comments', '2025-03-18', '960221266197866'), 0);
  assert.equal(valueOf(r, 'link_clicks', '2025-03-18', '960221266197866'), undefined, 'empty cell: not measured, not 0');
  assert.equal(valueOf(r, 'reach', '2025-04-14', '980488800837779'), 48);
  assert.equal(r.from, '2025-03-18');
  assert.equal(r.to, '2025-04-14');
  assert.ok(r.stats.notMeasured > 0);
  // `Views` twice: read once, the second listed as ignored.
  assert.equal(r.columns.recognised.filter((c) => c.metric === 'views').length, 1);
  assert.equal(r.observations.filter((o) => o.metric === 'views' && o.postId === '960221266197866').length, 1);
  assert.ok(r.columns.ignored.includes('Views'));
  assert.ok(r.columns.ignored.includes('Total clicks'));
  assert.ok(!r.columns.ignored.includes('Post ID'));
});

test('Instagram post export: platform from IG post types, likes/saves/views', () => {
  const r = parse(metaPostsImporter, fixture(IG));
  assert.equal(r.platform, 'instagram');
  assert.equal(r.posts.length, 78);
  assert.equal(valueOf(r, 'views', '2025-03-18', '18355151116178767'), 52);
  assert.equal(valueOf(r, 'reach', '2025-03-18', '18355151116178767'), 37);
  assert.equal(valueOf(r, 'likes', '2025-03-18', '18355151116178767'), 3);
  assert.equal(valueOf(r, 'saves', '2025-03-18', '18355151116178767'), 0);
  assert.equal(valueOf(r, 'views', '2025-04-14', '18062986022491637'), 117);
  assert.equal(valueOf(r, 'likes', '2025-04-14', '18062986022491637'), 3);
  assert.deepEqual(new Set(r.posts.map((p) => p.postType)), new Set(['IG reel', 'IG image', 'IG carousel']));
  assert.equal(r.posts.find((p) => p.platformPostId === '18488054011023127')?.publishedAt, '2025-03-18T07:13:00');
  assert.ok(r.columns.ignored.includes('Follows'));
});

test('42-column Facebook export: lower-case variants, seconds viewed as hours', () => {
  const r = parse(metaPostsImporter, fixture(FB42));
  assert.equal(r.platform, 'facebook');
  assert.equal(r.posts.length, 20);
  const video = r.posts.find((p) => p.platformPostId === '122121474620644102');
  assert.equal(video?.postType, 'Videos');
  assert.equal(video?.publishedAt, '2025-03-15T03:06:00');
  assert.equal(valueOf(r, 'reach', '2025-03-15', '122121474620644102'), 1);
  assert.equal(valueOf(r, 'watch_time_hours', '2025-03-15', '122121474620644102'), 0);
  assert.equal(valueOf(r, 'reach', '2025-03-05', '122119987700644102'), 3);
  assert.equal(valueOf(r, 'watch_time_hours', '2025-03-13', '122121248420644102'), undefined);
  assert.equal(r.from, '2025-02-17');
  assert.equal(r.to, '2025-03-15');
  assert.ok(r.columns.recognised.some((c) => c.header === 'Reactions, comments and shares' && c.metric === 'engagements'));
});

test('detected by content, also when renamed', () => {
  for (const [path, platform] of [[FB, 'facebook'], [IG, 'instagram'], [FB42, 'facebook']] as const) {
    const d = detect(metaPostsImporter, renamed(fixture(path), 'stats.csv'));
    assert.deepEqual(d && { kind: d.kind, platform: d.platform }, { kind: 'meta_posts', platform });
  }
  assert.equal(detect(metaPostsImporter, fixture('meta-oigetit/Reach.csv')), null);
  assert.equal(detect(metaPostsImporter, fixture('facebook-legacy/post-level-2017.csv')), null);
});

const header = 'Post ID,Publish time,Permalink,Post type,Date,Reach,Comments\n';

test('re-saved with semicolons in Windows-1252: still read', () => {
  const text = 'Post ID;Publish time;Permalink;Post type;Description;Date;Reach\n1;03/18/2025 12:59;https://www.facebook.com/x/posts/1;Photos;Blåbær;Lifetime;1 234\n';
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0)); // Latin-1 = Windows-1252 here
  const r = parse(metaPostsImporter, { name: 'posts.csv', bytes });
  assert.equal(valueOf(r, 'reach', '2025-03-18', '1'), 1234);
  assert.equal(r.posts[0]?.excerpt, 'Blåbær');
});

test('damaged files are refused with row and column', () => {
  const refused = (text: string, check: (e: ImportError) => boolean) =>
    assert.throws(() => parse(metaPostsImporter, synthetic('posts.csv', text)), (e: unknown) => e instanceof ImportError && check(e));
  refused(`${header}1,03/18/2025 12:59,x,Photos,Lifetime,12.05.2025,0\n`, (e) => e.location.row === 2 && e.location.column === 'Reach' && /date/.test(e.message));
  refused(`${header}1,03/18/2025 12:59,x,Photos,Lifetime,"37,0\n`, (e) => e.location.row === 2 && /never closed/.test(e.message));
  refused(`${header}1,18.03.2025 12:59,x,Photos,Lifetime,37,0\n`, (e) => e.location.column === 'Publish time');
  refused(`${header},03/18/2025 12:59,x,Photos,Lifetime,37,0\n`, (e) => /no post ID/.test(e.message));
  refused(`${header}1,03/18/2025 12:59,x,Photos,Lifetime,37,0\n1,03/18/2025 12:59,x,Photos,Lifetime,37,0\n`, (e) => e.location.row === 3 && /twice/.test(e.message));
  refused(`${header}1,03/18/2025 12:59,x\n`, (e) => /cut off/.test(e.message));
});

test('a per-day Date is used as the day; an unclear platform falls back to the account', () => {
  const r = parse(metaPostsImporter, synthetic('p.csv', `${header}7,03/18/2025 12:59,,Photos,03/19/2025,5,-\n`), { platform: 'instagram' });
  assert.equal(valueOf(r, 'reach', '2025-03-19', '7'), 5);
  assert.equal(r.platform, 'instagram');
  assert.equal(r.stats.notMeasured, 1);
});

test('Facebook likes are stored as reactions; Instagram likes stay likes', () => {
  const text = 'Post ID,Page ID,Publish time,Permalink,Date,Likes\n5,9,03/18/2025 12:59,https://www.facebook.com/x/posts/5,Lifetime,4\n';
  const r = parse(metaPostsImporter, synthetic('p.csv', text));
  assert.equal(r.platform, 'facebook');
  assert.equal(valueOf(r, 'reactions', '2025-03-18', '5'), 4);
  assert.deepEqual(r.columns.recognised, [{ header: 'Likes', metric: 'reactions' }]);
});
