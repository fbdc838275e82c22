/**
 * Subscribed monthly reports, from the 16th (the day after the month's evaluations are due): for
 * every subscription of an active person with no sent delivery of last month yet, the report is
 * built as the subscriber (buildMonthlyReport: only what they may read), rendered as PDF in the
 * subscription's language, and e-mailed as an attachment. Each try is a report_deliveries row
 * (sent_at, or error + attempts): a failure is tried again on the next round, up to MAX_ATTEMPTS,
 * after which the error is kept and the month given up. A sent report also leaves a
 * 'report_delivered' notification. One failure never stops the others.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../contract/common.ts';
import { reportFileName } from '../../contract/reports.ts';
import { lastMonth } from '../../core/evaluations/months.ts';
import { notifications, people, reportDeliveries, reportSubscriptions } from '../../db/schema/index.ts';
import { reportMail } from '../../mail/mail-text.ts';
import type { Mailer } from '../../mail/send-mail.ts';
import { renderReport } from '../../reports/render-report.ts';
import { requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { loadPersonActor } from '../load-actor.ts';
import { buildMonthlyReport } from '../reports/build-monthly-report.ts';

export const MAX_ATTEMPTS = 5;
/** Reports go out from this day of the month, for the month before. */
export const SEND_FROM_DAY = 16;

export interface DeliveryRound {
  /** The month reported, or null before the 16th. */
  period: string | null;
  sent: number;
  failed: number;
  /** Failed for the last allowed time: the error is kept and nothing more is tried for the month. */
  gaveUp: number;
}

export interface DeliveryOptions {
  mailer: Mailer;
  publicUrl?: string | null;
}

export async function sendSubscribedReports(ctx: Context, options: DeliveryOptions): Promise<DeliveryRound> {
  requireAdmin(ctx);
  const today = dayOfNow(ctx.now);
  if (Number(today.slice(8, 10)) < SEND_FROM_DAY) return { period: null, sent: 0, failed: 0, gaveUp: 0 };
  const period = lastMonth(today);
  const pending = await ctx.db
    .select({
      sub: reportSubscriptions,
      email: people.email,
      attempts: sql<number | null>`${reportDeliveries.attempts}`,
      sentAt: reportDeliveries.sentAt,
    })
    .from(reportSubscriptions)
    .innerJoin(people, and(eq(people.id, reportSubscriptions.personId), eq(people.active, true)))
    .leftJoin(reportDeliveries, and(eq(reportDeliveries.subscriptionId, reportSubscriptions.id), eq(reportDeliveries.period, period)))
    .where(eq(reportSubscriptions.organisationId, ctx.actor.organisationId))
    .orderBy(reportSubscriptions.createdAt, reportSubscriptions.id);

  const round: DeliveryRound = { period, sent: 0, failed: 0, gaveUp: 0 };
  for (const p of pending) {
    if (p.sentAt || (p.attempts ?? 0) >= MAX_ATTEMPTS) continue;
    const attempts = (p.attempts ?? 0) + 1;
    try {
      const scopeName = await deliver(ctx, p.sub, p.email, period, options);
      await record(ctx, p.sub.id, period, { sentAt: ctx.now, error: null, attempts });
      await ctx.db
        .insert(notifications)
        .values({
          id: crypto.randomUUID(),
          organisationId: ctx.actor.organisationId,
          personId: p.sub.personId,
          kind: 'report_delivered',
          key: `report_delivered:${p.sub.id}:${period}`,
          params: { subscriptionId: p.sub.id, scope: scopeName, month: period, language: p.sub.language },
          link: '/reports',
          dueOn: null,
          createdAt: ctx.now,
          // The report itself was the e-mail.
          emailedAt: ctx.now,
        })
        .onConflictDoNothing({ target: [notifications.personId, notifications.key] });
      round.sent += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await record(ctx, p.sub.id, period, { sentAt: null, error: message, attempts });
      if (attempts >= MAX_ATTEMPTS) round.gaveUp += 1;
      else round.failed += 1;
    }
  }
  return round;
}

/** Builds, renders and e-mails one subscription's report; answers the scope's name. */
async function deliver(ctx: Context, sub: typeof reportSubscriptions.$inferSelect, to: string, period: string, options: DeliveryOptions): Promise<string> {
  const actor = await loadPersonActor(ctx.db, sub.personId);
  if (!actor) throw new Error('The subscriber is no longer active.');
  const lang: Locale = sub.language === 'en' ? 'en' : 'nb';
  const report = await buildMonthlyReport(
    { db: ctx.db, actor, now: ctx.now },
    { month: period, ...(sub.accountId ? { account: sub.accountId } : sub.unitId ? { unit: sub.unitId } : {}) },
  );
  const rendered = await renderReport(report, 'pdf', lang);
  const fileName = reportFileName('monthly', period, report.scope, 'pdf');
  const scope = report.scope.kind === 'account' ? report.scope.account.name : report.scope.kind === 'unit' ? report.scope.unit.name : report.scope.name;
  const text = reportMail({ scope, month: period, fileName }, lang, options.publicUrl ?? null);
  await options.mailer.send({ to, ...text, attachments: [{ filename: fileName, content: rendered.body, contentType: rendered.contentType }] });
  return scope;
}

async function record(ctx: Context, subscriptionId: string, period: string, outcome: { sentAt: Date | null; error: string | null; attempts: number }): Promise<void> {
  await ctx.db
    .insert(reportDeliveries)
    .values({ id: crypto.randomUUID(), organisationId: ctx.actor.organisationId, subscriptionId, period, ...outcome })
    .onConflictDoUpdate({ target: [reportDeliveries.subscriptionId, reportDeliveries.period], set: outcome });
}
