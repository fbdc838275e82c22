import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateMonths, monthValue, relativeChange, seasonalityOf, trendOf } from './annual-trends.ts';

const close = (a: number | null, b: number, eps = 1e-9) => assert.ok(a !== null && Math.abs(a - b) < eps, `${a} ≈ ${b}`);

test('a month value follows the aggregation; nothing documented is null, never 0', () => {
  const p = { sum: 300, days: 10, lastValue: 42 };
  assert.equal(monthValue(p, 'sum'), 300);
  assert.equal(monthValue(p, 'last'), 42);
  assert.equal(monthValue(p, 'mean'), 30);
  assert.equal(monthValue(null, 'sum'), null);
  assert.equal(monthValue({ sum: 0, days: 0, lastValue: null }, 'sum'), null);
});

test('the year adds months up by the aggregation: sums, the last measured month, the mean of documented days', () => {
  const parts = [{ sum: 30, days: 3, lastValue: 11 }, null, { sum: 40, days: 1, lastValue: 40 }, null];
  assert.equal(aggregateMonths(parts, 'sum'), 70);
  assert.equal(aggregateMonths(parts, 'last'), 40);
  // (30 + 40) / (3 + 1) = 17.5, not the mean of the monthly means (10 + 40) / 2 = 25.
  assert.equal(aggregateMonths(parts, 'mean'), 17.5);
  assert.equal(aggregateMonths([null, null], 'sum'), null);
});

test('change against the year before; null when not measured or the year before is 0', () => {
  assert.equal(relativeChange(150, 100), 0.5);
  assert.equal(relativeChange(75, 100), -0.25);
  assert.equal(relativeChange(10, 0), null);
  assert.equal(relativeChange(null, 100), null);
  assert.equal(relativeChange(100, null), null);
});

test('least-squares slope over the measured months only (hand-computed)', () => {
  assert.deepEqual(trendOf([10, 20, 30]), { slopePerMonth: 10, direction: 'up' });
  // Months 1, 2 and 4 with 2, 4 and 5: x̄ = 7/3, ȳ = 11/3, Σ(x−x̄)(y−ȳ) = 13/3, Σ(x−x̄)² = 14/3 → 13/14.
  const t = trendOf([2, 4, null, 5, null, null, null, null, null, null, null, null]);
  close(t.slopePerMonth, 13 / 14);
  assert.equal(t.direction, 'up');
  assert.deepEqual(trendOf([30, 20, 10]), { slopePerMonth: -10, direction: 'down' });
});

test('flat: the slope is under 2 % of the mean per month', () => {
  // Slope 1, mean 100.5: 2 % is 2.01.
  assert.equal(trendOf([100, 101]).direction, 'flat');
  // Slope 3, mean 101.5: 2 % is 2.03.
  assert.equal(trendOf([100, 103]).direction, 'up');
  assert.equal(trendOf([103, 100]).direction, 'down');
  assert.equal(trendOf([0, 0, 0]).direction, 'flat');
});

test('no trend with fewer than two measured months', () => {
  assert.deepEqual(trendOf([null, 5, null]), { slopePerMonth: null, direction: null });
  assert.deepEqual(trendOf([]), { slopePerMonth: null, direction: null });
});

test('seasonality: peak and low month against the mean of the measured months', () => {
  const months = [10, 20, 30, 40, 50, 90, null, null, null, null, null, null].map((value, i) => ({ month: `2025-${String(i + 1).padStart(2, '0')}`, value }));
  // Mean of the six measured months: 240 / 6 = 40 → peak 90 / 40 = 2.25, low 10 / 40 = 0.25.
  assert.deepEqual(seasonalityOf(months), { peakMonth: '2025-06', lowMonth: '2025-01', peakIndex: 2.25, lowIndex: 0.25 });
});

test('no seasonality with fewer than six measured months; ties go to the earlier month', () => {
  const five = [1, 2, 3, 4, 5, null].map((value, i) => ({ month: `2025-0${i + 1}`, value }));
  assert.deepEqual(seasonalityOf(five), { peakMonth: null, lowMonth: null, peakIndex: null, lowIndex: null });
  const tied = [5, 5, 5, 5, 5, 5].map((value, i) => ({ month: `2025-0${i + 1}`, value }));
  assert.deepEqual(seasonalityOf(tied), { peakMonth: '2025-01', lowMonth: '2025-01', peakIndex: 1, lowIndex: 1 });
  const zeros = [0, 0, 0, 0, 0, 0].map((value, i) => ({ month: `2025-0${i + 1}`, value }));
  assert.equal(seasonalityOf(zeros).peakIndex, null);
});
