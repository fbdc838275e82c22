import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateKpi, validateKpi } from './evaluate.ts';
import type { AudienceShareKpi, MetricKpi, Observation, Statistics } from './types.ts';
import { addDays } from '../period/days.ts';

const daily = (metric: string, start: string, values: (number | null)[]): Observation[] =>
  values.flatMap((value, i) => (value === null ? [] : [{ metric, date: addDays(start, i), value }]));

const kpi = (over: Partial<MetricKpi>): MetricKpi => ({
  kind: 'metric',
  metric: 'link_clicks',
  platform: 'facebook',
  measurement: 'over_period',
  comparator: 'at_least',
  target: 1000,
  start: '2025-01-01',
  deadline: '2025-01-10',
  ...over,
});

test('cumulative sum with a missing day: sum of documented days, coverage, pace, trace', () => {
  // Jan 1–5 documented except Jan 3: 100 + 100 + 100 + 100 = 400 (the gap is not a zero, it is not counted)
  const stats = { observations: daily('link_clicks', '2025-01-01', [100, 100, null, 100, 100]) };
  const r = evaluateKpi(kpi({}), stats, '2025-01-05');
  assert.equal(r.actual, 400);
  assert.deepEqual(r.coverage, { kind: 'days', documented: 4, total: 5, share: 0.8 });
  assert.equal(r.baseline, 0);
  assert.equal(r.baselineSource, 'zero');
  assert.equal(r.pace, 500); // 1000 × 5/10 days
  assert.equal(r.status, 'at_risk');
  assert.equal(r.progress, 0.4);
  assert.deepEqual(r.trace.used.map((u) => u.date), ['2025-01-01', '2025-01-02', '2025-01-04', '2025-01-05']);
  assert.deepEqual(r.window, { start: '2025-01-01', end: '2025-01-05' });
  assert.equal(r.final, false);
});

test('cumulative at least: on track at pace, met as soon as the target is reached, missed after the deadline', () => {
  const k = kpi({});
  assert.equal(evaluateKpi(k, { observations: daily('link_clicks', '2025-01-01', [100, 100, 100, 100, 100]) }, '2025-01-05').status, 'on_track');
  assert.equal(evaluateKpi(k, { observations: daily('link_clicks', '2025-01-01', [600, 400]) }, '2025-01-05').status, 'met');
  const after = evaluateKpi(k, { observations: daily('link_clicks', '2025-01-01', Array(10).fill(90)) }, '2025-02-01');
  assert.equal(after.actual, 900);
  assert.equal(after.status, 'missed');
  assert.equal(after.final, true);
  assert.deepEqual(after.window, { start: '2025-01-01', end: '2025-01-10' });
});

test('lower is better: spend at most 1000 — at risk above pace, missed as soon as exceeded, met after deadline', () => {
  const k = kpi({ metric: 'spend_nok', comparator: 'at_most' });
  const over = evaluateKpi(k, { observations: daily('spend_nok', '2025-01-01', [200, 200, 200]) }, '2025-01-05');
  assert.equal(over.actual, 600);
  assert.equal(over.pace, 500);
  assert.equal(over.status, 'at_risk');
  assert.equal(over.progress, 0.6); // from baseline 0 toward 1000
  assert.equal(evaluateKpi(k, { observations: daily('spend_nok', '2025-01-01', [100, 100]) }, '2025-01-05').status, 'on_track');
  assert.equal(evaluateKpi(k, { observations: daily('spend_nok', '2025-01-01', [1200]) }, '2025-01-05').status, 'missed');
  assert.equal(evaluateKpi(k, { observations: daily('spend_nok', '2025-01-01', Array(10).fill(90)) }, '2025-01-10').status, 'met');
});

test('a level (followers at the deadline): baseline from the day before the start, pace on the line', () => {
  const k = kpi({ metric: 'followers', measurement: 'at_deadline', target: 1200, deadline: '2025-01-11' });
  const stats = { observations: [
    { metric: 'followers', date: '2024-12-31', value: 1000 },
    { metric: 'followers', date: '2025-01-06', value: 1100 },
  ] };
  const r = evaluateKpi(k, stats, '2025-01-06');
  assert.equal(r.actual, 1100);
  assert.equal(r.baseline, 1000);
  assert.equal(r.baselineSource, 'data');
  assert.equal(r.pace, 1100); // 1000 + 200 × 5/10
  assert.equal(r.status, 'on_track');
  assert.equal(r.progress, 0.5);
  assert.deepEqual(r.paceLine, { from: { date: '2025-01-01', value: 1000 }, to: { date: '2025-01-11', value: 1200 } });
  // reaching a level target early is on track, not met: the level may still fall
  assert.equal(evaluateKpi(k, { observations: [{ metric: 'followers', date: '2025-01-06', value: 1300 }] }, '2025-01-06').status, 'on_track');
  // a given baseline wins over the data
  assert.equal(evaluateKpi({ ...k, baseline: 1150 }, stats, '2025-01-06').status, 'at_risk');
});

