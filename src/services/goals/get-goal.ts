/**
 * One goal with everything its page shows: the SMART checklist (with each KPI's attainability
 * from the first account), whether it may be activated, and every KPI evaluated for every
 * account as of `asOf` (today unless given), with attainability and the forecast band — an active
 * goal's from the KPI result cache (dashboards/kpi-results.ts), any other goal's afresh.
 */
import { eq } from 'drizzle-orm';
import type { Day } from '../../core/period/days.ts';
import type { GoalDetail, KpiEvaluation } from '../../contract/goals.ts';
import { strategicGoals, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { presentGoal, readableGoal } from './goal-bundles.ts';
import { kpiShapeOf } from './kpi-shape.ts';
import { datasetsFor, dayOf, evaluationOf, goalStart, statisticsWindow } from './kpi-evaluation.ts';
import { activationOf, smartOf } from './goal-checks.ts';
import type { Dataset } from '../../core/kpi/dataset.ts';
import { accountEvaluations } from '../dashboards/kpi-results.ts';

export async function getGoal(ctx: Context, id: string, options: { asOf?: Day | undefined } = {}): Promise<GoalDetail> {
  const bundle = await readableGoal(ctx, id);
  const { goal } = bundle;
  const asOf = options.asOf ?? dayOf(ctx.now);
  const start = goalStart(goal);
  const shapes = bundle.kpis.map(kpiShapeOf);
  // An active goal's KPIs come from the result cache (per account, computed once a day and
  // forgotten by every write that changes them); other goals' are evaluated afresh.
  const active = goal.status === 'active';
  const kpiIds = bundle.kpis.map((k) => k.id);
  const [datasets, cached, [unit], [strategic]] = await Promise.all([
    active ? Promise.resolve(new Map<string, Dataset>()) : datasetsFor(ctx, bundle.accounts.map((a) => a.id), statisticsWindow(start, goal.deadline, asOf)),
    active
      ? Promise.all(bundle.accounts.map((a) => accountEvaluations(ctx.db, ctx.actor.organisationId, a, kpiIds, asOf, ctx.now)))
      : Promise.resolve([]),
    ctx.db.select().from(units).where(eq(units.id, goal.unitId)),
    goal.strategicGoalId
      ? ctx.db.select({ id: strategicGoals.id, title: strategicGoals.title }).from(strategicGoals).where(eq(strategicGoals.id, goal.strategicGoalId))
      : Promise.resolve([]),
  ]);
  const evaluations: KpiEvaluation[] = [];
  for (const [i, row] of bundle.kpis.entries()) {
    for (const [j, account] of bundle.accounts.entries()) {
      const evaluation = active ? cached[j]?.get(row.id) : evaluationOf(row.id, shapes[i]!, account, start, goal.deadline, datasets.get(account.id)!, asOf);
      // A KPI replaced while this was read has no cached evaluation: it no longer exists.
      if (evaluation) evaluations.push(evaluation);
    }
  }
  const first = bundle.accounts[0]?.id;
  const attainability = bundle.kpis.map((k) => evaluations.find((e) => e.kpiId === k.id && e.accountId === first)?.attainability ?? null);
  const check = { goalType: goal.goalType, strategicGoalId: goal.strategicGoalId, startDate: goal.startDate, deadline: goal.deadline, accounts: bundle.accounts, kpis: shapes };
  const activation = activationOf(check);
  return {
    ...presentGoal(bundle),
    strategicGoal: strategic ?? null,
    unit: { id: unit!.id, slug: unit!.slug, name: unit!.name },
    smart: smartOf(check, attainability, dayOf(ctx.now)),
    activation: { ok: activation.ok, missing: activation.missing },
    evaluations,
    canEdit: ctx.actor.access.can('goal.write', goal.unitId) && goal.status !== 'archived',
  };
}
