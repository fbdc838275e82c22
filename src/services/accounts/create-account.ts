/** Registers a social media account in a unit where the actor may edit accounts. */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { slugify, uniqueSlug } from '../../core/slug.ts';
import { AccountCreateInput } from '../../contract/accounts.ts';
import type { AccountOut } from '../../contract/accounts.ts';
import { accounts } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { presentAccount } from '../present.ts';
import { profileChanges } from './profile-changes.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export async function createAccount(ctx: Context, rawInput: AccountCreateInput): Promise<AccountOut> {
  const input = AccountCreateInput.parse(rawInput);
  const orgId = ctx.actor.organisationId;
  const unit = await findUnit(ctx.db, orgId, input.unit);
  authorize(ctx, 'account.write', unit.id, 'unit');
  if (unit.archivedAt) throw new AppError('validation_failed', `The unit "${unit.name}" is archived.`, [{ path: 'unit', message: 'archived' }]);

  const taken = new Set(
    (await ctx.db.select({ slug: accounts.slug }).from(accounts).where(eq(accounts.organisationId, orgId))).map((r) => r.slug),
  );
  if (input.slug && taken.has(input.slug)) {
    throw new AppError('conflict', `The slug "${input.slug}" is already used by another account.`, [{ path: 'slug', message: 'taken' }]);
  }
  const slug = input.slug ?? uniqueSlug(accountSlug(input.name, input.platform), taken);
  const row = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [created] = await tx
      .insert(accounts)
      .values({
        id: crypto.randomUUID(),
        organisationId: orgId,
        unitId: unit.id,
        slug,
        platform: input.platform,
        name: input.name,
        status: input.status,
        closedAt: input.status === 'closed' ? ctx.now : null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        ...profileChanges(input),
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'account.create', entityType: 'account', entityId: created!.id, unitId: unit.id, label: created!.name, after: created });
    return created;
  });
  return presentAccount(row!);
}

/** "Studentliv" on Instagram → "studentliv-instagram"; a name that already says the platform keeps it once. */
export function accountSlug(name: string, platform: string): string {
  const base = slugify(name);
  return base.split('-').includes(platform) ? base : slugify(`${base}-${platform}`);
}