test('a goal spanning the year boundary, per month: ended months only, running month reported', () => {
  const k = kpi({ metric: 'posts_published', measurement: 'per_month', target: 10, start: '2024-12-01', deadline: '2025-01-31' });
  const stats = { observations: [
    ...daily('posts_published', '2024-12-01', [3, 4, 5]), // December: 12
    ...daily('posts_published', '2025-01-01', [2, 5]), // January so far: 7
  ] };
  const mid = evaluateKpi(k, stats, '2025-01-15');
  assert.equal(mid.actual, 12);
  assert.equal(mid.status, 'on_track'); // no baseline: the pace is the target, 12 ≥ 10
  assert.deepEqual(mid.months?.map((m) => [m.month, m.ended, m.value]), [['2024-12', true, 12], ['2025-01', false, 7]]);
  const end = evaluateKpi(k, stats, '2025-02-03');
  assert.equal(end.actual, 9.5); // (12 + 7) / 2
  assert.equal(end.status, 'missed');
  assert.deepEqual(end.coverage, { kind: 'months', documented: 2, total: 2, share: 1 });
  const first = evaluateKpi(k, stats, '2024-12-20');
  assert.equal(first.status, 'not_measured');
  assert.equal(first.trace.notes[0]?.code, 'no_ended_month');
});

test('per post: 2000 link clicks per post is the mean of the posts, each post flagged', () => {
  const k = kpi({ measurement: 'per_post', target: 2000, deadline: '2025-03-31' });
  const stats = { observations: [], posts: [
    { id: 'a', date: '2025-01-03', metrics: { link_clicks: 2500 } },
    { id: 'b', date: '2025-01-10', metrics: { link_clicks: 1500 } },
    { id: 'c', date: '2025-01-20', metrics: { link_clicks: 2300 } },
    { id: 'd', date: '2025-02-20', metrics: { link_clicks: 10 } }, // after asOf: not in the window
  ] };
  const r = evaluateKpi(k, stats, '2025-01-31');
  assert.equal(r.actual, 2100);
  assert.equal(r.status, 'on_track');
  assert.deepEqual(r.posts?.map((p) => p.meetsTarget), [true, false, true]);
  assert.equal(r.progress, 1.05);
});

test('ERR per post: a post with zero reach is not measured, not 0 %', () => {
  const k = kpi({ metric: 'engagement_rate_reach', measurement: 'per_post', target: 5, platform: 'instagram' });
  const stats: Statistics = { observations: [], posts: [
    { id: 'a', date: '2025-01-02', metrics: { likes: 40, comments: 5, shares: 5, saves: 10, reach: 1000 } }, // 6 %
    { id: 'b', date: '2025-01-03', metrics: { likes: 10, comments: 0, shares: 0, reach: 500 } }, // 2 %
    { id: 'c', date: '2025-01-04', metrics: { likes: 0, comments: 0, shares: 0, reach: 0 } }, // zero reach
  ] };
  const r = evaluateKpi(k, stats, '2025-01-10');
  assert.equal(r.actual, 4);
  assert.deepEqual(r.coverage, { kind: 'posts', documented: 2, total: 3, share: 2 / 3 });
  assert.deepEqual(r.posts?.map((p) => p.value), [6, 2, null]);
  assert.equal(r.status, 'missed');
});

test('engagement rate by post uses the account followers on the day posted', () => {
  const k = kpi({ metric: 'engagement_rate_post', measurement: 'per_post', target: 1, platform: 'facebook' });
  const stats = {
    observations: [{ metric: 'followers', date: '2024-12-28', value: 2000 }],
    posts: [{ id: 'a', date: '2025-01-02', metrics: { reactions: 30, comments: 6, shares: 4 } }],
  };
  assert.equal(evaluateKpi(k, stats, '2025-01-05').actual, 2); // 40 / 2000 × 100
});

