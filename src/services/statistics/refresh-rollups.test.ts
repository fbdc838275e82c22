import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { undoImport } from '../imports/undo-import.ts';
import { CHUNK, recordObservations } from './record-observations.ts';
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

  test('property: after random imports, corrections, overlaps, repeats and undos the rollups equal a fresh group-by', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const reporter = await s.as('admin');
    const accountsList = [s.accounts.a1Instagram, s.accounts.bTiktok];
    const metrics = ['followers', 'reach', 'link_clicks'];
    const rand = prng(20261122);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const live: string[] = [];
    const sent: { account: string; input: Parameters<typeof recordObservations>[2] }[] = [];
    const paths = { undo: 0, repeat: 0, write: 0 };
    for (let step = 0; step < 40; step++) {
      const r = rand();
      if (live.length > 0 && r < 0.25) {
        paths.undo++;
        const i = Math.floor(rand() * live.length);
        const [id] = live.splice(i, 1);
        await undoImport(reporter, id!);
      } else if (sent.length > 0 && r < 0.35) {
        // An earlier batch again: unchanged when nothing since replaced or removed its values.
        paths.repeat++;
        const again = pick(sent);
        const result = await recordObservations(reporter, again.account, again.input);
        if (result.importId) live.push(result.importId);
      } else {
        paths.write++;
        const account = pick(accountsList);
        const n = 1 + Math.floor(rand() * 12);
        // Days from 2025-12-20 to 2026-03-19, often in a narrow window so that batches overlap, else anywhere in
        // it (new days in months that already have values); sometimes eighths (exact in binary, so sums
        // do not depend on the order of adding), sometimes a post's likes.
        const start = rand() < 0.5 ? 36 : Math.floor(rand() * 80);
        const width = start === 36 ? 10 : 10 + Math.floor(rand() * 80);
        const observations = Array.from({ length: n }, () => {
          const d = new Date(Date.UTC(2025, 11, 20 + Math.min(89, start + Math.floor(rand() * width)))).toISOString().slice(0, 10);
          const value = rand() < 0.2 ? Math.round(rand() * 5000) / 8 : Math.floor(rand() * 50);
          return rand() < 0.1 ? { metric: 'likes', date: d, value, postId: 'p1' } : { metric: pick(metrics), date: d, value };
        });
        const input = { observations, posts: [{ platformPostId: 'p1', date: '2026-01-31' }] };
        sent.push({ account, input });
        const result = await recordObservations(reporter, account, input);
        if (result.importId) live.push(result.importId);
      }
      assert.deepEqual(await rollups(t.db), await fromObservations(t.db), `after step ${step}`);
    }
    assert.ok(paths.undo > 3 && paths.repeat > 2 && paths.write > 10, `every path was taken: ${JSON.stringify(paths)}`);
    assert.ok((await rollups(t.db)).length > 0, 'the run left something documented');
    // A rebuild and a range refresh give the same rows.
    const before = await rollups(t.db);
    await t.db.execute(sql`update metric_months set sum = -1`);
    for (const a of accountsList) await refreshRollups(t.db, a, { from: '2025-12-01', to: '2026-03-31' });
    assert.deepEqual(await rollups(t.db), before);
    await rebuildRollups(t.db, s.organisationId);
    assert.deepEqual(await rollups(t.db), before);
  });

  test('a write touches only the months whose values it changed; the same values again touch nothing', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const reporter = await s.as('reporter');
    const acc = s.accounts.a1Instagram;
    const days = (month: string, n: number) => Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
    const year = ['2026-01', '2026-02', '2026-03'].flatMap((m) => days(m, 28)).flatMap((date, i) => [
      { metric: 'reach', date, value: i },
      { metric: 'followers', date, value: 1000 + i },
    ]);
    await recordObservations(reporter, acc, { observations: year });
    // Row versions (xmin) tell which rows a later statement rewrote.
    const versions = async () =>
      new Map(
        rowsOf(await t.db.execute(sql`select metric || ' ' || month::text as k, xmin::text as v from metric_months`)).map((r) => [String(r.k), String(r.v)]),
      );
    const v1 = await versions();
    assert.equal(v1.size, 6);
    assert.equal((await recordObservations(reporter, acc, { observations: year })).importId, null, 'the same values again are unchanged');
    assert.deepEqual(await versions(), v1, 'and leave every rollup row as it was');
    // A correction of one February value, re-sent with the rest of the year: only reach for February is rewritten.
    const corrected = year.map((o) => (o.metric === 'reach' && o.date === '2026-02-10' ? { ...o, value: 500 } : o));
    await recordObservations(reporter, acc, { observations: corrected });
    const v2 = await versions();
    assert.deepEqual([...v2].filter(([k, v]) => v1.get(k) !== v).map(([k]) => k), ['reach 2026-02-01']);
    // New days only (the month's end), merged into the stored rows.
    await recordObservations(reporter, acc, { observations: days('2026-03', 31).slice(28).map((date) => ({ metric: 'followers', date, value: 7 })) });
    const v3 = await versions();
    assert.deepEqual([...v3].filter(([k, v]) => v2.get(k) !== v).map(([k]) => k), ['followers 2026-03-01']);
    assert.deepEqual(await rollups(t.db), await fromObservations(t.db));
    const march = (await rollups(t.db)).find((r) => r.metric === 'followers' && r.month === '2026-03-01')!;
    assert.deepEqual([march.days, march.last, march.lastValue, march.min, march.max], [31, '2026-03-31', 7, 7, 1000 + 83]);
  });

  test('a batch larger than one statement: new values merged from the first, a stored value changed in the second', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const reporter = await s.as('reporter');
    const acc = s.accounts.a1Instagram;
    await recordObservations(reporter, acc, { observations: [{ metric: 'reach', date: '2026-01-15', value: 1 }] });
    const start = Date.UTC(2026, 0, 16);
    const day = (i: number) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    // The first statement's CHUNK values are all new (from 16 January on); the second changes 15 January
    // (matched) and adds 1 January, both in the month the first statement merged into.
    const observations = [
      ...Array.from({ length: CHUNK }, (_, i) => ({ metric: 'reach', date: day(i), value: (i % 97) + 2 })),
      { metric: 'reach', date: '2026-01-15', value: 1000 },
      { metric: 'reach', date: '2026-01-01', value: 0 },
    ];
    const result = await recordObservations(reporter, acc, { observations });
    assert.deepEqual([result.counts.added, result.counts.changed], [CHUNK + 1, 1]);
    assert.deepEqual(await rollups(t.db), await fromObservations(t.db));
    const january = (await rollups(t.db)).find((r) => r.month === '2026-01-01')!;
    assert.deepEqual([january.days, january.first, january.min, january.max], [18, '2026-01-01', 0, 1000]);
  });
});
