/**
 * The KPI part of annual figures for many accounts at once: every KPI of each account's goals
 * that ran during the year (active, achieved or missed, window overlapping the year, as
 * evaluations/evaluation-figures-kpis.ts goalsDuring picks them for a month), evaluated for the
 * account as of `asOf` with the engine the KPI result cache and GET /accounts/{a}/kpis use
 * (goals/kpi-evaluation.ts evaluationOf, without attainability), on the days the engine reads
 * (evaluationWindow) and only the metrics its KPIs read (dashboards/kpi-results.ts metricsRead).
 *
 * Reads: the goals of all accounts in one statement (goalsOfAccounts), their KPIs, accounts and
 * owners in three, and the statistics in one read per batch of accounts. The cache
 * (kpi_results) is not used: it holds active goals only; the report needs closed goals too.
 */
import type { AnnualAccountFigures } from '../../contract/reports.ts';
import { FOLLOWER_LOOKBACK_DAYS, indexStatistics, type Dataset } from '../../core/kpi/dataset.ts';
import type { Statistics } from '../../core/kpi/types.ts';
import { addDays, compareDays, type Day, daysInclusive, maxDay, minDay } from '../../core/period/days.ts';
import type { Platform } from '../../core/platforms.ts';
import type { Db } from '../../db/client.ts';
import { goalsOfAccounts, ranDuring } from '../evaluations/evaluation-figures-kpis.ts';
import { type GoalBundle, presentKpi } from '../goals/goal-bundles.ts';
import { evaluationOf, goalStart } from '../goals/kpi-evaluation.ts';
import { metricsRead } from '../dashboards/kpi-results.ts';
import { kpiShapeOf } from '../goals/kpi-shape.ts';
import { loadStatistics } from '../statistics/load-statistics.ts';

export type AnnualKpiOut = AnnualAccountFigures['kpis'][number];
type GoalStatus = AnnualKpiOut['goal']['status'];

/** Accounts whose statistics are read together. */
const BATCH = 40;

/** Each account's goals (active, achieved or missed) whose window overlaps the period, oldest first. */
export function goalsDuringMany(db: Db, organisationId: string, accountIds: readonly string[], period: { start: Day; end: Day }): Promise<Map<string, GoalBundle[]>> {
  return goalsOfAccounts(db, organisationId, accountIds, (g) => ranDuring(g, period));
}

/** Every KPI of each account's goals evaluated for the account as of `asOf`. */
export async function annualKpis(
  db: Db,
  organisationId: string,
  accounts: readonly { id: string; platform: string }[],
  bundlesOf: ReadonlyMap<string, GoalBundle[]>,
  asOf: Day,
): Promise<Map<string, AnnualKpiOut[]>> {
  const out = new Map<string, AnnualKpiOut[]>();
  const withKpis = accounts.filter((a) => (bundlesOf.get(a.id) ?? []).some((b) => b.kpis.length > 0));
  for (let i = 0; i < withKpis.length; i += BATCH) {
    const batch = withKpis.slice(i, i + BATCH);
    const datasets = await datasetsAsOf(db, organisationId, batch, bundlesOf, asOf);
    for (const account of batch) {
      const ds = datasets.get(account.id)!;
      const list = (bundlesOf.get(account.id) ?? []).flatMap((b) =>
        b.kpis.map((k): AnnualKpiOut => {
          const e = evaluationOf(k.id, kpiShapeOf(k), account, goalStart(b.goal), b.goal.deadline, ds, asOf, false);
          const kpi = presentKpi(k);
          return {
            goal: { id: b.goal.id, qualitativeGoal: b.goal.qualitativeGoal, status: b.goal.status as GoalStatus },
            kpi: { id: k.id, name: kpi.name, unit: kpi.unit, comparator: kpi.comparator, target: kpi.target },
            targetBasis: kpi.targetBasis,
            status: e.status,
            actual: e.actual,
            progress: e.progress,
          };
        }),
      );
      out.set(account.id, list);
    }
  }
  return out;
}

/**
 * The days the engine reads to evaluate a goal's KPIs as of `asOf` without attainability: from
 * 31 days before the goal's start (the level at the start, followers for rates), for viewer
 * development also the period of the goal's length before that, to `asOf` (later readings of its
 * posts count). statisticsWindow (goals/kpi-evaluation.ts) adds a year of history for forecasts,
 * which the report does not show; leaving it out reads a third of the rows for a year-long goal.
 */
export function evaluationWindow(goal: GoalBundle['goal'], kpis: readonly { metric: string | null }[], asOf: Day): { from: Day; to: Day } {
  const start = goalStart(goal);
  const length = kpis.some((k) => k.metric === 'viewer_development') && goal.deadline && compareDays(goal.deadline, start) >= 0 ? daysInclusive(start, goal.deadline) : 0;
  const from = addDays(start, -length - FOLLOWER_LOOKBACK_DAYS);
  return { from, to: compareDays(asOf, from) < 0 ? from : asOf };
}

/** The batch's statistics in one read: the union of each goal's evaluation window and of the metrics its KPIs read. */
async function datasetsAsOf(
  db: Db,
  organisationId: string,
  batch: readonly { id: string; platform: string }[],
  bundlesOf: ReadonlyMap<string, GoalBundle[]>,
  asOf: Day,
): Promise<Map<string, Dataset>> {
  let from: Day | null = null;
  let to: Day | null = null;
  let metrics: Set<string> | null = new Set();
  for (const a of batch) {
    for (const b of bundlesOf.get(a.id) ?? []) {
      if (b.kpis.length === 0) continue;
      const w = evaluationWindow(b.goal, b.kpis, asOf);
      from = from === null ? w.from : minDay(from, w.from);
      to = to === null ? w.to : maxDay(to, w.to);
      for (const k of b.kpis) {
        const read = metricsRead(kpiShapeOf(k), a.platform as Platform);
        if (read === null) metrics = null;
        else if (metrics) for (const m of read) metrics.add(m);
      }
    }
  }
  const empty: Statistics = { observations: [], posts: [], audience: [] };
  const out = new Map<string, Dataset>();
  const stats =
    from === null || to === null
      ? new Map<string, Statistics>()
      : await loadStatistics(
          db,
          organisationId,
          batch.map((a) => a.id),
          from,
          to,
          metrics ? [...metrics] : undefined,
        );
  for (const a of batch) out.set(a.id, indexStatistics(stats.get(a.id) ?? empty));
  return out;
}
