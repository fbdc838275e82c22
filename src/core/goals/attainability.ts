/**
 * Attainable (the A of SMART): is the target likely by the deadline, judged from the account's
 * own history? The history is forecast to the deadline (forecast/forecast.ts) with an 80 %
 * interval, and:
 * - likely: the whole interval is on the good side of the target (at_least: target ≤ lower;
 *   at_most: target ≥ upper);
 * - unlikely: the whole interval is on the bad side (at_least: target > upper; at_most:
 *   target < lower);
 * - uncertain: the target lies inside the interval;
 * - insufficient_history: fewer than 8 values, or for a daily series less than 8 weeks
 *   (56 days) from the first to the last value; the result says how much more is needed.
 *
 * Two kinds of target: `level` (the series' value at the deadline: followers, a monthly value,
 * a rate) and `total` (the sum of the daily or monthly values from the goal's start to the
 * deadline: link clicks over the period). For a total, the projection is what is documented
 * from the start to asOf plus the forecast of every step after the last documented value.
 *
 * It also compares the growth the target needs with the growth the account has shown:
 * for a level, per step (day or month) from the last value to the target, and as compound
 * growth per month; shown: the linear trend's slope and the compound model's monthly growth
 * fitted to the history. For a total, the mean value per step still needed against the mean
 * per step in the history.
 */
import { fitCompound, fitLinear } from '../forecast/models.ts';
import { type Forecast, type SeriesPoint, type Step, forecastSeries, toPoints, xOf } from '../forecast/forecast.ts';
import type { Comparator } from '../kpi/types.ts';
import { type Day, addDays, compareDays, daysBetween, maxDay } from '../period/days.ts';
import { type Message, fmt, message } from './messages.ts';

export const MIN_HISTORY_POINTS = 8;
export const MIN_HISTORY_DAYS = 56;
const DAYS_PER_MONTH = 365.25 / 12;

export type Verdict = 'likely' | 'uncertain' | 'unlikely' | 'insufficient_history';

export interface AttainabilityInput {
  kind: 'level' | 'total';
  comparator: Comparator;
  target: number;
  /** The goal's start; for a total, values from here to asOf count as achieved. */
  start: Day;
  deadline: Day;
  asOf: Day;
  step: Step;
  /** The account's own documented values (daily or monthly by `step`); later than asOf is ignored. */
  history: readonly SeriesPoint[];
}

export interface Growth {
  /** Change per step (day or month) in the metric's unit (for a total: mean value per step). */
  perStep: number | null;
  /** Compound growth per month, in percent (levels only). */
  perMonthPercent: number | null;
}

export interface Attainability {
  verdict: Verdict;
  /** Where the target lies relative to the 80 % interval. */
  targetPosition: 'below' | 'inside' | 'above' | null;
  /** The projected value at the deadline (level) or the projected total (total). */
  projection: { mean: number; lower: number; upper: number } | null;
  achievedSoFar: number | null;
  forecast: Forecast | null;
  needed: Growth;
  shown: Growth;
  history: { points: number; spanDays: number };
  /** What is still needed before attainability can be judged (insufficient_history only). */
  missing: { points: number; days: number } | null;
  message: Message;
}

function compoundPerMonth(from: number, to: number, months: number): number | null {
  if (!(from > 0) || !(to > 0) || !(months > 0)) return null;
  return ((to / from) ** (1 / months) - 1) * 100;
}

const EMPTY: Growth = { perStep: null, perMonthPercent: null };

function tooLittle(step: Step, points: number, spanDays: number): Attainability {
  const minDays = step === 'day' ? MIN_HISTORY_DAYS : 0;
  const missing = { points: Math.max(0, MIN_HISTORY_POINTS - points), days: Math.max(0, minDays - spanDays) };
  const params = {
    points, minPoints: MIN_HISTORY_POINTS, days: spanDays, minDays, missingPoints: missing.points, missingDays: missing.days,
  };
  const english =
    step === 'day'
      ? 'Too little history to judge: {points} values over {days} days; at least {minPoints} values over {minDays} days' +
        ' are needed ({missingPoints} more values, {missingDays} more days).'
      : 'Too little history to judge: {points} monthly values; at least {minPoints} are needed ({missingPoints} more).';
  return {
    verdict: 'insufficient_history', targetPosition: null, projection: null, achievedSoFar: null, forecast: null,
    needed: EMPTY, shown: EMPTY, history: { points, spanDays }, missing,
    message: message('goals.attainability.insufficient_history', params, english),
  };
}

