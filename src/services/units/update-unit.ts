/** Renames, moves, archives or restores a unit. A move never puts a unit below itself. */
import { and, eq, isNull, like, ne, or, sql, count } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { UnitUpdateInput } from '../../contract/units.ts';
import type { UnitOut } from '../../contract/units.ts';
import { accounts, units } from '../../db/schema/index.ts';
import { authorize, requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { presentUnit } from '../present.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export async function updateUnit(ctx: Context, idOrSlug: string, rawInput: UnitUpdateInput): Promise<UnitOut> {
  // Validated here as well as in the route, so every caller (the CLI) gets the same rules.
  const input = UnitUpdateInput.parse(rawInput);
  const orgId = ctx.actor.organisationId;
  const unit = await findUnit(ctx.db, orgId, idOrSlug);
  authorize(ctx, 'unit.manage', unit.id, 'unit');

  return ctx.db.transaction(async (tx) => {
    const changes: Partial<typeof units.$inferInsert> = { updatedAt: ctx.now };
    if (input.name !== undefined) changes.name = input.name;
    if (input.kind !== undefined) changes.kind = input.kind;

    if (input.parent !== undefined) {
      if (input.parent === null) {
        requireAdmin(ctx);
        if (unit.parentId !== null) await movePaths(tx, orgId, unit.path, unit.id);
        changes.parentId = null;
      } else {
        const parent = await findUnit(tx, orgId, input.parent);
        authorize(ctx, 'unit.manage', parent.id, 'unit');
        if (unit.parentId === null && !ctx.actor.access.isAdmin) requireAdmin(ctx);
        if (parent.id === unit.id || parent.path.startsWith(`${unit.path}/`)) {
          throw new AppError('validation_failed', `"${unit.name}" cannot be moved below itself.`, [{ path: 'parent', message: 'would create a cycle' }]);
        }
        if (parent.archivedAt) throw new AppError('validation_failed', `The unit "${parent.name}" is archived.`, [{ path: 'parent', message: 'archived' }]);
        if (parent.id !== unit.parentId) await movePaths(tx, orgId, unit.path, `${parent.path}/${unit.id}`);
        changes.parentId = parent.id;
      }
    }

    if (input.archived === true && !unit.archivedAt) {
      if (unit.parentId === null) throw new AppError('validation_failed', 'The top unit of the organisation cannot be archived.');
      const [subUnits] = await tx
        .select({ n: count() })
        .from(units)
        .where(and(eq(units.organisationId, orgId), like(units.path, `${unit.path}/%`), isNull(units.archivedAt)));
      if ((subUnits?.n ?? 0) > 0) {
        throw new AppError('conflict', `"${unit.name}" has ${subUnits!.n} sub-unit(s) that are not archived; archive or move them first.`);
      }
      const [active] = await tx
        .select({ n: count() })
        .from(accounts)
        .where(and(eq(accounts.organisationId, orgId), eq(accounts.unitId, unit.id), ne(accounts.status, 'closed')));
      if ((active?.n ?? 0) > 0) {
        throw new AppError('conflict', `"${unit.name}" has ${active!.n} account(s) that are not closed; close or move them first.`);
      }
      changes.archivedAt = ctx.now;
    } else if (input.archived === false && unit.archivedAt) {
      if (unit.parentId) {
        const [parent] = await tx.select().from(units).where(eq(units.id, unit.parentId));
        if (parent?.archivedAt) throw new AppError('conflict', `Restore the parent unit "${parent.name}" first.`);
      }
      changes.archivedAt = null;
    }

    const [row] = await tx.update(units).set(changes).where(eq(units.id, unit.id)).returning();
    const action =
      changes.archivedAt instanceof Date ? 'unit.archive' : changes.archivedAt === null ? 'unit.restore' : changes.parentId !== undefined && changes.parentId !== unit.parentId ? 'unit.move' : 'unit.update';
    await recordAudit(tx as unknown as Db, ctx, { action, entityType: 'unit', entityId: unit.id, unitId: unit.id, label: row!.name, before: unit, after: row, omit: ['path'] });
    return presentUnit(row!);
  });
}

/** Rewrites the materialised path of a unit and everything below it. */
async function movePaths(tx: Context['db'], orgId: string, oldPath: string, newPath: string): Promise<void> {
  await tx
    .update(units)
    .set({ path: sql`${newPath} || substr(${units.path}, ${oldPath.length + 1})` })
    .where(and(eq(units.organisationId, orgId), or(eq(units.path, oldPath), like(units.path, `${oldPath}/%`))));
}
