/**
 * Evaluating goals' KPIs: the statistics window and datasets a goal needs, and the core's
 * evaluation and attainability as the contract shows them.
 */
import { type Day, addDays, compareDays, daysInclusive, minDay } from '../../core/period/days.ts';
import type { Platform } from '../../core/platforms.ts';
import { evaluateKpi } from '../../core/kpi/evaluate.ts';
import { type Dataset, indexStatistics } from '../../core/kpi/dataset.ts';
import type { Kpi, Statistics } from '../../core/kpi/types.ts';
import { assessAttainability } from '../../core/goals/attainability.ts';
import { attainabilityInputFor } from '../../core/goals/history.ts';
import type { Attainability, KpiEvaluation } from '../../contract/goals.ts';
import type { Context } from '../context.ts';
import { loadStatistics } from '../statistics/load-statistics.ts';
import { type KpiShape, toCoreKpi } from './kpi-shape.ts';

export const TRACE_CAP = 200;
const HISTORY_DAYS = 365;
const LOOKBACK_DAYS = 31;

export const dayOf = (d: Date): Day => d.toISOString().slice(0, 10);

/** When a goal's KPIs are measured from: its start date, else the day it was created. */
export function goalStart(g: { startDate: string | null; createdAt: Date }): Day {
  return g.startDate ?? dayOf(g.createdAt);
}

/** The window of statistics needed to evaluate and forecast a goal as of `asOf`. */
export function statisticsWindow(start: Day, deadline: Day | null, asOf: Day): { from: Day; to: Day } {
  const length = deadline && compareDays(deadline, start) >= 0 ? daysInclusive(start, deadline) : 0;
  const candidates = [addDays(asOf, -HISTORY_DAYS - LOOKBACK_DAYS), addDays(start, -length - LOOKBACK_DAYS)];
  const from = candidates.reduce((a, b) => minDay(a, b));
  return { from, to: compareDays(asOf, from) < 0 ? from : asOf };
}

const finite = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? n : null);

/** KPIs whose values can be negative; every other metric is a count, share, rate or amount ≥ 0. */
const canBeNegative = new Set(['audience_growth_rate', 'net_sentiment', 'viewer_development']);

/** Clamps a forecast value at zero where the metric cannot be negative (the interval is symmetric). */
function floorFor(kpi: Kpi): (n: number) => number {
  const negative = kpi.kind === 'metric' && canBeNegative.has(kpi.metric);
  return negative ? (n) => n : (n) => Math.max(0, n);
}

/** The attainability of a KPI for an account as the contract shows it (history and forecast band for the chart). */
export function attainabilityOf(kpi: Kpi, ds: Dataset, asOf: Day): Attainability | null {
  if (compareDays(asOf, kpi.deadline) >= 0) return null;
  const input = attainabilityInputFor(kpi, ds, asOf);
  if (!Number.isFinite(input.target)) return null;
  const a = assessAttainability(input);
  const floor = floorFor(kpi);
  const projection =
    a.projection && [a.projection.mean, a.projection.lower, a.projection.upper].every(Number.isFinite)
      ? { mean: floor(a.projection.mean), lower: floor(a.projection.lower), upper: floor(a.projection.upper) }
      : null;
  return {
    verdict: a.verdict,
    message: a.message,
    targetPosition: a.targetPosition,
    projection,
    model: a.forecast?.model ?? null,
    neededPerStep: finite(a.needed.perStep),
    shownPerStep: finite(a.shown.perStep),
    neededPerMonthPercent: finite(a.needed.perMonthPercent),
    shownPerMonthPercent: finite(a.shown.perMonthPercent),
    step: input.step,
    history: input.history.filter((p) => compareDays(p.date, asOf) <= 0 && Number.isFinite(p.value)).map((p) => ({ date: p.date, value: p.value })),
    band: (a.forecast?.points ?? [])
      .filter((p) => [p.mean, p.lower, p.upper].every(Number.isFinite))
      .map((p) => ({ date: p.date, mean: floor(p.mean), lower: floor(p.lower), upper: floor(p.upper) })),
  };
}

export function evaluationOf(
  kpiId: string | null,
  shape: KpiShape,
  account: { id: string; platform: string },
  start: Day,
  deadline: Day | null,
  ds: Dataset,
  asOf: Day,
  withAttainability = true,
): KpiEvaluation {
  const core = toCoreKpi(shape, start, deadline, account.platform as Platform);
  if (!core) {
    const missing = [shape.target === null ? 'target' : null, deadline ? null : 'deadline', shape.kind === 'metric' && !shape.metric ? 'metric' : null];
    return {
      kpiId, accountId: account.id, asOf, actual: null, target: shape.target, status: 'not_measured', progress: null, pace: null,
      paceLine: null, baseline: shape.baseline, final: false, coverage: null,
      trace: { used: [], usedCount: 0, notes: [{ code: 'incomplete_kpi', params: { missing: missing.filter(Boolean).join(',') } }] },
      attainability: null,
    };
  }
  const e = evaluateKpi(core, ds, asOf);
  return {
    kpiId,
    accountId: account.id,
    asOf,
    actual: finite(e.actual),
    target: e.target,
    status: e.status,
    progress: finite(e.progress),
    pace: finite(e.pace),
    paceLine: e.paceLine,
    baseline: finite(e.baseline),
    final: e.final,
    coverage: e.coverage,
    trace: {
      used: e.trace.used.slice(0, TRACE_CAP).map((u) => ({ ...u })),
      usedCount: e.trace.used.length,
      notes: e.trace.notes,
    },
    attainability: withAttainability ? attainabilityOf(core, ds, asOf) : null,
  };
}

/** Documented statistics of the accounts, indexed for the engine, for the window a goal needs. */
export async function datasetsFor(
  ctx: Context,
  accountIds: readonly string[],
  window: { from: Day; to: Day },
): Promise<Map<string, Dataset>> {
  const stats = await loadStatistics(ctx.db, ctx.actor.organisationId, accountIds, window.from, window.to);
  const out = new Map<string, Dataset>();
  for (const [id, s] of stats) out.set(id, indexStatistics(s as Statistics));
  return out;
}
