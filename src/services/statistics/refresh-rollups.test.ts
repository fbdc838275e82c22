import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { undoImport } from '../imports/undo-import.ts';
import { recordObservations } from './record-observations.ts';
import { rebuildRollups, refreshRollups } from './refresh-rollups.ts';

type Row = { account: string; metric: string; month: string; sum: number; days: number; first: string; last: string; lastValue: number; min: number; max: number };

const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
const toRow = (r: Record<string, unknown>): Row => ({
  account: String(r.account),
  metric: String(r.metric),
  month: String(r.month),
  sum: Number(r.sum),
  days: Number(r.days),
  first: String(r.first),
  last: String(r.last),
  lastValue: Number(r.last_value),
  min: Number(r.min),
  max: Number(r.max),
});

async function rollups(db: Db): Promise<Row[]> {
  return rowsOf(
    await db.execute(sql`
      select account_id::text as account, metric, month::text as month, sum, days, first_day::text as first, last_day::text as last, last_value, min, max
      from metric_months order by 1, 2, 3`),
  ).map(toRow);
}

/** The same, computed fresh from the daily values. */
async function fromObservations(db: Db): Promise<Row[]> {
  return rowsOf(
    await db.execute(sql`
      select account_id::text as account, metric, date_trunc('month', day)::date::text as month, sum(value) as sum, count(*)::int as days,
             min(day)::text as first, max(day)::text as last, (array_agg(value order by day desc))[1] as last_value, min(value) as min, max(value) as max
      from observations where post_id is null group by 1, 2, 3 order by 1, 2, 3`),
  ).map(toRow);
}

/** Deterministic PRNG (mulberry32), so that a failure can be reproduced from the seed. */
function prng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

forEachDatabase('monthly rollups', (fresh) => {
  test('hand-computed: a month of followers and reach, a correction, an overlap and an undo', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const reporter = await s.as('reporter');
    const acc = s.accounts.a1Instagram;
    const first = await recordObservations(reporter, acc, {
      observations: [
        { metric: 'followers', date: '2026-01-30', value: 100 },
        { metric: 'followers', date: '2026-01-31', value: 105 },
        { metric: 'followers', date: '2026-02-01', value: 107 },
        { metric: 'reach', date: '2026-01-30', value: 40 },
        { metric: 'reach', date: '2026-01-31', value: 60 },
        { metric: 'likes', date: '2026-01-31', value: 9, postId: 'p1' },
      ],
      posts: [{ platformPostId: 'p1', date: '2026-01-31' }],
    });
    assert.deepEqual(
      (await rollups(t.db)).map((r) => [r.metric, r.month, r.sum, r.days, r.first, r.last, r.lastValue, r.min, r.max]),
      [
        ['followers', '2026-01-01', 205, 2, '2026-01-30', '2026-01-31', 105, 100, 105],
        ['followers', '2026-02-01', 107, 1, '2026-02-01', '2026-02-01', 107, 107, 107],
        ['reach', '2026-01-01', 100, 2, '2026-01-30', '2026-01-31', 60, 40, 60],
      ],
      'per-post values (likes of p1) are not in the account-level rollups',
    );
    // A correction of 31 January's reach and an overlapping new day.
    const second = await recordObservations(reporter, acc, {
      observations: [
        { metric: 'reach', date: '2026-01-31', value: 10 },
        { metric: 'reach', date: '2026-01-29', value: 5 },
      ],
    });
    const reach = (await rollups(t.db)).find((r) => r.metric === 'reach')!;
    assert.deepEqual([reach.sum, reach.days, reach.first, reach.lastValue, reach.min, reach.max], [55, 3, '2026-01-29', 10, 5, 40]);
    // Undoing the correction brings 60 back and removes the 29th.
    await undoImport(reporter, second.importId!);
    const back = (await rollups(t.db)).find((r) => r.metric === 'reach')!;
    assert.deepEqual([back.sum, back.days, back.first, back.lastValue, back.min, back.max], [100, 2, '2026-01-30', 60, 40, 60]);
    // Undoing the first import leaves no rollup at all (not zeros).
    await undoImport(reporter, first.importId!);
    assert.deepEqual(await rollups(t.db), []);
  });

  test('property: after random imports, corrections, overlaps and undos the rollups equal a fresh group-by', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const reporter = await s.as('admin');
    const accountsList = [s.accounts.a1Instagram, s.accounts.bTiktok];
    const metrics = ['followers', 'reach', 'link_clicks'];
    const rand = prng(20261122);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const live: string[] = [];
    for (let step = 0; step < 24; step++) {
      if (live.length > 0 && rand() < 0.3) {
        const i = Math.floor(rand() * live.length);
        const [id] = live.splice(i, 1);
        await undoImport(reporter, id!);
      } else {
        const account = pick(accountsList);
        const n = 1 + Math.floor(rand() * 12);
        const observations = Array.from({ length: n }, () => {
          // Days from 2026-01-25 to 2026-03-05: batches cross month ends and overlap each other.
          const d = new Date(Date.UTC(2026, 0, 25 + Math.floor(rand() * 40))).toISOString().slice(0, 10);
          return { metric: pick(metrics), date: d, value: Math.floor(rand() * 50) };
        });
        const r = await recordObservations(reporter, account, { observations });
        if (r.importId) live.push(r.importId);
      }
      assert.deepEqual(await rollups(t.db), await fromObservations(t.db), `after step ${step}`);
    }
    assert.ok((await rollups(t.db)).length > 0, 'the run left something documented');
    // A rebuild and a range refresh give the same rows.
    const before = await rollups(t.db);
    await t.db.execute(sql`update metric_months set sum = -1`);
    for (const a of accountsList) await refreshRollups(t.db, a, { from: '2026-01-01', to: '2026-03-31' });
    assert.deepEqual(await rollups(t.db), before);
    await rebuildRollups(t.db, s.organisationId);
    assert.deepEqual(await rollups(t.db), before);
  });
});
