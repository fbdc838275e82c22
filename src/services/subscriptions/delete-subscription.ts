/** Ends one of the person's own subscriptions; someone else's (or an unknown id) is not_found. */
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { reportSubscriptions } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { isUuid } from '../lookup.ts';
import { ownPersonId } from '../notifications/list-notifications.ts';

export async function deleteSubscription(ctx: Context, id: string): Promise<void> {
  const personId = ownPersonId(ctx);
  const notFound = new AppError('not_found', 'No such subscription.');
  if (!isUuid(id)) throw notFound;
  const gone = await ctx.db
    .delete(reportSubscriptions)
    .where(and(eq(reportSubscriptions.id, id), eq(reportSubscriptions.personId, personId)))
    .returning({ id: reportSubscriptions.id });
  if (gone.length === 0) throw notFound;
}
