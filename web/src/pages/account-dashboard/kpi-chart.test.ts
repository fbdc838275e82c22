import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable } from '../../../../src/charts/table.ts';
import type { AccountSeriesOut } from '../../../../src/contract/dashboards.ts';
import { chartUnit, fillBand, granularityFor, kpiTimeSpec, monthsSpec, targetFitsMonths, type KpiSeries } from './kpi-chart.ts';

const texts = { title: 'Reach', actual: 'Actual', target: 'Target', pace: 'Pace', forecast: 'Forecast', band: '80 % interval' };

test('chartUnit keeps catalogue units and draws anything else as a count', () => {
  assert.equal(chartUnit('percent'), 'percent');
  assert.equal(chartUnit('nok'), 'nok');
  assert.equal(chartUnit('per_post_thing'), 'count');
});

test('fillBand fills the days between two forecast points on straight lines', () => {
  const filled = fillBand([
    { date: '2026-03-05', mean: 40, lower: 30, upper: 50 },
    { date: '2026-03-01', mean: 0, lower: 0, upper: 0 },
  ]);
  assert.deepEqual(
    filled.map((b) => [b.date, b.mean, b.lower, b.upper]),
    [
      ['2026-03-01', 0, 0, 0],
      ['2026-03-02', 10, 7.5, 12.5],
      ['2026-03-03', 20, 15, 25],
      ['2026-03-04', 30, 22.5, 37.5],
      ['2026-03-05', 40, 30, 50],
    ],
  );
  // Neighbouring days are left as they are.
  assert.equal(fillBand([{ date: '2026-03-01', mean: 1, lower: 0, upper: 2 }, { date: '2026-03-02', mean: 2, lower: 1, upper: 3 }]).length, 2);
});

test('kpiTimeSpec: history, target, pace and band on one daily axis; the table shows the numbers', () => {
  const series: KpiSeries = {
    history: [
      { date: '2026-01-01', value: 100 },
      { date: '2026-01-02', value: 120 },
    ],
    band: [
      { date: '2026-01-03', mean: 130, lower: 110, upper: 150 },
      { date: '2026-01-04', mean: 140, lower: 112, upper: 168 },
    ],
    target: 200,
    pace: { from: { date: '2026-01-01', value: 100 }, to: { date: '2026-01-05', value: 200 } },
    cumulative: false,
  };
  const spec = kpiTimeSpec(series, 'day', 'count', texts);
  assert.ok(spec);
  assert.equal(spec.granularity, 'day');
  assert.equal(spec.from, '2026-01-01');
  assert.equal(spec.to, '2026-01-05');
  assert.deepEqual(spec.target, { name: 'Target', value: 200 });
  assert.deepEqual(spec.pace?.to, { at: '2026-01-05', value: 200 });
  assert.equal(spec.forecast?.points.length, 2);
  const table = formatTable(spec, 'en');
  assert.deepEqual(table.columns, ['Date', 'Actual', 'Target', 'Pace', 'Forecast', '80 % interval (lower)', '80 % interval (upper)']);
  assert.equal(table.rows.length, 5);
  // 2 January: actual 120, target 200, pace 125; no forecast yet.
  assert.deepEqual(table.rows[1]?.slice(1), ['120', '200', '125', '', '', '']);
  // 5 January: nothing documented (not 0), the pace reaches the target.
  assert.deepEqual(table.rows[4]?.slice(1, 4), ['not measured', '200', '200']);
});

test('kpiTimeSpec: a monthly forecast is drawn by month; nothing to draw gives null', () => {
  const spec = kpiTimeSpec(
    { history: [{ date: '2026-01-31', value: 5 }], band: [{ date: '2026-03-31', mean: 6, lower: 4, upper: 8 }], target: null, pace: null, cumulative: false },
    'month',
    'percent',
    texts,
  );
  assert.ok(spec);
  assert.equal(spec.granularity, 'month');
  assert.deepEqual([spec.from, spec.to], ['2026-01', '2026-03']);
  assert.equal(spec.target, null);
  assert.equal(spec.unit, 'percent');
  assert.equal(kpiTimeSpec({ history: [], band: [], target: 5, pace: null, cumulative: false }, 'day', 'count', texts), null);
});

