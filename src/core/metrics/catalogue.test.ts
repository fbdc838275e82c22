import { test } from 'node:test';
import assert from 'node:assert/strict';
import { platforms } from '../platforms.ts';
import { getMetric, metricCatalogue, metricKeys, metricsForPlatform, platformProvides } from './catalogue.ts';
import { derivedAvailableOn, derivedCatalogue, getDerived, kpiMetric } from './derived.ts';
import { engagementRules, engagementsOf } from './engagement.ts';

const required = [
  'followers', 'new_followers', 'lost_followers', 'reach', 'impressions', 'views', 'video_views', 'plays',
  'engagements', 'reactions', 'likes', 'comments', 'shares', 'saves', 'link_clicks', 'profile_views',
  'watch_time_hours', 'average_view_duration_s', 'average_percentage_viewed', 'new_viewers',
  'returning_viewers', 'posts_published', 'net_followers', 'unique_visitors', 'mentions', 'sentiment_positive', 'sentiment_negative',
  'sentiment_neutral', 'sessions', 'conversions', 'leads', 'applicants', 'spend_nok', 'hours_spent',
];

test('the catalogue has every required metric, with unique snake_case keys and both languages', () => {
  for (const key of required) assert.ok(getMetric(key), key);
  assert.equal(new Set(metricKeys).size, metricKeys.length);
  const derivedKeys = derivedCatalogue.map((d) => d.key);
  assert.equal(new Set([...metricKeys, ...derivedKeys]).size, metricKeys.length + derivedKeys.length);
  for (const m of metricCatalogue) {
    assert.match(m.key, /^[a-z][a-z0-9_]*$/);
    assert.ok(m.name.nb && m.name.en && m.definition.nb && m.definition.en, m.key);
    assert.ok(m.platforms.length > 0, m.key);
  }
});

test('platform availability is accurate where it matters', () => {
  // TikTok's business-account overview export has Website clicks, New and Lost followers
  assert.equal(platformProvides('tiktok', 'link_clicks'), true);
  assert.equal(platformProvides('tiktok', 'new_followers'), true);
  assert.equal(platformProvides('tiktok', 'lost_followers'), true);
  assert.equal(platformProvides('linkedin', 'lost_followers'), false);
  assert.equal(platformProvides('youtube', 'link_clicks'), false);
  assert.equal(platformProvides('x', 'link_clicks'), true);
  assert.equal(platformProvides('youtube', 'watch_time_hours'), true);
  assert.equal(platformProvides('x', 'reach'), false);
  assert.equal(platformProvides('linkedin', 'impressions'), true);
  assert.equal(platformProvides('linkedin', 'reactions'), true);
  assert.equal(platformProvides('linkedin', 'shares'), true);
  assert.equal(platformProvides('tiktok', 'new_viewers'), true);
  assert.equal(platformProvides('facebook', 'saves'), false);
  // manual, listening and web analytics sources apply to every platform
  for (const p of platforms) {
    assert.equal(platformProvides(p, 'applicants'), true);
    assert.equal(platformProvides(p, 'hours_spent'), true);
    assert.equal(platformProvides(p, 'sessions'), true);
  }
  assert.ok(metricsForPlatform('youtube').some((m) => m.key === 'average_percentage_viewed'));
});

test('lower-is-better metrics are marked so', () => {
  for (const key of ['lost_followers', 'sentiment_negative', 'spend_nok', 'hours_spent', 'response_time_hours']) {
    assert.equal(getMetric(key)?.higherIsBetter, false, key);
  }
  assert.equal(getMetric('sentiment_neutral')?.higherIsBetter, null);
  assert.equal(getDerived('cost_per_lead')?.higherIsBetter, false);
});

test('every derived input is in the catalogue, and availability follows the inputs', () => {
  for (const d of derivedCatalogue) {
    for (const input of d.inputs) assert.ok(getMetric(input), `${d.key} needs ${input}`);
    assert.ok(d.formula.nb && d.formula.en);
  }
  assert.equal(derivedAvailableOn('x', 'engagement_rate_reach'), false); // X has no reach
  assert.equal(derivedAvailableOn('x', 'engagement_rate_impressions'), true);
  assert.equal(derivedAvailableOn('tiktok', 'click_through_rate'), false);
  assert.equal(derivedAvailableOn('instagram', 'engagement_rate_reach'), true);
  assert.equal(derivedAvailableOn('snapchat', 'engagement_rate_reach'), true);
  assert.deepEqual(kpiMetric('followers')?.measurements, ['per_month', 'over_period', 'at_deadline']);
  assert.ok(kpiMetric('link_clicks')?.measurements.includes('per_post'));
  assert.equal(kpiMetric('applicants')?.measurements.includes('per_post'), false);
  assert.equal(kpiMetric('nonsense'), undefined);
});

test('engagements per platform: what counts is data; missing required parts are not measured', () => {
  for (const p of platforms) {
    for (const part of [...engagementRules[p].required, ...engagementRules[p].optional]) {
      assert.ok(platformProvides(p, part), `${p} counts ${part} but does not provide it`);
    }
  }
  assert.equal(engagementsOf('facebook', { reactions: 10, comments: 2, shares: 3 }), 15);
  assert.equal(engagementsOf('instagram', { likes: 10, comments: 2, shares: 3, saves: 5 }), 20);
  assert.equal(engagementsOf('instagram', { likes: 10, comments: 2, shares: 3 }), 15); // saves optional
  assert.equal(engagementsOf('instagram', { likes: 10, comments: 2 }), null);
  assert.equal(engagementsOf('x', { engagements: 7, likes: 1 }), 7);
  assert.equal(engagementsOf('linkedin', { reactions: 0, comments: 0, shares: 0 }), 0);
});

test('net follower change: a signed daily sum, kept apart from the gross counts', () => {
  const net = getMetric('net_followers');
  assert.equal(net?.unit, 'count');
  assert.equal(net?.aggregation, 'sum');
  assert.equal(net?.signed, true);
  assert.equal(net?.higherIsBetter, true);
  assert.equal(net?.name.en, 'Net follower change');
  // the platforms whose exports have a net column: YouTube "Subscribers", TikTok Studio
  // "Difference in followers from previous day", TikTok business "Net growth"
  assert.deepEqual(net?.platforms, ['tiktok', 'youtube']);
  assert.equal(net?.platformNotes?.youtube, 'Subscribers');
  // every other metric is never negative
  assert.deepEqual(metricCatalogue.filter((m) => m.signed).map((m) => m.key), ['net_followers']);
  assert.equal(getMetric('new_followers')?.signed, undefined);
});

test('LinkedIn page visitors: page views are profile views, unique visitors a daily count', () => {
  assert.equal(platformProvides('linkedin', 'profile_views'), true);
  assert.equal(getMetric('profile_views')?.platformNotes?.linkedin, 'Page views (all pages)');
  const unique = getMetric('unique_visitors');
  assert.equal(unique?.aggregation, 'sum');
  assert.deepEqual(unique?.platforms, ['linkedin']);
  assert.equal(unique?.name.nb, 'Unike besøkende');
});
