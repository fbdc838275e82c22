/**
 * The evaluations the actor may read, newest month first, narrowed to a unit and its sub-units,
 * one account (its page), one month, and one state. `counts` counts every state among the
 * evaluations the other filters select (so a page can show its tabs' counts whichever state is
 * chosen). Two queries whatever the number of evaluations: the rows (with the signed figures'
 * counts only, not the whole frozen figures), and the unit tree with its evaluators.
 */
import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { monthFirstDay } from '../../core/evaluations/months.ts';
import { EvaluationListQuery, type EvaluationFigures, type EvaluationList } from '../../contract/evaluations.ts';
import { accounts, evaluations, people, units } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { dayOfNow, readableAccount } from '../coverage/account-ref.ts';
import { presentSummary } from './evaluation-rows.ts';
import { loadEvaluatorDirectory } from './unit-evaluators.ts';

export async function listEvaluations(ctx: Context, rawQuery: EvaluationListQuery = {}): Promise<EvaluationList> {
  const query = EvaluationListQuery.parse(rawQuery);
  const orgId = ctx.actor.organisationId;
  const today = dayOfNow(ctx.now);
  const { access } = ctx.actor;
  const counts = { signed: 0, upcoming: 0, due: 0, overdue: 0 };
  const conditions: SQL[] = [eq(evaluations.organisationId, orgId)];
  if (query.unit) {
    const unit = await findUnit(ctx.db, orgId, query.unit);
    authorize(ctx, 'read', unit.id, 'unit');
    conditions.push(or(eq(units.id, unit.id), like(units.path, `${unit.path}/%`))!);
  }
  if (query.account) {
    const account = await readableAccount(ctx, query.account);
    conditions.push(eq(evaluations.accountId, account.id));
  }
  if (query.month) conditions.push(eq(evaluations.month, monthFirstDay(query.month)));
  if (!access.isAdmin) {
    const readable = access.unitsWhere('read');
    if (readable.length === 0) return { asOf: today, counts, items: [] };
    conditions.push(inArray(accounts.unitId, readable));
  }

  const [rows, directory] = await Promise.all([
    ctx.db
      .select({
        id: evaluations.id,
        month: evaluations.month,
        status: evaluations.status,
        decision: evaluations.decision,
        signedAt: evaluations.signedAt,
        signerId: people.id,
        signerName: people.name,
        counts: sql<EvaluationFigures['counts'] | null>`${evaluations.figures} -> 'counts'`,
        account: { id: accounts.id, slug: accounts.slug, name: accounts.name, platform: accounts.platform, unitId: accounts.unitId },
        unit: { id: units.id, slug: units.slug, name: units.name },
      })
      .from(evaluations)
      .innerJoin(accounts, eq(accounts.id, evaluations.accountId))
      .innerJoin(units, eq(units.id, accounts.unitId))
      .leftJoin(people, eq(people.id, evaluations.signedBy))
      .where(and(...conditions))
      .orderBy(desc(evaluations.month), asc(accounts.name), asc(accounts.id)),
    loadEvaluatorDirectory(ctx.db, orgId),
  ]);

  const all = rows.map((r) =>
    presentSummary(
      {
        ...r,
        signedBy: r.signerId && r.signerName !== null ? { id: r.signerId, name: r.signerName } : null,
        evaluators: directory.evaluators(r.account.unitId),
      },
      today,
    ),
  );
  for (const item of all) counts[item.state] += 1;
  const items = query.state ? all.filter((i) => i.state === query.state) : all;
  return { asOf: today, counts, items };
}
