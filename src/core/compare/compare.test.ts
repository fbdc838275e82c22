import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type CompareAccountInput, DEFAULT_MIN_COVERAGE, compareAccounts, compareInputFrom, normalisationsFor } from './compare.ts';
import { coverage } from '../kpi/types.ts';
import { isAppError } from '../errors.ts';
import { platforms } from '../platforms.ts';

function acc(accountId: string, value: number | null, extra: Partial<CompareAccountInput> = {}): CompareAccountInput {
  return { accountId, platform: 'instagram', value, followersAtEnd: 1000, posts: 10, coverage: 1, ...extra };
}

test('normalisations where they matter', () => {
  assert.deepEqual(normalisationsFor('reach'), ['raw', 'per_1000_followers', 'per_post']);
  assert.deepEqual(normalisationsFor('link_clicks'), ['raw', 'per_1000_followers', 'per_post']);
  assert.deepEqual(normalisationsFor('followers'), ['raw'], 'a stock is not per follower or per post');
  assert.deepEqual(normalisationsFor('posts_published'), ['raw']);
  assert.deepEqual(normalisationsFor('engagement_rate_reach'), ['raw'], 'a rate is already normalised');
  assert.deepEqual(normalisationsFor('sessions'), ['raw', 'per_1000_followers'], 'web analytics are not per post');
  assert.equal(normalisationsFor('nonsense'), undefined);
});

test('raw totals: percentiles and ranks within the platform (hand-computed)', () => {
  const c = compareAccounts([acc('a', 10), acc('b', 20), acc('c', 30), acc('d', 40), acc('e', 50)], { metric: 'reach', normalisation: 'raw' });
  assert.equal(c.basis, 'value');
  assert.equal(c.per, 1);
  assert.equal(c.minCoverage, DEFAULT_MIN_COVERAGE);
  assert.equal(c.higherIsBetter, true);
  assert.equal(c.platforms.length, 1);
  const ig = c.platforms[0];
  assert.ok(ig);
  assert.equal(ig.platform, 'instagram');
  assert.equal(ig.n, 5);
  assert.ok(ig.percentiles);
  assert.ok(Math.abs(ig.percentiles.p10 - 14) < 1e-9);
  assert.equal(ig.percentiles.p50, 30);
  assert.ok(Math.abs(ig.percentiles.p90 - 46) < 1e-9);
  assert.deepEqual(
    ig.ranked.map((r) => [r.accountId, r.normalised, r.percentileRank]),
    [['e', 50, 90], ['d', 40, 70], ['c', 30, 50], ['b', 20, 30], ['a', 10, 10]],
  );
});

test('per 1000 followers at the end and per post (hand-computed)', () => {
  const accounts = [
    acc('big', 50_000, { followersAtEnd: 100_000, posts: 20 }), // 500 per 1000; 2500 per post
    acc('small', 3_000, { followersAtEnd: 2_000, posts: 4 }), // 1500 per 1000; 750 per post
    acc('mid', 9_000, { followersAtEnd: 10_000, posts: 3 }), // 900 per 1000; 3000 per post
  ];
  const perFollower = compareAccounts(accounts, { metric: 'reach', normalisation: 'per_1000_followers' });
  assert.equal(perFollower.basis, 'followers_at_end');
  assert.equal(perFollower.per, 1000);
  const pf = perFollower.platforms[0];
  assert.deepEqual(pf?.ranked.map((r) => [r.accountId, r.value, r.normalised]), [['small', 3000, 1500], ['mid', 9000, 900], ['big', 50000, 500]]);
  assert.deepEqual(pf?.ranked.map((r) => r.percentileRank), [(2.5 / 3) * 100, 50, (0.5 / 3) * 100]);
  // 500, 900, 1500: h = 2p; p25 → h 0.5 → 700; p75 → h 1.5 → 1200.
  assert.deepEqual(pf?.percentiles, { p10: 580, p25: 700, p50: 900, p75: 1200, p90: 1380 });
  const perPost = compareAccounts(accounts, { metric: 'reach', normalisation: 'per_post' });
  assert.equal(perPost.basis, 'posts_in_period');
  assert.deepEqual(perPost.platforms[0]?.ranked.map((r) => [r.accountId, r.normalised]), [['mid', 3000], ['big', 2500], ['small', 750]]);
});

