import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths } from '../period/days.ts';
import { type AttainabilityInput, assessAttainability } from './attainability.ts';

const daily = (start: string, n: number, f: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ date: addDays(start, i), value: f(i) }));

const followers: AttainabilityInput = {
  kind: 'level',
  comparator: 'at_least',
  target: 1500,
  start: '2025-03-01',
  deadline: '2025-03-31', // day 89 after 2025-01-01
  asOf: '2025-03-01',
  step: 'day',
  history: daily('2025-01-01', 60, (i) => 1000 + 10 * i), // last: 2025-03-01 = 1590
};

test('too little history: says how many more values and days are needed', () => {
  const r = assessAttainability({ ...followers, history: daily('2025-02-20', 5, (i) => 1000 + i) });
  assert.equal(r.verdict, 'insufficient_history');
  assert.deepEqual(r.missing, { points: 3, days: 52 });
  assert.equal(r.message.key, 'goals.attainability.insufficient_history');
  assert.match(r.message.text, /5 values over 4 days; at least 8 values over 56 days are needed \(3 more values, 52 more days\)/);
  const monthly = assessAttainability({ ...followers, step: 'month', history: [{ date: '2025-01-01', value: 1 }, { date: '2025-02-01', value: 2 }] });
  assert.deepEqual(monthly.missing, { points: 6, days: 0 });
  // 8 values, but over a single week: still too little for a daily series
  assert.equal(assessAttainability({ ...followers, history: daily('2025-02-20', 8, (i) => 1000 + i) }).verdict, 'insufficient_history');
});

test('a level: likely below the interval, unlikely above it, with needed vs shown growth', () => {
  const likely = assessAttainability(followers);
  assert.equal(likely.verdict, 'likely');
  assert.ok(likely.projection && Math.abs(likely.projection.mean - 1890) < 1e-6);
  assert.equal(likely.targetPosition, 'below');
  const unlikely = assessAttainability({ ...followers, target: 2500 });
  assert.equal(unlikely.verdict, 'unlikely');
  assert.equal(unlikely.targetPosition, 'above');
  assert.ok(Math.abs((unlikely.needed.perStep ?? 0) - 910 / 30) < 1e-9); // (2500 − 1590) / 30 days
  assert.ok(Math.abs((unlikely.shown.perStep ?? 0) - 10) < 1e-9);
  assert.match(unlikely.message.text, /needs 30\.33 per day; the account has shown 10 per day/);
});

test('lower is better mirrors: at most 1500 is unlikely, at most 2500 likely', () => {
  assert.equal(assessAttainability({ ...followers, comparator: 'at_most' }).verdict, 'unlikely');
  assert.equal(assessAttainability({ ...followers, comparator: 'at_most', target: 2500 }).verdict, 'likely');
});

test('a target inside the interval is uncertain', () => {
  let seed = 7;
  const noise = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647 - 0.5) * 40;
  };
  const r = assessAttainability({ ...followers, target: 1890, history: daily('2025-01-01', 60, (i) => 1000 + 10 * i + noise()) });
  assert.equal(r.verdict, 'uncertain');
  assert.equal(r.targetPosition, 'inside');
});

test('a total: documented so far plus the forecast of the remaining days', () => {
  // 100 link clicks a day from 2025-01-01; the goal started 2025-01-31, asOf 2025-03-01 (30 days in: 3000)
  const clicks: AttainabilityInput = {
    kind: 'total', comparator: 'at_least', target: 5000, start: '2025-01-31', deadline: '2025-03-31', asOf: '2025-03-01',
    step: 'day', history: daily('2025-01-01', 60, () => 100),
  };
  const r = assessAttainability(clicks);
  assert.equal(r.achievedSoFar, 3000);
  assert.ok(r.projection && Math.abs(r.projection.mean - 6000) < 1e-6); // + 30 days × 100
  assert.equal(r.verdict, 'likely');
  const hard = assessAttainability({ ...clicks, target: 7000 });
  assert.equal(hard.verdict, 'unlikely');
  assert.ok(Math.abs((hard.needed.perStep ?? 0) - 4000 / 30) < 1e-9);
  assert.equal(hard.shown.perStep, 100);
});

test('compound growth shown per month for a monthly series growing 5 % a month', () => {
  const history = Array.from({ length: 12 }, (_, i) => ({ date: addMonths('2024-01-01', i), value: 1000 * 1.05 ** i }));
  const r = assessAttainability({ ...followers, step: 'month', start: '2025-01-01', asOf: '2025-01-01', deadline: '2025-06-30', target: 2000, history });
  assert.ok(Math.abs((r.shown.perMonthPercent ?? 0) - 5) < 1e-9);
  assert.equal(r.forecast?.model, 'compound');
  // from 1000 × 1.05^11 in Dec 2024 to 2000 in June 2025: 6 months
  const needed = ((2000 / (1000 * 1.05 ** 11)) ** (1 / 6) - 1) * 100;
  assert.ok(Math.abs((r.needed.perMonthPercent ?? 0) - needed) < 1e-9);
  assert.equal(r.verdict, 'likely'); // 1000 × 1.05^17 ≈ 2292 with a ~zero-width interval
});
