/** Saves a column mapping for a file's headers (administrators; importers save theirs with the import). */
import { ColumnMappingCreate, type ColumnMappingOut } from '../../contract/column-mappings.ts';
import type { Db } from '../../db/client.ts';
import type { Context } from '../context.ts';
import { requireMappingAdmin } from './mapping-access.ts';
import { insertMapping } from './mapping-store.ts';
import { assertMappingFitsHeaders } from './check-mapping.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { mappingSnapshot } from '../audit/snapshots.ts';

export async function createColumnMapping(ctx: Context, raw: ColumnMappingCreate): Promise<ColumnMappingOut> {
  requireMappingAdmin(ctx);
  const input = ColumnMappingCreate.parse(raw);
  assertMappingFitsHeaders(input.mapping, input.headers);
  return ctx.db.transaction(async (tx) => {
    const saved = await insertMapping(tx as unknown as Db, {
      organisationId: ctx.actor.organisationId,
      name: input.name,
      headers: input.headers,
      mapping: input.mapping,
      personId: ctx.actor.personId,
      now: ctx.now,
    });
    await recordAudit(tx as unknown as Db, ctx, { action: 'column_mapping.create', entityType: 'column_mapping', entityId: saved.id, unitId: null, label: saved.name, after: mappingSnapshot(saved) });
    return saved;
  });
}
