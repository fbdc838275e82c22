import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMeasured, mainMetrics, yearOverYearSpec } from './annual-chart.ts';

const month = (m: string, value: number | null, previousYear: number | null) => ({ month: m, value, previousYear, documentedDays: 0, days: 31 });

test('a metric month by month against the year before, on the year’s months, not measured kept as null', () => {
  const spec = yearOverYearSpec({ unit: 'count', months: [month('2025-02', null, 7), month('2025-01', 10, null)] }, '2025', {
    title: 'Rekkevidde',
    year: '2025',
    previousYear: '2024',
  });
  assert.equal(spec.kind, 'time');
  assert.equal(spec.granularity, 'month');
  assert.deepEqual([spec.from, spec.to], ['2025-01', '2025-12']);
  assert.deepEqual(
    spec.series.map((s) => [s.name, s.points]),
    [
      ['2025', [{ at: '2025-01', value: 10 }, { at: '2025-02', value: null }]],
      ['2024', [{ at: '2025-01', value: null }, { at: '2025-02', value: 7 }]],
    ],
  );
  assert.equal('description' in spec, false);
  assert.equal(yearOverYearSpec({ unit: 'nonsense', months: [] }, '2025', { title: 'x', year: 'a', previousYear: 'b' }).unit, 'count');
  assert.equal(yearOverYearSpec({ unit: 'percent', months: [] }, '2025', { title: 'x', description: 'd', year: 'a', previousYear: 'b' }).description, 'd');
});

test('main metrics: the first ones measured in either year', () => {
  const metrics = [
    { key: 'a', months: [month('2025-01', null, null)] },
    { key: 'b', months: [month('2025-01', null, 3)] },
    { key: 'c', months: [month('2025-01', 0, null)] },
    { key: 'd', months: [month('2025-01', 5, 5)] },
  ];
  assert.equal(isMeasured(metrics[0]!), false);
  assert.equal(isMeasured(metrics[2]!), true, '0 is a measured value');
  assert.deepEqual(mainMetrics(metrics, 2).map((m) => m.key), ['b', 'c']);
  assert.deepEqual(mainMetrics(metrics, 10).map((m) => m.key), ['b', 'c', 'd']);
});
