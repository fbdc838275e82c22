/**
 * Forecast a daily or monthly series to a date with an 80 % prediction interval, choosing the
 * model by holdout error:
 *
 * 1. The last h = max(2, round(n / 4)) points are held out; each model (models.ts) is fitted to
 *    the rest and forecasts them; its score is the root mean squared error on those points.
 *    Holdout error measures what we need (forecasting ahead) and compares model classes on one
 *    scale, which in-sample criteria such as AIC do not do across a regression, a log
 *    regression and exponential smoothing.
 * 2. The lowest score wins; scores within 1e-9 of the best (relative to the series' scale)
 *    count as a tie, won by the simpler model in the order linear, compound, damped.
 * 3. The winner is refitted on all points and forecasts every step to the date.
 * With fewer than 6 points the holdout is too short to compare and the linear trend is used.
 *
 * Time: a daily series uses x = day number, a monthly one x = month index (forecast points are
 * dated the 1st of each month). Missing days are gaps in x, not zeros.
 */
import { type Day, addDays, compareDays, dayNumber, formatDay, monthIndex } from '../period/days.ts';
import { type FittedModel, type ModelKind, type Pt, fitters, modelKinds } from './models.ts';

export type Step = 'day' | 'month';

export interface SeriesPoint {
  date: Day;
  value: number;
}

export interface ForecastPoint {
  date: Day;
  mean: number;
  lower: number;
  upper: number;
}

/** The forecast mean of the values over several future steps, and the forecast total. */
export interface ForecastAggregate {
  steps: number;
  mean: ForecastPoint;
  total: { mean: number; lower: number; upper: number };
}

export interface Candidate {
  model: ModelKind;
  /** RMSE on the held-out points; null when the model could not be fitted (e.g. compound with zeros). */
  holdoutRmse: number | null;
}

export interface Forecast {
  model: ModelKind;
  step: Step;
  level: number;
  params: Record<string, number>;
  residualStandardError: number;
  candidates: Candidate[];
  holdout: number;
  /** Every step after the last observation up to and including `until`. */
  points: ForecastPoint[];
  /** The forecast at `until`. */
  at: ForecastPoint;
  /**
   * The mean and total of the values of all forecast steps (for targets that are sums). The
   * interval combines the steps' shared uncertainty as fully correlated (averaged) and their
   * own noise as independent (shrinking with √steps): half = √(shared̄² + noise²/steps), where
   * each step's half-width is split by its `sharedFraction`. null when there are no steps.
   */
  aggregate: ForecastAggregate | null;
}

type StepPrediction = ForecastPoint & { sharedFraction: number };

function aggregateSteps(points: readonly StepPrediction[], until: Day): ForecastAggregate | null {
  const k = points.length;
  if (k === 0) return null;
  let mean = 0;
  let sharedLow = 0;
  let sharedHigh = 0;
  let noiseLowSq = 0;
  let noiseHighSq = 0;
  for (const p of points) {
    const f = p.sharedFraction;
    const noise = Math.sqrt(Math.max(0, 1 - f * f));
    mean += p.mean / k;
    sharedLow += ((p.mean - p.lower) * f) / k;
    sharedHigh += ((p.upper - p.mean) * f) / k;
    noiseLowSq += ((p.mean - p.lower) * noise) ** 2 / k;
    noiseHighSq += ((p.upper - p.mean) * noise) ** 2 / k;
  }
  const lower = mean - Math.sqrt(sharedLow ** 2 + noiseLowSq / k);
  const upper = mean + Math.sqrt(sharedHigh ** 2 + noiseHighSq / k);
  return {
    steps: k,
    mean: { date: until, mean, lower, upper },
    total: { mean: mean * k, lower: lower * k, upper: upper * k },
  };
}

export const INTERVAL_LEVEL = 0.8;
const MIN_POINTS_TO_COMPARE = 6;

export function xOf(date: Day, step: Step): number {
  return step === 'day' ? dayNumber(date) : monthIndex(date);
}

