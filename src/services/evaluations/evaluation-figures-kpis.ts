/**
 * The KPI part of a monthly evaluation's figures: every KPI of the account's goals that ran during
 * the month, evaluated for the account as of the month's last day (or today, in the running
 * month) and as of the month before's last day.
 *
 * Which goals: those linked to the account with status active, achieved or missed whose window
 * (start, else the day it was created, to the deadline) overlaps the month. Achieved and missed
 * goals belong in the month they were pursued in, even when they were closed since; drafts and
 * archived goals do not. Note that a goal's status is today's, not the month's.
 *
 * How: with the engine call the KPI result cache and GET /accounts/{a}/kpis use
 * (kpi-evaluation.ts evaluationOf, without attainability), on the statistics window each goal
 * needs as of that day and only the metrics its KPIs read (kpi-results.ts metricsRead), one read
 * per day. The cache itself (kpi_results) is not used: it holds active goals only, for the day
 * the dashboards ask about, and prunes other days after a few days; an evaluation needs closed
 * goals too and two past days, and stores nothing, so nothing here can go stale.
 * The month before is not evaluated (previousStatus null) for goals that had not started by its
 * last day.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { EvaluationFigures } from '../../contract/evaluations.ts';
import { indexStatistics, type Dataset } from '../../core/kpi/dataset.ts';
import type { Statistics } from '../../core/kpi/types.ts';
import { compareDays, type Day, maxDay, minDay } from '../../core/period/days.ts';
import type { Platform } from '../../core/platforms.ts';
import type { Db } from '../../db/client.ts';
import { goalAccounts, goals } from '../../db/schema/index.ts';
import { metricsRead } from '../dashboards/kpi-results.ts';
import { type GoalBundle, loadGoalBundles, presentKpi } from '../goals/goal-bundles.ts';
import { evaluationOf, goalStart, statisticsWindow } from '../goals/kpi-evaluation.ts';
import { kpiShapeOf, type KpiShape } from '../goals/kpi-shape.ts';
import type { KpiEvaluation } from '../../contract/goals.ts';
import { loadStatistics } from '../statistics/load-statistics.ts';

type FigureKpi = EvaluationFigures['kpis'][number];
type GoalStatus = FigureKpi['goal']['status'];

/** Does the goal's window (start, else the day it was created, to the deadline) overlap [start, end]? */
export function ranDuring(goal: GoalBundle['goal'], period: { start: Day; end: Day }): boolean {
  return compareDays(goalStart(goal), period.end) <= 0 && (goal.deadline === null || compareDays(goal.deadline, period.start) >= 0);
}

/** Goals of the account with status active, achieved or missed whose window overlaps [start, end]. */
export async function goalsDuring(db: Db, organisationId: string, accountId: string, period: { start: Day; end: Day }): Promise<GoalBundle[]> {
  return (await goalsOfAccounts(db, organisationId, [accountId], (g) => ranDuring(g, period))).get(accountId) ?? [];
}

/**
 * Goals with status active, achieved or missed of each account (oldest first), those that `keep`
 * accepts, read once for many accounts.
 */
