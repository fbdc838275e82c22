/**
 * Creates a goal (status draft) for one account or a campaign of several accounts of one unit.
 * The goal belongs to the accounts' unit and needs `goal.write` there. References are checked
 * (accounts, strategic goal, owner) and so are the KPI definitions (metric known and provided
 * by every account's platform, measurement supported); missing targets are allowed in a draft.
 */
import { AppError } from '../../core/errors.ts';
import { GoalCreateInput, type GoalOut } from '../../contract/goals.ts';
import type { Platform } from '../../core/platforms.ts';
import { goalAccounts, goals, kpis } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { loadGoalBundle, presentGoal } from './goal-bundles.ts';
import { kpiIssues, kpiShapeOf, kpiValues } from './kpi-shape.ts';
import { checkDates, resolveGoalAccounts, resolveOwner, resolveStrategicGoal } from './goal-references.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { goalLabel, goalSnapshot } from '../audit/snapshots.ts';

export async function createGoal(ctx: Context, raw: GoalCreateInput): Promise<GoalOut> {
  const input = GoalCreateInput.parse(raw);
  const orgId = ctx.actor.organisationId;
  const { rows: accountRows, unitId } = await resolveGoalAccounts(ctx, input.accounts);
  authorize(ctx, 'goal.write', unitId, 'unit');
  const strategicGoalId = await resolveStrategicGoal(ctx, input.strategicGoal, unitId);
  const ownerId = input.owner ? await resolveOwner(ctx, input.owner) : ctx.actor.personId;
  checkDates(input.startDate, input.deadline);
  const issues = kpiIssues(input.kpis.map(kpiShapeOf), accountRows.map((a) => a.platform as Platform));
  if (issues.length > 0) {
    throw new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(goals).values({
      id,
      organisationId: orgId,
      unitId,
      strategicGoalId,
      goalType: input.goalType,
      qualitativeGoal: input.qualitativeGoal,
      concreteGoal: input.concreteGoal ?? null,
      startDate: input.startDate ?? null,
      deadline: input.deadline ?? null,
      status: 'draft',
      ownerId,
      createdBy: ctx.actor.personId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.insert(goalAccounts).values(accountRows.map((a) => ({ organisationId: orgId, goalId: id, accountId: a.id })));
    if (input.kpis.length) await tx.insert(kpis).values(kpiValues(id, orgId, input.kpis, ctx.now));
    const created = (await loadGoalBundle(tx as unknown as Db, orgId, id))!;
    await recordAudit(tx as unknown as Db, ctx, { action: 'goal.create', entityType: 'goal', entityId: id, unitId, label: goalLabel(created), after: goalSnapshot(created) });
  });
  return presentGoal((await loadGoalBundle(ctx.db, orgId, id))!);
}
