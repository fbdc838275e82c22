import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, addMonths } from '../period/days.ts';
import { type SeriesPoint, forecastSeries, selectModel, toPoints } from './forecast.ts';
import { fitDamped, fitLinear, toGrid } from './models.ts';
import { tQuantile } from './t-quantile.ts';

/** Deterministic standard normal noise (mulberry32 + Box–Muller). */
function normalNoise(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const dailySeries = (start: string, n: number, f: (i: number) => number): SeriesPoint[] =>
  Array.from({ length: n }, (_, i) => ({ date: addDays(start, i), value: f(i) }));

test('t quantiles: exact for 1 and 2 degrees of freedom, close above', () => {
  assert.ok(Math.abs(tQuantile(0.9, 1) - 3.0777) < 1e-4);
  assert.ok(Math.abs(tQuantile(0.9, 2) - 1.8856) < 1e-4);
  assert.ok(Math.abs(tQuantile(0.9, 5) - 1.4759) < 2e-3);
  assert.ok(Math.abs(tQuantile(0.9, 30) - 1.3104) < 2e-3);
});

test('an exact line: linear model, exact forecast, an interval of ~zero width', () => {
  const series = dailySeries('2024-12-01', 30, (i) => 100 + 5 * i);
  const f = forecastSeries(series, 'day', '2025-01-30');
  assert.ok(f);
  assert.equal(f.model, 'linear');
  // 2025-01-30 is day 60 after 2024-12-01 → 100 + 5 × 60
  assert.ok(Math.abs(f.at.mean - 400) < 1e-6);
  assert.ok(f.at.upper - f.at.lower < 1e-6);
  assert.equal(f.points.length, 31); // 2024-12-31 … 2025-01-30
  assert.equal(f.points[0]?.date, '2024-12-31');
});

test('an exact exponential: the compound-growth model is chosen and forecasts it', () => {
  const series = Array.from({ length: 12 }, (_, i) => ({ date: addMonths('2024-01-01', i), value: 1000 * 1.05 ** i }));
  const f = forecastSeries(series, 'month', '2025-06-30');
  assert.ok(f);
  assert.equal(f.model, 'compound');
  assert.ok(Math.abs((f.params['growthPerStep'] ?? 0) - 0.05) < 1e-9);
  assert.ok(Math.abs(f.at.mean - 1000 * 1.05 ** 17) < 1e-6);
  assert.equal(f.points.length, 6);
  assert.equal(f.points[5]?.date, '2025-06-01');
  assert.equal(f.at.date, '2025-06-30');
});

test('a trend that levels off: the damped trend wins', () => {
  const series = dailySeries('2025-01-01', 24, (i) => 100 - 100 * 0.86 ** i);
  const f = forecastSeries(series, 'day', '2025-02-28');
  assert.ok(f);
  assert.equal(f.model, 'damped');
  assert.ok(Math.abs(f.at.mean - 100) < 1, `forecast ${f.at.mean} should approach the plateau`);
});

test('a noisy line: the interval covers the truth, and widens with the horizon', () => {
  const noise = normalNoise(42);
  const series = dailySeries('2025-01-01', 60, (i) => 200 + 3 * i + 10 * noise());
  const f = forecastSeries(series, 'day', addDays('2025-01-01', 89));
  assert.ok(f);
  const truth = 200 + 3 * 89;
  assert.ok(f.at.lower <= truth && truth <= f.at.upper, `${truth} in [${f.at.lower}, ${f.at.upper}]`);
  const widths = f.points.map((p) => p.upper - p.lower);
  for (let i = 1; i < widths.length; i++) assert.ok((widths[i] ?? 0) >= (widths[i - 1] ?? 0) - 1e-9);
});

test('80 % intervals cover about 80 % of new values (calibration over 300 noisy series)', () => {
  let covered = 0;
  const runs = 300;
  for (let seed = 1; seed <= runs; seed++) {
    const noise = normalNoise(seed);
    const series = dailySeries('2025-01-01', 40, (i) => 50 + 0.5 * i + 4 * noise());
    const f = forecastSeries(series, 'day', addDays('2025-01-01', 49));
    assert.ok(f);
    const future = 50 + 0.5 * 49 + 4 * noise();
    if (f.at.lower <= future && future <= f.at.upper) covered++;
  }
  const share = covered / runs;
  assert.ok(share > 0.7 && share < 0.92, `coverage ${share}`);
});

test('damped intervals widen with the horizon; gaps are put on the median step', () => {
  const weekly = Array.from({ length: 12 }, (_, i) => ({ x: 20000 + 7 * i, y: 1000 + 20 * i + (i % 2 ? 3 : -3) }));
  const grid = toGrid(weekly);
  assert.equal(grid?.unit, 7);
  assert.equal(grid?.ys.length, 12);
  const withGap = [{ x: 0, y: 0 }, { x: 1, y: 10 }, { x: 3, y: 30 }, { x: 4, y: 40 }];
  assert.deepEqual(toGrid(withGap)?.ys, [0, 10, 20, 30, 40]);
  const m = fitDamped(weekly);
  assert.ok(m);
  const near = m.predict(20000 + 7 * 12, 0.8);
  const far = m.predict(20000 + 7 * 30, 0.8);
  assert.ok(far.upper - far.lower > near.upper - near.lower);
});

test('too little to forecast, zeros rule out compound growth, duplicates keep the later value', () => {
  assert.equal(forecastSeries(dailySeries('2025-01-01', 2, (i) => i), 'day', '2025-02-01'), null);
  const withZero = dailySeries('2025-01-01', 12, (i) => 10 * i);
  const sel = selectModel(toPoints(withZero, 'day'));
  assert.equal(sel.candidates.find((c) => c.model === 'compound')?.holdoutRmse, null);
  assert.equal(sel.model, 'linear');
  assert.deepEqual(toPoints([{ date: '2025-01-02', value: 1 }, { date: '2025-01-01', value: 5 }, { date: '2025-01-02', value: 2 }], 'day').map((p) => p.y), [5, 2]);
  assert.equal(fitLinear([{ x: 1, y: 1 }, { x: 1, y: 2 }, { x: 1, y: 3 }]), null);
});

test('the forecast total of the remaining days: exact on a line, calibrated on noise', () => {
  const exact = forecastSeries(dailySeries('2025-01-01', 30, (i) => 10 + i), 'day', '2025-02-09');
  assert.ok(exact?.aggregate);
  // days 30 … 39: values 40 … 49, total 445
  assert.equal(exact.aggregate.steps, 10);
  assert.ok(Math.abs(exact.aggregate.total.mean - 445) < 1e-6);
  assert.ok(exact.aggregate.total.upper - exact.aggregate.total.lower < 1e-6);
  const later = forecastSeries(dailySeries('2025-01-01', 30, (i) => 10 + i), 'day', '2025-02-09', { aggregateFrom: '2025-02-05' });
  assert.equal(later?.aggregate?.steps, 5);
  let covered = 0;
  const runs = 200;
  for (let seed = 1; seed <= runs; seed++) {
    const noise = normalNoise(1000 + seed);
    const f = forecastSeries(dailySeries('2025-01-01', 40, (i) => 30 + 0.2 * i + 5 * noise()), 'day', addDays('2025-01-01', 69));
    assert.ok(f?.aggregate);
    let truth = 0;
    for (let i = 40; i < 70; i++) truth += 30 + 0.2 * i + 5 * noise();
    if (f.aggregate.total.lower <= truth && truth <= f.aggregate.total.upper) covered++;
  }
  assert.ok(covered / runs > 0.7 && covered / runs < 0.95, `coverage ${covered / runs}`);
});

test('any exact line is forecast exactly, and every interval contains its mean (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: -50, max: 50 }).filter((b) => b !== 0),
      fc.integer({ min: 8, max: 40 }),
      fc.integer({ min: 1, max: 60 }),
      (a, b, n, ahead) => {
        const f = forecastSeries(dailySeries('2025-01-01', n, (i) => a + b * i), 'day', addDays('2025-01-01', n - 1 + ahead));
        assert.ok(f);
        assert.equal(f.model, 'linear');
        assert.ok(Math.abs(f.at.mean - (a + b * (n - 1 + ahead))) < 1e-6 * Math.max(1, Math.abs(a) + Math.abs(b) * 100));
        for (const p of f.points) assert.ok(p.lower <= p.mean + 1e-9 && p.mean <= p.upper + 1e-9);
      },
    ),
    { numRuns: 60 },
  );
});
