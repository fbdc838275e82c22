/**
 * The wizard's live check of an unsaved goal: the SMART checklist, whether it could be
 * activated, and per KPI its definition problems and attainability (from the first account's
 * history, as of today). Writes nothing; needs only read access to the accounts. Kept fast:
 * one statistics load for the accounts, then pure computation.
 */
import { AppError } from '../../core/errors.ts';
import type { Platform } from '../../core/platforms.ts';
import { indexStatistics } from '../../core/kpi/dataset.ts';
import { GoalPreviewInput, type Attainability, type GoalPreview } from '../../contract/goals.ts';
import type { Context } from '../context.ts';
import { kpiIssues, kpiShapeOf, toCoreKpi } from './kpi-shape.ts';
import { resolveGoalAccounts } from './goal-references.ts';
import { attainabilityOf, datasetsFor, dayOf, statisticsWindow } from './kpi-evaluation.ts';
import { activationOf, smartOf } from './goal-checks.ts';

export async function previewGoal(ctx: Context, raw: GoalPreviewInput): Promise<GoalPreview> {
  const input = GoalPreviewInput.parse(raw);
  const { rows: accountRows } = await resolveGoalAccounts(ctx, input.accounts);
  const today = dayOf(ctx.now);
  const start = input.startDate ?? today;
  const shapes = input.kpis.map(kpiShapeOf);
  const platforms = accountRows.map((a) => a.platform as Platform);
  const issues = kpiIssues(shapes, platforms);
  const first = accountRows[0];
  if (!first) throw new AppError('validation_failed', 'Choose at least one account.', [{ path: 'accounts', message: 'required' }]);
  const datasets = await datasetsFor(ctx, [first.id], statisticsWindow(start, input.deadline ?? null, today));
  const ds = datasets.get(first.id) ?? indexStatistics({ observations: [] });
  const attainability: (Attainability | null)[] = shapes.map((shape, i) => {
    if (issues.some((x) => x.path.startsWith(`kpis.${i}.`))) return null;
    const core = toCoreKpi(shape, start, input.deadline ?? null, first.platform as Platform);
    return core ? attainabilityOf(core, ds, today) : null;
  });
  const check = {
    goalType: input.goalType,
    strategicGoalId: input.strategicGoal ?? null,
    startDate: input.startDate ?? null,
    deadline: input.deadline ?? null,
    accounts: accountRows,
    kpis: shapes,
  };
  const activation = activationOf(check);
  return {
    smart: smartOf(check, attainability, today),
    activation: { ok: activation.ok, missing: activation.missing },
    kpis: shapes.map((_, index) => ({
      index,
      attainability: attainability[index] ?? null,
      issues: issues.filter((x) => x.path.startsWith(`kpis.${index}.`)),
    })),
  };
}
