/** Renames and/or changes a saved column mapping (administrators); the version goes up by one. Earlier imports keep the copy they used. */
import { and, eq } from 'drizzle-orm';
import { ColumnMappingUpdate, type ColumnMappingOut } from '../../contract/column-mappings.ts';
import type { Db } from '../../db/client.ts';
import { columnMappings } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { requireMappingAdmin } from './mapping-access.ts';
import { assertFree, findMapping } from './mapping-store.ts';
import { assertMappingFitsHeaders } from './check-mapping.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { mappingSnapshot } from '../audit/snapshots.ts';

export async function updateColumnMapping(ctx: Context, ref: string, raw: ColumnMappingUpdate): Promise<ColumnMappingOut> {
  requireMappingAdmin(ctx);
  const input = ColumnMappingUpdate.parse(raw);
  const orgId = ctx.actor.organisationId;
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const current = await findMapping(tx, orgId, ref);
    if (input.mapping) assertMappingFitsHeaders(input.mapping, current.headers);
    if (input.name !== undefined && input.name !== current.name) await assertFree(tx, orgId, input.name, null, current.id);
    await tx
      .update(columnMappings)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.mapping ? { mapping: input.mapping } : {}),
        version: current.version + 1,
        updatedBy: ctx.actor.personId,
        updatedAt: ctx.now,
      })
      .where(and(eq(columnMappings.organisationId, orgId), eq(columnMappings.id, current.id)));
    const changed = await findMapping(tx, orgId, current.id);
    const before = mappingSnapshot(current);
    await recordAudit(tx, ctx, { action: 'column_mapping.update', entityType: 'column_mapping', entityId: current.id, unitId: null, label: changed.name, before, after: mappingSnapshot(changed) });
    return changed;
  });
}
