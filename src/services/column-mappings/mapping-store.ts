/**
 * Column mappings in the database: read them as the contract shape (with who made and last
 * changed them), find one by id, name or header signature within the actor's organisation (a
 * mapping of another organisation is never found), and insert one (name and signature unique per
 * organisation: a second mapping for the same headers is a conflict naming the first). Shared by
 * the column-mapping use cases and the import (which applies and saves mappings).
 */
import { and, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ColumnMappingSpec, type ColumnMappingOut } from '../../contract/column-mappings.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { columnMappings, people } from '../../db/schema/index.ts';
import { headerSignature } from '../../importers/mapping/signature.ts';

export type MappingRow = typeof columnMappings.$inferSelect;

const creator = alias(people, 'creator');
const updater = alias(people, 'updater');

function present(row: MappingRow, createdBy: string | null, updatedBy: string | null): ColumnMappingOut {
  return {
    id: row.id,
    name: row.name,
    signature: row.signature,
    headers: row.headers,
    mapping: ColumnMappingSpec.parse(row.mapping),
    version: row.version,
    createdBy: row.createdBy && createdBy !== null ? { id: row.createdBy, name: createdBy } : null,
    createdAt: row.createdAt.toISOString(),
    updatedBy: row.updatedBy && updatedBy !== null ? { id: row.updatedBy, name: updatedBy } : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Mappings of the organisation (all, or the one with this id, name or signature), presented. */
export async function readMappings(db: Db, organisationId: string, where?: { ref?: string; signature?: string }): Promise<ColumnMappingOut[]> {
  const conditions = [eq(columnMappings.organisationId, organisationId)];
  if (where?.ref !== undefined) {
    const ref = where.ref.trim();
    conditions.push(isUuid(ref) ? or(eq(columnMappings.id, ref), eq(columnMappings.name, ref))! : eq(columnMappings.name, ref));
  }
  if (where?.signature !== undefined) conditions.push(eq(columnMappings.signature, where.signature));
  const rows = await db
    .select({ row: columnMappings, createdBy: creator.name, updatedBy: updater.name })
    .from(columnMappings)
    .leftJoin(creator, eq(creator.id, columnMappings.createdBy))
    .leftJoin(updater, eq(updater.id, columnMappings.updatedBy))
    .where(and(...conditions))
    .orderBy(columnMappings.name);
  return rows.map((r) => present(r.row, r.createdBy, r.updatedBy));
}

/** The mapping with this id or name; not_found otherwise (also for another organisation's). */
export async function findMapping(db: Db, organisationId: string, ref: string): Promise<ColumnMappingOut> {
  const [found] = await readMappings(db, organisationId, { ref });
  if (!found) throw new AppError('not_found', `No column mapping "${ref}".`);
  return found;
}

export async function mappingForSignature(db: Db, organisationId: string, signature: string): Promise<ColumnMappingOut | null> {
  const [found] = await readMappings(db, organisationId, { signature });
  return found ?? null;
}

/** Refuses a name or signature another mapping of the organisation has (`except`: the one being edited). */
export async function assertFree(db: Db, organisationId: string, name: string | null, signature: string | null, except?: string): Promise<void> {
  const others = (await readMappings(db, organisationId)).filter((m) => m.id !== except);
  const byName = name === null ? undefined : others.find((m) => m.name === name);
  if (byName) throw new AppError('conflict', `A column mapping is already called "${name}".`, [{ path: 'name', message: 'taken' }]);
  const bySignature = signature === null ? undefined : others.find((m) => m.signature === signature);
  if (bySignature) {
    throw new AppError('conflict', `The column mapping "${bySignature.name}" is already saved for files with these headers: edit it instead.`, [
      { path: 'headers', message: `already mapped by "${bySignature.name}"` },
    ]);
  }
}

/** Inserts a mapping (inside the caller's transaction); the caller has authorised. */
export async function insertMapping(
  db: Db,
  input: { organisationId: string; name: string; headers: readonly string[]; mapping: ColumnMappingSpec; personId: string | null; now: Date },
): Promise<ColumnMappingOut> {
  const signature = headerSignature(input.headers);
  await assertFree(db, input.organisationId, input.name, signature);
  const id = crypto.randomUUID();
  await db.insert(columnMappings).values({
    id,
    organisationId: input.organisationId,
    name: input.name,
    signature,
    headers: [...input.headers],
    mapping: input.mapping,
    version: 1,
    createdBy: input.personId,
    createdAt: input.now,
    updatedBy: input.personId,
    updatedAt: input.now,
  });
  return findMapping(db, input.organisationId, id);
}
