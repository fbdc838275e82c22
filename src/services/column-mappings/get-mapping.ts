/** One saved column mapping, by id or name. */
import type { ColumnMappingOut } from '../../contract/column-mappings.ts';
import type { Context } from '../context.ts';
import { requireMappingReader } from './mapping-access.ts';
import { findMapping } from './mapping-store.ts';

export async function getColumnMapping(ctx: Context, ref: string): Promise<ColumnMappingOut> {
  requireMappingReader(ctx);
  return findMapping(ctx.db, ctx.actor.organisationId, ref);
}
