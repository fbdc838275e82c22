// The period picker's pure side: reading the address, switching kinds, stepping, custom ranges,
// and the period in words in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolvePeriodChoice } from '../../../src/core/period/period-choice.ts';
import {
  comparisonPeriod,
  customParam,
  customRangeProblem,
  isWholeMonths,
  monthRangeDays,
  monthRangeProblem,
  describeRange,
  monthParam,
  partsOf,
  periodName,
  quarterParam,
  readCompare,
  readPeriodOrDefault,
  resolveParam,
  stepPeriod,
  switchKind,
  yearOptions,
  yearParam,
} from './period-picker.ts';

test('readPeriodOrDefault: the running month by default; refused values fall back with the reason', () => {
  assert.deepEqual(readPeriodOrDefault(null, '2026-11-22'), { param: '2026-11', invalid: null });
  assert.deepEqual(readPeriodOrDefault('', '2026-11-22'), { param: '2026-11', invalid: null });
  assert.deepEqual(readPeriodOrDefault('2026-Q3', '2026-11-22'), { param: '2026-Q3', invalid: null });
  const bad = readPeriodOrDefault('2026-13', '2026-11-22');
  assert.equal(bad.param, '2026-11');
  assert.match(bad.invalid ?? '', /month must be 01 to 12/);
  assert.match(readPeriodOrDefault('2026-03-10..2026-03-01', '2026-11-22').invalid ?? '', /before the first/);
});

test('readCompare: previous unless last_year or none', () => {
  assert.equal(readCompare(null), 'previous');
  assert.equal(readCompare('last_year'), 'last_year');
  assert.equal(readCompare('none'), 'none');
  assert.equal(readCompare('bogus'), 'previous');
});

test('parts and params of each kind', () => {
  assert.deepEqual(partsOf('2026-10'), { kind: 'month', year: 2026, month: 10, quarter: 4, start: '2026-10-01', end: '2026-10-31' });
  assert.deepEqual(partsOf('2026-Q3'), { kind: 'quarter', year: 2026, month: 7, quarter: 3, start: '2026-07-01', end: '2026-09-30' });
  assert.equal(partsOf('2024').end, '2024-12-31');
  assert.equal(partsOf('2026-02-10..2026-03-05').kind, 'custom');
  assert.equal(monthParam(2026, 3), '2026-03');
  assert.equal(quarterParam(2026, 4), '2026-Q4');
  assert.equal(yearParam(2025), '2025');
  assert.equal(customParam('2026-01-01', '2026-01-15'), '2026-01-01..2026-01-15');
});

test('switchKind keeps the time: the month, quarter or year the period starts in; custom takes its days', () => {
  assert.equal(switchKind('2026-08', 'quarter'), '2026-Q3');
  assert.equal(switchKind('2026-Q3', 'year'), '2026');
  assert.equal(switchKind('2026', 'month'), '2026-01');
  assert.equal(switchKind('2026-Q2', 'custom'), '2026-04-01..2026-06-30');
  assert.equal(switchKind('2026-02-10..2026-03-05', 'month'), '2026-02');
});

test('stepPeriod: previous and next of the same kind, custom by its length, none before year 2', () => {
  assert.equal(stepPeriod('2026-01', -1), '2025-12');
  assert.equal(stepPeriod('2026-12', 1), '2027-01');
  assert.equal(stepPeriod('2026-Q1', -1), '2025-Q4');
  assert.equal(stepPeriod('2026-Q4', 1), '2027-Q1');
  assert.equal(stepPeriod('2026', -1), '2025');
  assert.equal(stepPeriod('2026-03-01..2026-03-10', -1), '2026-02-19..2026-02-28');
  assert.equal(stepPeriod('2026-03-01..2026-03-10', 1), '2026-03-11..2026-03-20');
  assert.equal(stepPeriod('0002', -1), null);
  // Whole months stay whole months when asked: Jan–Mar → Oct–Dec before, Apr–Jun after.
  assert.equal(stepPeriod('2026-01-01..2026-03-31', -1, true), '2025-10-01..2025-12-31');
  assert.equal(stepPeriod('2026-01-01..2026-03-31', 1, true), '2026-04-01..2026-06-30');
  assert.equal(stepPeriod('2024-02-01..2024-02-29', -1, true), '2024-01-01..2024-01-31');
  assert.equal(stepPeriod('2026-01-01..2026-03-31', -1), '2025-10-03..2025-12-31', 'by days otherwise (90 days)');
  assert.equal(stepPeriod('2026-01-05..2026-01-06', 1, true), '2026-01-07..2026-01-08', 'not whole months: by days');
});

