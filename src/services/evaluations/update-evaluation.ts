/**
 * Saves a draft: the assessment, the decision, the adjustment and the month's hours and money
 * spent, any of them. Needs
 * 'evaluation.write' on the account's unit; a signed evaluation is locked (conflict) until a
 * manager reopens it. A change records an 'edited' event in the same transaction; saving the
 * same text again changes nothing and records nothing.
 */
import { eq } from 'drizzle-orm';
import { assertTransition, type EvaluationStatus } from '../../core/evaluations/rules.ts';
import { EvaluationUpdateInput, type EvaluationDetail } from '../../contract/evaluations.ts';
import type { Db } from '../../db/client.ts';
import { evaluations } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { evaluationLabel, evaluationSnapshot, loadEvaluation, recordEvent } from './evaluation-rows.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getEvaluation } from './get-evaluation.ts';

export async function updateEvaluation(ctx: Context, id: string, rawInput: EvaluationUpdateInput): Promise<EvaluationDetail> {
  const input = EvaluationUpdateInput.parse(rawInput);
  const before = await loadEvaluation(ctx, id);
  authorize(ctx, 'evaluation.write', before.account.unitId, 'evaluation');
  assertTransition(before.evaluation.status as EvaluationStatus, 'edit');

  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // Locked and checked again: it may have been signed since it was read.
    const { evaluation: e } = await loadEvaluation(ctx, id, tx, true);
    assertTransition(e.status as EvaluationStatus, 'edit');
    const changes: Partial<Pick<typeof evaluations.$inferInsert, 'assessment' | 'decision' | 'adjustment' | 'hoursSpent' | 'moneySpentNok'>> = {};
    if (input.assessment !== undefined && input.assessment !== e.assessment) changes.assessment = input.assessment;
    if (input.decision !== undefined && input.decision !== e.decision) changes.decision = input.decision;
    if (input.adjustment !== undefined && input.adjustment !== e.adjustment) changes.adjustment = input.adjustment;
    if (input.hoursSpent !== undefined && input.hoursSpent !== e.hoursSpent) changes.hoursSpent = input.hoursSpent;
    if (input.moneySpentNok !== undefined && input.moneySpentNok !== e.moneySpentNok) changes.moneySpentNok = input.moneySpentNok;
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(evaluations)
      .set({ ...changes, updatedAt: ctx.now, updatedBy: ctx.actor.personId })
      .where(eq(evaluations.id, e.id));
    await recordEvent(tx, ctx, e.id, 'edited');
    await recordAudit(tx, ctx, {
      action: 'evaluation.update',
      entityType: 'evaluation',
      entityId: e.id,
      unitId: before.account.unitId,
      label: evaluationLabel(before.account, e),
      before: evaluationSnapshot(e),
      after: evaluationSnapshot({ ...e, ...changes }),
    });
  });
  return getEvaluation(ctx, id);
}
