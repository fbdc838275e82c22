/** An account's import history, newest first, and one import with its original file. */
import { and, desc, eq } from 'drizzle-orm';
import type { ImportOut } from '../../contract/statistics.ts';
import { AppError } from '../../core/errors.ts';
import { imports, storedFiles } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';
import { findImport, presentImport, presentImports } from './present-import.ts';

export async function listImports(ctx: Context, accountRef: string, options: { limit?: number } = {}): Promise<ImportOut[]> {
  const account = await findAccount(ctx.db, ctx.actor.organisationId, accountRef);
  if (!account) throw new AppError('not_found', 'No such account.');
  authorize(ctx, 'read', account.unitId, 'account');
  const rows = await ctx.db
    .select()
    .from(imports)
    .where(and(eq(imports.organisationId, ctx.actor.organisationId), eq(imports.accountId, account.id)))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(options.limit ?? 500);
  return presentImports(ctx.db, rows);
}

export async function getImport(ctx: Context, importId: string): Promise<ImportOut> {
  const found = await findImport(ctx, importId);
  return presentImport(ctx.db, found.row);
}

/** The original file as it was uploaded, for anyone who may read the account. */
export async function getImportFile(ctx: Context, importId: string): Promise<{ name: string; bytes: Uint8Array; sha256: string }> {
  const found = await findImport(ctx, importId);
  if (!found.row.fileId) throw new AppError('not_found', 'This import has no file (it was entered by hand or sent as JSON).');
  const [file] = await ctx.db.select().from(storedFiles).where(eq(storedFiles.id, found.row.fileId));
  if (!file) throw new AppError('not_found', 'The file of this import is missing.');
  const name = (found.row.fileName ?? 'import').split(' › ').pop()!.split('/').pop()!;
  return { name, bytes: file.content, sha256: file.sha256 };
}
