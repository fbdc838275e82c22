import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type CalculatedRate,
  averageViewDurationSeconds,
  calculate,
  calculatorEngagements,
  calculatorInputs,
  calculatorRates,
  engagementsPerPost,
} from './calculator.ts';
import { derivedCatalogue, getDerived } from './derived.ts';
import { platforms } from '../platforms.ts';

const rate = (rates: CalculatedRate[], key: string): CalculatedRate => {
  const r = rates.find((x) => x.key === key);
  assert.ok(r, key);
  return r;
};

const example = {
  reach: 2000,
  impressions: 5000,
  followers: 10_000,
  followers_at_start: 8_000,
  likes: 120,
  comments: 20,
  shares: 10,
  saves: 50,
  link_clicks: 100,
  conversions: 5,
  spend_nok: 1500,
  posts: 4,
  days: 30,
  mentions: 30,
  competitor_mentions: 90,
  sentiment_positive: 12,
  sentiment_negative: 4,
  sentiment_neutral: 24,
  video_views: 600,
  video_views_previous: 400,
  watch_time_hours: 5,
};

test('every rate from one set of numbers (hand-computed)', () => {
  const { engagements, rates } = calculate(example, null);
  // Generic rule: 120 + 20 + 10 + 50 saves = 200.
  assert.equal(engagements.value, 200);
  const values = Object.fromEntries(rates.map((r) => [r.key, r.value]));
  assert.deepEqual(values, {
    engagement_rate_reach: 10, // 200 / 2000 × 100
    engagement_rate_post: 2, // 200 / 10 000 × 100
    engagement_rate_impressions: 4, // 200 / 5000 × 100
    daily_engagement_rate: (200 / (30 * 10_000)) * 100, // 0.0667 %
    engagements_per_post: 50, // 200 / 4
    audience_growth_rate: 25, // (10 000 − 8 000) / 8 000 × 100
    click_through_rate: 2, // 100 / 5000 × 100
    conversion_rate: 5, // 5 / 100 × 100
    cost_per_click: 15, // 1500 / 100
    cost_per_conversion: 300, // 1500 / 5
    share_of_voice: 25, // 30 / 120 × 100
    net_sentiment: 20, // (12 − 4) / 40 × 100
    viewer_development: 50, // (600 − 400) / 400 × 100
    average_view_duration_s: 30, // 5 × 3600 / 600
  });
  for (const r of rates) {
    assert.equal(r.reason, null, r.key);
    assert.equal(r.availableOnPlatform, null);
  }
  const err = rate(rates, 'engagement_rate_reach');
  assert.deepEqual(err.used, { engagements: 200, reach: 2000 });
  assert.equal(err.usesEngagements, true);
  assert.equal(rate(rates, 'click_through_rate').usesEngagements, false);
  assert.deepEqual(err.formula, getDerived('engagement_rate_reach')?.formula, 'the formula text is the catalogue’s');
});

test('the chosen platform’s engagement rule decides what counts', () => {
  // Facebook: reactions + comments + shares; saves are not counted.
  const fb = calculatorEngagements(example, 'facebook');
  assert.equal(fb.value, 150);
  assert.deepEqual(fb.ignored, ['saves']);
  assert.deepEqual(fb.parts.map((p) => [p.metric, p.counted]), [['reactions', true], ['comments', true], ['shares', true]]);
  // Instagram: likes + comments + shares + saves.
  assert.equal(calculatorEngagements(example, 'instagram').value, 200);
  // Snapchat: replies + shares only.
  const snap = calculatorEngagements(example, 'snapchat');
  assert.equal(snap.value, 30);
  assert.deepEqual(snap.ignored, ['likes', 'saves']);
  // Saves are optional: Instagram without saves still has engagements.
  assert.equal(calculatorEngagements({ ...example, saves: null }, 'instagram').value, 150);
  assert.equal(calculatorEngagements({ ...example, saves: null }, null).value, 150);
});

