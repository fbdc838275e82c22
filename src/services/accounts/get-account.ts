/** One account with its unit and the unit's named reporters and evaluators. */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { AccountDetail } from '../../contract/accounts.ts';
import { units } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';
import { presentAccount } from '../present.ts';
import { namedPeople } from '../units/named-people.ts';

export async function getAccount(ctx: Context, idOrSlug: string): Promise<AccountDetail> {
  const account = await findAccount(ctx.db, ctx.actor.organisationId, idOrSlug);
  if (!account) throw new AppError('not_found', 'No such account.');
  authorize(ctx, 'read', account.unitId, 'account');
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, account.unitId));
  const named = await namedPeople(ctx.db, ctx.actor.organisationId, account.unitId);
  return {
    ...presentAccount(account),
    unit: { id: unit!.id, slug: unit!.slug, name: unit!.name },
    reporters: named.reporters,
    evaluators: named.evaluators,
    canEdit: ctx.actor.access.can('account.write', account.unitId),
  };
}
