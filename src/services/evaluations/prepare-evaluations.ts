/**
 * Prepares a month's drafts: one for every active account in use by the month's end (registered,
 * or with statistics documented for the month or earlier) that has none yet
 * (core/evaluations/rules.ts needsDraft), each with a 'prepared' event, in one
 * transaction. Idempotent and cheap when done (one read finds nothing missing), so the server
 * runs it every hour for last month. The system operator (CLI, the server's schedule) and
 * administrators prepare for every account; a person only for the accounts of units where they
 * may write evaluations. Future months are refused; the running month may be prepared early.
 */
import { recordAudits } from '../audit/record-audit.ts';
import { and, eq, inArray, lte } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { monthFirstDay } from '../../core/evaluations/months.ts';
import { canPrepareMonth, needsDraft } from '../../core/evaluations/rules.ts';
import { EvaluationPrepareInput, type EvaluationPrepareOut } from '../../contract/evaluations.ts';
import type { Db } from '../../db/client.ts';
import { accounts, evaluationEvents, evaluations, metricMonths } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { eventRow } from './evaluation-rows.ts';

export async function prepareEvaluations(ctx: Context, rawInput: { month: string }): Promise<EvaluationPrepareOut> {
  const { month } = EvaluationPrepareInput.parse(rawInput);
  const { access } = ctx.actor;
  if (!access.canAnywhere('evaluation.write')) throw new AppError('forbidden', 'You may not prepare evaluations: you write evaluations in no unit.');
  const today = dayOfNow(ctx.now);
  if (!canPrepareMonth(month, today)) {
    throw new AppError('validation_failed', `${month} has not begun; drafts are prepared for this month or earlier ones.`, [
      { path: 'month', message: 'a month that has begun' },
    ]);
  }
  const orgId = ctx.actor.organisationId;
  const first = monthFirstDay(month);
  const [candidates, existing] = await Promise.all([
    ctx.db
      .select({ id: accounts.id, name: accounts.name, unitId: accounts.unitId, status: accounts.status, createdAt: accounts.createdAt })
      .from(accounts)
      .where(and(eq(accounts.organisationId, orgId), eq(accounts.status, 'active'))),
    ctx.db
      .select({ accountId: evaluations.accountId })
      .from(evaluations)
      .where(and(eq(evaluations.organisationId, orgId), eq(evaluations.month, first))),
  ]);
  const has = new Set(existing.map((e) => e.accountId));
  // Accounts registered after the month may still have statistics documented for it (imported exports).
  const later = candidates.filter((a) => dayOfNow(a.createdAt) > first).map((a) => a.id);
  const documented =
    later.length === 0
      ? new Set<string>()
      : new Set(
          (
            await ctx.db
              .selectDistinct({ accountId: metricMonths.accountId })
              .from(metricMonths)
              .where(and(eq(metricMonths.organisationId, orgId), inArray(metricMonths.accountId, later), lte(metricMonths.month, first)))
          ).map((r) => r.accountId),
        );
  const eligible = candidates.filter(
    (a) =>
      needsDraft({ status: a.status, registeredOn: dayOfNow(a.createdAt), firstDocumented: documented.has(a.id) ? first : null }, month) &&
      access.can('evaluation.write', a.unitId),
  );
  const missing = eligible.filter((a) => !has.has(a.id));
  if (missing.length === 0) return { month, created: 0, existing: eligible.length };

  const created = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const inserted = await tx
      .insert(evaluations)
      .values(
        missing.map((a) => ({
          id: crypto.randomUUID(),
          organisationId: orgId,
          accountId: a.id,
          month: first,
          status: 'draft',
          createdAt: ctx.now,
          updatedAt: ctx.now,
          updatedBy: ctx.actor.personId,
        })),
      )
      // Another preparation (the schedule, a person) may have made some at the same moment.
      .onConflictDoNothing({ target: [evaluations.accountId, evaluations.month] })
      .returning({ id: evaluations.id, accountId: evaluations.accountId });
    if (inserted.length > 0) await tx.insert(evaluationEvents).values(inserted.map((r) => eventRow(ctx, r.id, 'prepared')));
    const byId = new Map(missing.map((a) => [a.id, a]));
    await recordAudits(
      tx,
      ctx,
      inserted.map((r) => {
        const a = byId.get(r.accountId);
        return {
          action: 'evaluation.prepare',
          entityType: 'evaluation' as const,
          entityId: r.id,
          unitId: a?.unitId ?? null,
          label: `${a?.name ?? r.accountId} ${month}`,
          after: { accountId: r.accountId, month, status: 'draft' },
        };
      }),
    );
    return inserted.length;
  });
  return { month, created, existing: eligible.length - created };
}
