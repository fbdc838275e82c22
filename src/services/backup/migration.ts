/**
 * The last migration applied to a database, named by its tag from the migrations' journal
 * (db/migrations/meta/_journal.json): a backup records it, and a restore needs the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, type Db } from '../../db/client.ts';

export interface AppliedMigration {
  tag: string;
  hash: string;
  createdAt: number;
}

interface Journal {
  entries: { tag: string; when: number }[];
}

export async function lastAppliedMigration(db: Db): Promise<AppliedMigration | null> {
  const result = (await db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`)) as unknown as {
    rows: { hash: string; created_at: string | number }[];
  };
  const row = result.rows[0];
  if (!row) return null;
  const createdAt = Number(row.created_at);
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const tag = journal.entries.find((e) => e.when === createdAt)?.tag ?? `unknown (${createdAt})`;
  return { tag, hash: row.hash, createdAt };
}

/** Målbar's version, from package.json. */
export function maalbarVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
