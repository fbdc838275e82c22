/**
 * `maalbar backup`: one organisation's data, original import files included, as one backup file
 * (format.ts). Everything is read in one read-only REPEATABLE READ transaction, so the file is
 * one consistent snapshot even while the server keeps writing (on PGlite there is one connection
 * anyway). Rows are the database's own to_jsonb text of each row, read through a cursor in
 * batches: exact for timestamps (in UTC), dates, jsonb, double precision and bytea (hex).
 * The file is written under a temporary name and renamed when complete.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Database, Db } from '../../db/client.ts';
import { organisations } from '../../db/schema/index.ts';
import { BackupWriter, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './format.ts';
import { lastAppliedMigration, maalbarVersion } from './migration.ts';
import { backupTables, quoteIdentifier, type BackupTable } from './tables.ts';

export interface BackupSummary {
  file: string;
  organisation: { id: string; slug: string; name: string };
  migration: string;
  createdAt: string;
  tables: number;
  rows: number;
  /** Original import files (stored_files rows). */
  files: number;
  /** Size of the backup file. */
  bytes: number;
  perTable: { name: string; rows: number }[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The organisation to back up: the one named, or the only one. */
async function chooseOrganisation(db: Db, slug: string | undefined): Promise<{ id: string; slug: string; name: string }> {
  const all = await db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name }).from(organisations).orderBy(organisations.slug);
  if (slug !== undefined) {
    const found = all.find((o) => o.slug === slug);
    if (!found) throw new AppError('not_found', `No organisation "${slug}"; there is ${all.map((o) => o.slug).join(', ') || 'none'}.`);
    return found;
  }
  if (all.length === 0) throw new AppError('setup_required', 'The database holds no organisation to back up.');
  if (all.length > 1) throw new AppError('validation_failed', `The database holds ${all.length} organisations (${all.map((o) => o.slug).join(', ')}): name one with --organisation.`);
  return all[0]!;
}

/** The SELECT of one table's rows of one organisation, as JSON text, in key order. */
export function tableQuery(table: BackupTable, organisationId: string): string {
  if (!uuidPattern.test(organisationId)) throw new Error(`not an organisation id: ${organisationId}`);
  const scope = table.scope.replaceAll('$org', `'${organisationId}'::uuid`);
  return `select to_jsonb(t)::text as r from ${quoteIdentifier(table.name)} t where ${scope} order by ${table.order}`;
}

/**
 * Calls `row` with each row of each table (one organisation, key order) inside one snapshot.
 * Shared by the backup and by tests that compare two databases.
 */
export async function readSnapshot(
  db: Db,
  organisationId: string,
  visit: {
    start?(tx: Db): Promise<void>;
    table(table: BackupTable): Promise<void>;
    row(json: string): Promise<void>;
  },
): Promise<void> {
  await db.transaction(
    async (tx) => {
      // Timestamps in UTC and doubles in their shortest exact form, whatever the session's settings.
      await tx.execute(sql`set local timezone = 'UTC'`);
      await tx.execute(sql`set local extra_float_digits = 1`);
      // REPEATABLE READ takes its snapshot at the first query, not at BEGIN: taken here, before anything is read.
      await tx.execute(sql`select 1`);
      await visit.start?.(tx);
      for (const table of backupTables()) {
        await visit.table(table);
        await tx.execute(sql.raw(`declare maalbar_backup no scroll cursor for ${tableQuery(table, organisationId)}`));
        for (;;) {
          const batch = (await tx.execute(sql.raw(`fetch forward ${table.fetchSize} from maalbar_backup`))) as unknown as { rows: { r: string }[] };
          for (const { r } of batch.rows) await visit.row(r);
          if (batch.rows.length < table.fetchSize) break;
        }
        await tx.execute(sql`close maalbar_backup`);
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export async function createBackup(database: Database, input: { file: string; organisation?: string; now: Date }): Promise<BackupSummary> {
  const { db } = database;
  if (existsSync(input.file)) throw new AppError('conflict', `${input.file} already exists: choose another name or remove it first.`);
  const organisation = await chooseOrganisation(db, input.organisation);
  const partial = `${input.file}.partial-${process.pid}`;
  const writer = new BackupWriter(partial);
  const createdAt = input.now.toISOString();
  let migrationTag = '';
  try {
    await readSnapshot(db, organisation.id, {
      async start(tx) {
        const migration = await lastAppliedMigration(tx);
        if (!migration) throw new AppError('setup_required', 'The database has no migrations applied.');
        migrationTag = migration.tag;
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_FORMAT_VERSION,
          maalbarVersion: maalbarVersion(),
          migration,
          organisation,
          createdAt,
          engine: database.kind,
        };
        await writer.header(header);
      },
      table: (table) => writer.startTable(table.name),
      row: (json) => writer.row(json),
    });
    const tables = await writer.finish();
    renameSync(partial, input.file);
    const rows = tables.reduce((n, t) => n + t.rows, 0);
    return {
      file: input.file,
      organisation,
      migration: migrationTag,
      createdAt,
      tables: tables.length,
      rows,
      files: tables.find((t) => t.name === 'stored_files')?.rows ?? 0,
      bytes: statSync(input.file).size,
      perTable: tables.map((t) => ({ name: t.name, rows: t.rows })),
    };
  } catch (error) {
    writer.abort();
    rmSync(partial, { force: true });
    throw error;
  }
}
