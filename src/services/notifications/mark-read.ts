/** Marks some of a person's own notifications (by id) or all of them as read; others' ids are ignored. Answers the unread count. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { NotificationReadInput } from '../../contract/notifications.ts';
import { notifications } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { ownPersonId, unreadCount } from './list-notifications.ts';

export async function markNotificationsRead(ctx: Context, rawInput: NotificationReadInput): Promise<{ unread: number }> {
  const input = NotificationReadInput.parse(rawInput);
  const personId = ownPersonId(ctx);
  const mine = and(eq(notifications.personId, personId), isNull(notifications.readAt));
  await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where('ids' in input ? and(mine, inArray(notifications.id, input.ids)) : mine);
  return { unread: await unreadCount(ctx, personId) };
}
