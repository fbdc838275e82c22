/**
 * Granting and revoking roles. Unit roles may be granted by whoever may `role.grant` in that unit
 * (administrators, managers of it or a unit above); the admin role only by administrators. The
 * last active administrator cannot be removed.
 */
import { and, count, eq, ne } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { RoleGrantCreateInput, RoleGrantOut } from '../../contract/people.ts';
import { people, roleGrants } from '../../db/schema/index.ts';
import { authorize, requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findPerson, findUnit } from '../lookup.ts';
import { presentGrant } from '../present.ts';

export async function grantRole(ctx: Context, input: RoleGrantCreateInput): Promise<RoleGrantOut> {
  const orgId = ctx.actor.organisationId;
  const person = await findPerson(ctx.db, orgId, input.person);
  let unitId: string | null = null;
  if (input.role === 'admin') {
    if (input.unit) throw new AppError('validation_failed', 'The administrator role is granted on the whole organisation, not on a unit.', [{ path: 'unit', message: 'must be empty for admin' }]);
    requireAdmin(ctx);
  } else {
    if (!input.unit) throw new AppError('validation_failed', `The ${input.role} role needs a unit.`, [{ path: 'unit', message: 'required' }]);
    const unit = await findUnit(ctx.db, orgId, input.unit);
    authorize(ctx, 'role.grant', unit.id, 'unit');
    unitId = unit.id;
  }
  const existing = await ctx.db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.personId, person.id), eq(roleGrants.role, input.role)));
  const same = existing.find((g) => g.unitId === unitId);
  if (same) return presentGrant(same);
  const row = {
    id: crypto.randomUUID(),
    organisationId: orgId,
    personId: person.id,
    role: input.role,
    unitId,
    createdBy: ctx.actor.personId,
    createdAt: ctx.now,
    source: 'manual',
  };
  await ctx.db.insert(roleGrants).values(row);
  return presentGrant(row);
}

export async function revokeRole(ctx: Context, grantId: string): Promise<void> {
  const orgId = ctx.actor.organisationId;
  const [grant] = await ctx.db.select().from(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.organisationId, orgId)));
  if (!grant) throw new AppError('not_found', 'No such role grant.');
  if (grant.role === 'admin') {
    requireAdmin(ctx);
    // Count the administrators who could still sign in afterwards: deactivated ones do not count.
    const [others] = await ctx.db
      .select({ n: count() })
      .from(roleGrants)
      .innerJoin(people, eq(people.id, roleGrants.personId))
      .where(and(eq(roleGrants.organisationId, orgId), eq(roleGrants.role, 'admin'), ne(roleGrants.id, grant.id), eq(people.active, true)));
    if ((others?.n ?? 0) === 0) throw new AppError('conflict', 'The organisation must keep at least one active administrator.');
  } else {
    authorize(ctx, 'role.grant', grant.unitId!, 'role grant');
  }
  await ctx.db.delete(roleGrants).where(eq(roleGrants.id, grant.id));
}
