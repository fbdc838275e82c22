import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  dayNumber,
  daysBetween,
  daysInclusive,
  eachDay,
  fromDayNumber,
  isDay,
  isoWeekday,
  monthEnd,
  monthIndex,
  monthStart,
  parseDay,
  weekStart,
} from './days.ts';
import { isAppError } from '../errors.ts';

test('day numbers: the epoch, a leap day and far dates', () => {
  assert.equal(dayNumber('1970-01-01'), 0);
  assert.equal(dayNumber('1969-12-31'), -1);
  assert.equal(dayNumber('2000-03-01') - dayNumber('2000-02-28'), 2);
  assert.equal(dayNumber('2100-03-01') - dayNumber('2100-02-28'), 1);
  assert.equal(fromDayNumber(dayNumber('2024-02-29')), '2024-02-29');
  assert.equal(dayNumber('2025-01-01'), 20089);
});

test('day numbers agree with Date.UTC over many years (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      assert.equal(fromDayNumber(n), iso);
      assert.equal(dayNumber(iso), n);
    }),
  );
});

test('validation: real calendar days only', () => {
  assert.equal(isDay('2024-02-29'), true);
  assert.equal(isDay('2025-02-29'), false);
  assert.equal(isDay('2025-13-01'), false);
  assert.equal(isDay('2025-1-01'), false);
  assert.equal(isDay('2025-01-01T00:00'), false);
  assert.equal(isDay(20250101), false);
  assert.equal(parseDay('2025-06-30'), '2025-06-30');
  assert.throws(
    () => parseDay('2025-06-31', 'deadline'),
    (e) => isAppError(e) && e.code === 'validation_failed' && e.issues[0]?.path === 'deadline',
  );
});

test('adding days and counting them across a year boundary', () => {
  assert.equal(addDays('2024-12-30', 3), '2025-01-02');
  assert.equal(addDays('2025-01-02', -3), '2024-12-30');
  assert.equal(daysBetween('2024-12-01', '2025-01-31'), 61);
  assert.equal(daysInclusive('2024-12-01', '2025-01-31'), 62);
  assert.equal(daysInclusive('2025-01-31', '2024-12-01'), 0);
  assert.deepEqual(eachDay('2024-12-30', '2025-01-02'), ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
  assert.deepEqual(eachDay('2025-01-02', '2025-01-01'), []);
});

test('months: start, end, adding months clamps to the last day', () => {
  assert.equal(monthStart('2024-02-17'), '2024-02-01');
  assert.equal(monthEnd('2024-02-17'), '2024-02-29');
  assert.equal(monthEnd('2025-02-17'), '2025-02-28');
  assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
  assert.equal(addMonths('2024-11-15', 2), '2025-01-15');
  assert.equal(addMonths('2025-01-15', -2), '2024-11-15');
  assert.equal(monthIndex('2025-01-15') - monthIndex('2024-12-31'), 1);
});

test('weeks: ISO weekday and Monday of the week', () => {
  assert.equal(isoWeekday('2025-01-01'), 3); // a Wednesday
  assert.equal(weekStart('2025-01-01'), '2024-12-30');
  assert.equal(weekStart('2024-12-30'), '2024-12-30');
  assert.equal(isoWeekday('2025-01-05'), 7);
});
