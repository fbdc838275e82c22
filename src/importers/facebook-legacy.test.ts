import { test } from 'node:test';
import assert from 'node:assert/strict';
import { facebookLegacyImporter } from './facebook-legacy.ts';
import { detect, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';
import { ImportError } from './errors.ts';

const PATH = 'facebook-legacy/post-level-2017.csv';

test('2017 Page Insights post export: the description row is skipped, repeated headers read once', () => {
  const r = parse(facebookLegacyImporter, fixture(PATH));
  assert.equal(r.platform, 'facebook');
  assert.equal(r.stats.rows, 1);
  assert.equal(r.posts.length, 1);
  const p = r.posts[0]!;
  assert.equal(p.platformPostId, '1605839243031680_1867404650208470');
  assert.equal(p.publishedAt, '2017-01-19T09:03:47');
  assert.equal(p.postType, 'Link');
  assert.equal(p.permalink, 'https://www.facebook.com/USCTrials/posts/1867404650208470');
  assert.ok(p.excerpt?.startsWith('Your participation matters!'));
  const id = p.platformPostId;
  assert.equal(valueOf(r, 'reach', '2017-01-19', id), 35);
  assert.equal(valueOf(r, 'impressions', '2017-01-19', id), 60);
  assert.equal(valueOf(r, 'comments', '2017-01-19', id), 1);
  assert.equal(valueOf(r, 'reactions', '2017-01-19', id), 1);
  assert.equal(valueOf(r, 'shares', '2017-01-19', id), 1);
  assert.equal(r.from, '2017-01-19');
  assert.equal(r.columns.ignored.filter((h) => h === 'Lifetime Organic Video Views').length, 1);
});

test('detected by content when renamed; Meta post exports are not legacy', () => {
  assert.equal(detect(facebookLegacyImporter, renamed(fixture(PATH)))?.kind, 'facebook_legacy_posts');
  assert.equal(detect(facebookLegacyImporter, fixture('facebook/meta-posts-42col.csv')), null);
});

test('damaged: a value turned into a date is refused with row and column', () => {
  const text = 'Post ID,Permalink,Post Message,Type,Posted,Lifetime Post Total Reach\n,,,,,Lifetime: people\n1_2,x,Hi,Photo,01/19/2017 09:03:47 AM,03.05.2017\n';
  assert.throws(
    () => parse(facebookLegacyImporter, synthetic('f.csv', text)),
    (e: unknown) => e instanceof ImportError && e.location.row === 3 && e.location.column === 'Lifetime Post Total Reach',
  );
});
