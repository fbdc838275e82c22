/** The rollups' VACUUM: it runs outside a transaction, marks the table vacuumed and removes the dead rows a write's refresh left. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { vacuumRollups } from './vacuum-rollups.ts';

interface Stats {
  vacuumed: boolean;
  analysed: boolean;
}

forEachDatabase('vacuum rollups', (fresh, kind) => {
  test('the table is vacuumed and analysed, and (PGlite) every page is all-visible afterwards', async () => {
    await using t = await fresh();
    const org = '00000000-0000-4000-8000-000000000001';
    await t.db.execute(sql`
      insert into metric_months (organisation_id, account_id, metric, month, sum, days, first_day, last_day, last_value, min, max)
      select ${org}::uuid, gen_random_uuid(), 'reach', date '2025-01-01', 1, 1, date '2025-01-01', date '2025-01-01', 1, 1, 1 from generate_series(1, 500)`);
    // A refresh deletes and inserts: dead rows and pages the visibility map does not cover.
    await t.db.execute(sql`update metric_months set sum = sum + 1`);
    const pages = async () => ((await t.db.execute(sql`select relallvisible::int as visible, relpages::int as total from pg_class where relname = 'metric_months'`)) as { rows: { visible: number; total: number }[] }).rows[0]!;
    await vacuumRollups(t.db);
    const stats = ((await t.db.execute(sql`select last_vacuum is not null as vacuumed, last_analyze is not null as analysed from pg_stat_user_tables where relname = 'metric_months'`)) as { rows: Stats[] }).rows[0];
    assert.deepEqual(stats && { vacuumed: stats.vacuumed, analysed: stats.analysed }, { vacuumed: true, analysed: true });
    const after = await pages();
    assert.ok(after.total > 0, 'analysed: relpages counted');
    // On PostgreSQL other sessions' snapshots (tests run in parallel) can keep dead rows and their
    // pages from being marked; PGlite has no other session.
    if (kind === 'pglite') assert.equal(after.visible, after.total, 'every page all-visible');
  });

  test('inside a transaction it fails (the caller must pass the database itself)', async () => {
    await using t = await fresh();
    await assert.rejects(t.db.transaction(async (tx) => vacuumRollups(tx as never)), (e: Error) => /VACUUM cannot run inside a transaction block/.test(String(e.cause)));
  });
});
