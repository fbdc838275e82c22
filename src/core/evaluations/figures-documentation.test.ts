import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monthDocumentation } from './figures-documentation.ts';

const daily = { cadence: 'daily' as const, createdDay: '2025-06-01' };
const monthly = { cadence: 'monthly' as const, createdDay: '2025-06-01' };

test('daily: the whole ended month expected; documented days and exact gaps inside it', () => {
  const d = monthDocumentation({
    ...daily,
    month: '2026-02-01',
    documented: [['2026-01-20', '2026-02-09'], ['2026-02-15', '2026-02-26']],
    today: '2026-03-15',
  });
  assert.deepEqual(d, { documentedDays: 21, expectedDays: 28, gaps: [['2026-02-10', '2026-02-14'], ['2026-02-27', '2026-02-28']] });
});

test('daily: the running month is expected up to yesterday; today is not counted', () => {
  const d = monthDocumentation({ ...daily, month: '2026-03-20', documented: [['2026-03-01', '2026-03-15']], today: '2026-03-15' });
  assert.deepEqual(d, { documentedDays: 14, expectedDays: 14, gaps: [] });
  assert.deepEqual(monthDocumentation({ ...daily, month: '2026-03-01', documented: [], today: '2026-03-01' }), { documentedDays: 0, expectedDays: 0, gaps: [] });
});

test('daily: expected from the account start, the earlier of registration and the first documented day', () => {
  const registered = { cadence: 'daily' as const, createdDay: '2026-02-20', today: '2026-03-15', month: '2026-02-01' };
  assert.deepEqual(monthDocumentation({ ...registered, documented: [] }), { documentedDays: 0, expectedDays: 9, gaps: [['2026-02-20', '2026-02-28']] });
  assert.deepEqual(monthDocumentation({ ...registered, documented: [['2026-02-05', '2026-02-06']] }), {
    documentedDays: 2,
    expectedDays: 24,
    gaps: [['2026-02-07', '2026-02-28']],
  });
  // Registered after the month: nothing expected.
  assert.deepEqual(monthDocumentation({ ...registered, month: '2026-01-01', documented: [] }), { documentedDays: 0, expectedDays: 0, gaps: [] });
});

test('monthly: an ended month with an entry is documented whole; without one it is one gap; the running month expects nothing', () => {
  const documented = [['2026-01-31', '2026-01-31']] as const;
  assert.deepEqual(monthDocumentation({ ...monthly, month: '2026-01-01', documented, today: '2026-03-15' }), { documentedDays: 31, expectedDays: 31, gaps: [] });
  assert.deepEqual(monthDocumentation({ ...monthly, month: '2026-02-01', documented, today: '2026-03-15' }), {
    documentedDays: 0,
    expectedDays: 28,
    gaps: [['2026-02-01', '2026-02-28']],
  });
  assert.deepEqual(monthDocumentation({ ...monthly, month: '2026-03-01', documented, today: '2026-03-15' }), { documentedDays: 0, expectedDays: 0, gaps: [] });
  // The last day of the month is not enough: the month has ended only the day after.
  assert.deepEqual(monthDocumentation({ ...monthly, month: '2026-02-01', documented: [], today: '2026-02-28' }), { documentedDays: 0, expectedDays: 0, gaps: [] });
});

test('monthly: registered mid-month, the month counts from registration unless an entry covers it', () => {
  const mid = { cadence: 'monthly' as const, createdDay: '2026-01-20', month: '2026-01-01', today: '2026-03-15' };
  assert.deepEqual(monthDocumentation({ ...mid, documented: [] }), { documentedDays: 0, expectedDays: 12, gaps: [['2026-01-20', '2026-01-31']] });
  assert.deepEqual(monthDocumentation({ ...mid, documented: [['2026-01-31', '2026-01-31']] }), { documentedDays: 31, expectedDays: 31, gaps: [] });
});
