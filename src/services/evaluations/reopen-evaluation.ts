/**
 * Reopens a signed evaluation: only someone with 'evaluation.reopen' on the account's unit (a
 * unit manager, an administrator), and only with a reason. It becomes a draft again: the text
 * stays, the signature and the frozen figures are cleared (they are computed live again until it
 * is signed anew). The history keeps both: the 'signed' event says who signed it when, and the
 * 'reopened' event says who reopened it, when and why. Reopening a draft is a conflict.
 */
import { eq } from 'drizzle-orm';
import { assertTransition, type EvaluationStatus } from '../../core/evaluations/rules.ts';
import { EvaluationReopenInput, type EvaluationDetail } from '../../contract/evaluations.ts';
import type { Db } from '../../db/client.ts';
import { evaluations } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { evaluationLabel, evaluationSnapshot, loadEvaluation, recordEvent } from './evaluation-rows.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getEvaluation } from './get-evaluation.ts';

export async function reopenEvaluation(ctx: Context, id: string, rawInput: EvaluationReopenInput): Promise<EvaluationDetail> {
  const { reason } = EvaluationReopenInput.parse(rawInput);
  const before = await loadEvaluation(ctx, id);
  authorize(ctx, 'evaluation.reopen', before.account.unitId, 'evaluation');
  assertTransition(before.evaluation.status as EvaluationStatus, 'reopen');

  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const { evaluation: e } = await loadEvaluation(ctx, id, tx, true);
    assertTransition(e.status as EvaluationStatus, 'reopen');
    await tx
      .update(evaluations)
      .set({ status: 'draft', figures: null, signedBy: null, signedAt: null, updatedAt: ctx.now, updatedBy: ctx.actor.personId })
      .where(eq(evaluations.id, e.id));
    await recordEvent(tx, ctx, e.id, 'reopened', reason);
    await recordAudit(tx, ctx, {
      action: 'evaluation.reopen',
      entityType: 'evaluation',
      entityId: e.id,
      unitId: before.account.unitId,
      label: evaluationLabel(before.account, e),
      before: evaluationSnapshot(e),
      after: { ...evaluationSnapshot({ ...e, status: 'draft', signedBy: null, signedAt: null }), reason },
    });
  });
  return getEvaluation(ctx, id);
}
