import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kpiMetric } from '../metrics/derived.ts';
import { platforms } from '../platforms.ts';
import { goalTemplates, goalTypes, metricFitsGoalType, suggestedKpis } from './templates.ts';

test('nine templates, every metric in the catalogue, measurement supported, comparator follows direction', () => {
  assert.equal(goalTemplates.length, 9);
  assert.deepEqual(goalTemplates.map((t) => t.key), [...goalTypes]);
  for (const t of goalTemplates) {
    assert.ok(t.name.nb && t.name.en && t.description.nb && t.description.en);
    for (const k of t.kpis) {
      const info = kpiMetric(k.metric);
      assert.ok(info, `${t.key}: ${k.metric}`);
      assert.ok(info.measurements.includes(k.measurement), `${t.key}: ${k.metric} ${k.measurement}`);
      assert.equal(k.comparator, info.higherIsBetter === false ? 'at_most' : 'at_least', `${t.key}: ${k.metric}`);
    }
    for (const m of t.related) assert.ok(kpiMetric(m), `${t.key} related ${m}`);
  }
});

test('suggestions keep only what the platform provides', () => {
  for (const type of goalTypes) {
    for (const p of platforms) {
      for (const k of suggestedKpis(type, p)) assert.ok(kpiMetric(k.metric)?.platforms.includes(p), `${type} ${p} ${k.metric}`);
    }
  }
  const youtubeTraffic = suggestedKpis('web_traffic', 'youtube').map((k) => k.metric);
  assert.ok(!youtubeTraffic.includes('link_clicks')); // YouTube Studio reports no link clicks
  assert.ok(youtubeTraffic.includes('sessions'));
  const xEngagement = suggestedKpis('engagement', 'x').map((k) => k.metric);
  assert.ok(!xEngagement.includes('engagement_rate_reach')); // X reports no reach
  assert.ok(xEngagement.includes('engagement_rate_impressions'));
  const youtube = suggestedKpis('engagement', 'youtube').map((k) => k.metric);
  assert.ok(youtube.includes('watch_time_hours') && youtube.includes('viewer_development'));
  // recruiting on Instagram suggests "link clicks per post" (the 2000-per-post example)
  assert.deepEqual(suggestedKpis('recruiting', 'instagram')[1], { metric: 'link_clicks', measurement: 'per_post', comparator: 'at_least' });
});

test('metrics fit a goal type when suggested or related; anything fits a custom goal', () => {
  assert.equal(metricFitsGoalType('engagement', 'likes'), true);
  assert.equal(metricFitsGoalType('engagement', 'applicants'), false);
  assert.equal(metricFitsGoalType('custom', 'applicants'), true);
});
