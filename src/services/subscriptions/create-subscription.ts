/**
 * Subscribing to the monthly report of a unit, an account or (neither) the organisation, as PDF
 * by e-mail in nb or en. The unit or account must be readable ('read'; otherwise not_found, as
 * everywhere); the report is built as the subscriber each month, so it never shows more than they
 * may read then. Subscribing twice to the same thing gives the existing subscription.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { ReportSubscriptionInput, type ReportSubscription } from '../../contract/notifications.ts';
import { AppError } from '../../core/errors.ts';
import { reportSubscriptions } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { readableAccount } from '../coverage/account-ref.ts';
import { findUnit } from '../lookup.ts';
import { ownPersonId } from '../notifications/list-notifications.ts';
import { listSubscriptions } from './list-subscriptions.ts';

export async function createSubscription(ctx: Context, rawInput: { unit?: string; account?: string; language?: 'nb' | 'en' }): Promise<ReportSubscription> {
  const input = ReportSubscriptionInput.parse(rawInput);
  const personId = ownPersonId(ctx);
  const orgId = ctx.actor.organisationId;
  let unitId: string | null = null;
  let accountId: string | null = null;
  if (input.unit) {
    const unit = await findUnit(ctx.db, orgId, input.unit);
    authorize(ctx, 'read', unit.id, 'unit');
    unitId = unit.id;
  } else if (input.account) {
    accountId = (await readableAccount(ctx, input.account)).id;
  }
  await ctx.db
    .insert(reportSubscriptions)
    .values({ id: crypto.randomUUID(), organisationId: orgId, personId, kind: 'monthly', unitId, accountId, language: input.language, createdAt: ctx.now })
    .onConflictDoNothing();
  const [row] = await ctx.db
    .select({ id: reportSubscriptions.id })
    .from(reportSubscriptions)
    .where(
      and(
        eq(reportSubscriptions.personId, personId),
        eq(reportSubscriptions.kind, 'monthly'),
        unitId ? eq(reportSubscriptions.unitId, unitId) : isNull(reportSubscriptions.unitId),
        accountId ? eq(reportSubscriptions.accountId, accountId) : isNull(reportSubscriptions.accountId),
      ),
    );
  if (!row) throw new AppError('internal', 'The subscription was not stored.');
  // A second subscription to the same report keeps the first; its language follows the latest choice.
  await ctx.db.update(reportSubscriptions).set({ language: input.language }).where(eq(reportSubscriptions.id, row.id));
  const [created] = (await listSubscriptions(ctx, row.id)).items;
  return created!;
}
