/** Every KPI of an account's active, achieved and missed goals, evaluated for that account at a date. */
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
  const windows = bundles.map((b) => statisticsWindow(goalStart(b.goal), b.goal.deadline, at));
  const window = {
    from: windows.map((w) => w.from).reduce((a, b) => (a < b ? a : b)),
    to: windows.map((w) => w.to).reduce((a, b) => (a > b ? a : b)),
  };
  const ds = (await datasetsFor(ctx, [account.id], window)).get(account.id)!;
  return bundles.flatMap((b) =>
    b.kpis.map((k) => ({
      goal: { id: b.goal.id, qualitativeGoal: b.goal.qualitativeGoal, status: b.goal.status as AccountKpis[number]['goal']['status'] },
      kpi: presentKpi(k),
      evaluation: evaluationOf(k.id, kpiShapeOf(k), account, goalStart(b.goal), b.goal.deadline, ds, at),
    })),
  );
}
