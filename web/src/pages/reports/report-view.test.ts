import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDecimal } from '../../components/statistics.ts';
import {
  annualReportPath,
  changeText,
  choiceParams,
  defaultMonth,
  defaultYear,
  isComplete,
  parseResource,
  readChoice,
  readListFilters,
  resourceRows,
  scopeQuery,
  shareOf,
  yearChoices,
} from './report-view.ts';

const TODAY = '2026-01-10';

test('the choice from an empty address: last year’s annual report of the organisation', () => {
  assert.deepEqual(readChoice(new URLSearchParams(''), TODAY), { kind: 'annual', scope: 'organisation', unit: '', account: '', year: '2025', month: '2025-12' });
  assert.equal(defaultYear('2026-11-22'), '2025');
  assert.equal(defaultMonth('2026-11-22'), '2026-10');
  assert.equal(defaultMonth('2026-01-01'), '2025-12');
});

test('the choice keeps known values only and infers the scope from what is named', () => {
  const c = readChoice(new URLSearchParams('kind=monthly&unit=hf&month=2025-10&year=abc'), TODAY);
  assert.deepEqual(c, { kind: 'monthly', scope: 'unit', unit: 'hf', account: '', year: '2025', month: '2025-10' });
  assert.equal(readChoice(new URLSearchParams('kind=weekly&account=hf-ig&unit=hf'), TODAY).scope, 'account');
  assert.equal(readChoice(new URLSearchParams('kind=annual&scope=organisation&unit=hf'), TODAY).scope, 'organisation');
  assert.equal(readChoice(new URLSearchParams('month=2025-13'), TODAY).month, '2025-12');
  assert.equal(readChoice(new URLSearchParams('scope=galaxy'), TODAY).scope, 'organisation');
});

test('the address of a choice carries only what its kind and scope use, and reads back the same', () => {
  const c = { kind: 'annual', scope: 'unit', unit: 'hf', account: 'hf-ig', year: '2024', month: '2025-03' } as const;
  assert.equal(choiceParams(c).toString(), 'kind=annual&scope=unit&unit=hf&year=2024');
  assert.equal(choiceParams({ ...c, kind: 'monthly', scope: 'account' }).toString(), 'kind=monthly&scope=account&account=hf-ig&month=2025-03');
  assert.equal(choiceParams({ ...c, scope: 'organisation' }).toString(), 'kind=annual&scope=organisation&year=2024');
  const back = readChoice(choiceParams(c), TODAY);
  assert.deepEqual(back, { ...c, account: '', month: '2025-12' });
});

test('a unit or account scope needs its unit or account before the report is asked for', () => {
  const base = readChoice(new URLSearchParams(''), TODAY);
  assert.equal(isComplete(base), true);
  assert.equal(isComplete({ ...base, scope: 'unit' }), false);
  assert.equal(isComplete({ ...base, scope: 'unit', unit: 'hf' }), true);
  assert.equal(isComplete({ ...base, scope: 'account', unit: 'hf' }), false);
  assert.deepEqual(scopeQuery({ scope: 'account', unit: 'hf', account: 'hf-ig' }), { account: 'hf-ig' });
  assert.deepEqual(scopeQuery({ scope: 'unit', unit: 'hf', account: 'hf-ig' }), { unit: 'hf' });
  assert.deepEqual(scopeQuery({ scope: 'organisation', unit: 'hf', account: 'hf-ig' }), {});
});

test('years offered: this year and the ones before, newest first, and a chosen year outside them', () => {
  assert.deepEqual(yearChoices('2026-05-01', 2), ['2026', '2025', '2024']);
  assert.deepEqual(yearChoices('2026-05-01', 1, '2019'), ['2026', '2025', '2019']);
  assert.deepEqual(yearChoices('2026-05-01', 1, '2025'), ['2026', '2025']);
  assert.deepEqual(yearChoices('2026-05-01', 0, 'x'), ['2026']);
});

test('a change is signed, rounds to plain 0, and is null when not measured', () => {
  const pct = (n: number) => `${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(n)} %`;
  assert.equal(changeText(0.125, pct), '+12,5 %');
  assert.equal(changeText(-0.03, pct), '\u22123 %');
  assert.equal(changeText(0.00001, pct), '0 %');
  assert.equal(changeText(0, pct), '0 %');
  assert.equal(changeText(null, pct), null);
  assert.equal(changeText(Number.NaN, pct), null);
});

test('resources: planned against documented, the share only when both are known and the plan is not 0', () => {
  const rows = resourceRows({ plannedHours: 120, documentedHours: 90, hoursMonths: 9, plannedMoneyNok: null, documentedMoneyNok: 5000, moneyMonths: 2 }, 12);
  assert.deepEqual(rows, [
    { kind: 'hours', planned: 120, documented: 90, months: 9, monthsInUse: 12, share: 0.75 },
    { kind: 'money', planned: null, documented: 5000, months: 2, monthsInUse: 12, share: null },
  ]);
  assert.equal(shareOf(null, 100), null);
  assert.equal(shareOf(10, 0), null);
  assert.equal(shareOf(0, 10), 0);
});

test('a resource field: empty is not documented (null), a decimal comma is read, letters and negatives are refused', () => {
  assert.deepEqual(parseResource('', parseDecimal), { ok: true, value: null });
  assert.deepEqual(parseResource('  ', parseDecimal), { ok: true, value: null });
  assert.deepEqual(parseResource('12,5', parseDecimal), { ok: true, value: 12.5 });
  assert.deepEqual(parseResource('1 500', parseDecimal), { ok: true, value: 1500 });
  assert.deepEqual(parseResource('0', parseDecimal), { ok: true, value: 0 });
  assert.deepEqual(parseResource('tolv', parseDecimal), { ok: false, error: 'validation.decimal' });
  assert.deepEqual(parseResource('-3', parseDecimal), { ok: false, error: 'validation.notNegative' });
});

test('the annual reports list filters: a year (last year by default), a unit and a known state', () => {
  assert.deepEqual(readListFilters(new URLSearchParams('year=2024&unit=hf&state=overdue'), TODAY), { year: '2024', unit: 'hf', state: 'overdue' });
  assert.deepEqual(readListFilters(new URLSearchParams('year=24&state=late'), TODAY), { year: '2025', unit: '', state: '' });
  assert.equal(annualReportPath('hf ig/å', '2025'), '/annual-reports/hf%20ig%2F%C3%A5/2025');
});
