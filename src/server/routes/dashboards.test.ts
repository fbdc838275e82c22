/**
 * Dashboard data over HTTP with hand-computed values, on both databases. The seeded tree:
 * Testuniversitetet → Faculty A → Department A1 ("A1 på Instagram"), Faculty A ("A direkte", made
 * here), Faculty B ("B on TikTok"). The viewer reads Faculty A and below only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed, type Seed } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';
import type { Db } from '../../db/client.ts';
import type { AccountSeriesOut, CompareOut, MetricByUnitOut } from '../../contract/dashboards.ts';
import { createAccount } from '../../services/accounts/create-account.ts';
import { recordObservations } from '../../services/statistics/record-observations.ts';
import { undoImport } from '../../services/imports/undo-import.ts';

const every = (month: string, days: number, metric: string, value: number, upTo = days) =>
  Array.from({ length: upTo }, (_, i) => ({ metric, date: `${month}-${String(i + 1).padStart(2, '0')}`, value }));

async function world(db: Db): Promise<{ s: Seed; direct: string; third: string; undoMe: string }> {
  const s = await seed(db);
  const admin = await s.as('admin');
  const direct = (await createAccount(await s.system(), { unit: s.units.facultyA, platform: 'instagram', name: 'A direkte' })).id;
  const third = (await createAccount(await s.system(), { unit: s.units.departmentA1, platform: 'instagram', name: 'A1 tredje' })).id;
  await recordObservations(admin, s.accounts.a1Instagram, {
    observations: [
      { metric: 'reach', date: '2025-01-15', value: 3 },
      { metric: 'reach', date: '2025-12-31', value: 7 },
      { metric: 'reach', date: '2026-01-01', value: 10 },
      { metric: 'reach', date: '2026-01-02', value: 20 },
      { metric: 'followers', date: '2026-01-05', value: 100 },
      { metric: 'followers', date: '2026-01-20', value: 110 },
      { metric: 'bounce_rate', date: '2026-01-01', value: 40 },
      { metric: 'bounce_rate', date: '2026-01-02', value: 60 },
      ...every('2026-02', 28, 'reach', 10),
      { metric: 'followers', date: '2026-02-01', value: 150 },
      { metric: 'followers', date: '2026-02-28', value: 200 },
      { metric: 'likes', date: '2026-01-03', value: 999, postId: 'p1' },
    ],
    posts: [
      { platformPostId: 'p1', date: '2026-01-03' },
      { platformPostId: 'p2', date: '2026-01-20' },
      { platformPostId: 'p4', date: '2026-02-05' },
    ],
  });
  await recordObservations(admin, direct, {
    observations: [
      { metric: 'reach', date: '2026-01-01', value: 100 },
      { metric: 'bounce_rate', date: '2026-01-01', value: 20 },
      ...every('2026-02', 28, 'reach', 20),
      { metric: 'followers', date: '2026-02-14', value: 1000 },
    ],
  });
  await recordObservations(admin, third, { observations: every('2026-02', 28, 'reach', 50, 22) });
  await recordObservations(admin, s.accounts.bTiktok, { observations: [{ metric: 'reach', date: '2026-01-01', value: 1000 }, ...every('2026-02', 28, 'reach', 1)] });
  // Written and undone: must leave no trace in the rollups.
  const undo = await recordObservations(admin, direct, { observations: [{ metric: 'reach', date: '2026-01-01', value: 5000 }, { metric: 'reach', date: '2026-01-09', value: 1 }] });
  await undoImport(admin, undo.importId!);
  return { s, direct, third, undoMe: undo.importId! };
}

const cv = (value: number | null, documented: number, expected: number) => ({ value, documented, expected, coverage: expected === 0 ? null : documented / expected });

forEachDatabase('dashboards', (fresh) => {
  test('metric by unit: sums per unit with sub-units, previous period, same period last year, coverage; only readable units', async () => {
    await using t = await fresh();
    const { s } = await world(t.db);
    const { signIn } = testApp(t, { now: () => FIXED_NOW });
    const admin = await signIn(s.people.admin.email);
    const r = await admin.json<MetricByUnitOut>('GET', '/dashboards/metric-by-unit?metric=reach&period=2026-01');
    assert.equal(r.status, 200);
    assert.equal(r.body.aggregation, 'sum');
    assert.deepEqual(r.body.periods, {
      period: { start: '2026-01-01', end: '2026-01-31' },
      previous: { start: '2025-12-01', end: '2025-12-31' },
      sameLastYear: { start: '2025-01-01', end: '2025-01-31' },
    });
    const rows = r.body.units.map((u) => [u.unit.name, u.unit.depth, u.accounts, u.total, u.previous, u.sameLastYear]);
    assert.deepEqual(rows, [
      // 10 + 20 (A1) + 100 (A direkte; the undone 5000 is gone) + 1000 (B); 4 account-days of 4 accounts × 31.
      ['Testuniversitetet', 0, 4, cv(1130, 4, 124), cv(7, 1, 124), cv(3, 1, 124)],
      ['Faculty A', 1, 3, cv(130, 3, 93), cv(7, 1, 93), cv(3, 1, 93)],
      ['Department A1', 2, 2, cv(30, 2, 62), cv(7, 1, 62), cv(3, 1, 62)],
      // Nothing documented in December 2025: null, not 0.
      ['Faculty B', 1, 1, cv(1000, 1, 31), cv(null, 0, 31), cv(null, 0, 31)],
    ]);
    assert.deepEqual(r.body.units[0]!.months, [{ month: '2026-01', ...cv(1130, 4, 124) }]);

    const viewer = await signIn(s.people.viewer.email);
    const q = await viewer.json<MetricByUnitOut>('GET', '/dashboards/metric-by-unit?metric=reach&period=2026-Q1');
    assert.equal(q.status, 200);
    assert.deepEqual(
      q.body.units.map((u) => [u.unit.name, u.unit.depth, u.months.map((m) => [m.month, m.value, m.documented, m.expected]), u.total]),
      [
        // Jan 130; Feb 28×10 + 28×20 + 22×50 = 280 + 560 + 1100 = 1940; March: nothing.
        ['Faculty A', 0, [['2026-01', 130, 3, 93], ['2026-02', 1940, 78, 84], ['2026-03', null, 0, 93]], cv(2070, 81, 270)],
        ['Department A1', 1, [['2026-01', 30, 2, 62], ['2026-02', 1380, 50, 56], ['2026-03', null, 0, 62]], cv(1410, 52, 180)],
      ],
    );
    // A mean metric: each account's mean of its days, averaged over the accounts with a value.
    const mean = await viewer.json<MetricByUnitOut>('GET', `/dashboards/metric-by-unit?metric=bounce_rate&period=2026-01&unit=${s.units.facultyA}`);
    assert.equal(mean.body.acrossAccounts, 'mean');
    assert.deepEqual(mean.body.units.map((u) => [u.unit.name, u.total.value]), [['Faculty A', 35], ['Department A1', 50]]);

    assert.equal((await viewer.json('GET', `/dashboards/metric-by-unit?metric=reach&period=2026-01&unit=${s.units.facultyB}`)).status, 404);
    assert.equal((await viewer.json('GET', '/dashboards/metric-by-unit?metric=nope&period=2026-01')).status, 400);
    assert.equal((await viewer.json('GET', '/dashboards/metric-by-unit?metric=reach&period=2026-01-03..2026-01-09')).status, 400);
  });

  test('account series: sum, latest and mean per month with coverage', async () => {
    await using t = await fresh();
    const { s } = await world(t.db);
    const { signIn } = testApp(t, { now: () => FIXED_NOW });
    const viewer = await signIn(s.people.viewer.email);
    const a1 = s.accounts.a1Instagram;
    const reach = await viewer.json<AccountSeriesOut>('GET', `/dashboards/accounts/${a1}/series?metric=reach&period=2026-Q1`);
    assert.equal(reach.status, 200);
    assert.deepEqual(reach.body.months, [
      { month: '2026-01', ...cv(30, 2, 31) },
      { month: '2026-02', ...cv(280, 28, 28) },
      { month: '2026-03', ...cv(null, 0, 31) },
    ]);
    assert.deepEqual(reach.body.total, cv(310, 30, 90));
    // The previous quarter (Q4 2025): 7 on 31 December; Q1 2025: 3.
    assert.deepEqual(reach.body.previous, cv(7, 1, 92));
    assert.deepEqual(reach.body.sameLastYear, cv(3, 1, 90));
    const followers = await viewer.json<AccountSeriesOut>('GET', `/dashboards/accounts/${a1}/series?metric=followers&period=2026-Q1`);
    assert.equal(followers.body.aggregation, 'latest');
    assert.deepEqual(followers.body.months.map((m) => m.value), [110, 200, null]);
    assert.equal(followers.body.total.value, 200);
    const bounce = await viewer.json<AccountSeriesOut>('GET', `/dashboards/accounts/${a1}/series?metric=bounce_rate&period=2026-01`);
    assert.equal(bounce.body.total.value, 50);
    assert.equal((await viewer.json('GET', `/dashboards/accounts/${s.accounts.bTiktok}/series?metric=reach&period=2026-01`)).status, 404);
  });

  test('compare: per follower and per post with percentiles per platform; not comparable with the reason', async () => {
    await using t = await fresh();
    const { s, direct, third } = await world(t.db);
    const { signIn } = testApp(t, { now: () => FIXED_NOW });
    const admin = await signIn(s.people.admin.email);
    const r = await admin.json<CompareOut>('GET', '/dashboards/compare?metric=reach&period=2026-02&normalise=per_follower');
    assert.equal(r.status, 200);
    const ig = r.body.platforms.find((p) => p.platform === 'instagram')!;
    // A1: 280 / 200 followers at the end × 1000 = 1400; A direkte: 560 / 1000 × 1000 = 560.
    assert.deepEqual(ig.ranked.map((x) => [x.account.id, x.value, x.normalised, x.percentileRank, x.followersAtEnd]), [
      [s.accounts.a1Instagram, 280, 1400, 75, 200],
      [direct, 560, 560, 25, 1000],
    ]);
    // Type 7 over [560, 1400]: p10 = 560 + 0.1 × 840.
    assert.deepEqual(ig.percentiles, { p10: 644, p25: 770, p50: 980, p75: 1190, p90: 1316 });
    // 22 of 28 days documented: below the 80 % needed.
    assert.deepEqual(ig.notComparable.map((x) => [x.account.id, x.value, x.reason]), [[third, 1100, 'low_coverage']]);
    const tt = r.body.platforms.find((p) => p.platform === 'tiktok')!;
    assert.deepEqual(tt.notComparable.map((x) => [x.account.id, x.reason]), [[s.accounts.bTiktok, 'followers_not_measured']]);

    const perPost = await admin.json<CompareOut>('GET', '/dashboards/compare?metric=reach&period=2026-02&normalise=per_post');
    const ig2 = perPost.body.platforms.find((p) => p.platform === 'instagram')!;
    // A1 published one post in February: 280 per post. A direkte has no post documented at all.
    assert.deepEqual(ig2.ranked.map((x) => [x.account.id, x.normalised, x.posts]), [[s.accounts.a1Instagram, 280, 1]]);
    assert.deepEqual(ig2.notComparable.map((x) => [x.account.id, x.reason]).sort(), [[direct, 'posts_not_measured'], [third, 'low_coverage']].sort());

    // The viewer sees only Faculty A's accounts.
    const viewer = await signIn(s.people.viewer.email);
    const v = await viewer.json<CompareOut>('GET', '/dashboards/compare?metric=reach&period=2026-02');
    assert.deepEqual(v.body.platforms.map((p) => p.platform), ['instagram']);
    assert.deepEqual(v.body.platforms[0]!.ranked.map((x) => x.value), [560, 280]);
  });
});
