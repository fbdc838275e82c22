/**
 * Pace, progress and status of a KPI: the rules, separate from how the actual value is found.
 *
 * Shapes of a KPI (decided in evaluate.ts):
 * - `cumulative`: a sum that only grows over the goal (a count over the period). The pace line
 *   runs from the baseline (0 unless given) on the day before the start to the target at the
 *   end of the deadline: expected = b + (t − b) × days elapsed incl. asOf / days in the goal.
 * - `level`: a value at a point in time (followers, audience share, growth so far). The line runs
 *   from the baseline on the start day to the target on the deadline:
 *   expected = b + (t − b) × (asOf − start) / (deadline − start).
 * - `average`: a mean or rate (per post, per day, per month). With a baseline, the line is drawn
 *   as for a level; without one, the pace is the target itself (flat line).
 *
 * Status, with "meets" meaning actual ≥ target for at_least and actual ≤ target for at_most:
 * 1. not_measured: the goal has not started (asOf < start), or the actual value is null.
 * 2. On or after the deadline (asOf ≥ deadline): met if the actual meets the target, else missed.
 * 3. Before the deadline, for a cumulative shape only: met as soon as an at_least target is
 *    reached (a sum of non-negative counts cannot fall back), missed as soon as an at_most
 *    target is exceeded (it cannot come back under).
 * 4. Before the deadline otherwise: on_track if the actual is at or better than the pace
 *    (≥ pace for at_least, ≤ pace for at_most), else at_risk.
 *
 * Progress, the share of the way from baseline to target: (actual − b) / (t − b), not clamped
 * (1 = target reached, above 1 = beyond it, below 0 = moved away). With no baseline, at_least
 * uses b = 0 (actual / target); at_most has no meaningful start point and progress is null.
 * When t = b, progress is 1 if the target is met, else 0.
 */
import { type Day, daysBetween, daysInclusive } from '../period/days.ts';
import type { Comparator } from './types.ts';

export const kpiStatuses = ['met', 'on_track', 'at_risk', 'missed', 'not_measured'] as const;
export type KpiStatus = (typeof kpiStatuses)[number];

export type KpiShape = 'cumulative' | 'level' | 'average';

export function meets(comparator: Comparator, actual: number, target: number): boolean {
  return comparator === 'at_least' ? actual >= target : actual <= target;
}

/** Share of the goal's time elapsed at `asOf`, 0 … 1, by the shape's convention (see above). */
export function elapsedShare(shape: KpiShape, start: Day, deadline: Day, asOf: Day): number {
  let share: number;
  if (shape === 'cumulative') {
    share = daysInclusive(start, asOf) / daysInclusive(start, deadline);
  } else {
    const total = daysBetween(start, deadline);
    share = total <= 0 ? 1 : daysBetween(start, asOf) / total;
  }
  return Math.min(1, Math.max(0, share));
}

/** The expected value at `asOf` on the straight line from baseline to target; the target when there is no baseline. */
export function paceAt(
  shape: KpiShape,
  baseline: number | null,
  target: number,
  start: Day,
  deadline: Day,
  asOf: Day,
): number {
  if (baseline === null) return target;
  return baseline + (target - baseline) * elapsedShare(shape, start, deadline, asOf);
}

export function progressOf(
  comparator: Comparator,
  actual: number | null,
  baseline: number | null,
  target: number,
): number | null {
  if (actual === null) return null;
  const b = baseline ?? (comparator === 'at_least' ? 0 : null);
  if (b === null) return null;
  if (target === b) return meets(comparator, actual, target) ? 1 : 0;
  return (actual - b) / (target - b);
}

export function statusOf(input: {
  shape: KpiShape;
  comparator: Comparator;
  actual: number | null;
  target: number;
  pace: number | null;
  start: Day;
  deadline: Day;
  asOf: Day;
}): KpiStatus {
  const { shape, comparator, actual, target, pace, start, deadline, asOf } = input;
  if (actual === null || daysBetween(start, asOf) < 0) return 'not_measured';
  if (daysBetween(deadline, asOf) >= 0) return meets(comparator, actual, target) ? 'met' : 'missed';
  if (shape === 'cumulative') {
    if (comparator === 'at_least' && actual >= target) return 'met';
    if (comparator === 'at_most' && actual > target) return 'missed';
  }
  if (pace === null) return 'on_track';
  return meets(comparator, actual, pace) ? 'on_track' : 'at_risk';
}
