/** Finding an import the actor may see, and its API shape (who imported and undid it, by name). */
import { and, eq, inArray } from 'drizzle-orm';
import type { ImportOut } from '../../contract/statistics.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { accounts, imports, people, storedFiles } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { isUuid } from '../lookup.ts';

export type ImportRow = typeof imports.$inferSelect;

/** The import with its account's unit; not_found for an import of a unit the actor may not read. */
export async function findImport(ctx: Context, importId: string): Promise<{ row: ImportRow; unitId: string }> {
  if (!isUuid(importId)) throw new AppError('not_found', 'No such import.');
  const [found] = await ctx.db
    .select({ row: imports, unitId: accounts.unitId })
    .from(imports)
    .innerJoin(accounts, eq(accounts.id, imports.accountId))
    .where(and(eq(imports.id, importId), eq(imports.organisationId, ctx.actor.organisationId)));
  if (!found) throw new AppError('not_found', 'No such import.');
  authorize(ctx, 'read', found.unitId, 'import');
  return found;
}

export async function presentImports(db: Db, rows: readonly ImportRow[]): Promise<ImportOut[]> {
  const personIds = [...new Set(rows.flatMap((r) => [r.createdBy, r.undoneBy].filter((p): p is string => p !== null)))];
  const fileIds = [...new Set(rows.flatMap((r) => (r.fileId ? [r.fileId] : [])))];
  const [names, sizes] = await Promise.all([
    personIds.length ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds)) : [],
    fileIds.length ? db.select({ id: storedFiles.id, size: storedFiles.size }).from(storedFiles).where(inArray(storedFiles.id, fileIds)) : [],
  ]);
  const nameOf = new Map(names.map((p) => [p.id, p.name]));
  const sizeOf = new Map(sizes.map((f) => [f.id, f.size]));
  const person = (id: string | null) => (id ? { id, name: nameOf.get(id) ?? '' } : null);
  return rows.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    origin: r.origin,
    fileName: r.fileName,
    sha256: r.sha256,
    fileSize: r.fileId ? (sizeOf.get(r.fileId) ?? null) : null,
    importer: r.importer,
    platform: r.platform,
    kind: r.kind,
    from: r.fromDay,
    to: r.toDay,
    lastDay: r.lastDay,
    rows: r.rows,
    counts: r.counts,
    columns: r.columns,
    warnings: r.warnings,
    createdBy: person(r.createdBy),
    createdAt: r.createdAt.toISOString(),
    undoneBy: person(r.undoneBy),
    undoneAt: r.undoneAt ? r.undoneAt.toISOString() : null,
  }));
}

export async function presentImport(db: Db, row: ImportRow): Promise<ImportOut> {
  return (await presentImports(db, [row]))[0]!;
}
