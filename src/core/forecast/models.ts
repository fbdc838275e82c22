/**
 * Three forecast models for a series of points (x = time in steps, y = value), each with a
 * prediction interval from its residual standard error that widens with the horizon:
 *
 * - linear trend: ordinary least squares y = a + b·x (simple-statistics' linearRegression);
 *   interval ŷ ± t(n−2)·s·√(1 + 1/n + (x₀ − x̄)²/Sxx), s² = SSE/(n−2).
 * - compound growth: the same regression on ln y (all y > 0), growth (e^b − 1) per step; the
 *   forecast is e^(ln-forecast) (the median) and the interval is the log interval exponentiated.
 * - damped trend: Holt's linear method with a damped trend (additive errors), level ℓ, trend b,
 *   ŷ(t+h) = ℓ + (φ + φ² + … + φʰ)·b. α, β, φ are chosen by grid search on the sum of squared
 *   one-step-ahead errors (α, β ∈ {0.05, 0.10, …, 1}, φ ∈ {0.80, 0.82, …, 0.98}); ℓ₀ = y₀ and
 *   b₀ = y₁ − y₀. Interval: ŷ ± t(m−3)·σ·√(1 + Σ_{j<h} c_j²), with σ² = SSE/(m−3) over m
 *   one-step errors and c_j = w'F^{j−1}g the innovations-state-space weights
 *   (w = (1, φ), F = [[1, φ], [0, φ]], g = (α, αβ)). Holt needs equal steps: the points are put
 *   on a grid of the median gap, anchored at the last point, interpolating linearly in gaps.
 */
import { linearRegression, mean } from 'simple-statistics';
import { tQuantile } from './t-quantile.ts';

export interface Pt {
  x: number;
  y: number;
}

export const modelKinds = ['linear', 'compound', 'damped'] as const;
export type ModelKind = (typeof modelKinds)[number];

export interface Prediction {
  mean: number;
  lower: number;
  upper: number;
  /**
   * Share of the interval's standard error that is common to all future steps (parameter
   * uncertainty for the regressions, accumulated state shocks for Holt): √(se² − σ²) / se.
   * The rest, σ / se, is the step's own noise. Used to combine steps into a mean or total.
   */
  sharedFraction: number;
}

export interface FittedModel {
  kind: ModelKind;
  params: Record<string, number>;
  /** Residual standard error (of ln y for compound). */
  sigma: number;
  dof: number;
  predict(x: number, level: number): Prediction;
}

interface Ols {
  a: number;
  b: number;
  s: number;
  n: number;
  xMean: number;
  sxx: number;
}

function ols(points: readonly Pt[]): Ols | null {
  const n = points.length;
  if (n < 3) return null;
  const xMean = mean(points.map((p) => p.x));
  const sxx = points.reduce((acc, p) => acc + (p.x - xMean) ** 2, 0);
  if (sxx === 0) return null;
  const { m: b, b: a } = linearRegression(points.map((p) => [p.x, p.y]));
  const sse = points.reduce((acc, p) => acc + (p.y - (a + b * p.x)) ** 2, 0);
  return { a, b, s: Math.sqrt(sse / (n - 2)), n, xMean, sxx };
}

function olsPrediction(f: Ols, x: number, level: number): { mean: number; half: number; shared: number } {
  const leverage = 1 / f.n + (x - f.xMean) ** 2 / f.sxx;
  const se = f.s * Math.sqrt(1 + leverage);
  const half = tQuantile((1 + level) / 2, f.n - 2) * se;
  return { mean: f.a + f.b * x, half, shared: Math.sqrt(leverage / (1 + leverage)) };
}

export function fitLinear(points: readonly Pt[]): FittedModel | null {
  const f = ols(points);
  if (!f) return null;
  return {
    kind: 'linear',
    params: { intercept: f.a, slope: f.b },
    sigma: f.s,
    dof: f.n - 2,
    predict(x, level) {
      const { mean: m, half, shared } = olsPrediction(f, x, level);
      return { mean: m, lower: m - half, upper: m + half, sharedFraction: shared };
    },
  };
}

