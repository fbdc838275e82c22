/**
 * The monthly report of a scope (one account, a unit and everything below it, or the whole
 * organisation the actor may read): the month's evaluations with their text and figures (frozen
 * when signed, computed now for drafts, as services/evaluations shows them), how many are in each
 * state, the KPI results of all of them by status, and the accounts in use in the month that
 * have no evaluation (prepared for active accounts: core/evaluations/rules.ts needsDraft).
 * Reads the evaluations, signers and evaluators once, and the drafts' figures in one batch.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { monthFirstDay, monthLastDay } from '../../core/evaluations/months.ts';
import { needsDraft } from '../../core/evaluations/rules.ts';
import { inUseSince } from '../../core/reports/in-use.ts';
import type { EvaluationFigures } from '../../contract/evaluations.ts';
import type { MonthlyReport } from '../../contract/reports.ts';
import { evaluations, people } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { accountRef, dayOfNow } from '../coverage/account-ref.ts';
import { emptyCounts } from '../dashboards/attention.ts';
import { evaluationFiguresBatch } from '../evaluations/evaluation-figures-batch.ts';
import { presentSummary } from '../evaluations/evaluation-rows.ts';
import { loadEvaluatorDirectory } from '../evaluations/unit-evaluators.ts';
import { resolveScope } from './report-scope.ts';

export async function buildMonthlyReport(ctx: Context, q: { account?: string | undefined; unit?: string | undefined; month: string }): Promise<MonthlyReport> {
  const first = monthFirstDay(q.month);
  const today = dayOfNow(ctx.now);
  if (first > today) throw new AppError('validation_failed', `${q.month} has not begun yet.`, [{ path: 'month', message: 'a month that has begun' }]);
  const orgId = ctx.actor.organisationId;
  const resolved = await resolveScope(ctx, { account: q.account, unit: q.unit }, { first, last: monthLastDay(q.month) });
  const all = [...resolved.accounts, ...resolved.outOfUse];
  const byId = new Map(all.map((a) => [a.id, a]));

  const [rows, directory] = await Promise.all([
    all.length === 0
      ? Promise.resolve([])
      : ctx.db
          .select({ evaluation: evaluations, signerName: people.name })
          .from(evaluations)
          .leftJoin(people, eq(people.id, evaluations.signedBy))
          .where(and(eq(evaluations.organisationId, orgId), eq(evaluations.month, first), inArray(evaluations.accountId, [...byId.keys()])))
          .orderBy(asc(evaluations.accountId)),
    loadEvaluatorDirectory(ctx.db, orgId),
  ]);
  const evaluated = new Map(rows.map((r) => [r.evaluation.accountId, r]));

  const listed = all.flatMap((account) => {
    const r = evaluated.get(account.id);
    return r ? [{ account, r, frozen: r.evaluation.status === 'signed' && r.evaluation.figures !== null }] : [];
  });
  // The drafts' figures in one batch (services/evaluations/evaluation-figures-batch.ts: the same as evaluationFigures for each).
  const drafts = listed.filter((l) => !l.frozen);
  const computed = await evaluationFiguresBatch(ctx.db, orgId, drafts.map((l) => ({ account: l.account, month: q.month, now: ctx.now })));
  const liveFigures = new Map(drafts.map((l, i) => [l.account.id, computed[i]!]));

  const states = { signed: 0, upcoming: 0, due: 0, overdue: 0 };
  const counts = emptyCounts();
  const out: MonthlyReport['evaluations'] = [];
  // In the scope's order (unit, then name).
  for (const { account, r, frozen } of listed) {
    const e = r.evaluation;
    const figures = frozen
      ? // Written by sign-evaluation from evaluationFigures: the contract's shape, as it was signed.
        (e.figures as unknown as EvaluationFigures)
      : liveFigures.get(account.id)!;
    const summary = presentSummary(
      {
        id: e.id,
        month: e.month,
        status: e.status,
        decision: e.decision,
        signedAt: e.signedAt,
        signedBy: e.signedBy && r.signerName !== null ? { id: e.signedBy, name: r.signerName } : null,
        counts: figures.counts,
        account,
        unit: account.unit,
        evaluators: directory.evaluators(account.unitId),
      },
      today,
    );
    states[summary.state] += 1;
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += figures.counts[key];
    out.push({
      ...summary,
      assessment: e.assessment,
      adjustment: e.adjustment,
      hoursSpent: e.hoursSpent,
      moneySpentNok: e.moneySpentNok,
      figures,
      figuresFrozen: frozen,
    });
  }
  const missing = resolved.accounts
    .filter((a) => !evaluated.has(a.id) && needsDraft({ status: a.status, registeredOn: inUseSince(a.use) }, q.month))
    .map((a) => accountRef(a));

  return { kind: 'monthly', scope: resolved.scope, month: q.month, generatedAt: ctx.now.toISOString(), states, counts, missing, evaluations: out };
}
