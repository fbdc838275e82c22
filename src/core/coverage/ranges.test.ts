import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clip, covers, gaps, normalise, rangeLength, toRanges, totalDays } from './ranges.ts';

test('runs of days cross the leap day and month ends; duplicates and order do not matter', () => {
  assert.deepEqual(toRanges(['2024-03-03', '2024-02-29', '2024-02-28', '2024-03-01', '2024-02-29']), [
    ['2024-02-28', '2024-03-01'],
    ['2024-03-03', '2024-03-03'],
  ]);
  // 2025 is not a leap year: 28 February is followed by 1 March.
  assert.deepEqual(toRanges(['2025-02-28', '2025-03-01']), [['2025-02-28', '2025-03-01']]);
  assert.deepEqual(toRanges(['2025-12-31', '2026-01-01']), [['2025-12-31', '2026-01-01']]);
  assert.deepEqual(toRanges([]), []);
});

test('lengths: a leap February has 29 days, an ordinary one 28', () => {
  assert.equal(rangeLength(['2024-02-01', '2024-02-29']), 29);
  assert.equal(totalDays([['2025-02-01', '2025-02-28'], ['2025-12-31', '2026-01-01']]), 30);
  assert.equal(rangeLength(['2026-01-02', '2026-01-01']), 0);
});

test('gaps across New Year, and the whole range when nothing is documented', () => {
  const runs = [['2025-12-30', '2025-12-31'], ['2026-01-02', '2026-01-02']] as const;
  assert.deepEqual(gaps(runs, '2025-12-29', '2026-01-03'), [
    ['2025-12-29', '2025-12-29'],
    ['2026-01-01', '2026-01-01'],
    ['2026-01-03', '2026-01-03'],
  ]);
  assert.deepEqual(gaps([], '2024-02-28', '2024-03-01'), [['2024-02-28', '2024-03-01']]);
  assert.deepEqual(gaps([['2024-01-01', '2024-12-31']], '2024-02-28', '2024-03-01'), []);
  assert.deepEqual(gaps([], '2024-03-02', '2024-03-01'), []);
});

test('normalise merges overlapping and touching ranges; clip keeps the parts inside', () => {
  assert.deepEqual(normalise([['2026-01-05', '2026-01-07'], ['2026-01-01', '2026-01-04'], ['2026-01-03', '2026-01-03']]), [['2026-01-01', '2026-01-07']]);
  assert.deepEqual(clip([['2025-12-20', '2026-01-10'], ['2026-02-01', '2026-02-02']], '2026-01-01', '2026-02-01'), [
    ['2026-01-01', '2026-01-10'],
    ['2026-02-01', '2026-02-01'],
  ]);
  assert.equal(covers([['2024-02-28', '2024-03-01']], '2024-02-29'), true);
  assert.equal(covers([['2024-02-28', '2024-03-01']], '2024-03-02'), false);
});
