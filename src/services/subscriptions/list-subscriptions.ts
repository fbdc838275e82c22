/** A person's own report subscriptions (the monthly report of a unit, an account or the organisation as PDF by e-mail), with the last month sent. */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Locale } from '../../contract/common.ts';
import type { ReportSubscription } from '../../contract/notifications.ts';
import { accounts, organisations, reportDeliveries, reportSubscriptions, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { ownPersonId } from '../notifications/list-notifications.ts';

export async function listSubscriptions(ctx: Context, only?: string): Promise<{ items: ReportSubscription[] }> {
  const personId = ownPersonId(ctx);
  const where = only ? and(eq(reportSubscriptions.personId, personId), eq(reportSubscriptions.id, only)) : eq(reportSubscriptions.personId, personId);
  const [rows, [org], sent] = await Promise.all([
    ctx.db
      .select({
        sub: reportSubscriptions,
        unit: { id: units.id, slug: units.slug, name: units.name },
        account: { id: accounts.id, slug: accounts.slug, name: accounts.name },
      })
      .from(reportSubscriptions)
      .leftJoin(units, eq(units.id, reportSubscriptions.unitId))
      .leftJoin(accounts, eq(accounts.id, reportSubscriptions.accountId))
      .where(where)
      .orderBy(reportSubscriptions.createdAt, reportSubscriptions.id),
    ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.actor.organisationId)),
    ctx.db
      .select({ subscriptionId: reportDeliveries.subscriptionId, period: reportDeliveries.period, at: reportDeliveries.sentAt })
      .from(reportDeliveries)
      .innerJoin(reportSubscriptions, eq(reportSubscriptions.id, reportDeliveries.subscriptionId))
      .where(and(eq(reportSubscriptions.personId, personId), isNotNull(reportDeliveries.sentAt)))
      .orderBy(desc(reportDeliveries.period)),
  ]);
  const last = new Map<string, { period: string; at: string }>();
  for (const s of sent) if (!last.has(s.subscriptionId) && s.at) last.set(s.subscriptionId, { period: s.period, at: s.at.toISOString() });
  return {
    items: rows.map((r) => ({
      id: r.sub.id,
      kind: 'monthly' as const,
      scope: r.sub.accountId && r.account
        ? { kind: 'account' as const, ...r.account }
        : r.sub.unitId && r.unit
          ? { kind: 'unit' as const, ...r.unit }
          : { kind: 'organisation' as const, name: org?.name ?? '' },
      language: r.sub.language as Locale,
      createdAt: r.sub.createdAt.toISOString(),
      lastSent: last.get(r.sub.id) ?? null,
    })),
  };
}
