/** Creates a unit under a parent the actor manages (top-level units: administrators only). */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { slugify, uniqueSlug } from '../../core/slug.ts';
import { UnitCreateInput } from '../../contract/units.ts';
import type { UnitOut } from '../../contract/units.ts';
import { units } from '../../db/schema/index.ts';
import { authorize, requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { presentUnit } from '../present.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export async function createUnit(ctx: Context, rawInput: UnitCreateInput): Promise<UnitOut> {
  const input = UnitCreateInput.parse(rawInput);
  const orgId = ctx.actor.organisationId;
  let parent: typeof units.$inferSelect | null = null;
  if (input.parent) {
    parent = await findUnit(ctx.db, orgId, input.parent);
    authorize(ctx, 'unit.manage', parent.id, 'unit');
    if (parent.archivedAt) throw new AppError('validation_failed', `The unit "${parent.name}" is archived.`, [{ path: 'parent', message: 'archived' }]);
  } else {
    requireAdmin(ctx);
  }
  const taken = new Set(
    (await ctx.db.select({ slug: units.slug }).from(units).where(eq(units.organisationId, orgId))).map((r) => r.slug),
  );
  if (input.slug && taken.has(input.slug)) {
    throw new AppError('conflict', `The slug "${input.slug}" is already used by another unit.`, [{ path: 'slug', message: 'taken' }]);
  }
  const id = crypto.randomUUID();
  const row = {
    id,
    organisationId: orgId,
    parentId: parent?.id ?? null,
    slug: input.slug ?? uniqueSlug(slugify(input.name), taken),
    name: input.name,
    kind: input.kind,
    path: parent ? `${parent.path}/${id}` : id,
    archivedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(units).values(row);
    await recordAudit(tx as unknown as Db, ctx, { action: 'unit.create', entityType: 'unit', entityId: id, unitId: id, label: row.name, after: row, omit: ['path'] });
  });
  return presentUnit(row);
}
