/**
 * VACUUM (ANALYZE) of the monthly rollups (metric_months). The dashboards read many accounts'
 * months by the covering index (db/schema/rollups.ts) with an index-only scan, which skips the
 * heap only for pages the visibility map marks all-visible; every write's rollup refresh leaves
 * pages that are not. PostgreSQL's autovacuum keeps the map fresh; PGlite runs no autovacuum, so
 * the server's hourly schedule (server/schedule.ts) and the demo load run this. On a year-long
 * dashboard of 500 accounts a stale map cost about a third of the request (bench/dashboards.ts).
 *
 * Must run outside any transaction (VACUUM refuses to run inside one): pass the database itself,
 * never a transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export async function vacuumRollups(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze) metric_months`);
}
