/**
 * Moves a goal through its life: draft → active (only when it may be activated: at least three
 * KPIs, a strategy link, a deadline not before the start and not passed, a target for every
 * KPI; the refusal lists everything missing), active → achieved, missed or archived, draft,
 * achieved or missed → archived, archived → draft. Activation records `activatedAt`.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { checkActivation } from '../../core/goals/activation.ts';
import { message } from '../../core/goals/messages.ts';
import { compareDays } from '../../core/period/days.ts';
import { GoalStatusInput, type GoalOut, type goalStatuses } from '../../contract/goals.ts';
import { goals } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { loadGoalBundle, presentGoal, readableGoal } from './goal-bundles.ts';
import { kpiShapeOf } from './kpi-shape.ts';
import { dayOf } from './kpi-evaluation.ts';
import { forgetGoalKpiResults } from '../dashboards/forget-results.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { goalLabel } from '../audit/snapshots.ts';

type Status = (typeof goalStatuses)[number];

const allowed: Record<Status, readonly Status[]> = {
  draft: ['active', 'archived'],
  active: ['achieved', 'missed', 'archived'],
  achieved: ['archived'],
  missed: ['archived'],
  archived: ['draft'],
};

export async function setGoalStatus(ctx: Context, id: string, raw: { status: Status }): Promise<GoalOut> {
  const { status } = GoalStatusInput.parse(raw);
  const current = await readableGoal(ctx, id);
  const goal = current.goal;
  authorize(ctx, 'goal.write', goal.unitId, 'goal');
  const from = goal.status as Status;
  if (from === status) return presentGoal(current);
  if (!allowed[from].includes(status)) {
    throw new AppError('conflict', `A goal that is ${from} cannot become ${status}.`, [{ path: 'status', message: `${from} → ${status} is not allowed` }]);
  }
  if (status === 'active') {
    const check = checkActivation({
      strategicGoalId: goal.strategicGoalId,
      start: goal.startDate,
      deadline: goal.deadline,
      kpis: current.kpis.map(kpiShapeOf).map((k) => ({ kind: k.kind, metric: k.metric, target: k.target })),
    });
    const today = dayOf(ctx.now);
    if (goal.deadline && compareDays(goal.deadline, today) < 0) {
      const m = message('goals.activation.deadline_passed', { deadline: goal.deadline }, 'The deadline {deadline} has passed.');
      check.missing.push(m);
      check.issues.push({ path: 'deadline', message: m.text });
    }
    if (check.missing.length > 0) {
      const detail = check.missing.map((m) => m.text).join(' ');
      throw new AppError('validation_failed', `The goal cannot be activated: ${detail}`, check.issues);
    }
  }
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx
      .update(goals)
      .set({ status, updatedAt: ctx.now, ...(status === 'active' ? { activatedAt: ctx.now } : {}) })
      .where(eq(goals.id, goal.id));
    // Results do not depend on the status (only active goals' are read); a goal leaving 'active' frees its rows.
    if (from === 'active') await forgetGoalKpiResults(tx, goal.id);
    const action = status === 'active' ? 'goal.activate' : status === 'archived' ? 'goal.archive' : 'goal.status';
    await recordAudit(tx, ctx, { action, entityType: 'goal', entityId: goal.id, unitId: goal.unitId, label: goalLabel(current), before: { status: from }, after: { status } });
  });
  return presentGoal((await loadGoalBundle(ctx.db, ctx.actor.organisationId, goal.id))!);
}
