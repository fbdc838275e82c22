/**
 * Shared by the evaluation services: finding one evaluation the actor may read (with its account
 * and unit, optionally locked for a change), writing its events, and the summary shape.
 */
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { evaluationDueOn } from '../../core/evaluations/months.ts';
import { evaluationState, type EvaluationStatus } from '../../core/evaluations/rules.ts';
import type { Day } from '../../core/period/days.ts';
import type { EvaluationDecision, EvaluationFigures, EvaluationSummary } from '../../contract/evaluations.ts';
import type { Db } from '../../db/client.ts';
import { accounts, evaluationEvents, evaluations, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { isUuid } from '../lookup.ts';
import { accountRef } from '../coverage/account-ref.ts';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export interface UnitBrief {
  id: string;
  slug: string;
  name: string;
}

export interface LoadedEvaluation {
  evaluation: EvaluationRow;
  account: AccountRow;
  unit: UnitBrief;
}

const notFound = () => new AppError('not_found', 'No such evaluation.');

/**
 * The evaluation with its account and unit, if the actor may read the account's unit; not_found
 * otherwise (other units' evaluations do not reveal they exist). With `lock`, the row is locked
 * for the rest of the transaction `db` is.
 */
export async function loadEvaluation(ctx: Context, id: string, db: Db = ctx.db, lock = false): Promise<LoadedEvaluation> {
  if (!isUuid(id)) throw notFound();
  const query = db
    .select({ evaluation: evaluations, account: accounts, unit: { id: units.id, slug: units.slug, name: units.name } })
    .from(evaluations)
    .innerJoin(accounts, eq(accounts.id, evaluations.accountId))
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(and(eq(evaluations.id, id), eq(evaluations.organisationId, ctx.actor.organisationId)));
  const [row] = lock ? await query.for('update', { of: evaluations }) : await query;
  if (!row || !ctx.actor.access.can('read', row.account.unitId)) throw notFound();
  return row;
}

/** An evaluation as the audit trail keeps it (never the frozen figures). */
export function evaluationSnapshot(e: EvaluationRow) {
  return {
    accountId: e.accountId,
    month: monthOfRow(e.month),
    status: e.status,
    assessment: e.assessment,
    decision: e.decision,
    adjustment: e.adjustment,
    hoursSpent: e.hoursSpent,
    moneySpentNok: e.moneySpentNok,
    signedBy: e.signedBy,
    signedAt: e.signedAt,
  };
}

export function evaluationLabel(account: { name: string }, e: { month: string }): string {
  return `${account.name} ${monthOfRow(e.month)}`;
}

export type EvaluationAction = 'prepared' | 'edited' | 'signed' | 'reopened';

export function eventRow(ctx: Context, evaluationId: string, action: EvaluationAction, reason: string | null = null) {
  return {
    id: crypto.randomUUID(),
    organisationId: ctx.actor.organisationId,
    evaluationId,
    at: ctx.now,
    personId: ctx.actor.personId,
    action,
    reason,
  };
}

export async function recordEvent(db: Db, ctx: Context, evaluationId: string, action: EvaluationAction, reason: string | null = null): Promise<void> {
  await db.insert(evaluationEvents).values(eventRow(ctx, evaluationId, action, reason));
}

/** '2026-10-01' → '2026-10'. */
export const monthOfRow = (month: string): string => month.slice(0, 7);

export interface SummaryParts {
  id: string;
  month: string;
  status: string;
  decision: string | null;
  signedAt: Date | null;
  signedBy: { id: string; name: string } | null;
  counts: EvaluationFigures['counts'] | null;
  account: { id: string; slug: string; name: string; platform: string };
  unit: UnitBrief;
  evaluators: { id: string; name: string }[];
}

export function presentSummary(p: SummaryParts, today: Day): EvaluationSummary {
  const month = monthOfRow(p.month);
  const status = p.status as EvaluationStatus;
  return {
    id: p.id,
    account: accountRef(p.account),
    unit: { id: p.unit.id, slug: p.unit.slug, name: p.unit.name },
    month,
    status,
    state: evaluationState(status, month, today),
    dueOn: evaluationDueOn(month),
    decision: p.decision as EvaluationDecision | null,
    signedBy: p.signedBy,
    signedAt: p.signedAt ? p.signedAt.toISOString() : null,
    evaluators: p.evaluators,
    counts: status === 'signed' ? p.counts : null,
  };
}
