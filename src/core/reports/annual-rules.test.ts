import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import {
  annualReportDueOn,
  annualReportState,
  annualSignIssues,
  assertAnnualSignable,
  assertAnnualTransition,
  isYear,
  yearFirstDay,
  yearHasEnded,
  yearLastDay,
} from './annual-rules.ts';

test('years: YYYY only, their first and last days, due on 31 January of the year after', () => {
  assert.deepEqual(['2025', '0999', '1', '20255', '2025-01', 2025, '0000'].map(isYear), [true, true, false, false, false, false, false]);
  assert.deepEqual([yearFirstDay('2025'), yearLastDay('2025')], ['2025-01-01', '2025-12-31']);
  assert.equal(annualReportDueOn('2025'), '2026-01-31');
  assert.equal(annualReportDueOn('0999'), '1000-01-31');
  assert.deepEqual([yearHasEnded('2025', '2025-12-31'), yearHasEnded('2025', '2026-01-01')], [false, true]);
});

test('states: upcoming while the year runs, due up to and including 31 January, overdue after; signed whatever the day', () => {
  assert.equal(annualReportState('draft', '2025', '2025-06-01'), 'upcoming');
  assert.equal(annualReportState('draft', '2025', '2025-12-31'), 'upcoming');
  assert.equal(annualReportState('draft', '2025', '2026-01-01'), 'due');
  assert.equal(annualReportState('draft', '2025', '2026-01-31'), 'due');
  assert.equal(annualReportState('draft', '2025', '2026-02-01'), 'overdue');
  assert.equal(annualReportState('signed', '2025', '2025-06-01'), 'signed');
  assert.equal(annualReportState('signed', '2025', '2027-06-01'), 'signed');
});

test('signing needs an ended year, a decision and the reasoning (blank is not written)', () => {
  assert.deepEqual(
    annualSignIssues({ year: '2025', decision: null, reasoning: '  \n' }, '2025-12-31').map((i) => i.path),
    ['year', 'decision', 'reasoning'],
  );
  assert.deepEqual(annualSignIssues({ year: '2025', decision: 'close', reasoning: 'Nobody reads it.' }, '2026-01-01'), []);
  assert.doesNotThrow(() => assertAnnualSignable({ year: '2025', decision: 'continue', reasoning: 'Fine.' }, '2026-03-01'));
  assert.throws(
    () => assertAnnualSignable({ year: '2025', decision: 'continue', reasoning: '' }, '2026-03-01'),
    (e: unknown) => e instanceof AppError && e.code === 'validation_failed' && e.issues.map((i) => i.path).join() === 'reasoning',
  );
});

test('transitions: edit and sign a draft, reopen a signed report; anything else is a conflict', () => {
  const conflict = (e: unknown) => e instanceof AppError && e.code === 'conflict';
  assert.doesNotThrow(() => assertAnnualTransition('draft', 'edit'));
  assert.doesNotThrow(() => assertAnnualTransition('draft', 'sign'));
  assert.doesNotThrow(() => assertAnnualTransition('signed', 'reopen'));
  assert.throws(() => assertAnnualTransition('signed', 'edit'), conflict);
  assert.throws(() => assertAnnualTransition('signed', 'sign'), conflict);
  assert.throws(() => assertAnnualTransition('draft', 'reopen'), conflict);
});
