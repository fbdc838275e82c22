/**
 * Percentiles and percentile ranks of a small set of measured values (the accounts of one
 * platform). Pure; callers pass only measured numbers (nulls are excluded before, and counted).
 *
 * Percentile: linear interpolation between closest ranks, Hyndman & Fan's type 7 (the default of
 * R, NumPy and Excel's PERCENTILE.INC). With the values sorted x₀ ≤ … ≤ xₙ₋₁ and p in [0, 1]:
 *   h = (n − 1) · p,  Pₚ = x⌊h⌋ + (h − ⌊h⌋) · (x⌊h⌋₊₁ − x⌊h⌋).
 * Chosen over nearest rank because with the few accounts a platform often has (5–30) nearest
 * rank jumps from one account's value to the next, while type 7 moves smoothly, never leaves the
 * range of the values, gives the median as usually defined, and the same value for every
 * percentile when all values are equal or there is one value.
 *
 * Percentile rank of a value: the share of values below it, counting equal values half
 * ("mid-rank"): PR = (below + ½ · equal) / n × 100. Ties get the same rank; one account, or all
 * accounts equal, rank 50; the ranks of a set average exactly 50. The lowest of n distinct values
 * ranks 50/n, the highest 100 − 50/n: a rank is never 0 or 100, so "ranked" is never confused
 * with "not measured".
 */

/** Sorted copy, ascending. Throws on a non-finite value: nulls and NaN must be excluded first. */
export function sortedValues(values: readonly number[]): number[] {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`not a measured value: ${v}`);
  return [...values].sort((a, b) => a - b);
}

/** Type-7 percentile (p in [0, 1]) of ascending values; null for no values. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile ${p} is outside [0, 1]`);
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  // a + (h − lo)(b − a) without overshooting when a === b.
  return a === b ? a : a + (h - lo) * (b - a);
}

/** Mid-rank percentile rank (0 < PR < 100) of `value` among ascending values; null for none. */
export function percentileRankOfSorted(sorted: readonly number[], value: number): number | null {
  const n = sorted.length;
  if (n === 0 || !Number.isFinite(value)) return null;
  let below = 0;
  let equal = 0;
  for (const x of sorted) {
    if (x < value) below++;
    else if (x === value) equal++;
    else break;
  }
  return ((below + 0.5 * equal) / n) * 100;
}

export const benchmarkPercentiles = [10, 25, 50, 75, 90] as const;

export interface Percentiles {
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

/** p10, p25, p50, p75 and p90 of the values; null when there are none. */
export function percentiles(values: readonly number[]): Percentiles | null {
  const sorted = sortedValues(values);
  if (sorted.length === 0) return null;
  const at = (p: number) => percentileOfSorted(sorted, p) as number;
  return { p10: at(0.1), p25: at(0.25), p50: at(0.5), p75: at(0.75), p90: at(0.9) };
}
