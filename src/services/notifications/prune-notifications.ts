/**
 * Old notifications are removed by the hourly reminder round, so the table does not grow for
 * ever: those read more than 180 days ago, and any more than 400 days old (read or not). The
 * reminder rules never make these again: their windows (an evaluation's overdue reminder within
 * 31 days of its due day, an annual report's within 31 days of 31 January, documentation by
 * the day days leave a platform's window) have long passed by then.
 */
import { and, eq, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';

export const KEEP_READ_DAYS = 180;
export const KEEP_ANY_DAYS = 400;

const DAY_MS = 24 * 60 * 60_000;

/** Deletes one organisation's old notifications; returns how many. */
export async function pruneNotifications(db: Db, organisationId: string, now: Date): Promise<number> {
  const readBefore = new Date(now.getTime() - KEEP_READ_DAYS * DAY_MS);
  const madeBefore = new Date(now.getTime() - KEEP_ANY_DAYS * DAY_MS);
  const removed = await db
    .delete(notifications)
    .where(
      and(
        eq(notifications.organisationId, organisationId),
        or(and(isNotNull(notifications.readAt), lt(notifications.readAt, readBefore)), lt(notifications.createdAt, madeBefore)),
      ),
    )
    .returning({ id: notifications.id });
  return removed.length;
}
