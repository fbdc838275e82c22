/**
 * One evaluation as the evaluator works on it: the text, the figures (frozen when signed,
 * otherwise computed now from the documented statistics), the history of events with names, the
 * unit's evaluators, and what the actor may do with it now (canWrite: edit and sign a draft;
 * canReopen: reopen a signed one).
 */
import { asc, eq } from 'drizzle-orm';
import type { EvaluationDetail, EvaluationFigures } from '../../contract/evaluations.ts';
import { evaluationEvents, people } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { evaluationFigures } from './evaluation-figures.ts';
import { loadEvaluatorDirectory } from './unit-evaluators.ts';
import { loadEvaluation, monthOfRow, presentSummary, type LoadedEvaluation } from './evaluation-rows.ts';

export async function getEvaluation(ctx: Context, id: string): Promise<EvaluationDetail> {
  return presentEvaluation(ctx, await loadEvaluation(ctx, id));
}

export async function presentEvaluation(ctx: Context, loaded: LoadedEvaluation): Promise<EvaluationDetail> {
  const { evaluation: e, account, unit } = loaded;
  const orgId = ctx.actor.organisationId;
  const month = monthOfRow(e.month);
  const frozen = e.status === 'signed' && e.figures !== null;
  const [figures, events, directory, signer] = await Promise.all([
    frozen
      ? // Written by sign-evaluation from evaluationFigures: the contract's shape, as it was signed.
        (e.figures as unknown as EvaluationFigures)
      : evaluationFigures(ctx.db, orgId, account, month, ctx.now),
    ctx.db
      .select({ at: evaluationEvents.at, action: evaluationEvents.action, reason: evaluationEvents.reason, personId: people.id, personName: people.name })
      .from(evaluationEvents)
      .leftJoin(people, eq(people.id, evaluationEvents.personId))
      .where(eq(evaluationEvents.evaluationId, e.id))
      .orderBy(asc(evaluationEvents.seq)),
    loadEvaluatorDirectory(ctx.db, orgId),
    e.signedBy ? ctx.db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, e.signedBy)) : Promise.resolve([]),
  ]);
  const summary = presentSummary(
    {
      id: e.id,
      month: e.month,
      status: e.status,
      decision: e.decision,
      signedAt: e.signedAt,
      signedBy: signer[0] ?? null,
      counts: figures.counts,
      account,
      unit,
      evaluators: directory.evaluators(account.unitId),
    },
    dayOfNow(ctx.now),
  );
  const { access } = ctx.actor;
  return {
    ...summary,
    assessment: e.assessment,
    adjustment: e.adjustment,
    hoursSpent: e.hoursSpent,
    moneySpentNok: e.moneySpentNok,
    figures,
    figuresFrozen: frozen,
    events: events.map((ev) => ({
      at: ev.at.toISOString(),
      person: ev.personId && ev.personName !== null ? { id: ev.personId, name: ev.personName } : null,
      action: ev.action as EvaluationDetail['events'][number]['action'],
      reason: ev.reason,
    })),
    canWrite: e.status === 'draft' && access.can('evaluation.write', account.unitId),
    canReopen: e.status === 'signed' && access.can('evaluation.reopen', account.unitId),
  };
}
