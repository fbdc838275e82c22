/** A person's own notifications, newest first, with the number still unread. Personal: nobody reads another's. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { NotificationListQuery, type Notification, type NotificationKind, type NotificationList } from '../../contract/notifications.ts';
import { notifications } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';

/** The signed-in person; the CLI operator has no notifications of its own. */
export function ownPersonId(ctx: Context): string {
  if (!ctx.actor.personId) throw new AppError('forbidden', 'Notifications belong to a person; the operator has none.');
  return ctx.actor.personId;
}

export function presentNotification(r: typeof notifications.$inferSelect): Notification {
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    params: r.params,
    link: r.link,
    dueOn: r.dueOn,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
    emailedAt: r.emailedAt ? r.emailedAt.toISOString() : null,
  };
}

export async function unreadCount(ctx: Context, personId: string): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(notifications).where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(ctx: Context, rawQuery: z.input<typeof NotificationListQuery> = {}): Promise<NotificationList> {
  const query = NotificationListQuery.parse(rawQuery);
  const personId = ownPersonId(ctx);
  const where = query.unread === 'true' ? and(eq(notifications.personId, personId), isNull(notifications.readAt)) : eq(notifications.personId, personId);
  const [rows, unread] = await Promise.all([
    ctx.db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(query.limit),
    unreadCount(ctx, personId),
  ]);
  return { unread, items: rows.map(presentNotification) };
}