test('an empty field is not given, never 0: rates that need it say what is missing', () => {
  const { engagements, rates } = calculate({ reach: 1000, likes: 10, shares: 2 }, null);
  assert.equal(engagements.value, null);
  assert.deepEqual(engagements.missing, ['comments']);
  const err = rate(rates, 'engagement_rate_reach');
  assert.equal(err.value, null);
  assert.deepEqual(err.reason, { code: 'missing', missing: ['comments'] });
  assert.deepEqual(err.used, { engagements: null, reach: 1000 });
  assert.deepEqual(rate(rates, 'engagement_rate_post').reason, { code: 'missing', missing: ['followers', 'comments'] });
  assert.deepEqual(rate(rates, 'share_of_voice').reason, { code: 'missing', missing: ['mentions', 'competitor_mentions'] });
  // With nothing given, every rate is not measured.
  for (const r of calculate({}, 'tiktok').rates) {
    assert.equal(r.value, null);
    assert.equal(r.reason?.code, 'missing', r.key);
  }
});

test('a zero denominator is not measured and names the zero; a zero numerator is a measured 0', () => {
  const { rates } = calculate({ likes: 0, comments: 0, shares: 0, reach: 0, impressions: 100, mentions: 0, competitor_mentions: 0, days: 0, followers: 50 }, null);
  assert.deepEqual(rate(rates, 'engagement_rate_reach').reason, { code: 'zero_denominator', zero: ['reach'] });
  assert.equal(rate(rates, 'engagement_rate_impressions').value, 0);
  assert.equal(rate(rates, 'engagement_rate_impressions').reason, null);
  assert.deepEqual(rate(rates, 'share_of_voice').reason, { code: 'zero_denominator', zero: ['mentions', 'competitor_mentions'] });
  assert.deepEqual(rate(rates, 'daily_engagement_rate').reason, { code: 'zero_denominator', zero: ['days'] });
  const sov = calculate({ mentions: 0, competitor_mentions: 5 }, null);
  assert.equal(rate(sov.rates, 'share_of_voice').value, 0);
  const growth = calculate({ followers: 10, followers_at_start: 0 }, null);
  assert.deepEqual(rate(growth.rates, 'audience_growth_rate').reason, { code: 'zero_denominator', zero: ['followers_at_start'] });
});

test('with a platform: whether its statistics give the inputs', () => {
  const x = calculate(example, 'x').rates;
  assert.equal(rate(x, 'engagement_rate_reach').availableOnPlatform, false, 'X reports no reach');
  assert.equal(rate(x, 'engagement_rate_impressions').availableOnPlatform, true);
  assert.equal(rate(x, 'engagements_per_post').availableOnPlatform, true);
  assert.equal(rate(x, 'average_view_duration_s').availableOnPlatform, false, 'X reports no watch time');
  assert.equal(rate(calculate(example, 'youtube').rates, 'average_view_duration_s').availableOnPlatform, true);
});

test('small formulas: engagements per post and average view duration', () => {
  assert.equal(engagementsPerPost(10, 4), 2.5);
  assert.equal(engagementsPerPost(0, 4), 0);
  assert.equal(engagementsPerPost(10, 0), null);
  assert.equal(engagementsPerPost(null, 4), null);
  assert.equal(averageViewDurationSeconds(1, 120), 30);
  assert.equal(averageViewDurationSeconds(1, 0), null);
  assert.equal(averageViewDurationSeconds(-1, 10), null);
});

test('the calculator covers the catalogue’s rates it has inputs for, and every expression names only its operands', () => {
  const keys = new Set(calculatorRates.map((r) => r.key));
  for (const d of derivedCatalogue) {
    const inputs = d.inputs.filter((i) => i !== 'engagements');
    const offered = inputs.every((i) => (calculatorInputs as readonly string[]).includes(i) || i === 'views' || i === 'followers');
    if (offered) assert.ok(keys.has(d.key), `the calculator should show ${d.key}`);
  }
  for (const r of calculatorRates) {
    for (const token of r.expression) if ('operand' in token) assert.ok(r.operands.includes(token.operand), `${r.key}: ${token.operand}`);
  }
});

test('property: a rate is measured exactly when it has no reason; values are never NaN', () => {
  const value = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null });
  const values = fc.record(Object.fromEntries(calculatorInputs.map((k) => [k, value])) as Record<(typeof calculatorInputs)[number], fc.Arbitrary<number | null>>);
  fc.assert(
    fc.property(values, fc.option(fc.constantFrom(...platforms), { nil: null }), (v, platform) => {
      for (const r of calculate(v, platform).rates) {
        assert.equal(r.value === null, r.reason !== null, r.key);
        if (r.value !== null) assert.ok(Number.isFinite(r.value));
        if (r.reason?.code === 'missing') assert.ok(r.reason.missing.every((k) => v[k] === null));
      }
    }),
  );
});
