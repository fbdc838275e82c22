import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../period/days.ts';
import type { MetricKpi, Observation, PostRecord } from '../kpi/types.ts';
import { assessAttainability } from './attainability.ts';
import { attainabilityInputFor } from './history.ts';

const daily = (metric: string, start: string, n: number, f: (i: number) => number): Observation[] =>
  Array.from({ length: n }, (_, i) => ({ metric, date: addDays(start, i), value: f(i) }));

const base: MetricKpi = {
  kind: 'metric', metric: 'link_clicks', platform: 'facebook', measurement: 'over_period', comparator: 'at_least',
  target: 5000, start: '2025-01-31', deadline: '2025-03-31',
};

test('a sum over the period becomes a total over daily history', () => {
  const stats = { observations: daily('link_clicks', '2025-01-01', 60, () => 100) };
  const input = attainabilityInputFor(base, stats, '2025-03-01');
  assert.equal(input.kind, 'total');
  assert.equal(input.step, 'day');
  assert.equal(input.history.length, 60);
  const r = assessAttainability(input);
  assert.equal(r.achievedSoFar, 3000);
  assert.equal(r.verdict, 'likely');
});

test('followers at the deadline are a level; audience growth rate turns into a follower target', () => {
  const stats = { observations: daily('followers', '2025-01-01', 60, (i) => 1000 + 10 * i) };
  const level = attainabilityInputFor({ ...base, metric: 'followers', measurement: 'at_deadline', target: 1500 }, stats, '2025-03-01');
  assert.equal(level.kind, 'level');
  assert.equal(assessAttainability(level).verdict, 'likely');
  // growth of 10 % over the goal from 1300 followers on 2025-01-31 → 1430
  const growth = attainabilityInputFor({ ...base, metric: 'audience_growth_rate', target: 10 }, stats, '2025-03-01');
  assert.ok(Math.abs(growth.target - 1430) < 1e-9);
  assert.equal(growth.kind, 'level');
});

test('per post: the mean of each ended calendar month', () => {
  const posts: PostRecord[] = Array.from({ length: 30 }, (_, i) => ({
    id: `p${i}`, date: addDays('2024-05-01', i * 10), metrics: { link_clicks: 100 + i },
  }));
  const input = attainabilityInputFor({ ...base, measurement: 'per_post', target: 2000 }, { observations: [], posts }, '2025-01-15', '2024-05-01');
  assert.equal(input.step, 'month');
  assert.deepEqual(input.history.map((p) => p.date), [
    '2024-05-01', '2024-06-01', '2024-07-01', '2024-08-01', '2024-09-01', '2024-10-01', '2024-11-01', '2024-12-01',
  ]);
  assert.equal(input.history[0]?.value, 101.5); // posts on May 1, 11, 21, 31: (100 + 101 + 102 + 103) / 4
  assert.equal(assessAttainability(input).verdict, 'unlikely');
});

test('audience share: each snapshot’s share of the age groups', () => {
  const audience = [
    { date: '2024-06-01', distribution: { '18-24': 40, '25-34': 30 } },
    { date: '2024-12-01', distribution: { '18-24': 45 } },
    { date: '2024-12-15', distribution: { '25-34': 45 } }, // no 18-24 reported: left out
  ];
  const input = attainabilityInputFor(
    { kind: 'audience_share', ageGroups: ['18-24'], measurement: 'at_deadline', comparator: 'at_least', target: 60, start: '2025-01-01', deadline: '2025-12-31' },
    { observations: [], audience },
    '2025-01-01',
  );
  assert.deepEqual(input.history, [{ date: '2024-06-01', value: 40 }, { date: '2024-12-01', value: 45 }]);
  assert.equal(assessAttainability(input).verdict, 'insufficient_history');
});