const ENGLISH: Record<Exclude<Verdict, 'insufficient_history'>, string> = {
  likely: 'Likely: the forecast for {deadline} is {mean} (80 % interval {lower}–{upper}), on the right side of the target {target}.',
  uncertain: 'Uncertain: the target {target} lies inside the 80 % interval {lower}–{upper} forecast for {deadline}.',
  unlikely:
    'Unlikely: the target {target} lies outside the 80 % interval {lower}–{upper} forecast for {deadline}.' +
    ' It needs {neededPerStep} per {step}; the account has shown {shownPerStep} per {step}.',
};

export function assessAttainability(input: AttainabilityInput): Attainability {
  const { kind, comparator, target, start, deadline, asOf, step } = input;
  const history = input.history.filter((p) => compareDays(p.date, asOf) <= 0 && Number.isFinite(p.value));
  const points = toPoints(history, step);
  const sorted = [...history].sort((a, b) => compareDays(a.date, b.date));
  const first = sorted[0];
  const last = sorted.at(-1);
  const spanDays = first && last ? daysBetween(first.date, last.date) : 0;
  const minDays = step === 'day' ? MIN_HISTORY_DAYS : 0;
  if (points.length < MIN_HISTORY_POINTS || spanDays < minDays || !last) return tooLittle(step, points.length, spanDays);

  const forecast = forecastSeries(history, step, deadline, { aggregateFrom: maxDay(start, addDays(last.date, 1)) });
  if (!forecast) return { ...tooLittle(step, points.length, spanDays), missing: { points: 0, days: 0 } };
  const stepsPerMonth = step === 'day' ? DAYS_PER_MONTH : 1;
  let projection: { mean: number; lower: number; upper: number };
  let achievedSoFar: number | null = null;
  let needed: Growth;
  let shown: Growth;
  if (kind === 'level') {
    projection = { mean: forecast.at.mean, lower: forecast.at.lower, upper: forecast.at.upper };
    const stepsLeft = Math.max(0, xOf(deadline, step) - xOf(last.date, step));
    needed = {
      perStep: stepsLeft > 0 ? (target - last.value) / stepsLeft : null,
      perMonthPercent: compoundPerMonth(last.value, target, stepsLeft / stepsPerMonth),
    };
    const compound = fitCompound(points);
    shown = {
      perStep: fitLinear(points)?.params['slope'] ?? null,
      perMonthPercent: compound ? Math.expm1((compound.params['logSlope'] ?? 0) * stepsPerMonth) * 100 : null,
    };
  } else {
    const soFar = history.filter((p) => compareDays(p.date, start) >= 0).reduce((a, p) => a + p.value, 0);
    const total = forecast.aggregate?.total ?? { mean: 0, lower: 0, upper: 0 };
    const remaining = forecast.aggregate?.steps ?? 0;
    achievedSoFar = soFar;
    projection = { mean: soFar + total.mean, lower: soFar + total.lower, upper: soFar + total.upper };
    needed = { perStep: remaining > 0 ? (target - soFar) / remaining : null, perMonthPercent: null };
    shown = { perStep: points.reduce((a, p) => a + p.y, 0) / points.length, perMonthPercent: null };
  }

  const targetPosition = target < projection.lower ? 'below' : target > projection.upper ? 'above' : 'inside';
  const good = comparator === 'at_least' ? 'below' : 'above';
  const verdict: Verdict = targetPosition === 'inside' ? 'uncertain' : targetPosition === good ? 'likely' : 'unlikely';
  const params = {
    target: fmt(target, 2),
    lower: fmt(projection.lower),
    upper: fmt(projection.upper),
    mean: fmt(projection.mean),
    deadline,
    neededPerStep: needed.perStep === null ? '–' : fmt(needed.perStep, 2),
    shownPerStep: shown.perStep === null ? '–' : fmt(shown.perStep, 2),
    step,
  };
  return {
    verdict, targetPosition, projection, achievedSoFar, forecast, needed, shown,
    history: { points: points.length, spanDays }, missing: null,
    message: message(`goals.attainability.${verdict}`, params, ENGLISH[verdict]),
  };
}
