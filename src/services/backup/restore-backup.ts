/**
 * `maalbar restore`: loads a backup file into an empty database at the same migration. The whole
 * file is checked first (checksums, gzip CRC, format, migration, known tables) and nothing is
 * written unless all is well; then every row goes in within ONE transaction, parents before the
 * tables that refer to them, so a failure leaves the database as empty as it was. Rows go in by
 * batches through jsonb_populate_recordset, the inverse of the backup's to_jsonb.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Database, Db } from '../../db/client.ts';
import { readBackup, verifyBackup, type BackupManifest } from './format.ts';
import { lastAppliedMigration } from './migration.ts';
import { backupTables, quoteIdentifier, type BackupTable } from './tables.ts';
import type { BackupSummary } from './create-backup.ts';

/** Rows per INSERT, and the most JSON text one INSERT carries. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 8 * 1024 * 1024;

/** Checks that the database can take the backup: the same migration and no organisation yet. */
async function checkTarget(db: Db, manifest: BackupManifest, file: string): Promise<void> {
  const target = await lastAppliedMigration(db);
  if (!target || target.hash !== manifest.migration.hash || target.createdAt !== manifest.migration.createdAt) {
    throw new AppError(
      'conflict',
      `${file} was made at migration ${manifest.migration.tag} (Målbar ${manifest.maalbarVersion}); this database is at ${target?.tag ?? 'no migration'}. ` +
        'Restore with the Målbar version that made the backup, then upgrade.',
    );
  }
  const result = (await db.execute(sql`select count(*)::int as n from organisations`)) as unknown as { rows: { n: number }[] };
  const n = result.rows[0]?.n ?? 0;
  if (n > 0) throw new AppError('conflict', `The database already holds ${n === 1 ? 'an organisation' : `${n} organisations`}: restore needs an empty database.`);
}

function insertStatement(table: BackupTable, json: string) {
  const columns = table.columns.map(quoteIdentifier).join(', ');
  const overriding = table.identityColumns.length > 0 ? ' overriding system value' : '';
  const name = quoteIdentifier(table.name);
  return sql`insert into ${sql.raw(name)} (${sql.raw(columns)})${sql.raw(overriding)} select ${sql.raw(columns)} from jsonb_populate_recordset(null::${sql.raw(name)}, ${json}::jsonb)`;
}

/** Rows of a table that refers to itself, parents first (each row after the rows it refers to). */
function parentsFirst(table: BackupTable, rows: string[]): string[] {
  let rest = rows.map((json) => ({ json, row: JSON.parse(json) as Record<string, unknown> }));
  const present = new Set(rest.flatMap(({ row }) => table.selfReferences.map(({ references }) => row[references])));
  const placed = new Set<unknown>();
  const ordered: string[] = [];
  while (rest.length > 0) {
    const ready = (row: Record<string, unknown>) =>
      table.selfReferences.every(({ column }) => row[column] === null || row[column] === undefined || !present.has(row[column]) || placed.has(row[column]));
    const next = rest.filter(({ row }) => ready(row));
    if (next.length === 0) throw new AppError('validation_failed', `The rows of ${table.name} refer to each other in a cycle.`);
    for (const { json, row } of next) {
      ordered.push(json);
      for (const { references } of table.selfReferences) placed.add(row[references]);
    }
    const done = new Set(next);
    rest = rest.filter((r) => !done.has(r));
  }
  return ordered;
}

async function insertRows(tx: Db, table: BackupTable, rows: string[]): Promise<number> {
  if (rows.length === 0) return 0;
  let result: { rowCount?: number | null; affectedRows?: number };
  try {
    result = (await tx.execute(insertStatement(table, `[${rows.join(',')}]`))) as unknown as typeof result;
  } catch (error) {
    // The database's own reason (drizzle wraps it with the whole query, too long to show).
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new AppError('validation_failed', `The rows of ${table.name} could not be restored (${cause instanceof Error ? cause.message : String(cause)}); nothing was restored.`);
  }
  return result.rowCount ?? result.affectedRows ?? rows.length;
}

export async function restoreBackup(database: Database, input: { file: string }): Promise<BackupSummary> {
  const { db } = database;
  const manifest = await verifyBackup(input.file);
  const tables = new Map(backupTables().map((t) => [t.name, t]));
  const unknown = manifest.tables.filter((t) => !tables.has(t.name)).map((t) => t.name);
  if (unknown.length > 0) throw new AppError('validation_failed', `${input.file} holds tables this Målbar does not back up: ${unknown.join(', ')}.`);
  await checkTarget(db, manifest, input.file);

  await db.transaction(async (tx) => {
    // No organisation may be set up meanwhile (services/auth/setup-organisation.ts takes the same lock).
    await tx.execute(sql`lock table organisations in exclusive mode`);
    await checkTarget(tx, manifest, input.file);
    let table: BackupTable | null = null;
    let batch: string[] = [];
    let chars = 0;
    let inserted = 0;
    // The file is read a second time: checked again as it goes in, in case it changed meanwhile.
    let hash = createHash('sha256');
    let position = 0;
    const flush = async () => {
      if (table && table.selfReferences.length === 0) inserted += await insertRows(tx, table, batch);
      else if (table) {
        // A table that refers to itself (units, strategic goals: small) goes in whole, parents first.
        const ordered = parentsFirst(table, batch);
        for (let i = 0; i < ordered.length; i += BATCH_ROWS) inserted += await insertRows(tx, table, ordered.slice(i, i + BATCH_ROWS));
      }
      batch = [];
      chars = 0;
    };
    const finishTable = async () => {
      await flush();
      if (!table) return;
      const expected = manifest.tables[position++];
      if (expected?.name !== table.name || expected.sha256 !== hash.digest('hex')) {
        throw new AppError('validation_failed', `${input.file} changed while it was being restored; nothing was restored.`);
      }
      if (inserted !== expected.rows) throw new AppError('internal', `Restoring ${table.name} inserted ${inserted} rows, the backup holds ${expected.rows}.`);
      for (const column of table.identityColumns) {
        const name = quoteIdentifier(table.name);
        await tx.execute(
          sql.raw(`select setval(pg_get_serial_sequence('${name}', '${column}'), coalesce((select max(${quoteIdentifier(column)}) from ${name}), 0) + 1, false)`),
        );
      }
    };
    for await (const item of readBackup(input.file)) {
      if (item.kind === 'table') {
        await finishTable();
        table = tables.get(item.name) ?? null;
        if (!table) throw new AppError('validation_failed', `${input.file} changed while it was being restored; nothing was restored.`);
        inserted = 0;
        hash = createHash('sha256');
        continue;
      }
      if (!table) throw new AppError('validation_failed', `${input.file} changed while it was being restored; nothing was restored.`);
      hash.update(item.json + '\n');
      batch.push(item.json);
      chars += item.json.length;
      if (table.selfReferences.length === 0 && (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS)) await flush();
    }
    await finishTable();
    if (position !== manifest.tables.length) throw new AppError('validation_failed', `${input.file} changed while it was being restored; nothing was restored.`);
  });
  // Fresh planner statistics for the restored tables (PGlite has no autovacuum to gather them).
  await db.execute(sql`analyze`);

  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  return {
    file: input.file,
    organisation: manifest.organisation,
    migration: manifest.migration.tag,
    createdAt: manifest.createdAt,
    tables: manifest.tables.length,
    rows,
    files: manifest.tables.find((t) => t.name === 'stored_files')?.rows ?? 0,
    bytes: statSync(input.file).size,
    perTable: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
  };
}
