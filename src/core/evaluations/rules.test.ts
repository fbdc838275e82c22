import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAppError } from '../errors.ts';
import { canPrepareMonth, assertSignable, assertTransition, evaluationState, needsDraft, signIssues } from './rules.ts';
import { evaluationDueOn, isMonth, lastMonth, monthFirstDay, monthHasEnded, monthLastDay, monthOfDay, shiftMonth } from './months.ts';

test('months: first and last day, shifting across years, the month of a day and last month', () => {
  assert.equal(monthFirstDay('2026-10'), '2026-10-01');
  assert.equal(monthLastDay('2028-02'), '2028-02-29');
  assert.equal(monthLastDay('2026-02'), '2026-02-28');
  assert.equal(shiftMonth('2026-12', 1), '2027-01');
  assert.equal(shiftMonth('2026-01', -1), '2025-12');
  assert.equal(monthOfDay('2026-03-31'), '2026-03');
  assert.equal(lastMonth('2026-01-01'), '2025-12');
  assert.equal(lastMonth('2026-03-31'), '2026-02');
  assert.ok(isMonth('2026-10'));
  for (const bad of ['2026-13', '2026-1', '2026-00', '26-10', '2026-10-01', 7]) assert.equal(isMonth(bad), false, String(bad));
  assert.throws(() => monthFirstDay('2026-13'), (e: unknown) => isAppError(e) && e.code === 'validation_failed' && e.issues[0]?.path === 'month');
});

test('an evaluation is due on the 15th of the following month', () => {
  assert.equal(evaluationDueOn('2026-10'), '2026-11-15');
  assert.equal(evaluationDueOn('2026-12'), '2027-01-15');
  assert.equal(evaluationDueOn('2026-01'), '2026-02-15');
});

test('a month has ended the day after its last day', () => {
  assert.equal(monthHasEnded('2026-10', '2026-10-31'), false);
  assert.equal(monthHasEnded('2026-10', '2026-11-01'), true);
});

test('state: signed always; upcoming while the month runs; due up to and including the 15th; overdue after', () => {
  assert.equal(evaluationState('signed', '2026-10', '2026-10-05'), 'signed');
  assert.equal(evaluationState('signed', '2026-10', '2027-05-01'), 'signed');
  assert.equal(evaluationState('draft', '2026-10', '2026-10-01'), 'upcoming');
  assert.equal(evaluationState('draft', '2026-10', '2026-10-31'), 'upcoming');
  assert.equal(evaluationState('draft', '2026-10', '2026-11-01'), 'due');
  assert.equal(evaluationState('draft', '2026-10', '2026-11-15'), 'due');
  assert.equal(evaluationState('draft', '2026-10', '2026-11-16'), 'overdue');
  assert.equal(evaluationState('draft', '2026-12', '2027-01-15'), 'due');
  assert.equal(evaluationState('draft', '2026-12', '2027-01-16'), 'overdue');
});

test('drafts: active accounts, from the month they were registered in; never a future month', () => {
  assert.equal(needsDraft({ status: 'active', registeredOn: '2026-03-20' }, '2026-03'), true);
  assert.equal(needsDraft({ status: 'active', registeredOn: '2026-03-20' }, '2026-04'), true);
  assert.equal(needsDraft({ status: 'active', registeredOn: '2026-03-20' }, '2026-02'), false);
  // Statistics documented before the account was registered bring its earlier months in.
  assert.equal(needsDraft({ status: 'active', registeredOn: '2026-03-20', firstDocumented: '2026-01-31' }, '2026-01'), true);
  assert.equal(needsDraft({ status: 'active', registeredOn: '2026-03-20', firstDocumented: '2026-01-31' }, '2025-12'), false);
  assert.equal(needsDraft({ status: 'active', registeredOn: '2026-03-20', firstDocumented: '2026-04-02' }, '2026-03'), true);
  assert.equal(needsDraft({ status: 'active', registeredOn: '2026-03-20', firstDocumented: null }, '2026-02'), false);
  assert.equal(needsDraft({ status: 'paused', registeredOn: '2025-01-01' }, '2026-03'), false);
  assert.equal(needsDraft({ status: 'closed', registeredOn: '2025-01-01' }, '2026-03'), false);
  assert.equal(canPrepareMonth('2026-03', '2026-03-01'), true);
  assert.equal(canPrepareMonth('2026-02', '2026-03-01'), true);
  assert.equal(canPrepareMonth('2026-04', '2026-03-31'), false);
});

test('signing needs an ended month, an assessment, a decision, and an adjustment when the content is to be adjusted', () => {
  const today = '2026-11-03';
  const paths = (e: Parameters<typeof signIssues>[0], day = today) => signIssues(e, day).map((i) => i.path);
  assert.deepEqual(paths({ month: '2026-10', assessment: 'Reach grew.', decision: 'keep', adjustment: '' }), []);
  assert.deepEqual(paths({ month: '2026-10', assessment: '  \n', decision: null, adjustment: '' }), ['assessment', 'decision']);
  assert.deepEqual(paths({ month: '2026-10', assessment: 'Weak.', decision: 'adjust_content', adjustment: ' ' }), ['adjustment']);
  assert.deepEqual(paths({ month: '2026-10', assessment: 'Weak.', decision: 'adjust_content', adjustment: 'More reels.' }), []);
  assert.deepEqual(paths({ month: '2026-10', assessment: 'Weak.', decision: 'escalate', adjustment: '' }), []);
  assert.deepEqual(paths({ month: '2026-10', assessment: 'Early.', decision: 'keep', adjustment: '' }, '2026-10-31'), ['month']);
  assert.throws(
    () => assertSignable({ month: '2026-10', assessment: '', decision: 'keep', adjustment: '' }, today),
    (e: unknown) => isAppError(e) && e.code === 'validation_failed' && e.issues.length === 1 && e.issues[0]!.path === 'assessment',
  );
  assert.doesNotThrow(() => assertSignable({ month: '2026-10', assessment: 'Fine.', decision: 'keep', adjustment: '' }, today));
});

test('transitions: a draft is edited and signed, a signed one is locked and only reopened', () => {
  const conflict = (e: unknown) => isAppError(e) && e.code === 'conflict';
  assert.doesNotThrow(() => assertTransition('draft', 'edit'));
  assert.doesNotThrow(() => assertTransition('draft', 'sign'));
  assert.doesNotThrow(() => assertTransition('signed', 'reopen'));
  assert.throws(() => assertTransition('signed', 'edit'), conflict);
  assert.throws(() => assertTransition('signed', 'sign'), conflict);
  assert.throws(() => assertTransition('draft', 'reopen'), conflict);
});
