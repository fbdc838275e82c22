import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  audienceGrowthRate,
  audienceGrowthRateFromCounts,
  clickThroughRate,
  conversionRate,
  costPerResult,
  dailyEngagementRate,
  engagementRateByImpressions,
  engagementRateByPost,
  engagementRateByReach,
  netSentiment,
  periodDailyEngagementRate,
  periodEngagementRateByReach,
  shareOfVoice,
  viewerDevelopment,
} from './formulas.ts';

test('engagement rate by reach: per post and the period mean of posts', () => {
  assert.equal(engagementRateByReach(50, 1000), 5);
  assert.equal(engagementRateByReach(0, 1000), 0); // a measured zero
  assert.equal(engagementRateByReach(10, 0), null); // zero reach: not measured
  assert.equal(engagementRateByReach(null, 1000), null);
  assert.equal(engagementRateByReach(10, undefined), null);
  assert.equal(engagementRateByReach(-1, 100), null);
  assert.equal(engagementRateByReach(Number.NaN, 100), null);
  // posts: 5 %, 10 %, (zero reach: left out), (missing: left out) → mean 7.5 %
  assert.equal(
    periodEngagementRateByReach([
      { engagements: 50, reach: 1000 },
      { engagements: 20, reach: 200 },
      { engagements: 3, reach: 0 },
      { engagements: null, reach: 500 },
    ]),
    7.5,
  );
  assert.equal(periodEngagementRateByReach([]), null);
  assert.equal(periodEngagementRateByReach([{ engagements: 1, reach: 0 }]), null);
});

test('engagement rate by post, by impressions, daily', () => {
  assert.equal(engagementRateByPost(30, 1500), 2);
  assert.equal(engagementRateByPost(30, 0), null);
  assert.equal(engagementRateByImpressions(45, 3000), 1.5);
  assert.equal(dailyEngagementRate(12, 2400), 0.5);
  // 3 documented days, 90 engagements, 1500 followers → 90 / 4500 × 100 = 2 %
  assert.equal(periodDailyEngagementRate(90, 3, 1500), 2);
  assert.equal(periodDailyEngagementRate(90, 0, 1500), null);
  assert.equal(periodDailyEngagementRate(90, 2.5, 1500), null);
  assert.equal(periodDailyEngagementRate(90, 3, 0), null);
});

test('audience growth rate: net new over the start; losses are negative; zero start is null', () => {
  assert.equal(audienceGrowthRate(50, 1000), 5);
  assert.equal(audienceGrowthRate(-20, 1000), -2);
  assert.equal(audienceGrowthRate(5, 0), null);
  assert.equal(audienceGrowthRateFromCounts(2000, 2300), 15);
  assert.equal(audienceGrowthRateFromCounts(2000, null), null);
});

test('share of voice, CTR, conversion rate', () => {
  assert.equal(shareOfVoice(30, 70), 30);
  assert.equal(shareOfVoice(0, 70), 0);
  assert.equal(shareOfVoice(0, 0), null);
  assert.equal(shareOfVoice(5, null), null);
  assert.equal(clickThroughRate(25, 1000), 2.5);
  assert.equal(clickThroughRate(25, 0), null);
  assert.equal(conversionRate(4, 200), 2);
  assert.equal(conversionRate(0, 0), null);
});

test('net sentiment: −100 … 100, inconsistent totals are null', () => {
  assert.equal(netSentiment(60, 20, 100), 40);
  assert.equal(netSentiment(10, 30, 50), -40);
  assert.equal(netSentiment(0, 0, 10), 0);
  assert.equal(netSentiment(0, 0, 0), null);
  assert.equal(netSentiment(60, 50, 100), null);
});

test('cost per result and viewer development', () => {
  assert.equal(costPerResult(5000, 40), 125);
  assert.equal(costPerResult(0, 40), 0);
  assert.equal(costPerResult(5000, 0), null);
  assert.equal(costPerResult(null, 4), null);
  assert.equal(viewerDevelopment(1200, 1000), 20);
  assert.equal(viewerDevelopment(800, 1000), -20);
  assert.equal(viewerDevelopment(800, 0), null);
});

const counts = fc.oneof(fc.nat({ max: 1_000_000 }), fc.constant(null));

test('rates from counts are never negative and null exactly when not measurable (property)', () => {
  fc.assert(
    fc.property(counts, counts, (e, r) => {
      const err = engagementRateByReach(e, r);
      if (e === null || r === null || r === 0) assert.equal(err, null);
      else {
        assert.ok(err !== null && err >= 0);
        assert.ok(Math.abs((err * r) / 100 - e) < 1e-6 * Math.max(1, e));
      }
    }),
  );
});

test('share of voice of a and b sum to 100 (property)', () => {
  fc.assert(
    fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
      const x = shareOfVoice(a, b);
      const y = shareOfVoice(b, a);
      if (a + b === 0) assert.equal(x, null);
      else assert.ok(Math.abs((x ?? Number.NaN) + (y ?? Number.NaN) - 100) < 1e-9);
    }),
  );
});

test('net sentiment stays within −100 … 100 (property)', () => {
  fc.assert(
    fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (p, n, neu) => {
      const s = netSentiment(p, n, p + n + neu);
      if (p + n + neu === 0) assert.equal(s, null);
      else assert.ok(s !== null && s >= -100 && s <= 100);
    }),
  );
});
