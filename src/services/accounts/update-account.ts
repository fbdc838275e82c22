/**
 * Edits an account's profile, status or unit. Closing keeps every piece of its data (it only
 * records when it was closed); moving needs edit rights in both units.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { AccountUpdateInput } from '../../contract/accounts.ts';
import type { AccountOut } from '../../contract/accounts.ts';
import { accounts, units } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findAccount, findUnit } from '../lookup.ts';
import { presentAccount } from '../present.ts';
import { profileChanges } from './profile-changes.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export async function updateAccount(ctx: Context, idOrSlug: string, rawInput: AccountUpdateInput): Promise<AccountOut> {
  // Validated here as well as in the route, so every caller (the CLI, imports) gets the same rules.
  const input = AccountUpdateInput.parse(rawInput);
  const orgId = ctx.actor.organisationId;
  const account = await findAccount(ctx.db, orgId, idOrSlug);
  if (!account) throw new AppError('not_found', 'No such account.');
  authorize(ctx, 'account.write', account.unitId, 'account');

  const changes: Partial<typeof accounts.$inferInsert> = { updatedAt: ctx.now, ...profileChanges(input) };
  if (input.name !== undefined) changes.name = input.name;
  if (input.unit !== undefined) {
    const unit = await findUnit(ctx.db, orgId, input.unit);
    authorize(ctx, 'account.write', unit.id, 'unit');
    if (unit.archivedAt && unit.id !== account.unitId) {
      throw new AppError('validation_failed', `The unit "${unit.name}" is archived.`, [{ path: 'unit', message: 'archived' }]);
    }
    changes.unitId = unit.id;
  }
  if (input.status !== undefined && input.status !== account.status) {
    changes.status = input.status;
    changes.closedAt = input.status === 'closed' ? ctx.now : null;
    if (input.status !== 'closed') {
      // An archived unit holds only closed accounts (archiving checks this; reopening must too).
      const [unit] = await ctx.db.select().from(units).where(eq(units.id, changes.unitId ?? account.unitId));
      if (unit?.archivedAt) {
        throw new AppError('validation_failed', `The unit "${unit.name}" is archived; restore it, or move the account, before reopening it.`, [
          { path: 'status', message: 'unit archived' },
        ]);
      }
    }
  }
  const row = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [changed] = await tx.update(accounts).set(changes).where(eq(accounts.id, account.id)).returning();
    const action = changes.unitId && changes.unitId !== account.unitId ? 'account.move' : changes.status !== undefined ? 'account.status' : 'account.update';
    await recordAudit(tx, ctx, { action, entityType: 'account', entityId: account.id, unitId: changed!.unitId, label: changed!.name, before: account, after: changed });
    return changed;
  });
  return presentAccount(row!);
}