test('ties share a rank; all equal rank 50; one account ranks 50', () => {
  const ties = compareAccounts([acc('a', 5), acc('b', 5), acc('c', 10), acc('d', 5)], { metric: 'likes', normalisation: 'raw' });
  const ranks = Object.fromEntries(ties.platforms[0]?.ranked.map((r) => [r.accountId, r.percentileRank]) ?? []);
  assert.deepEqual(ranks, { a: 37.5, b: 37.5, d: 37.5, c: 87.5 });
  assert.deepEqual(ties.platforms[0]?.percentiles, { p10: 5, p25: 5, p50: 5, p75: 6.25, p90: 8.5 });
  const equal = compareAccounts([acc('a', 7), acc('b', 7), acc('c', 7)], { metric: 'likes', normalisation: 'raw' });
  assert.deepEqual(equal.platforms[0]?.ranked.map((r) => r.percentileRank), [50, 50, 50]);
  assert.deepEqual(equal.platforms[0]?.percentiles, { p10: 7, p25: 7, p50: 7, p75: 7, p90: 7 });
  const one = compareAccounts([acc('solo', 123)], { metric: 'likes', normalisation: 'raw' });
  assert.equal(one.platforms[0]?.n, 1);
  assert.equal(one.platforms[0]?.ranked[0]?.percentileRank, 50);
  assert.deepEqual(one.platforms[0]?.percentiles, { p10: 123, p25: 123, p50: 123, p75: 123, p90: 123 });
});

test('not measured, too little coverage and missing or zero normalisers are listed, never ranked as 0', () => {
  const c = compareAccounts(
    [
      acc('ok1', 100),
      acc('ok2', 300),
      acc('zero', 0), // a measured zero is ranked
      acc('null', null),
      acc('nan', Number.NaN),
      acc('thin', 999, { coverage: 0.5 }),
      acc('unknown', 999, { coverage: null }),
      acc('nofollowers', 999, { followersAtEnd: 0 }),
      acc('nullfollowers', 999, { followersAtEnd: null }),
    ],
    { metric: 'comments', normalisation: 'per_1000_followers' },
  );
  const ig = c.platforms[0];
  assert.ok(ig);
  assert.equal(ig.n, 3);
  assert.deepEqual(ig.ranked.map((r) => [r.accountId, r.normalised]), [['ok2', 300], ['ok1', 100], ['zero', 0]]);
  assert.deepEqual(
    ig.notComparable.map((x) => [x.accountId, x.reason]),
    [
      ['null', 'not_measured'],
      ['nan', 'not_measured'],
      ['thin', 'low_coverage'],
      ['unknown', 'coverage_unknown'],
      ['nofollowers', 'no_followers'],
      ['nullfollowers', 'followers_not_measured'],
    ],
  );
  assert.equal(ig.notComparable[0]?.value, null);
  assert.equal(ig.notComparable[2]?.value, 999, 'the value is shown, just not ranked');
  // p50 of 0, 100, 300 is 100 — the excluded accounts do not pull it.
  assert.equal(ig.percentiles?.p50, 100);

  const posts = compareAccounts([acc('none', 10, { posts: 0 }), acc('undoc', 10, { posts: null })], { metric: 'comments', normalisation: 'per_post' });
  assert.deepEqual(posts.platforms[0]?.notComparable.map((x) => x.reason), ['no_posts', 'posts_not_measured']);
  assert.equal(posts.platforms[0]?.n, 0);
  assert.equal(posts.platforms[0]?.percentiles, null);
});

