/** Deletes a saved column mapping (administrators). Imports made with it keep their copy of it. */
import { and, eq } from 'drizzle-orm';
import type { ColumnMappingOut } from '../../contract/column-mappings.ts';
import type { Db } from '../../db/client.ts';
import { columnMappings } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { requireMappingAdmin } from './mapping-access.ts';
import { findMapping } from './mapping-store.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { mappingSnapshot } from '../audit/snapshots.ts';

export async function deleteColumnMapping(ctx: Context, ref: string): Promise<ColumnMappingOut> {
  requireMappingAdmin(ctx);
  const orgId = ctx.actor.organisationId;
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const current = await findMapping(tx, orgId, ref);
    await tx.delete(columnMappings).where(and(eq(columnMappings.organisationId, orgId), eq(columnMappings.id, current.id)));
    await recordAudit(tx, ctx, { action: 'column_mapping.delete', entityType: 'column_mapping', entityId: current.id, unitId: null, label: current.name, before: mappingSnapshot(current), after: null });
    return current;
  });
}
