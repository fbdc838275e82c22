import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PeriodChoice, PeriodChoiceFromParam, PeriodParam, ResolvedPeriodOut } from './periods.ts';
import { resolvePeriodChoice } from '../core/period/period-choice.ts';

test('PeriodParam accepts the four URL forms and refuses others with the reason', () => {
  for (const ok of ['2026-10', '2026-Q3', '2026', '2026-03-01..2026-04-15']) assert.equal(PeriodParam.parse(ok), ok);
  const bad = PeriodParam.safeParse('2026-13');
  assert.equal(bad.success, false);
  assert.match(bad.error?.issues[0]?.message ?? '', /period "2026-13": the month must be 01 to 12/);
  assert.equal(PeriodParam.safeParse('2026-q3').success, false);
  assert.equal(PeriodParam.safeParse(2026).success, false);
});

test('PeriodChoiceFromParam reads a choice; ResolvedPeriodOut fits the core result', () => {
  assert.deepEqual(PeriodChoiceFromParam.parse('2026-Q3'), { kind: 'quarter', anchor: '2026-07-01' });
  assert.equal(PeriodChoiceFromParam.safeParse('Q3').success, false);
  const resolved = resolvePeriodChoice({ kind: 'month', anchor: '2026-11-01' }, '2026-11-22');
  assert.deepEqual(ResolvedPeriodOut.parse(resolved), resolved);
});

test('PeriodChoice: a month, quarter or year by an anchor day, or a custom range', () => {
  assert.deepEqual(PeriodChoice.parse({ kind: 'quarter', anchor: '2026-08-15' }), { kind: 'quarter', anchor: '2026-08-15' });
  assert.deepEqual(PeriodChoice.parse({ kind: 'custom', start: '2026-03-01', end: '2026-04-15' }), { kind: 'custom', start: '2026-03-01', end: '2026-04-15' });
  assert.equal(PeriodChoice.safeParse({ kind: 'month', start: '2026-03-01', end: '2026-04-15' }).success, false);
  assert.equal(PeriodChoice.safeParse({ kind: 'week', anchor: '2026-03-01' }).success, false);
  assert.equal(PeriodChoice.safeParse({ kind: 'month', anchor: '2026-02-30' }).success, false);
  assert.equal(PeriodChoice.safeParse({ kind: 'custom', start: '2026-03-02', end: '2026-03-01' }).success, false);
});
