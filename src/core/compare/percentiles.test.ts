import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { percentileOfSorted, percentileRankOfSorted, percentiles, sortedValues } from './percentiles.ts';

const close = (actual: number | null | undefined, expected: number, msg?: string) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${msg ?? ''} ${actual} ≠ ${expected}`);

test('type 7 percentiles of 10, 20, 30, 40, 50 (hand-computed)', () => {
  // h = 4p: p10 → h 0.4 → 10 + 0.4·10 = 14; p25 → h 1 → 20; p50 → 30; p75 → h 3 → 40; p90 → h 3.6 → 46.
  const p = percentiles([50, 10, 40, 20, 30]);
  assert.ok(p);
  close(p.p10, 14);
  close(p.p25, 20);
  close(p.p50, 30);
  close(p.p75, 40);
  close(p.p90, 46);
});

test('type 7 percentiles with ties: 5, 5, 5, 10', () => {
  // h = 3p: p10 → 0.3 → 5; p25 → 0.75 → 5; p50 → 1.5 → 5; p75 → 2.25 → 5 + 0.25·5 = 6.25; p90 → 2.7 → 8.5.
  const p = percentiles([5, 10, 5, 5]);
  assert.deepEqual(p, { p10: 5, p25: 5, p50: 5, p75: 6.25, p90: 8.5 });
});

test('an even count: the median is the mean of the middle two', () => {
  const p = percentiles([1, 2, 3, 4]);
  close(p?.p50, 2.5);
  // h = 3·0.1 = 0.3 → 1.3; h = 3·0.9 = 2.7 → 3.7
  close(p?.p10, 1.3);
  close(p?.p90, 3.7);
});

test('one value, all equal, none', () => {
  assert.deepEqual(percentiles([42]), { p10: 42, p25: 42, p50: 42, p75: 42, p90: 42 });
  assert.deepEqual(percentiles([7, 7, 7]), { p10: 7, p25: 7, p50: 7, p75: 7, p90: 7 });
  assert.equal(percentiles([]), null);
  assert.equal(percentileOfSorted([], 0.5), null);
  assert.throws(() => percentileOfSorted([1], 1.5), RangeError);
  assert.throws(() => sortedValues([1, Number.NaN]), RangeError);
});

test('mid-rank percentile ranks (hand-computed)', () => {
  const s = [10, 20, 30, 40, 50];
  assert.deepEqual(s.map((v) => percentileRankOfSorted(s, v)), [10, 30, 50, 70, 90]);
  const ties = [5, 5, 5, 10];
  // 5: (0 + 1.5)/4 = 37.5 %; 10: (3 + 0.5)/4 = 87.5 %
  assert.equal(percentileRankOfSorted(ties, 5), 37.5);
  assert.equal(percentileRankOfSorted(ties, 10), 87.5);
  assert.equal(percentileRankOfSorted([3], 3), 50);
  assert.equal(percentileRankOfSorted([7, 7, 7], 7), 50);
  assert.equal(percentileRankOfSorted([], 7), null);
  // A value not in the set: below all → 0, above all → 100.
  assert.equal(percentileRankOfSorted(s, 1), 0);
  assert.equal(percentileRankOfSorted(s, 99), 100);
});

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });

test('property: percentiles are ordered and within the range of the values', () => {
  fc.assert(
    fc.property(values, (vs) => {
      const p = percentiles(vs);
      assert.ok(p);
      const min = Math.min(...vs);
      const max = Math.max(...vs);
      const seq = [min, p.p10, p.p25, p.p50, p.p75, p.p90, max];
      for (let i = 1; i < seq.length; i++) assert.ok((seq[i] as number) >= (seq[i - 1] as number) - 1e-6 * (1 + Math.abs(seq[i] as number)), `${seq}`);
    }),
  );
});

test('property: ranks lie strictly between 0 and 100, average 50, and follow the order of values', () => {
  fc.assert(
    fc.property(values, (vs) => {
      const s = sortedValues(vs);
      const ranks = vs.map((v) => percentileRankOfSorted(s, v) as number);
      for (const r of ranks) assert.ok(r > 0 && r < 100);
      close(ranks.reduce((a, b) => a + b, 0) / ranks.length, 50);
      for (let i = 0; i < vs.length; i++)
        for (let j = 0; j < vs.length; j++)
          if ((vs[i] as number) < (vs[j] as number)) assert.ok((ranks[i] as number) < (ranks[j] as number));
    }),
  );
});
