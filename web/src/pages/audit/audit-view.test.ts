import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportUrl, filterQuery, readFilters, shownChanges, valueText } from './audit-view.ts';

test('filters come from the address; bad days are dropped', () => {
  const f = readFilters(new URLSearchParams('from=2026-01-01&to=nope&unit=faculty-a&entityType=goal'));
  assert.deepEqual(f, { from: '2026-01-01', to: '', unit: 'faculty-a', entityType: 'goal', actor: '' });
  assert.deepEqual(filterQuery(f), { from: '2026-01-01', unit: 'faculty-a', entityType: 'goal' });
});

test('the download keeps the filters', () => {
  const f = readFilters(new URLSearchParams('from=2026-01-01&unit=a b'));
  assert.equal(exportUrl('/api/v1', f, 'xlsx', 'nb'), '/api/v1/audit-events/export?from=2026-01-01&unit=a+b&format=xlsx&locale=nb');
});

test('values read as short text', () => {
  assert.equal(valueText(null, '(empty)'), '(empty)');
  assert.equal(valueText('', '(empty)'), '(empty)');
  assert.equal(valueText(12, '-'), '12');
  assert.equal(valueText(['a', 'b'], '-'), '["a","b"]');
  const long = valueText('x'.repeat(500), '-');
  assert.equal(long.length, 120);
  assert.ok(long.endsWith('…'));
});

test('at most a few changed fields are listed, with the rest counted', () => {
  const changes = Array.from({ length: 8 }, (_, i) => ({ field: `f${i}`, before: null, after: i }));
  const e = { changes } as never;
  const { shown, more } = shownChanges(e, 6);
  assert.equal(shown.length, 6);
  assert.equal(more, 2);
});
