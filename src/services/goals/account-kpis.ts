/**
 * Every KPI of an account's active, achieved and missed goals, evaluated for that account at a
 * date: active goals' from the KPI result cache (dashboards/kpi-results.ts), the others afresh.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Day } from '../../core/period/days.ts';
import type { AccountKpis } from '../../contract/goals.ts';
import { goalAccounts, goals } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';
import { loadGoalBundles, presentKpi } from './goal-bundles.ts';
import { kpiShapeOf } from './kpi-shape.ts';
import { datasetsFor, dayOf, evaluationOf, goalStart, statisticsWindow } from './kpi-evaluation.ts';
import type { Dataset } from '../../core/kpi/dataset.ts';
import { accountEvaluations } from '../dashboards/kpi-results.ts';

export async function accountKpis(ctx: Context, accountRef: string, asOf?: Day): Promise<AccountKpis> {
  const orgId = ctx.actor.organisationId;
  const account = await findAccount(ctx.db, orgId, accountRef);
  if (!account || !ctx.actor.access.can('read', account.unitId)) throw new AppError('not_found', 'No such account.');
  const at = asOf ?? dayOf(ctx.now);
  const rows = await ctx.db
    .select({ goal: goals })
    .from(goals)
    .innerJoin(goalAccounts, eq(goalAccounts.goalId, goals.id))
    .where(and(eq(goals.organisationId, orgId), eq(goalAccounts.accountId, account.id), inArray(goals.status, ['active', 'achieved', 'missed'])))
    .orderBy(asc(goals.createdAt));
  const bundles = (await loadGoalBundles(ctx.db, orgId, rows.map((r) => r.goal))).filter((b) => ctx.actor.access.can('read', b.goal.unitId));
  if (bundles.length === 0) return [];
  // Active goals' KPIs from the result cache (computed once a day and account, forgotten by every
  // write that changes them); achieved and missed goals, which the cache does not keep, afresh.
  const active = bundles.filter((b) => b.goal.status === 'active');
  const ended = bundles.filter((b) => b.goal.status !== 'active');
  const cached = await accountEvaluations(ctx.db, orgId, account, active.flatMap((b) => b.kpis.map((k) => k.id)), at, ctx.now);
  let ds: Dataset | null = null;
  if (ended.length > 0) {
    const windows = ended.map((b) => statisticsWindow(goalStart(b.goal), b.goal.deadline, at));
    const window = {
      from: windows.map((w) => w.from).reduce((a, b) => (a < b ? a : b)),
      to: windows.map((w) => w.to).reduce((a, b) => (a > b ? a : b)),
    };
    ds = (await datasetsFor(ctx, [account.id], window)).get(account.id)!;
  }
  return bundles.flatMap((b) =>
    b.kpis.flatMap((k) => {
      const evaluation =
        b.goal.status === 'active' ? cached.get(k.id) : evaluationOf(k.id, kpiShapeOf(k), account, goalStart(b.goal), b.goal.deadline, ds!, at);
      // An active goal's KPI replaced meanwhile has no cached evaluation: it no longer exists.
      if (!evaluation) return [];
      return [{ goal: { id: b.goal.id, qualitativeGoal: b.goal.qualitativeGoal, status: b.goal.status as AccountKpis[number]['goal']['status'] }, kpi: presentKpi(k), evaluation }];
    }),
  );
}
