/**
 * Every table's rows as one string, to prove that a refused or failed request changed nothing.
 * Tables are found in the schema itself, so a new table is included without anyone adding it.
 */
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';

/** Tables every request may touch: a session's last use slides while it is used. */
const volatile = new Set(['sessions']);

export function allTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
}

export async function snapshotAllTables(db: Db): Promise<string> {
  const out: Record<string, string[]> = {};
  for (const table of allTables()) {
    const name = getTableName(table);
    if (volatile.has(name)) continue;
    const rows = await db.select().from(table);
    out[name] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v))).sort();
  }
  return JSON.stringify(out);
}

/** Which tables differ between two snapshots (for a readable failure). */
export function changedTables(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, string[]>;
  const b = JSON.parse(after) as Record<string, string[]>;
  return Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
