/**
 * Who may do what with column mappings: everyone who may document statistics somewhere (any
 * statistics.write grant) may list and read the organisation's mappings (they are applied to their
 * imports); administrators create, edit and delete them here. Saving a mapping while importing a
 * file is the import's business (statistics.write on the account's unit, import-files.ts), so a
 * reporter is never stuck with a file nobody has mapped.
 */
import { AppError } from '../../core/errors.ts';
import { requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';

export function requireMappingReader(ctx: Context): void {
  if (!ctx.actor.access.canAnywhere('statistics.write')) {
    throw new AppError('forbidden', 'Only people who may document statistics may see column mappings.');
  }
}

export function requireMappingAdmin(ctx: Context): void {
  requireAdmin(ctx);
}