test('the coverage threshold is inclusive and can be chosen', () => {
  const accounts = [acc('a', 1, { coverage: 0.8 }), acc('b', 2, { coverage: 0.79 })];
  assert.equal(compareAccounts(accounts, { metric: 'likes', normalisation: 'raw' }).platforms[0]?.n, 1);
  assert.equal(compareAccounts(accounts, { metric: 'likes', normalisation: 'raw', minCoverage: 0.5 }).platforms[0]?.n, 2);
  assert.throws(() => compareAccounts(accounts, { metric: 'likes', normalisation: 'raw', minCoverage: 1.5 }), isAppError);
});

test('platforms are ranked apart, in the platforms order', () => {
  const c = compareAccounts(
    [acc('tt1', 1000, { platform: 'tiktok' }), acc('ig1', 10), acc('tt2', 3000, { platform: 'tiktok' }), acc('ig2', 20)],
    { metric: 'likes', normalisation: 'raw' },
  );
  assert.deepEqual(c.platforms.map((p) => p.platform), ['instagram', 'tiktok']);
  assert.deepEqual(c.platforms[0]?.ranked.map((r) => [r.accountId, r.percentileRank]), [['ig2', 75], ['ig1', 25]]);
  assert.deepEqual(c.platforms[1]?.ranked.map((r) => [r.accountId, r.percentileRank]), [['tt2', 75], ['tt1', 25]]);
});

test('unknown metrics and normalisations that do not apply are refused', () => {
  assert.throws(() => compareAccounts([], { metric: 'nope', normalisation: 'raw' }), (e) => isAppError(e) && e.issues[0]?.path === 'metric');
  assert.throws(
    () => compareAccounts([], { metric: 'followers', normalisation: 'per_1000_followers' }),
    (e) => isAppError(e) && e.issues[0]?.path === 'normalisation',
  );
  assert.throws(() => compareAccounts([], { metric: 'engagement_rate_reach', normalisation: 'per_post' }), isAppError);
  assert.deepEqual(compareAccounts([], { metric: 'engagement_rate_reach', normalisation: 'raw' }).platforms, []);
});

test('property: every account is either ranked or listed, once; ranks follow the normalised values', () => {
  const input = fc.array(
    fc.record({
      accountId: fc.uuid(),
      platform: fc.constantFrom(...platforms),
      value: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
      followersAtEnd: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
      posts: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      coverage: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    }),
    { maxLength: 60 },
  );
  fc.assert(
    fc.property(input, fc.constantFrom('raw' as const, 'per_1000_followers' as const, 'per_post' as const), (accounts, normalisation) => {
      const c = compareAccounts(accounts, { metric: 'shares', normalisation });
      const seen = c.platforms.flatMap((p) => [...p.ranked.map((r) => r.accountId), ...p.notComparable.map((x) => x.accountId)]);
      assert.equal(seen.length, accounts.length);
      for (const p of c.platforms) {
        assert.equal(p.n, p.ranked.length);
        assert.equal(p.percentiles === null, p.n === 0);
        for (let i = 1; i < p.ranked.length; i++) {
          const prev = p.ranked[i - 1];
          const cur = p.ranked[i];
          assert.ok(prev && cur && prev.normalised >= cur.normalised && prev.percentileRank >= cur.percentileRank);
        }
        for (const r of p.ranked) assert.ok(r.percentileRank > 0 && r.percentileRank < 100 && r.coverage >= DEFAULT_MIN_COVERAGE);
      }
    }),
  );
});

test('an input from a measured window value carries its coverage share', () => {
  assert.deepEqual(compareInputFrom('a', 'tiktok', { value: 40, coverage: coverage('days', 24, 30) }, 500, 6), {
    accountId: 'a',
    platform: 'tiktok',
    value: 40,
    followersAtEnd: 500,
    posts: 6,
    coverage: 0.8,
  });
  assert.equal(compareInputFrom('b', 'x', { value: null, coverage: null }, null, null).coverage, null);
});