export async function goalsOfAccounts(
  db: Db,
  organisationId: string,
  accountIds: readonly string[],
  keep: (goal: GoalBundle['goal']) => boolean = () => true,
): Promise<Map<string, GoalBundle[]>> {
  const out = new Map<string, GoalBundle[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return out;
  const rows = await db
    .select({ goal: goals, accountId: goalAccounts.accountId })
    .from(goals)
    .innerJoin(goalAccounts, eq(goalAccounts.goalId, goals.id))
    .where(and(eq(goals.organisationId, organisationId), inArray(goalAccounts.accountId, [...accountIds]), inArray(goals.status, ['active', 'achieved', 'missed'])))
    .orderBy(asc(goals.createdAt), asc(goals.id));
  const kept = rows.filter((r) => keep(r.goal));
  const unique = [...new Map(kept.map((r) => [r.goal.id, r.goal])).values()];
  const bundles = new Map((await loadGoalBundles(db, organisationId, unique)).map((b) => [b.goal.id, b]));
  for (const r of kept) out.get(r.accountId)?.push(bundles.get(r.goal.id)!);
  return out;
}

/** The per-post metrics whose best and weakest posts the figures list: those the goals' KPIs read. */
export function rankedMetrics(bundles: readonly GoalBundle[]): string[] {
  return [...new Set(bundles.flatMap((b) => b.kpis.flatMap((k) => (k.kind === 'metric' && k.metric ? [k.metric] : []))))];
}

/** The statistics evaluating the goals as of a day needs: the union of their windows, and the metrics their KPIs read (null: every metric). */
export interface StatisticsWindow {
  from: Day;
  to: Day;
  metrics: string[] | null;
}

export function statisticsWindowOf(account: { platform: string }, bundles: readonly GoalBundle[], asOf: Day): StatisticsWindow | null {
  let from: Day | null = null;
  let to: Day | null = null;
  let metrics: Set<string> | null = new Set();
  for (const b of bundles) {
    const w = statisticsWindow(goalStart(b.goal), b.goal.deadline, asOf);
    from = from === null ? w.from : minDay(from, w.from);
    to = to === null ? w.to : maxDay(to, w.to);
    for (const k of b.kpis) {
      const read = metricsRead(kpiShapeOf(k), account.platform as Platform);
      if (read === null) metrics = null;
      else if (metrics) for (const m of read) metrics.add(m);
    }
  }
  if (from === null || to === null) return null;
  return { from, to, metrics: metrics ? [...metrics] : null };
}

const empty = (): Statistics => ({ observations: [], posts: [], audience: [] });

/** The account's statistics for evaluating the goals as of `asOf`: the union of their windows, only the metrics their KPIs read. */
async function datasetAsOf(db: Db, organisationId: string, account: { id: string; platform: string }, bundles: readonly GoalBundle[], asOf: Day): Promise<Dataset> {
  const w = statisticsWindowOf(account, bundles, asOf);
  if (w === null) return indexStatistics(empty());
  const stats = await loadStatistics(db, organisationId, [account.id], w.from, w.to, w.metrics ?? undefined);
  return indexStatistics(stats.get(account.id) ?? empty());
}

/** The goals with KPIs, and those of them that had started by the month before's last day (evaluated then too). */
export function kpiGoals(bundles: readonly GoalBundle[], previousAsOf: Day): { withKpis: GoalBundle[]; startedBefore: GoalBundle[] } {
  const withKpis = bundles.filter((b) => b.kpis.length > 0);
  return { withKpis, startedBefore: withKpis.filter((b) => compareDays(goalStart(b.goal), previousAsOf) <= 0) };
}

/** Every KPI of the goals, evaluated as of `asOf` and `previousAsOf`, with the change between. */
export async function kpiFigures(
  db: Db,
  organisationId: string,
  account: { id: string; platform: string },
  bundles: readonly GoalBundle[],
  asOf: Day,
  previousAsOf: Day,
): Promise<FigureKpi[]> {
  const { withKpis, startedBefore } = kpiGoals(bundles, previousAsOf);
  if (withKpis.length === 0) return [];
  const [now, before] = await Promise.all([
    datasetAsOf(db, organisationId, account, withKpis, asOf),
    startedBefore.length > 0 ? datasetAsOf(db, organisationId, account, startedBefore, previousAsOf) : null,
  ]);
  return kpiFiguresFrom(account, withKpis, now, before, asOf, previousAsOf);
}

/** Evaluations already made, by dataset and then KPI id and day (for many months of one account in a batch). */
export type EvaluationMemo = WeakMap<Dataset, Map<string, KpiEvaluation>>;

/** The KPI figures from the datasets as of `asOf` and `previousAsOf` (null: no goal had started by then). Pure. */
export function kpiFiguresFrom(
  account: { id: string; platform: string },
  withKpis: readonly GoalBundle[],
  now: Dataset,
  before: Dataset | null,
  asOf: Day,
  previousAsOf: Day,
  memo?: EvaluationMemo,
): FigureKpi[] {
  // The same KPI on the same dataset as of the same day is the same evaluation (the engine is pure).
  const evaluate = (id: string, shape: KpiShape, start: Day, deadline: Day | null, ds: Dataset, day: Day): KpiEvaluation => {
    if (!memo) return evaluationOf(id, shape, account, start, deadline, ds, day, false);
    let byKey = memo.get(ds);
    if (!byKey) memo.set(ds, (byKey = new Map()));
    const key = `${id}|${day}`;
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = evaluationOf(id, shape, account, start, deadline, ds, day, false)));
    return e;
  };
  return withKpis.flatMap((b) => {
    const start = goalStart(b.goal);
    const started = before !== null && compareDays(start, previousAsOf) <= 0;
    return b.kpis.map((k): FigureKpi => {
      const shape = kpiShapeOf(k);
      const e = evaluate(k.id, shape, start, b.goal.deadline, now, asOf);
      const p = started ? evaluate(k.id, shape, start, b.goal.deadline, before, previousAsOf) : null;
      const kpi = presentKpi(k);
      const previousActual = p?.actual ?? null;
      return {
        goal: { id: b.goal.id, qualitativeGoal: b.goal.qualitativeGoal, status: b.goal.status as GoalStatus },
        kpi: { id: k.id, name: kpi.name, unit: kpi.unit, comparator: kpi.comparator, target: kpi.target },
        status: e.status,
        actual: e.actual,
        progress: e.progress,
        previousStatus: p?.status ?? null,
        previousActual,
        change: e.actual === null || previousActual === null ? null : e.actual - previousActual,
      };
    });
  });
}
