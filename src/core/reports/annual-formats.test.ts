import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, rankFormats } from './annual-formats.ts';

const posts = [
  { postType: 'reel', value: 100 },
  { postType: 'reel', value: 300 },
  { postType: 'reel', value: null },
  { postType: 'image', value: 50 },
  { postType: 'image', value: 70 },
  { postType: 'image', value: 90 },
  { postType: 'carousel', value: null },
  { postType: null, value: 10 },
];

test('formats ranked by the mean, posts counted whether measured or not', () => {
  assert.deepEqual(rankFormats(posts), [
    { postType: 'reel', posts: 3, mean: 200, median: 200 },
    { postType: 'image', posts: 3, mean: 70, median: 70 },
    { postType: 'unknown', posts: 1, mean: 10, median: 10 },
    { postType: 'carousel', posts: 1, mean: null, median: null },
  ]);
});

test('where lower is better the lowest mean comes first; unmeasured formats still last', () => {
  assert.deepEqual(
    rankFormats(posts, true).map((f) => f.postType),
    ['unknown', 'image', 'reel', 'carousel'],
  );
});

test('equal means: the higher median first', () => {
  const r = rankFormats([
    { postType: 'a', value: 0 },
    { postType: 'a', value: 10 },
    { postType: 'a', value: 11 },
    { postType: 'b', value: 7 },
    { postType: 'b', value: 7 },
  ]);
  // a: mean 7, median 10; b: mean 7, median 7.
  assert.deepEqual(r.map((f) => [f.postType, f.mean, f.median]), [
    ['a', 7, 10],
    ['b', 7, 7],
  ]);
});

test('median of an even count is the mean of the middle two', () => {
  assert.equal(median([10, 1, 3, 2]), 2.5);
  assert.equal(median([]), null);
});
