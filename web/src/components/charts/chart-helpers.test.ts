// The table alternative of <Chart> and its download helpers (the component itself is tested in the
// browser by the pages that use it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataUrlBytes, hasData, tableView } from './chart-helpers.ts';
import type { TimeSeriesSpec } from '../../../../src/charts/spec.ts';

const spec: TimeSeriesSpec = {
  kind: 'time',
  title: 'Følgere per måned',
  unit: 'count',
  granularity: 'month',
  from: '2026-01',
  to: '2026-04',
  series: [{ key: 'followers', name: 'Følgere', points: [{ at: '2026-01', value: 12000 }, { at: '2026-02-01', value: 0 }, { at: '2026-04', value: 12345.25 }] }],
  target: { name: 'Mål', value: 15000 },
};

test('the table alternative: one row per month, headed by the month, "ikke målt" where nothing is documented', () => {
  const nb = tableView(spec, 'nb');
  assert.deepEqual(nb.columns, ['Måned', 'Følgere', 'Mål']);
  assert.deepEqual(nb.rows.map((r) => r.header), ['januar 2026', 'februar 2026', 'mars 2026', 'april 2026']);
  const norm = (s: string) => s.replace(/\s/g, ' ');
  assert.deepEqual(nb.rows.map((r) => r.cells.map(norm)), [
    ['12 000', '15 000'],
    ['0', '15 000'],
    ['ikke målt', '15 000'],
    ['12 345,25', '15 000'],
  ]);
  const en = tableView(spec, 'en');
  assert.deepEqual(en.rows[2], { header: 'March 2026', cells: ['not measured', '15,000'] });
});

test('a chart has data when a series has points, even if all are not measured', () => {
  assert.equal(hasData(spec), true);
  assert.equal(hasData({ ...spec, series: [{ key: 'x', name: 'x', points: [] }] }), false);
  assert.equal(hasData({ ...spec, series: [{ key: 'x', name: 'x', points: [{ at: '2026-01', value: null }] }] }), true);
});

test('data: URLs to bytes', () => {
  assert.deepEqual([...dataUrlBytes('data:image/png;base64,iVBORw==')], [0x89, 0x50, 0x4e, 0x47]);
  assert.equal(new TextDecoder().decode(dataUrlBytes('data:image/svg+xml;charset=utf-8,%3Csvg%3E')), '<svg>');
  assert.throws(() => dataUrlBytes('http://x'));
});
