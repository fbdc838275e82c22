import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  contains,
  intersect,
  monthPeriod,
  monthsIn,
  period,
  periodContaining,
  periodLength,
  previousPeriod,
  quarterPeriod,
  yearPeriod,
} from './periods.ts';
import { isAppError } from '../errors.ts';

test('month, quarter and year periods', () => {
  assert.deepEqual(monthPeriod(2024, 2), { start: '2024-02-01', end: '2024-02-29' });
  assert.deepEqual(quarterPeriod(2025, 4), { start: '2025-10-01', end: '2025-12-31' });
  assert.deepEqual(yearPeriod(2025), { start: '2025-01-01', end: '2025-12-31' });
  assert.equal(periodLength(yearPeriod(2024)), 366);
  assert.deepEqual(periodContaining('2025-08-17', 'quarter'), { start: '2025-07-01', end: '2025-09-30' });
  assert.deepEqual(periodContaining('2025-08-17', 'month'), { start: '2025-08-01', end: '2025-08-31' });
  assert.deepEqual(periodContaining('2025-08-17', 'year'), yearPeriod(2025));
});

test('a period must not end before it starts', () => {
  assert.throws(() => period('2025-02-01', '2025-01-31'), (e) => isAppError(e) && e.code === 'validation_failed');
  assert.deepEqual(period('2025-01-31', '2025-01-31'), { start: '2025-01-31', end: '2025-01-31' });
});

test('a goal spanning the year boundary: months clipped at both ends', () => {
  const goal = period('2024-11-15', '2025-02-10');
  assert.equal(periodLength(goal), 16 + 31 + 31 + 10);
  assert.deepEqual(monthsIn(goal), [
    { month: '2024-11', period: { start: '2024-11-15', end: '2024-11-30' }, clipped: true },
    { month: '2024-12', period: { start: '2024-12-01', end: '2024-12-31' }, clipped: false },
    { month: '2025-01', period: { start: '2025-01-01', end: '2025-01-31' }, clipped: false },
    { month: '2025-02', period: { start: '2025-02-01', end: '2025-02-10' }, clipped: true },
  ]);
  assert.equal(contains(goal, '2025-01-01'), true);
  assert.equal(contains(goal, '2025-02-11'), false);
});

test('intersection and the previous period of equal length', () => {
  assert.deepEqual(intersect(monthPeriod(2025, 1), period('2025-01-20', '2025-03-01')), {
    start: '2025-01-20',
    end: '2025-01-31',
  });
  assert.equal(intersect(monthPeriod(2025, 1), monthPeriod(2025, 2)), null);
  assert.deepEqual(previousPeriod(monthPeriod(2025, 1)), { start: '2024-12-01', end: '2024-12-31' });
});
