/** Accounts the actor may read, filtered by unit (with its sub-units), platform, status and text. */
import { and, asc, eq, ilike, inArray, like, or, type SQL } from 'drizzle-orm';
import type { AccountFilter, AccountOut } from '../../contract/accounts.ts';
import { accounts, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { presentAccount } from '../present.ts';

export async function listAccounts(ctx: Context, filter: AccountFilter = {}): Promise<AccountOut[]> {
  const orgId = ctx.actor.organisationId;
  const conditions: SQL[] = [eq(accounts.organisationId, orgId)];
  if (!ctx.actor.access.isAdmin) {
    const readable = ctx.actor.access.unitsWhere('read');
    if (readable.length === 0) return [];
    conditions.push(inArray(accounts.unitId, readable));
  }
  if (filter.unit) {
    const unit = await findUnit(ctx.db, orgId, filter.unit);
    conditions.push(or(eq(units.id, unit.id), like(units.path, `${unit.path}/%`))!);
  }
  if (filter.platform) conditions.push(eq(accounts.platform, filter.platform));
  if (filter.status) conditions.push(eq(accounts.status, filter.status));
  if (filter.q?.trim()) {
    const pattern = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(accounts.name, pattern), ilike(accounts.handle, pattern))!);
  }
  const rows = await ctx.db
    .select({ account: accounts })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(and(...conditions))
    .orderBy(asc(accounts.name));
  return rows.map((r) => presentAccount(r.account));
}
