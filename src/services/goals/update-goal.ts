/**
 * Changes a goal: its fields, its accounts (still of one unit, with `goal.write` there) and,
 * when `kpis` is given, replaces its KPIs wholesale. An active (or achieved or missed) goal must
 * stay activatable: a change that breaks the activation rules is refused, listing what would be
 * missing. Archived goals are read-only (un-archive with setGoalStatus first).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { Platform } from '../../core/platforms.ts';
import { GoalUpdateInput, type GoalOut } from '../../contract/goals.ts';
import { goalAccounts, goals, kpis } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { loadGoalBundle, presentGoal, readableGoal } from './goal-bundles.ts';
import { kpiIssues, kpiShapeOf, kpiValues } from './kpi-shape.ts';
import { checkDates, resolveGoalAccounts, resolveOwner, resolveStrategicGoal } from './goal-references.ts';
import { activationOf } from './goal-checks.ts';
import type { Db } from '../../db/client.ts';
import { forgetGoalKpiResults } from '../dashboards/forget-results.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { goalLabel, goalSnapshot } from '../audit/snapshots.ts';

export async function updateGoal(ctx: Context, id: string, raw: z.input<typeof GoalUpdateInput>): Promise<GoalOut> {
  const input = GoalUpdateInput.parse(raw);
  const orgId = ctx.actor.organisationId;
  const current = await readableGoal(ctx, id);
  const goal = current.goal;
  authorize(ctx, 'goal.write', goal.unitId, 'goal');
  if (goal.status === 'archived') {
    throw new AppError('conflict', 'The goal is archived and cannot be changed; set its status to draft first.');
  }

  let accountRows = current.accounts;
  let unitId = goal.unitId;
  if (input.accounts) {
    ({ rows: accountRows, unitId } = await resolveGoalAccounts(ctx, input.accounts));
    if (unitId !== goal.unitId) authorize(ctx, 'goal.write', unitId, 'unit');
  }
  const strategicGoalId =
    input.strategicGoal !== undefined
      ? await resolveStrategicGoal(ctx, input.strategicGoal, unitId)
      : goal.strategicGoalId && unitId !== goal.unitId
        ? await resolveStrategicGoal(ctx, goal.strategicGoalId, unitId)
        : goal.strategicGoalId;
  const ownerId = input.owner !== undefined ? await resolveOwner(ctx, input.owner) : goal.ownerId;
  const startDate = input.startDate !== undefined ? (input.startDate ?? null) : goal.startDate;
  const deadline = input.deadline !== undefined ? (input.deadline ?? null) : goal.deadline;
  checkDates(startDate, deadline);
  const kpiShapes = input.kpis ? input.kpis.map(kpiShapeOf) : current.kpis.map(kpiShapeOf);
  if (input.kpis || input.accounts) {
    const issues = kpiIssues(kpiShapes, accountRows.map((a) => a.platform as Platform));
    if (issues.length > 0) throw new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  const goalType = input.goalType ?? goal.goalType;
  if (goal.status !== 'draft') {
    const check = activationOf({ goalType, strategicGoalId, startDate, deadline, accounts: accountRows, kpis: kpiShapes });
    if (!check.ok) {
      const detail = check.missing.map((m) => m.text).join(' ');
      throw new AppError('validation_failed', `The goal is ${goal.status} and must stay complete: ${detail}`, check.issues);
    }
  }

  await ctx.db.transaction(async (tx) => {
    await tx
      .update(goals)
      .set({
        unitId,
        strategicGoalId,
        goalType,
        qualitativeGoal: input.qualitativeGoal ?? goal.qualitativeGoal,
        concreteGoal: input.concreteGoal !== undefined ? (input.concreteGoal ?? null) : goal.concreteGoal,
        startDate,
        deadline,
        ownerId,
        updatedAt: ctx.now,
      })
      .where(eq(goals.id, goal.id));
    if (input.accounts) {
      await tx.delete(goalAccounts).where(and(eq(goalAccounts.organisationId, orgId), eq(goalAccounts.goalId, goal.id)));
      await tx.insert(goalAccounts).values(accountRows.map((a) => ({ organisationId: orgId, goalId: goal.id, accountId: a.id })));
    }
    if (input.kpis) {
      await tx.delete(kpis).where(eq(kpis.goalId, goal.id));
      if (input.kpis.length) await tx.insert(kpis).values(kpiValues(goal.id, orgId, input.kpis, ctx.now));
    }
    await forgetGoalKpiResults(tx as unknown as Db, goal.id);
    const changed = (await loadGoalBundle(tx as unknown as Db, orgId, goal.id))!;
    await recordAudit(tx as unknown as Db, ctx, {
      action: 'goal.update',
      entityType: 'goal',
      entityId: goal.id,
      unitId,
      label: goalLabel(changed),
      before: goalSnapshot(current),
      after: goalSnapshot(changed),
    });
  });
  return presentGoal((await loadGoalBundle(ctx.db, orgId, goal.id))!);
}
