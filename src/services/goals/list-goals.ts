/** Goals the actor may read, filtered by unit (with its sub-units), account, strategic goal and status. */
import { and, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { GoalFilter, GoalOut } from '../../contract/goals.ts';
import { goalAccounts, goals, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findAccount, findUnit } from '../lookup.ts';
import { loadGoalBundles, presentGoal } from './goal-bundles.ts';

export async function listGoals(ctx: Context, filter: GoalFilter = {}): Promise<GoalOut[]> {
  const orgId = ctx.actor.organisationId;
  const conditions: SQL[] = [eq(goals.organisationId, orgId)];
  if (!ctx.actor.access.isAdmin) {
    const readable = ctx.actor.access.unitsWhere('read');
    if (readable.length === 0) return [];
    conditions.push(inArray(goals.unitId, readable));
  }
  if (filter.unit) {
    const unit = await findUnit(ctx.db, orgId, filter.unit);
    conditions.push(or(eq(units.id, unit.id), like(units.path, `${unit.path}/%`))!);
  }
  if (filter.account) {
    const account = await findAccount(ctx.db, orgId, filter.account);
    if (!account || !ctx.actor.access.can('read', account.unitId)) throw new AppError('not_found', 'No such account.');
    const ids = ctx.db.select({ id: goalAccounts.goalId }).from(goalAccounts).where(eq(goalAccounts.accountId, account.id));
    conditions.push(inArray(goals.id, ids));
  }
  if (filter.strategicGoal) conditions.push(eq(goals.strategicGoalId, filter.strategicGoal));
  if (filter.status) conditions.push(eq(goals.status, filter.status));
  const rows = await ctx.db
    .select({ goal: goals })
    .from(goals)
    .innerJoin(units, eq(units.id, goals.unitId))
    .where(and(...conditions))
    .orderBy(desc(goals.createdAt));
  const bundles = await loadGoalBundles(ctx.db, orgId, rows.map((r) => r.goal));
  return bundles.map(presentGoal);
}
