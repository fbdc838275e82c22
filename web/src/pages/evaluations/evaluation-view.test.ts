import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, countsByUnit, isChanged, missingForSigning, monthChoices, readFilters, withSign } from './evaluation-view.ts';

test('filters from the address keep only a month and a known state', () => {
  assert.deepEqual(readFilters(new URLSearchParams('unit=testfak&month=2026-10&state=overdue')), { unit: 'testfak', month: '2026-10', state: 'overdue' });
  assert.deepEqual(readFilters(new URLSearchParams('month=2026-13&state=late')), { unit: '', month: '', state: '' });
  assert.deepEqual(readFilters(new URLSearchParams('month=2026-1')), { unit: '', month: '', state: '' });
});

test('months are counted back across years', () => {
  assert.equal(addMonths('2026-03', 1), '2026-02');
  assert.equal(addMonths('2026-01', 1), '2025-12');
  assert.equal(addMonths('2026-01', 13), '2024-12');
  assert.equal(addMonths('2025-12', -1), '2026-01');
});

test('the month filter offers this month and the ones before, newest first, and a chosen month outside them', () => {
  assert.deepEqual(monthChoices('2026-02-10', 3), ['2026-02', '2026-01', '2025-12', '2025-11']);
  assert.deepEqual(monthChoices('2026-02-10', 1, '2024-05'), ['2026-02', '2026-01', '2024-05']);
  assert.deepEqual(monthChoices('2026-02-10', 1, '2026-01'), ['2026-02', '2026-01']);
  assert.deepEqual(monthChoices('2026-02-10', 1, 'nonsense'), ['2026-02', '2026-01']);
});

test('a change carries its sign; a fall keeps the minus it was formatted with', () => {
  assert.equal(withSign('12', 12), '+12');
  assert.equal(withSign('−3', -3), '−3');
  assert.equal(withSign('0', 0), '0');
});

test('signing needs an assessment, a decision, and an adjustment when the content is to be adjusted', () => {
  const missing = (assessment: string, decision: 'keep' | 'adjust_content' | 'escalate' | null, adjustment: string) =>
    missingForSigning({ assessment, decision, adjustment }, '2026-10', '2026-11-02');
  assert.deepEqual(missing(' ', null, ''), ['assessment', 'decision']);
  assert.deepEqual(missing('Bra måned', 'adjust_content', '  '), ['adjustment']);
  assert.deepEqual(missing('Bra måned', 'adjust_content', 'Flere reels'), []);
  assert.deepEqual(missing('Bra måned', 'keep', ''), []);
  assert.deepEqual(missing('Bra måned', 'escalate', ''), []);
  // Whether the month has ended is the server's to say: it is not a field of the form.
  assert.deepEqual(missingForSigning({ assessment: 'a', decision: 'keep', adjustment: '' }, '2026-11', '2026-11-02'), []);
});

test('the form is changed when any field differs from what is saved', () => {
  const saved = { assessment: 'a', decision: null, adjustment: '' };
  assert.equal(isChanged(saved, { ...saved }), false);
  assert.equal(isChanged(saved, { ...saved, decision: 'keep' }), true);
  assert.equal(isChanged(saved, { ...saved, adjustment: 'x' }), true);
  assert.equal(isChanged(saved, { ...saved, assessment: 'b' }), true);
});

test('evaluations are counted per unit and state, the units by name', () => {
  const a = { id: 'u1', slug: 'a', name: 'Økonomi' };
  const b = { id: 'u2', slug: 'b', name: 'Avdeling for kommunikasjon' };
  const counted = countsByUnit([
    { unit: a, state: 'overdue' },
    { unit: b, state: 'signed' },
    { unit: a, state: 'overdue' },
    { unit: a, state: 'signed' },
    { unit: b, state: 'due' },
  ]);
  assert.deepEqual(counted, [
    { unit: b, counts: { overdue: 0, due: 1, upcoming: 0, signed: 1 } },
    { unit: a, counts: { overdue: 2, due: 0, upcoming: 0, signed: 1 } },
  ]);
  assert.deepEqual(countsByUnit([]), []);
});
