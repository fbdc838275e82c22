/**
 * One account's dashboard (issue #5): every KPI of its active goals evaluated as of
 * min(period end, today) with pace line, history and forecast band (as GET /accounts/{a}/kpis
 * gives them, restricted to active goals), the best and weakest posts of the period by the KPIs'
 * per-post metrics, the audience against the target age groups, the due watchdog's item and how
 * fresh the documentation is. The evaluations are kept in the KPI result cache with the overview's
 * statuses (computed on the first visit of a day, only the window and metrics the KPIs read).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { daysBetween, type Day, maxDay, minDay, monthStart } from '../../core/period/days.ts';
import type { AccountKpis } from '../../contract/goals.ts';
import type { AccountDashboardOut, AccountDashboardQuery } from '../../contract/overview.ts';
import type { Db } from '../../db/client.ts';
import { goalAccounts, goals, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { accountRef, readableAccount } from '../coverage/account-ref.ts';
import { assessAudienceFits } from '../coverage/audience-fits.ts';
import { type AccountRow, loadGoalBundles, presentKpi } from '../goals/goal-bundles.ts';
import { dayOf } from '../goals/kpi-evaluation.ts';
import { emptyCounts } from './attention.ts';
import { dueItemOf } from './due-watch.ts';
import { accountEvaluations } from './kpi-results.ts';
import { monthlyPeriods } from './monthly.ts';
import { rankPosts } from './post-rankings.ts';

export async function accountDashboard(ctx: Context, accountRef_: string, query: AccountDashboardQuery = {}): Promise<AccountDashboardOut> {
  const orgId = ctx.actor.organisationId;
  const account = await readableAccount(ctx, accountRef_);
  const today = dayOf(ctx.now);
  const p = monthlyPeriods(query.period ?? today.slice(0, 7), ctx.now);
  const asOf = minDay(p.period.end, today);

  const kpis = await activeKpis(ctx, account, asOf);
  const counts = emptyCounts();
  for (const k of kpis) counts[k.evaluation.status] += 1;
  const metrics = kpis.flatMap((k) => (k.kpi.kind === 'metric' && k.kpi.metric ? [k.kpi.metric] : []));
  const [unit, posts, fits, due, lastDocumented] = await Promise.all([
    ctx.db.select({ id: units.id, slug: units.slug, name: units.name }).from(units).where(eq(units.id, account.unitId)),
    rankPosts(ctx.db, orgId, account.id, metrics, p.period, asOf),
    assessAudienceFits(ctx.db, orgId, [account], asOf),
    dueItemOf(ctx.db, orgId, account, today, ctx.now),
    newestDocumentedDay(ctx.db, orgId, account.id, asOf),
  ]);
  return {
    account: { ...accountRef(account), status: account.status },
    unit: unit[0]!,
    asOf,
    periods: { period: p.period, previous: p.previous, sameLastYear: p.sameLastYear },
    counts,
    kpis,
    posts,
    audience: fits[0]!,
    due,
    freshness: { lastDocumented, daysSince: lastDocumented === null ? null : daysBetween(lastDocumented, asOf) },
  };
}

/** Every KPI of the account's active goals (that the actor may read), evaluated with attainability (cached, kpi-results.ts). */
async function activeKpis(ctx: Context, account: AccountRow, asOf: Day): Promise<AccountKpis> {
  const orgId = ctx.actor.organisationId;
  const rows = await ctx.db
    .select({ goal: goals })
    .from(goals)
    .innerJoin(goalAccounts, eq(goalAccounts.goalId, goals.id))
    .where(and(eq(goals.organisationId, orgId), eq(goalAccounts.accountId, account.id), eq(goals.status, 'active')))
    .orderBy(asc(goals.createdAt));
  const bundles = (await loadGoalBundles(ctx.db, orgId, rows.map((r) => r.goal))).filter((b) => ctx.actor.access.can('read', b.goal.unitId));
  const kpiIds = bundles.flatMap((b) => b.kpis.map((k) => k.id));
  const evaluations = await accountEvaluations(ctx.db, orgId, account, kpiIds, asOf, ctx.now);
  return bundles.flatMap((b) =>
    b.kpis.flatMap((k) => {
      const evaluation = evaluations.get(k.id);
      // A KPI replaced meanwhile has no evaluation: it no longer exists.
      if (!evaluation) return [];
      return [{ goal: { id: b.goal.id, qualitativeGoal: b.goal.qualitativeGoal, status: 'active' as const }, kpi: presentKpi(k), evaluation }];
    }),
  );
}

/**
 * The newest day on or before `asOf` with any account-level value, from the monthly rollups (each
 * month's last documented day); only when asOf's own month has values after asOf are that
 * month's daily values read.
 */
async function newestDocumentedDay(db: Db, organisationId: string, accountId: string, asOf: Day): Promise<Day | null> {
  const first = monthStart(asOf);
  const rows = (r: unknown) => (r as { rows: { day: string | null; beyond?: boolean | null }[] }).rows[0];
  const months = rows(
    await db.execute(sql`
      select max(last_day) filter (where last_day <= ${asOf}::date)::text as day, bool_or(last_day > ${asOf}::date) as beyond
      from metric_months where organisation_id = ${organisationId}::uuid and account_id = ${accountId}::uuid and month <= ${first}::date`),
  );
  if (!months?.beyond) return months?.day ?? null;
  const daily = rows(
    await db.execute(sql`
      select max(day)::text as day from observations
      where account_id = ${accountId}::uuid and post_id is null and day between ${first}::date and ${asOf}::date`),
  );
  const candidates = [months.day, daily?.day ?? null].filter((d): d is string => d !== null);
  return candidates.length ? candidates.reduce((a, b) => maxDay(a, b)) : null;
}
