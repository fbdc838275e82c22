/**
 * The overview's one statement (overview-rows.ts) costs about 12 ms on PGlite at 500 accounts;
 * what it reads changes a few times an hour. So its parsed answer is kept in memory per
 * (organisation, scope, as-of day, today) together with the database snapshot it was read in,
 * and reused while no transaction that wrote one of its tables has committed since that
 * snapshot: the tables' statement-level triggers record each writing transaction's id in
 * `dashboard_changes` (db/schema/dashboard-changes.ts), and one index probe asks whether any of
 * them is invisible to the kept snapshot but visible now. That is exact whichever process wrote
 * (the CLI beside the server on PostgreSQL), costs writers no shared lock, and a write that is
 * still uncommitted when the overview is read cannot be missed (its id is in the snapshot's
 * in-progress list, so it counts as a change once committed).
 *
 * Entries are kept per database handle, frozen (shared between requests), at most MAX_ENTRIES (least recently used go
 * first), and kept at most MAX_AGE_MS: the hourly schedule prunes change rows older than
 * PRUNE_AFTER_MS, which must stay longer than an entry can live.
 */
import { sql } from 'drizzle-orm';
import type { Day } from '../../core/period/days.ts';
import type { Db } from '../../db/client.ts';
import { deepFreeze, readOverview, type OverviewRead } from './overview-rows.ts';

const MAX_ENTRIES = 64;
export const MAX_AGE_MS = 30 * 60_000;
export const PRUNE_AFTER_MS = 2 * 60 * 60_000;

interface Entry {
  read: OverviewRead;
  storedAt: number;
}
/** Per database handle (tests open many databases in one process, whose transaction ids overlap). */
const caches = new WeakMap<Db, Map<string, Entry>>();

/** Counters for tests and the benchmark. */
export const overviewCacheStats = { hits: 0, misses: 0 };

/** True when a transaction that changed the overview's tables has committed since `snapshot`. */
export async function changedSince(db: Db, snapshot: string): Promise<boolean> {
  const result = await db.execute(sql`
    select exists(
      select 1 from dashboard_changes
      where xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot) and not pg_visible_in_snapshot(xid, ${snapshot}::pg_snapshot)
    ) as changed`);
  return (result as unknown as { rows: { changed: boolean }[] }).rows[0]?.changed !== false;
}

/** readOverview, answered from memory while nothing it reads has changed. `nowMs`: the process clock (entries' age). */
export async function readOverviewCached(db: Db, organisationId: string, scopePath: string | null, asOf: Day, today: Day, nowMs = Date.now()): Promise<OverviewRead> {
  const key = `${organisationId}|${scopePath ?? ''}|${asOf}|${today}`;
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const entry = entries.get(key);
  if (entry && nowMs - entry.storedAt < MAX_AGE_MS && entry.storedAt <= nowMs && !(await changedSince(db, entry.read.snapshot))) {
    overviewCacheStats.hits += 1;
    // Most recently used last.
    entries.delete(key);
    entries.set(key, entry);
    return entry.read;
  }
  overviewCacheStats.misses += 1;
  const read = await readOverview(db, organisationId, scopePath, asOf, today);
  entries.delete(key);
  if (read.snapshot !== '') {
    for (const old of entries.keys()) {
      if (entries.size < MAX_ENTRIES) break;
      entries.delete(old);
    }
    entries.set(key, { read: deepFreeze(read), storedAt: nowMs });
  }
  return read;
}

/** Forget every overview kept for this database (tests). */
export function clearOverviewCache(db: Db): void {
  caches.delete(db);
}

/** Removes change rows no kept overview can still need (the hourly schedule). Returns how many went. */
export async function pruneDashboardChanges(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - PRUNE_AFTER_MS);
  const result = await db.execute(sql`delete from dashboard_changes where at < ${before.toISOString()}::timestamptz`);
  return (result as unknown as { affectedRows?: number; rowCount?: number }).affectedRows ?? (result as unknown as { rowCount?: number }).rowCount ?? 0;
}