export function fitCompound(points: readonly Pt[]): FittedModel | null {
  if (points.some((p) => !(p.y > 0))) return null;
  const f = ols(points.map((p) => ({ x: p.x, y: Math.log(p.y) })));
  if (!f) return null;
  return {
    kind: 'compound',
    params: { logIntercept: f.a, logSlope: f.b, growthPerStep: Math.expm1(f.b) },
    sigma: f.s,
    dof: f.n - 2,
    predict(x, level) {
      const { mean: m, half, shared } = olsPrediction(f, x, level);
      return { mean: Math.exp(m), lower: Math.exp(m - half), upper: Math.exp(m + half), sharedFraction: shared };
    },
  };
}

/** Points on an equal-step grid of the median gap, anchored at the last point (linear interpolation). */
export function toGrid(points: readonly Pt[]): { unit: number; ys: number[]; xLast: number } | null {
  if (points.length < 2) return null;
  const gaps = points.slice(1).map((p, i) => p.x - (points[i] as Pt).x).filter((g) => g > 0).sort((a, b) => a - b);
  const unit = gaps[Math.floor((gaps.length - 1) / 2)];
  const first = points[0];
  const last = points.at(-1);
  if (unit === undefined || !first || !last) return null;
  const ys: number[] = [];
  let j = points.length - 1;
  for (let x = last.x; x >= first.x - 1e-9; x -= unit) {
    while (j > 0 && (points[j - 1] as Pt).x >= x) j--;
    const right = points[j] as Pt;
    const left = points[j - 1];
    if (right.x === x || !left) ys.push(right.y);
    else ys.push(left.y + ((right.y - left.y) * (x - left.x)) / (right.x - left.x));
  }
  return { unit, ys: ys.reverse(), xLast: last.x };
}

interface HoltRun {
  sse: number;
  level: number;
  trend: number;
}

function holtSse(ys: readonly number[], alpha: number, beta: number, phi: number): HoltRun {
  let level = ys[0] ?? 0;
  let trend = (ys[1] ?? level) - level;
  let sse = 0;
  for (let t = 1; t < ys.length; t++) {
    const y = ys[t] as number;
    const forecast = level + phi * trend;
    const e = y - forecast;
    sse += e * e;
    const newLevel = forecast + alpha * e;
    trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
    level = newLevel;
  }
  return { sse, level, trend };
}

const grid = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
  return out;
};
const ALPHAS = grid(0.05, 1, 0.05);
const BETAS = grid(0.05, 1, 0.05);
const PHIS = grid(0.8, 0.98, 0.02);

export function fitDamped(points: readonly Pt[]): FittedModel | null {
  const g = toGrid(points);
  if (!g || g.ys.length < 5) return null;
  let best = { sse: Number.POSITIVE_INFINITY, level: 0, trend: 0, alpha: 0, beta: 0, phi: 0 };
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const phi of PHIS) {
        const r = holtSse(g.ys, alpha, beta, phi);
        if (r.sse < best.sse) best = { ...r, alpha, beta, phi };
      }
    }
  }
  const m = g.ys.length - 1;
  const dof = m - 3;
  const sigma = Math.sqrt(best.sse / dof);
  const { alpha, beta, phi, level, trend } = best;
  return {
    kind: 'damped',
    params: { alpha, beta, phi, level, trend, step: g.unit },
    sigma,
    dof,
    predict(x, levelOfInterval) {
      const h = Math.max(0, (x - g.xLast) / g.unit);
      const damping = phi === 1 ? h : (phi * (1 - phi ** h)) / (1 - phi);
      const meanValue = level + damping * trend;
      // c_j = w' F^{j-1} g, iterating the state vector v = F^{j-1} g.
      let v0 = alpha;
      let v1 = alpha * beta;
      let sumSq = 0;
      for (let j = 1; j < Math.ceil(h); j++) {
        const c = v0 + phi * v1;
        sumSq += c * c;
        v0 = v0 + phi * v1;
        v1 = phi * v1;
      }
      const half = tQuantile((1 + levelOfInterval) / 2, dof) * sigma * Math.sqrt(1 + sumSq);
      return {
        mean: meanValue,
        lower: meanValue - half,
        upper: meanValue + half,
        sharedFraction: Math.sqrt(sumSq / (1 + sumSq)),
      };
    },
  };
}

export const fitters: Record<ModelKind, (points: readonly Pt[]) => FittedModel | null> = {
  linear: fitLinear,
  compound: fitCompound,
  damped: fitDamped,
};
