import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annualResources, monthsInUse } from './annual-resources.ts';

test('months in use: from the month of registration to December once the year has ended', () => {
  const m = monthsInUse({ year: '2025', registeredOn: '2025-03-20', firstDocumented: null, today: '2026-02-01' });
  assert.equal(m.length, 10);
  assert.equal(m[0], '2025-03');
  assert.equal(m.at(-1), '2025-12');
});

test('months in use: statistics documented before registration count from their month', () => {
  assert.equal(monthsInUse({ year: '2025', registeredOn: '2025-03-20', firstDocumented: '2024-11-05', today: '2026-02-01' }).length, 12);
  assert.equal(monthsInUse({ year: '2025', registeredOn: '2025-03-20', firstDocumented: '2025-02-28', today: '2026-02-01' })[0], '2025-02');
  // A first documented day after registration does not move the start.
  assert.equal(monthsInUse({ year: '2025', registeredOn: '2025-03-20', firstDocumented: '2025-05-01', today: '2026-02-01' })[0], '2025-03');
});

test('months in use: a closed account counts up to the month it was closed in, none after', () => {
  assert.deepEqual(monthsInUse({ year: '2025', registeredOn: '2024-01-01', firstDocumented: null, today: '2026-02-01', closedOn: '2025-03-10' }), ['2025-01', '2025-02', '2025-03']);
  assert.deepEqual(monthsInUse({ year: '2025', registeredOn: '2024-01-01', firstDocumented: null, today: '2026-02-01', closedOn: '2024-12-31' }), []);
  assert.equal(monthsInUse({ year: '2025', registeredOn: '2024-01-01', firstDocumented: null, today: '2026-02-01', closedOn: null }).length, 12);
});

test('months in use: up to the current month while the year runs; none before the account existed', () => {
  assert.deepEqual(monthsInUse({ year: '2025', registeredOn: '2024-01-01', firstDocumented: null, today: '2025-06-10' }), [
    '2025-01',
    '2025-02',
    '2025-03',
    '2025-04',
    '2025-05',
    '2025-06',
  ]);
  assert.deepEqual(monthsInUse({ year: '2025', registeredOn: '2026-01-05', firstDocumented: null, today: '2026-03-01' }), []);
});

test('resources: planned for the months in use, documented summed over the months that have it', () => {
  const r = annualResources(
    { plannedHoursPerMonth: 10, budgetNokPerYear: 12000 },
    [
      { month: '2025-03', hoursSpent: 5, moneySpentNok: null },
      { month: '2025-04', hoursSpent: null, moneySpentNok: 1000 },
      { month: '2025-05', hoursSpent: 7.5, moneySpentNok: 500 },
      { month: '2025-06', hoursSpent: 0, moneySpentNok: null },
    ],
    10,
  );
  // 10 h × 10 months; 12 000 × 10 / 12; 5 + 7.5 + 0 over three months; 1000 + 500 over two.
  assert.deepEqual(r, { plannedHours: 100, documentedHours: 12.5, hoursMonths: 3, plannedMoneyNok: 10000, documentedMoneyNok: 1500, moneyMonths: 2, monthsInUse: 10 });
});

test('resources: no plan and nothing documented are null, never 0', () => {
  const r = annualResources({ plannedHoursPerMonth: null, budgetNokPerYear: null }, [{ month: '2025-01', hoursSpent: null, moneySpentNok: null }], 12);
  assert.deepEqual(r, { plannedHours: null, documentedHours: null, hoursMonths: 0, plannedMoneyNok: null, documentedMoneyNok: null, moneyMonths: 0, monthsInUse: 12 });
});
