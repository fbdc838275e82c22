/**
 * Personal API tokens: `mlb_` + random secret, shown once, stored as sha256. A token acts with its
 * owner's current permissions (roles are looked up on every request, not frozen in the token).
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { TokenCreated, TokenCreateInput, TokenOut } from '../../contract/auth.ts';
import type { Db } from '../../db/client.ts';
import { apiTokens, people } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { randomSecret, sha256Hex } from '../secrets.ts';
import { recordAudit } from '../audit/record-audit.ts';

const PREFIX = 'mlb_';

function present(row: typeof apiTokens.$inferSelect): TokenOut {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

function ownPersonId(ctx: Context): string {
  if (!ctx.actor.personId) throw new AppError('forbidden', 'API tokens belong to people; sign in as one.');
  return ctx.actor.personId;
}

export async function createApiToken(ctx: Context, input: TokenCreateInput): Promise<TokenCreated> {
  const personId = ownPersonId(ctx);
  const token = PREFIX + randomSecret(32);
  const row = {
    id: crypto.randomUUID(),
    organisationId: ctx.actor.organisationId,
    personId,
    name: input.name,
    prefix: token.slice(0, PREFIX.length + 6),
    tokenHash: sha256Hex(token),
    createdAt: ctx.now,
    lastUsedAt: null,
    expiresAt: input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000) : null,
    revokedAt: null,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(apiTokens).values(row);
    // Never the token nor its hash: who, its name and when it expires.
    const after = { personId, name: row.name, expiresAt: row.expiresAt };
    await recordAudit(tx as unknown as Db, ctx, { action: 'api_token.create', entityType: 'api_token', entityId: row.id, unitId: null, label: row.name, after });
  });
  return { ...present(row), token };
}

export async function listApiTokens(ctx: Context): Promise<TokenOut[]> {
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.personId, ownPersonId(ctx)), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.filter((r) => !r.expiresAt || r.expiresAt > ctx.now).map(present);
}

export async function revokeApiToken(ctx: Context, tokenId: string): Promise<void> {
  const personId = ownPersonId(ctx);
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const result = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, expiresAt: apiTokens.expiresAt });
    const revoked = result[0];
    if (!revoked) throw new AppError('not_found', 'No such token.');
    const before = { personId, name: revoked.name, expiresAt: revoked.expiresAt, revokedAt: null };
    await recordAudit(tx, ctx, { action: 'api_token.revoke', entityType: 'api_token', entityId: revoked.id, unitId: null, label: revoked.name, before, after: { ...before, revokedAt: ctx.now } });
  });
}

/** The owner of a presented bearer token, or null when it is unknown, revoked or expired. */
export async function resolveApiToken(db: Db, token: string, now: Date): Promise<string | null> {
  if (!token.startsWith(PREFIX)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, personId: apiTokens.personId, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt, active: people.active })
    .from(apiTokens)
    .innerJoin(people, eq(people.id, apiTokens.personId))
    .where(eq(apiTokens.tokenHash, sha256Hex(token)));
  if (!row || row.revokedAt || !row.active || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return row.personId;
}
