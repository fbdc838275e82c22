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
import { kpiShapeOf } from '../goals/kpi-shape.ts';
import { loadStatistics } from '../statistics/load-statistics.ts';

type FigureKpi = EvaluationFigures['kpis'][number];
type GoalStatus = FigureKpi['goal']['status'];

/** Goals of the account with status active, achieved or missed whose window overlaps [start, end]. */
export async function goalsDuring(db: Db, organisationId: string, accountId: string, period: { start: Day; end: Day }): Promise<GoalBundle[]> {
  const rows = await db
    .select({ goal: goals })
    .from(goals)
    .innerJoin(goalAccounts, eq(goalAccounts.goalId, goals.id))
    .where(and(eq(goals.organisationId, organisationId), eq(goalAccounts.accountId, accountId), inArray(goals.status, ['active', 'achieved', 'missed'])))
    .orderBy(asc(goals.createdAt), asc(goals.id));
  const during = rows
    .map((r) => r.goal)
    .filter((g) => compareDays(goalStart(g), period.end) <= 0 && (g.deadline === null || compareDays(g.deadline, period.start) >= 0));
  return loadGoalBundles(db, organisationId, during);
}

/** The account's statistics for evaluating the goals as of `asOf`: the union of their windows, only the metrics their KPIs read. */
async function datasetAsOf(db: Db, organisationId: string, account: { id: string; platform: string }, bundles: readonly GoalBundle[], asOf: Day): Promise<Dataset> {
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
  const empty: Statistics = { observations: [], posts: [], audience: [] };
  if (from === null || to === null) return indexStatistics(empty);
  const stats = await loadStatistics(db, organisationId, [account.id], from, to, metrics ? [...metrics] : undefined);
  return indexStatistics(stats.get(account.id) ?? empty);
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
  const withKpis = bundles.filter((b) => b.kpis.length > 0);
  if (withKpis.length === 0) return [];
  const startedBefore = withKpis.filter((b) => compareDays(goalStart(b.goal), previousAsOf) <= 0);
  const [now, before] = await Promise.all([
    datasetAsOf(db, organisationId, account, withKpis, asOf),
    startedBefore.length > 0 ? datasetAsOf(db, organisationId, account, startedBefore, previousAsOf) : null,
  ]);
  return withKpis.flatMap((b) => {
    const start = goalStart(b.goal);
    const started = before !== null && compareDays(start, previousAsOf) <= 0;
    return b.kpis.map((k): FigureKpi => {
      const shape = kpiShapeOf(k);
      const e = evaluationOf(k.id, shape, account, start, b.goal.deadline, now, asOf, false);
      const p = started ? evaluationOf(k.id, shape, account, start, b.goal.deadline, before, previousAsOf, false) : null;
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
