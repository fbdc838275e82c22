/**
 * One metric over a year for the annual report, pure: the year's value from its monthly parts
 * (by the metric's aggregation), the change against the year before, the least-squares trend
 * over the measured months and the seasonality (peak and low month against the mean of the
 * measured months). A month with no documented day is not measured (null), never 0, and takes
 * no part in the trend or the seasonality.
 */

/** How months add up to the year: sum (reach, clicks), last (followers), mean (rates, scores). */
export type YearAggregation = 'sum' | 'last' | 'mean';

/** A month's documented part: the sum of its documented daily values, their count, the value on its last documented day. */
export interface MonthPart {
  sum: number;
  days: number;
  lastValue: number | null;
}

/** A direction is flat when the slope is under this share of the mean per month. */
export const FLAT_BELOW_SHARE = 0.02;
/** Seasonality needs at least this many measured months. */
export const SEASONALITY_MIN_MONTHS = 6;

/** A month's value by the aggregation; null when nothing is documented in it. */
export function monthValue(part: MonthPart | null | undefined, aggregation: YearAggregation): number | null {
  if (!part || part.days <= 0) return null;
  if (aggregation === 'sum') return part.sum;
  if (aggregation === 'last') return part.lastValue;
  return part.sum / part.days;
}

/**
 * The value over several months (in calendar order): sums add up, `last` is the last documented
 * month's last value, `mean` is Σ sums / Σ documented days (the mean of the documented days, not
 * of the monthly means). Null when no month has a documented day.
 */
export function aggregateMonths(parts: readonly (MonthPart | null | undefined)[], aggregation: YearAggregation): number | null {
  let sum = 0;
  let days = 0;
  let last: number | null = null;
  for (const p of parts) {
    if (!p || p.days <= 0) continue;
    sum += p.sum;
    days += p.days;
    last = p.lastValue;
  }
  if (days === 0) return null;
  if (aggregation === 'sum') return sum;
  if (aggregation === 'last') return last;
  return sum / days;
}

/** (current − previous) / previous; null when either is not measured or previous is 0. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

export interface Trend {
  slopePerMonth: number | null;
  direction: 'up' | 'down' | 'flat' | null;
}

/**
 * The least-squares slope of the measured months' values against their month number (1–12),
 * per month; null with fewer than two measured months. Flat when |slope| is under 2 % of the
 * measured months' mean (a slope of 0 is always flat).
 */
export function trendOf(values: readonly (number | null)[]): Trend {
  const points = values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [{ x: i + 1, y: v }]));
  if (points.length < 2) return { slopePerMonth: null, direction: null };
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  const slope = sxy / sxx;
  const flat = slope === 0 || Math.abs(slope) < FLAT_BELOW_SHARE * Math.abs(my);
  return { slopePerMonth: slope, direction: flat ? 'flat' : slope > 0 ? 'up' : 'down' };
}

export interface Seasonality {
  peakMonth: string | null;
  lowMonth: string | null;
  /** The peak month's value / the mean of the measured months. */
  peakIndex: number | null;
  lowIndex: number | null;
}

const noSeason: Seasonality = { peakMonth: null, lowMonth: null, peakIndex: null, lowIndex: null };

/**
 * The highest and the lowest measured month (the earlier on a tie) and their index: the month's
 * value / the mean of the measured months (1.5: half again the average month). Null with under
 * six measured months; the indexes are null when the mean is 0.
 */
export function seasonalityOf(months: readonly { month: string; value: number | null }[]): Seasonality {
  const measured = months.filter((m): m is { month: string; value: number } => m.value !== null && Number.isFinite(m.value));
  if (measured.length < SEASONALITY_MIN_MONTHS) return { ...noSeason };
  let peak = measured[0]!;
  let low = measured[0]!;
  for (const m of measured) {
    if (m.value > peak.value) peak = m;
    if (m.value < low.value) low = m;
  }
  const mean = measured.reduce((s, m) => s + m.value, 0) / measured.length;
  return {
    peakMonth: peak.month,
    lowMonth: low.month,
    peakIndex: mean === 0 ? null : peak.value / mean,
    lowIndex: mean === 0 ? null : low.value / mean,
  };
}