test('kpiTimeSpec: a running total is drawn by day with its fan filled in', () => {
  const spec = kpiTimeSpec(
    {
      history: [
        { date: '2026-01-01', value: 10 },
        { date: '2026-01-02', value: 30 },
      ],
      band: [
        { date: '2026-01-02', mean: 30, lower: 30, upper: 30 },
        { date: '2026-01-06', mean: 70, lower: 50, upper: 90 },
      ],
      target: 100,
      pace: null,
      cumulative: true,
    },
    'month',
    'count',
    texts,
  );
  assert.ok(spec);
  assert.equal(spec.granularity, 'day');
  assert.equal(spec.forecast?.points.length, 5);
  assert.deepEqual(spec.forecast?.points[2], { at: '2026-01-04', mean: 50, lower: 40, upper: 60 });
});

test('targetFitsMonths: only where a month can be read against the target', () => {
  assert.equal(targetFitsMonths({ measurement: 'per_month', target: 10 }, 'sum'), true);
  assert.equal(targetFitsMonths({ measurement: 'per_month', target: null }, 'sum'), false);
  assert.equal(targetFitsMonths({ measurement: 'at_deadline', target: 10 }, 'latest'), true);
  assert.equal(targetFitsMonths({ measurement: 'at_deadline', target: 10 }, 'sum'), false);
  assert.equal(targetFitsMonths({ measurement: 'per_day', target: 10 }, 'mean'), true);
  assert.equal(targetFitsMonths({ measurement: 'per_day', target: 10 }, 'sum'), false);
  assert.equal(targetFitsMonths({ measurement: 'over_period', target: 10 }, 'sum'), false);
  assert.equal(targetFitsMonths({ measurement: 'per_post', target: 10 }, 'sum'), false);
});

test('monthsSpec: the months of the period with not measured kept as such', () => {
  const series: AccountSeriesOut = {
    account: { id: 'a', slug: 'a', name: 'A', platform: 'instagram' },
    metric: 'reach',
    aggregation: 'sum',
    periods: { period: { start: '2026-01-01', end: '2026-03-31' }, previous: null, sameLastYear: null },
    months: [
      { month: '2026-01', value: 30, documented: 2, expected: 31, coverage: 2 / 31 },
      { month: '2026-02', value: 280, documented: 28, expected: 28, coverage: 1 },
      { month: '2026-03', value: null, documented: 0, expected: 31, coverage: 0 },
    ],
    total: { value: 310, documented: 30, expected: 90, coverage: 30 / 90 },
    previous: null,
    sameLastYear: null,
  };
  const perMonth = monthsSpec(series, { measurement: 'per_month', target: 250 }, 'count', texts);
  assert.deepEqual([perMonth.from, perMonth.to, perMonth.granularity], ['2026-01', '2026-03', 'month']);
  assert.deepEqual(perMonth.target, { name: 'Target', value: 250 });
  const table = formatTable(perMonth, 'en');
  assert.deepEqual(table.rows.map((r) => r[1]), ['30', '280', 'not measured']);
  assert.equal(monthsSpec(series, { measurement: 'over_period', target: 250 }, 'count', texts).target, null);
});

test('granularityFor: a few values on a long daily axis are drawn by month', () => {
  const one = { cumulative: false, history: [{ date: '2026-10-01', value: 55 }] };
  assert.equal(granularityFor(one, 'day', { from: '2026-07-15', to: '2027-01-21' }), 'month');
  assert.equal(granularityFor(one, 'day', { from: '2026-10-01', to: '2026-11-30' }), 'day');
  const many = { cumulative: false, history: Array.from({ length: 8 }, (_, i) => ({ date: `2026-10-0${i + 1}`, value: i })) };
  assert.equal(granularityFor(many, 'day', { from: '2026-07-15', to: '2027-01-21' }), 'day');
  assert.equal(granularityFor({ ...one, cumulative: true }, 'month', { from: '2026-07-15', to: '2027-01-21' }), 'day');
  assert.equal(granularityFor(many, 'month', { from: '2026-10-01', to: '2026-10-08' }), 'month');
});
