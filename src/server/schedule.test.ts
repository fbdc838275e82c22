/** The server's hourly schedule: last month's drafts in every organisation, idempotent; the rollups vacuumed on PGlite only; failures logged, never thrown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accounts, evaluations } from '../db/schema/index.ts';
import { forEachDatabase } from '../testing/database.ts';
import { seed } from '../testing/seed.ts';
import { createLogger } from './logger.ts';
import { prepareLastMonthEverywhere, startSchedule, vacuumRollupsLogged } from './schedule.ts';

function capture() {
  const lines: { level: string; msg: string; month?: string; created?: number }[] = [];
  return { lines, logger: createLogger('info', (l) => lines.push(JSON.parse(l) as (typeof lines)[number])) };
}

const lastVacuum = async (db: Db) =>
  ((await db.execute(sql`select last_vacuum is not null as vacuumed from pg_stat_user_tables where relname = 'metric_months'`)) as { rows: { vacuumed: boolean }[] }).rows[0]?.vacuumed;

forEachDatabase('schedule', (fresh, kind) => {
  test('on the first of the month, last month’s drafts are prepared once; later rounds find nothing to do', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    await t.db.update(accounts).set({ createdAt: new Date('2026-01-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
    const { lines, logger } = capture();
    const firstOfApril = new Date('2026-04-01T00:30:00Z');
    assert.deepEqual(await prepareLastMonthEverywhere(t.db, firstOfApril, logger), [{ organisation: 'testuniversitetet', month: '2026-03', created: 2, existing: 0 }]);
    assert.deepEqual(await prepareLastMonthEverywhere(t.db, new Date('2026-04-01T01:30:00Z'), logger), [{ organisation: 'testuniversitetet', month: '2026-03', created: 0, existing: 2 }]);
    assert.deepEqual(lines.map((l) => [l.level, l.msg, l.month, l.created]), [['info', 'evaluation drafts prepared', '2026-03', 2]]);
    const rows = await t.db.select({ month: evaluations.month, status: evaluations.status }).from(evaluations);
    assert.deepEqual(rows, [{ month: '2026-03-01', status: 'draft' }, { month: '2026-03-01', status: 'draft' }]);
  });

  test('the schedule runs a round at start and stop() waits for it', async () => {
    await using t = await fresh();
    await seed(t.db);
    const { lines, logger } = capture();
    const schedule = startSchedule(t, logger, () => new Date('2026-04-02T12:00:00Z'));
    await schedule.stop();
    // PGlite has no autovacuum: the round vacuums the rollups; PostgreSQL's autovacuum does it there.
    assert.equal(await lastVacuum(t.db), kind === 'pglite');
    // The seeded accounts were registered in March 2026 (the seed's day): both get March drafts.
    assert.equal((await t.db.select().from(evaluations)).length, 2);
    assert.deepEqual(lines.map((l) => l.msg), ['evaluation drafts prepared']);
  });

  test('a failure is logged as a warning and does not throw', async () => {
    await using t = await fresh();
    await seed(t.db);
    await t.db.execute(sql`drop table evaluation_events`);
    const { lines, logger } = capture();
    assert.deepEqual(await prepareLastMonthEverywhere(t.db, new Date('2026-04-01T00:30:00Z'), logger), []);
    assert.deepEqual(lines.map((l) => [l.level, l.msg, l.month]), [['warn', 'preparing evaluation drafts failed', '2026-03']]);
    assert.equal((await t.db.select().from(evaluations)).length, 0, 'the transaction rolled back');
  });

  test('a failed VACUUM is logged as a warning and does not throw', async () => {
    await using t = await fresh();
    const { lines, logger } = capture();
    assert.equal(await vacuumRollupsLogged(t.db, logger), true);
    assert.equal(await lastVacuum(t.db), true);
    await t.db.execute(sql`drop table metric_months`);
    assert.equal(await vacuumRollupsLogged(t.db, logger), false);
    assert.deepEqual(lines.map((l) => [l.level, l.msg]), [['warn', 'vacuuming the rollups failed']]);
  });
});