test('customRangeProblem names what is wrong', () => {
  assert.equal(customRangeProblem('', '2026-01-01'), 'missing_start');
  assert.equal(customRangeProblem('2026-01-01', ''), 'missing_end');
  assert.equal(customRangeProblem('2026-02-30', '2026-03-01'), 'missing_start');
  assert.equal(customRangeProblem('2026-03-02', '2026-03-01'), 'end_before_start');
  assert.equal(customRangeProblem('0001-01-01', '0001-02-01'), 'too_early');
  assert.equal(customRangeProblem('2000-01-01', '2026-01-01'), 'too_long');
  assert.equal(customRangeProblem('2026-03-01', '2026-03-01'), null);
});

test('yearOptions: ten back, one ahead, newest first, always the chosen year', () => {
  const years = yearOptions(2026, '2026-11-22');
  assert.equal(years[0], 2027);
  assert.equal(years.at(-1), 2016);
  assert.ok(yearOptions(1990, '2026-11-22').includes(1990));
  assert.equal(yearOptions(2040, '2026-11-22')[0], 2040);
});

test('describeRange in bokmål and English', () => {
  assert.equal(describeRange({ start: '2026-10-01', end: '2026-10-31' }, 'nb'), '1.–31. oktober 2026');
  assert.equal(describeRange({ start: '2026-10-01', end: '2026-10-31' }, 'en'), '1–31 October 2026');
  assert.equal(describeRange({ start: '2026-07-01', end: '2026-09-30' }, 'nb'), '1. juli – 30. september 2026');
  assert.equal(describeRange({ start: '2025-12-15', end: '2026-01-15' }, 'en'), '15 December 2025 – 15 January 2026');
  assert.equal(describeRange({ start: '2026-10-05', end: '2026-10-05' }, 'nb'), '5. oktober 2026');
});

test('periodName: month, quarter, year, custom', () => {
  assert.equal(periodName('2026-10', 'nb'), 'oktober 2026');
  assert.equal(periodName('2026-10', 'en'), 'October 2026');
  assert.equal(periodName('2026-Q3', 'nb'), 'Q3 2026');
  assert.equal(periodName('2026', 'en'), '2026');
  assert.equal(periodName('2026-02-10..2026-03-05', 'nb'), '10. februar – 5. mars 2026');
});

test('comparisonPeriod: the whole period when complete, like with like while running, none', () => {
  const complete = resolvePeriodChoice({ kind: 'month', anchor: '2026-10-01' }, '2026-11-22');
  assert.deepEqual(comparisonPeriod(complete, 'previous'), { start: '2026-09-01', end: '2026-09-30' });
  assert.deepEqual(comparisonPeriod(complete, 'last_year'), { start: '2025-10-01', end: '2025-10-31' });
  assert.equal(comparisonPeriod(complete, 'none'), null);
  const running = resolveParam('2026-11', '2026-11-22');
  assert.ok(running);
  assert.equal(running.state, 'running');
  assert.deepEqual(comparisonPeriod(running, 'previous'), { start: '2026-10-01', end: '2026-10-21' });
  assert.equal(resolveParam('nonsense', '2026-11-22'), null);
});

test('whole months: typed months to days, their problems, and whether a period is whole months', () => {
  assert.deepEqual(monthRangeDays('2026-01', '2026-02'), { start: '2026-01-01', end: '2026-02-28' });
  assert.deepEqual(monthRangeDays('2026-13', ''), { start: '', end: '' });
  assert.equal(monthRangeProblem('2026-01', '2028-02'), null);
  assert.equal(monthRangeProblem('', '2026-02'), 'missing_start');
  assert.equal(monthRangeProblem('2026-03', '2026-02'), 'end_before_start');
  assert.ok(isWholeMonths('2026-Q3'));
  assert.ok(isWholeMonths('2024-02-01..2024-02-29'));
  assert.ok(!isWholeMonths('2026-02-01..2026-02-27'));
  assert.ok(!isWholeMonths('2026-02-02..2026-02-28'));
  assert.ok(!isWholeMonths('nonsense'));
});
