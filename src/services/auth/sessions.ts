/**
 * Cookie sessions. The cookie holds a random secret; the database holds only its sha256. Each
 * session has its own CSRF token, which cookie-authenticated changes must echo in a header.
 */
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, sessions } from '../../db/schema/index.ts';
import type { AnonymousContext } from '../context.ts';
import { randomSecret, sha256Hex } from '../secrets.ts';

/** Sessions last 12 hours from the last request, and 30 days at most. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 30 * 24 * 60 * 60 * 1000;

export interface NewSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  ctx: AnonymousContext,
  personId: string,
  organisationId: string,
  userAgent: string | null,
): Promise<NewSession> {
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(ctx.now.getTime() + SESSION_IDLE_MS);
  await ctx.db.insert(sessions).values({
    id: sha256Hex(secret),
    organisationId,
    personId,
    csrfToken,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { secret, csrfToken, expiresAt };
}

export interface ResolvedSession {
  id: string;
  personId: string;
  csrfToken: string;
}

/** The live session for a cookie secret, sliding its expiry forward; null when none. */
export async function resolveSession(db: Db, secret: string, now: Date): Promise<ResolvedSession | null> {
  const id = sha256Hex(secret);
  const [row] = await db
    .select({ id: sessions.id, personId: sessions.personId, csrfToken: sessions.csrfToken, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, active: people.active })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (!row || !row.active) return null;
  if (now.getTime() - row.createdAt.getTime() > SESSION_MAX_MS) return null;
  // Write the sliding expiry at most once a minute, not on every request.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) })
      .where(eq(sessions.id, id));
  }
  return { id: row.id, personId: row.personId, csrfToken: row.csrfToken };
}

export async function endSession(db: Db, secret: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256Hex(secret)));
}

/** Ends every session of a person (after a password change, except the current one). */
export async function endOtherSessions(db: Db, personId: string, keepSessionId: string | null): Promise<void> {
  const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.personId, personId));
  for (const row of rows) {
    if (row.id !== keepSessionId) await db.delete(sessions).where(eq(sessions.id, row.id));
  }
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