function dateOf(x: number, step: Step): Day {
  if (step === 'day') return addDays('1970-01-01', x);
  const year = Math.floor(x / 12);
  return formatDay(year, x - year * 12 + 1, 1);
}

/** Points in time order with one value per x (the later of duplicates), finite values only. */
export function toPoints(series: readonly SeriesPoint[], step: Step): Pt[] {
  const byX = new Map<number, number>();
  for (const p of [...series].sort((a, b) => compareDays(a.date, b.date))) {
    if (Number.isFinite(p.value)) byX.set(xOf(p.date, step), p.value);
  }
  return [...byX.entries()].sort((a, b) => a[0] - b[0]).map(([x, y]) => ({ x, y }));
}

function holdoutRmse(kind: ModelKind, points: readonly Pt[], holdout: number): number | null {
  const train = points.slice(0, points.length - holdout);
  const test = points.slice(points.length - holdout);
  const model = fitters[kind](train);
  if (!model) return null;
  const sq = test.map((p) => (p.y - model.predict(p.x, INTERVAL_LEVEL).mean) ** 2);
  const rmse = Math.sqrt(sq.reduce((a, b) => a + b, 0) / sq.length);
  return Number.isFinite(rmse) ? rmse : null;
}

/** Choose a model by holdout error (see above); the candidates' scores are returned for the trace. */
export function selectModel(points: readonly Pt[]): { model: ModelKind; candidates: Candidate[]; holdout: number } {
  const n = points.length;
  if (n < MIN_POINTS_TO_COMPARE) {
    return { model: 'linear', candidates: modelKinds.map((m) => ({ model: m, holdoutRmse: null })), holdout: 0 };
  }
  const holdout = Math.max(2, Math.round(n / 4));
  const candidates = modelKinds.map((model) => ({ model, holdoutRmse: holdoutRmse(model, points, holdout) }));
  const scale = Math.max(1, ...points.map((p) => Math.abs(p.y)));
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.holdoutRmse === null || fitters[c.model](points) === null) continue;
    if (!best || best.holdoutRmse === null || c.holdoutRmse < best.holdoutRmse - 1e-9 * scale) best = c;
  }
  return { model: best?.model ?? 'linear', candidates, holdout };
}

/**
 * Forecast `series` (daily or monthly values) to `until`; `aggregateFrom` limits the mean and
 * total to the steps from that date on (default: every forecast step). null when fewer than 3 usable points
 * or no model fits (all on one day, say); attainability.ts asks for more history than this.
 */
export function forecastSeries(
  series: readonly SeriesPoint[],
  step: Step,
  until: Day,
  options: { aggregateFrom?: Day } = {},
): Forecast | null {
  const points = toPoints(series, step);
  if (points.length < 3) return null;
  const selection = selectModel(points);
  let fitted: FittedModel | null = fitters[selection.model](points);
  if (!fitted) fitted = fitters.linear(points);
  if (!fitted) return null;
  const model = fitted;
  const last = points.at(-1) as Pt;
  const end = xOf(until, step);
  const steps: StepPrediction[] = [];
  for (let x = last.x + 1; x <= end; x++) steps.push({ date: dateOf(x, step), ...model.predict(x, INTERVAL_LEVEL) });
  const out: ForecastPoint[] = steps.map(({ date, mean, lower, upper }) => ({ date, mean, lower, upper }));
  const { sharedFraction: _, ...lastPrediction } = model.predict(Math.max(end, last.x), INTERVAL_LEVEL);
  const at = out.at(-1) ?? { date: until, ...lastPrediction };
  const from = options.aggregateFrom === undefined ? null : xOf(options.aggregateFrom, step);
  return {
    model: model.kind,
    step,
    level: INTERVAL_LEVEL,
    params: model.params,
    residualStandardError: model.sigma,
    candidates: selection.candidates,
    holdout: selection.holdout,
    points: out,
    at: { ...at, date: until },
    aggregate: aggregateSteps(from === null ? steps : steps.filter((p) => xOf(p.date, step) >= from), until),
  };
}