test('daily engagement rate from parts: total / (documented days × mean followers)', () => {
  const k = kpi({ metric: 'daily_engagement_rate', measurement: 'per_day', target: 1, platform: 'facebook' });
  const stats = { observations: [
    ...daily('reactions', '2025-01-01', [10, 20, 30]),
    ...daily('comments', '2025-01-01', [5, 5, 5]),
    ...daily('shares', '2025-01-01', [5, 5, null]), // day 3 incomplete: not an engagement count
    ...daily('followers', '2025-01-01', [990, 1010]),
  ] };
  const r = evaluateKpi(k, stats, '2025-01-03');
  assert.equal(r.actual, 2.5); // (20 + 30) / (2 × 1000) × 100
  assert.equal(r.coverage?.documented, 2);
});

test('click-through rate over paired days only; viewer development against the period before', () => {
  const ctr = kpi({ metric: 'click_through_rate', target: 2 });
  const stats = { observations: [
    ...daily('link_clicks', '2025-01-01', [10, 30, 999]),
    ...daily('impressions', '2025-01-01', [1000, 1000]),
  ] };
  assert.equal(evaluateKpi(ctr, stats, '2025-01-05').actual, 2);
  const vd = kpi({ metric: 'viewer_development', platform: 'youtube', target: 10, start: '2025-01-11', deadline: '2025-01-20' });
  const views = { observations: [...daily('views', '2025-01-01', [100, 100, 100, 100, 100, null, null, null, null, null]), ...daily('views', '2025-01-11', [120, 120])] };
  assert.equal(evaluateKpi(vd, views, '2025-01-12').actual, 20); // 120 per day vs 100 per day
});

test('audience share: 60 % aged 18–24 from the latest snapshot, baseline from before the start', () => {
  const k: AudienceShareKpi = {
    kind: 'audience_share', ageGroups: ['18-24'], measurement: 'at_deadline', comparator: 'at_least',
    target: 60, start: '2025-01-01', deadline: '2025-12-31',
  };
  const audience = [
    { date: '2024-12-15', distribution: { '18-24': 40, '25-34': 35 } },
    { date: '2025-07-02', distribution: { '18-24': 55, '25-34': 30 } },
  ];
  const r = evaluateKpi(k, { observations: [], audience }, '2025-07-02');
  assert.equal(r.actual, 55);
  assert.equal(r.baseline, 40);
  assert.ok(r.pace !== null && Math.abs(r.pace - (40 + 20 * (182 / 364))) < 1e-9);
  assert.equal(r.status, 'on_track');
  assert.equal(r.progress, 0.75);
  assert.equal(evaluateKpi({ ...k, ageGroups: ['13-17'] }, { observations: [], audience }, '2025-07-02').status, 'not_measured');
});

test('not measured: no data, not started, a metric the platform does not provide', () => {
  const none = evaluateKpi(kpi({}), { observations: [] }, '2025-01-05');
  assert.equal(none.status, 'not_measured');
  assert.equal(none.actual, null);
  assert.equal(none.progress, null);
  assert.equal(evaluateKpi(kpi({}), { observations: daily('link_clicks', '2025-01-01', [5]) }, '2024-12-31').trace.notes[0]?.code, 'not_started');
  const youtube = kpi({ platform: 'youtube' }); // YouTube Studio reports no link clicks
  assert.deepEqual(validateKpi(youtube).map((i) => i.path), ['metric']);
  assert.equal(evaluateKpi(youtube, { observations: daily('link_clicks', '2025-01-01', [5]) }, '2025-01-05').status, 'not_measured');
  assert.deepEqual(validateKpi(kpi({ metric: 'followers', measurement: 'per_post', deadline: '2024-01-01' })).map((i) => i.path), ['deadline', 'measurement']);
});

test('at_most mirrors at_least when every number is negated (property)', () => {
  const value = fc.integer({ min: 0, max: 5000 });
  fc.assert(
    fc.property(fc.array(fc.option(value, { nil: null }), { minLength: 1, maxLength: 20 }), value, value, fc.integer({ min: 0, max: 25 }), (values, target, baseline, day) => {
      const asOf = addDays('2025-01-01', day);
      const up = kpi({ metric: 'followers', measurement: 'at_deadline', target, baseline, deadline: '2025-01-20' });
      const down = { ...up, comparator: 'at_most' as const, target: -target, baseline: -baseline };
      const a = evaluateKpi(up, { observations: daily('followers', '2025-01-01', values) }, asOf);
      const b = evaluateKpi(down, { observations: daily('followers', '2025-01-01', values.map((v) => (v === null ? null : -v))) }, asOf);
      assert.equal(a.status, b.status);
      // -0 and 0 are the same progress (Object.is would tell them apart).
      const norm = (n: number | null) => (n === null ? null : n + 0);
      assert.equal(norm(a.progress), norm(b.progress));
    }),
  );
});
