/**
 * Signs a draft: needs 'evaluation.write' on the account's unit, an ended month, an assessment,
 * a decision, and an adjustment when the decision is to adjust the content (core rule, as field
 * issues). The month's figures are computed once more and frozen in the evaluation, so it keeps
 * the numbers it was signed on whatever is imported later. Records a 'signed' event with who
 * and when, in the same transaction. Signing a signed evaluation is a conflict.
 */
import { eq } from 'drizzle-orm';
import { assertSignable, assertTransition, type EvaluationDecision, type EvaluationStatus } from '../../core/evaluations/rules.ts';
import type { EvaluationDetail } from '../../contract/evaluations.ts';
import type { Db } from '../../db/client.ts';
import { evaluations } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { evaluationFigures } from './evaluation-figures.ts';
import { evaluationLabel, evaluationSnapshot, loadEvaluation, monthOfRow, recordEvent, type EvaluationRow } from './evaluation-rows.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getEvaluation } from './get-evaluation.ts';

function check(e: EvaluationRow, today: string): void {
  assertTransition(e.status as EvaluationStatus, 'sign');
  assertSignable({ month: monthOfRow(e.month), assessment: e.assessment, decision: e.decision as EvaluationDecision | null, adjustment: e.adjustment }, today);
}

export async function signEvaluation(ctx: Context, id: string): Promise<EvaluationDetail> {
  const today = dayOfNow(ctx.now);
  const before = await loadEvaluation(ctx, id);
  authorize(ctx, 'evaluation.write', before.account.unitId, 'evaluation');
  check(before.evaluation, today);
  const figures = await evaluationFigures(ctx.db, ctx.actor.organisationId, before.account, monthOfRow(before.evaluation.month), ctx.now);

  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // Locked and checked again: it may have been edited or signed since it was read.
    const { evaluation: e } = await loadEvaluation(ctx, id, tx, true);
    check(e, today);
    await tx
      .update(evaluations)
      .set({
        status: 'signed',
        figures: figures as unknown as Record<string, unknown>,
        signedBy: ctx.actor.personId,
        signedAt: ctx.now,
        updatedAt: ctx.now,
        updatedBy: ctx.actor.personId,
      })
      .where(eq(evaluations.id, e.id));
    await recordEvent(tx, ctx, e.id, 'signed');
    await recordAudit(tx, ctx, {
      action: 'evaluation.sign',
      entityType: 'evaluation',
      entityId: e.id,
      unitId: before.account.unitId,
      label: evaluationLabel(before.account, e),
      before: evaluationSnapshot(e),
      after: evaluationSnapshot({ ...e, status: 'signed', signedBy: ctx.actor.personId, signedAt: ctx.now }),
    });
  });
  return getEvaluation(ctx, id);
}
