/** The organisation's saved column mappings, by name. */
import type { ColumnMappingList } from '../../contract/column-mappings.ts';
import type { Context } from '../context.ts';
import { requireMappingReader } from './mapping-access.ts';
import { readMappings } from './mapping-store.ts';

export async function listColumnMappings(ctx: Context): Promise<ColumnMappingList> {
  requireMappingReader(ctx);
  return { mappings: await readMappings(ctx.db, ctx.actor.organisationId) };
}
