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
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

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
  if (same && same.source === 'manual') return presentGrant(same);
  if (same) {
    // Held through the identity provider's groups until now: granted by hand, it stays when the
    // groups no longer give it (single sign-on only keeps grants whose source is 'sso' in step).
    await ctx.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      await tx.update(roleGrants).set({ source: 'manual', createdBy: ctx.actor.personId }).where(eq(roleGrants.id, same.id));
      await recordAudit(tx, ctx, {
        action: 'role.grant', entityType: 'role_grant', entityId: same.id, unitId, label: `${person.name}: ${same.role}`,
        before: grantSnapshot(same, person), after: grantSnapshot({ ...same, source: 'manual' }, person),
      });
    });
    return presentGrant({ ...same, source: 'manual', createdBy: ctx.actor.personId });
  }
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
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.insert(roleGrants).values(row);
    await recordAudit(tx, ctx, { action: 'role.grant', entityType: 'role_grant', entityId: row.id, unitId, label: `${person.name}: ${row.role}`, after: grantSnapshot(row, person) });
  });
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
  const [person] = await ctx.db.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, grant.personId));
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.delete(roleGrants).where(eq(roleGrants.id, grant.id));
    const label = `${person?.name ?? grant.personId}: ${grant.role}`;
    await recordAudit(tx, ctx, { action: 'role.revoke', entityType: 'role_grant', entityId: grant.id, unitId: grant.unitId, label, before: grantSnapshot(grant, person) });
  });
}

function grantSnapshot(g: { personId: string; role: string; unitId: string | null; source?: string | null }, person: { name: string; email: string } | undefined) {
  return { personId: g.personId, person: person?.name ?? null, email: person?.email ?? null, role: g.role, unitId: g.unitId, source: g.source ?? null };
}
