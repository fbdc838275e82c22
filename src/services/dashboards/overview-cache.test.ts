/**
 * The overview kept in memory (overview-cache.ts) is reused exactly while nothing it reads has
 * changed: a write to any table the statement reads is seen by the next request, also a write
 * made on another connection (another process on PostgreSQL) and one still uncommitted while the
 * overview was read; every table the statement reads carries the trigger. Both databases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { forEachDatabase } from '../../testing/database.ts';
import { accounts, evaluations } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import { updateAccount } from '../accounts/update-account.ts';
import { setHistoryWindow } from '../coverage/set-history-window.ts';
import { clearOverviewCache, overviewCacheStats, pruneDashboardChanges, readOverviewCached } from './overview-cache.ts';
import { readOverview } from './overview-rows.ts';
import { overview } from './overview.ts';
import { overviewWorld } from './overview-world.ts';

const DAY = '2026-03-15';

function counters() {
  const start = { ...overviewCacheStats };
  return () => ({ hits: overviewCacheStats.hits - start.hits, misses: overviewCacheStats.misses - start.misses });
}

/** The tables a statement reads (from … / join …), by name, leaving out its own CTEs (`name as (`). */
function tablesRead(query: string): Set<string> {
  const ctes = new Set([...query.matchAll(/\b([a-z_]+)\s+as\s*\(/gi)].map((m) => m[1]!.toLowerCase()));
  return new Set([...query.matchAll(/\b(?:from|join)\s+([a-z_]+)\b(?!\.)/gi)].map((m) => m[1]!.toLowerCase()).filter((t) => t !== 'lateral' && !ctes.has(t)));
}

forEachDatabase('overview cache', (fresh, kind) => {
  test('a second read is answered from memory; a write to any table it reads is seen by the next', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const org = w.admin.actor.organisationId;
    const count = counters();
    const first = await readOverviewCached(t.db, org, null, DAY, DAY);
    const second = await readOverviewCached(t.db, org, null, DAY, DAY);
    assert.equal(second, first);
    assert.deepEqual(count(), { hits: 1, misses: 1 });
    assert.ok(Object.isFrozen(second.accounts[0]), 'kept rows are frozen');

    await updateAccount(w.admin, w.a1, { name: 'A1 nytt navn' });
    const renamed = await readOverviewCached(t.db, org, null, DAY, DAY);
    assert.notEqual(renamed, first);
    assert.equal(renamed.accounts.find((a) => a.id === w.a1)?.name, 'A1 nytt navn');
    assert.deepEqual(renamed, await readOverview(t.db, org, null, DAY, DAY).then((r) => ({ ...r, snapshot: renamed.snapshot })));

    await setHistoryWindow(w.admin, 'instagram', { days: 120 });
    assert.deepEqual((await readOverviewCached(t.db, org, null, DAY, DAY)).windowOverrides.get('instagram'), { days: 120 });

    // An evaluation draft past its due day appears among the overdue ones.
    await t.db.insert(evaluations).values({ id: crypto.randomUUID(), organisationId: org, accountId: w.a1, month: '2026-01-01', status: 'draft' });
    assert.deepEqual((await readOverviewCached(t.db, org, null, DAY, DAY)).accounts.find((a) => a.id === w.a1)?.overdueEvaluations, ['2026-01']);
  });

  test('the whole overview is the same from memory as read afresh, and after entries expire', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const cold = await overview(w.admin);
    const warm = await overview(w.admin);
    assert.deepEqual(warm, cold);
    clearOverviewCache(t.db);
    assert.deepEqual(await overview(w.admin), cold);
    const org = w.admin.actor.organisationId;
    const count = counters();
    const kept = await readOverviewCached(t.db, org, null, DAY, DAY, 1_000);
    assert.notEqual(await readOverviewCached(t.db, org, null, DAY, DAY, 1_000 + 31 * 60_000), kept, 'an entry older than 30 minutes is read again');
    assert.deepEqual(count(), { hits: 0, misses: 2 });
  });

  test('every table the statement reads records its changes', async () => {
    await using t = await fresh();
    let text = '';
    const spy = { execute: async (q: Parameters<Db['execute']>[0]) => ((text = new PgDialect().sqlToQuery(q as never).sql), { rows: [] }) } as unknown as Db;
    await readOverview(spy, crypto.randomUUID(), 'x', DAY, DAY);
    const read = tablesRead(text);
    assert.ok(read.has('accounts') && read.has('kpi_results') && read.has('evaluations'), [...read].join(', '));
    const triggers = (await t.db.execute(sql`
      select c.relname as table from pg_trigger g join pg_class c on c.oid = g.tgrelid
      where g.tgname like '%_dashboard_change' and not g.tgisinternal`)) as unknown as { rows: { table: string }[] };
    const watched = new Set(triggers.rows.map((r) => r.table));
    for (const table of read) assert.ok(watched.has(table), `${table} is read by the overview but records no changes`);
  });

  test('old change records are pruned; recent ones stay', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const n = async () => ((await t.db.execute(sql`select count(*)::int as n from dashboard_changes`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    assert.ok((await n()) > 0);
    assert.equal(await pruneDashboardChanges(t.db, new Date()), 0);
    await updateAccount(w.admin, w.a1, { name: 'Etterpå' });
    const all = await n();
    assert.equal(await pruneDashboardChanges(t.db, new Date(Date.now() + 3 * 60 * 60_000)), all);
    assert.equal(await n(), 0);
  });

  if (kind === 'postgres') {
    test('a write on another connection, uncommitted while the overview was read, is seen once committed', async () => {
      await using t = await fresh();
      const w = await overviewWorld(t.db);
      const org = w.admin.actor.organisationId;
      await readOverviewCached(t.db, org, null, DAY, DAY);
      let during: Awaited<ReturnType<typeof readOverviewCached>> | null = null;
      await t.db.transaction(async (tx) => {
        await tx.update(accounts).set({ name: 'Mens noen leste' }).where(eq(accounts.id, w.a1));
        // Read on another pooled connection while the write is in progress: the old name, kept.
        during = await readOverviewCached(t.db, org, null, DAY, DAY);
        assert.notEqual(during.accounts.find((a) => a.id === w.a1)?.name, 'Mens noen leste');
      });
      const after = await readOverviewCached(t.db, org, null, DAY, DAY);
      assert.notEqual(after, during);
      assert.equal(after.accounts.find((a) => a.id === w.a1)?.name, 'Mens noen leste');
    });
  }
});
