// The coverage calendar's drawing and text: months with a cell per day, levels by the share of
// the platform's metrics, the undocumented runs listed as text, and freshness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CoverageOut } from '../../../../src/contract/coverage.ts';
import { daysSince, lastDocumentedDay, level, monthRows, undocumentedRanges } from './coverage-view.ts';

test('level: nothing is 0, all the provided metrics (or more) is 4', () => {
  assert.equal(level(0, 5), 0);
  assert.equal(level(1, 5), 1);
  assert.equal(level(2, 5), 2);
  assert.equal(level(3, 5), 3);
  assert.equal(level(5, 5), 4);
  assert.equal(level(7, 5), 4);
  assert.equal(level(1, 0), 4, 'a platform providing no metrics: anything documented is full');
});

test('monthRows: one row per month, cells on their day of the month, counts per month', () => {
  // 2026-01-30 .. 2026-03-02: 30 Jan, 31 Jan, 28 days of February, 1 and 2 March.
  const perDay = Array.from({ length: 32 }, (_, i) => (i % 2 === 0 ? 2 : 0));
  const rows = monthRows({ from: '2026-01-30', to: '2026-03-02', perDay, providedMetrics: 4 });
  assert.deepEqual(
    rows.map((r) => [r.month, r.daysInRange, r.documentedDays]),
    [
      ['2026-01', 2, 1],
      ['2026-02', 28, 14],
      ['2026-03', 2, 1],
    ],
  );
  const jan = rows[0]!;
  assert.equal(jan.cells[28], null, 'the 29th is before the calendar');
  assert.deepEqual(jan.cells[29], { day: '2026-01-30', count: 2, level: 3 });
  assert.deepEqual(jan.cells[30], { day: '2026-01-31', count: 0, level: 0 });
  const feb = rows[1]!;
  assert.equal(feb.cells.length, 31);
  assert.equal(feb.cells[28], null, 'February has no 29th in 2026');
  assert.equal(feb.cells[27]?.day, '2026-02-28');
});

test('undocumentedRanges: runs of days with nothing documented, at both ends too', () => {
  const from = '2026-12-30';
  assert.deepEqual(undocumentedRanges({ from, perDay: [0, 0, 3, 1, 0, 2, 0] }), [
    ['2026-12-30', '2026-12-31'],
    ['2027-01-03', '2027-01-03'],
    ['2027-01-05', '2027-01-05'],
  ]);
  assert.deepEqual(undocumentedRanges({ from, perDay: [1, 1] }), []);
  assert.deepEqual(undocumentedRanges({ from, perDay: [0, 0, 0] }), [['2026-12-30', '2027-01-01']]);
});

test('lastDocumentedDay and daysSince', () => {
  const metrics: CoverageOut['metrics'] = [
    { metric: 'views', provided: true, documentedDays: 1, documented: [], gaps: [], firstDay: '2026-01-01', lastDay: '2026-03-01' },
    { metric: 'likes', provided: true, documentedDays: 0, documented: [], gaps: [], firstDay: null, lastDay: null },
    { metric: 'shares', provided: true, documentedDays: 1, documented: [], gaps: [], firstDay: '2026-01-01', lastDay: '2026-04-15' },
  ];
  assert.equal(lastDocumentedDay({ metrics }), '2026-04-15');
  assert.equal(lastDocumentedDay({ metrics: [] }), null);
  assert.equal(daysSince('2026-04-15', '2026-04-15'), 0);
  assert.equal(daysSince('2026-02-28', '2026-03-01'), 1);
});
