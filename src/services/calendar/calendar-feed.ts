/**
 * A person's calendar feed: a secret address (ICS) that calendar apps poll without signing in.
 * Only the secret's sha256 and its first characters are stored; the address is shown once, when
 * it is made. Making a new one ends the old one; deleting ends it.
 */
import { eq } from 'drizzle-orm';
import type { CalendarFeedCreated, CalendarFeedInfo } from '../../contract/notifications.ts';
import type { Db } from '../../db/client.ts';
import { calendarFeeds } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { ownPersonId } from '../notifications/list-notifications.ts';
import { randomSecret, sha256Hex } from '../secrets.ts';

const PREFIX_LENGTH = 6;

/** The feed's address under `baseUrl` (MAALBAR_PUBLIC_URL or the request's origin). */
export function calendarFeedUrl(baseUrl: string, secret: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/v1/calendar/${secret}.ics`;
}

export async function getCalendarFeed(ctx: Context): Promise<CalendarFeedInfo> {
  const personId = ownPersonId(ctx);
  const [row] = await ctx.db.select().from(calendarFeeds).where(eq(calendarFeeds.personId, personId));
  if (!row) return { exists: false, prefix: null, createdAt: null, lastUsedAt: null };
  return { exists: true, prefix: row.prefix, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null };
}

export async function createCalendarFeed(ctx: Context, baseUrl: string): Promise<CalendarFeedCreated> {
  const personId = ownPersonId(ctx);
  const secret = randomSecret(32);
  const prefix = secret.slice(0, PREFIX_LENGTH);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.personId, personId));
    await tx.insert(calendarFeeds).values({ id: crypto.randomUUID(), organisationId: ctx.actor.organisationId, personId, tokenHash: sha256Hex(secret), prefix, createdAt: ctx.now });
  });
  return { exists: true, prefix, createdAt: ctx.now.toISOString(), lastUsedAt: null, url: calendarFeedUrl(baseUrl, secret) };
}

export async function deleteCalendarFeed(ctx: Context): Promise<void> {
  await ctx.db.delete(calendarFeeds).where(eq(calendarFeeds.personId, ownPersonId(ctx)));
}

/** The person a feed secret belongs to (and notes the use), or null for an unknown or ended one. */
export async function resolveCalendarFeed(db: Db, secret: string, now: Date): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const [row] = await db
    .update(calendarFeeds)
    .set({ lastUsedAt: now })
    .where(eq(calendarFeeds.tokenHash, sha256Hex(secret)))
    .returning({ personId: calendarFeeds.personId });
  return row?.personId ?? null;
}
