/**
 * read-rollups.ts on both databases, with values computed by hand: each bucket of a period (its
 * months, the period, the previous period, the same period last year), the period added up from
 * its months and in the statement (`only`), a custom range whose same period last year overlaps
 * it, the two ways of reading (by the accounts' ids; by organisation with the rest dropped), and
 * the roll-up to units.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed } from '../../testing/seed.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { monthlyPeriods, type Buckets } from './monthly.ts';
import { BY_ID_LIMIT, readBuckets, readUnitBuckets } from './read-rollups.ts';

const plain = (b: Buckets) => Object.fromEntries([...b].map(([k, v]) => [k, Object.fromEntries(v)]));

forEachDatabase('read-rollups', (fresh) => {
  test('buckets of a month, a custom range and the roll-up to units, read by id and by organisation', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const admin = await s.as('admin');
    const x = s.accounts.a1Instagram;
    const y = s.accounts.bTiktok;
    await recordObservations(admin, x, {
      observations: [
        { metric: 'reach', date: '2025-02-10', value: 5 },
        { metric: 'reach', date: '2025-02-20', value: 7 },
        { metric: 'reach', date: '2026-01-01', value: 10 },
        { metric: 'reach', date: '2026-01-02', value: 20 },
        { metric: 'reach', date: '2026-02-01', value: 1 },
        { metric: 'reach', date: '2026-02-02', value: 2 },
        { metric: 'reach', date: '2026-02-03', value: 3.5 },
        { metric: 'followers', date: '2025-12-31', value: 90 },
        { metric: 'followers', date: '2026-01-05', value: 100 },
        { metric: 'followers', date: '2026-01-20', value: 110 },
        { metric: 'followers', date: '2026-02-01', value: 150 },
        { metric: 'followers', date: '2026-02-28', value: 200 },
      ],
    });
    await recordObservations(admin, y, { observations: [{ metric: 'reach', date: '2026-02-14', value: 1000 }] });
    const org = s.organisationId;
    const feb = monthlyPeriods('2026-02', FIXED_NOW);
    const padding = Array.from({ length: BY_ID_LIMIT }, () => randomUUID());

    const reach = await readBuckets(t.db, org, 'reach', [x, y], feb);
    assert.deepEqual(plain(reach), {
      period: { [x]: { sum: 6.5, days: 3, lastValue: 3.5 }, [y]: { sum: 1000, days: 1, lastValue: 1000 } },
      '2026-02': { [x]: { sum: 6.5, days: 3, lastValue: 3.5 }, [y]: { sum: 1000, days: 1, lastValue: 1000 } },
      previous: { [x]: { sum: 30, days: 2, lastValue: 20 } },
      same_last_year: { [x]: { sum: 12, days: 2, lastValue: 7 } },
    });
    // By organisation (more ids than BY_ID_LIMIT): the same, and accounts not asked for are left out.
    assert.deepEqual(plain(await readBuckets(t.db, org, 'reach', [x, y, ...padding], feb)), plain(reach));
    const onlyX = plain(await readBuckets(t.db, org, 'reach', [x, ...padding], feb));
    assert.deepEqual(onlyX, { period: { [x]: reach.get('period')!.get(x) }, '2026-02': { [x]: reach.get('period')!.get(x) }, previous: { [x]: { sum: 30, days: 2, lastValue: 20 } }, same_last_year: { [x]: { sum: 12, days: 2, lastValue: 7 } } });
    // Without last values (sum and mean need none) and only some buckets.
    assert.deepEqual(plain(await readBuckets(t.db, org, 'reach', [x], feb, { latest: false, only: ['previous'] })), { previous: { [x]: { sum: 30, days: 2, lastValue: null } } });

    // Followers over December–February: the period added up here from its months, or in the
    // statement when only the period is asked for: the same sum, days and last value.
    const winter = monthlyPeriods('2025-12-01..2026-02-28', FIXED_NOW);
    const followers = await readBuckets(t.db, org, 'followers', [x, y], winter);
    assert.deepEqual(followers.get('period')?.get(x), { sum: 650, days: 5, lastValue: 200 });
    assert.deepEqual(followers.get('2025-12')?.get(x), { sum: 90, days: 1, lastValue: 90 });
    assert.deepEqual(followers.get('2026-01')?.get(x), { sum: 210, days: 2, lastValue: 110 });
    assert.equal(followers.get('previous'), undefined, 'September–November: nothing documented, no bucket');
    for (const ids of [[x, y], [x, y, ...padding]]) {
      assert.deepEqual(plain(await readBuckets(t.db, org, 'followers', ids, winter, { only: ['period'] })), { period: { [x]: { sum: 650, days: 5, lastValue: 200 } } });
    }

    // Fourteen months: the same period last year (2024-01 … 2025-02) overlaps the period.
    const long = monthlyPeriods('2025-01-01..2026-02-28', FIXED_NOW);
    const l = await readBuckets(t.db, org, 'reach', [x], long);
    assert.deepEqual(l.get('period')?.get(x), { sum: 48.5, days: 7, lastValue: 3.5 });
    assert.deepEqual(l.get('same_last_year')?.get(x), { sum: 12, days: 2, lastValue: 7 });
    assert.deepEqual(l.get('2025-02')?.get(x), { sum: 12, days: 2, lastValue: 7 });
    assert.equal(l.get('previous'), undefined);

    // A year: its previous period is its same period last year, read once for both.
    const y2026 = await readBuckets(t.db, org, 'reach', [x], monthlyPeriods('2026', FIXED_NOW));
    assert.deepEqual(y2026.get('previous')?.get(x), { sum: 12, days: 2, lastValue: 7 });
    assert.deepEqual(y2026.get('same_last_year')?.get(x), { sum: 12, days: 2, lastValue: 7 });
    assert.deepEqual(y2026.get('period')?.get(x), { sum: 36.5, days: 5, lastValue: 3.5 });

    // Up the unit tree: sums add up, means are added for the caller to divide by withValue.
    const accounts = [
      { id: x, units: [s.units.top, s.units.facultyA, s.units.departmentA1] },
      { id: y, units: [s.units.top, s.units.facultyB] },
    ];
    for (const list of [accounts, [...accounts, ...padding.map((id) => ({ id, units: [s.units.top] }))]]) {
      const sum = await readUnitBuckets(t.db, org, 'reach', 'sum', list, feb);
      assert.deepEqual(sum.get('2026-02')?.get(s.units.top), { total: 1006.5, withValue: 2, days: 4 });
      assert.deepEqual(sum.get('period')?.get(s.units.facultyA), { total: 6.5, withValue: 1, days: 3 });
      assert.deepEqual(sum.get('previous')?.get(s.units.top), { total: 30, withValue: 1, days: 2 });
      assert.equal(sum.get('previous')?.get(s.units.facultyB), undefined);
      const mean = await readUnitBuckets(t.db, org, 'reach', 'mean', list, feb);
      assert.deepEqual(mean.get('period')?.get(s.units.top), { total: 6.5 / 3 + 1000, withValue: 2, days: 4 });
      const latest = await readUnitBuckets(t.db, org, 'followers', 'latest', list, winter);
      assert.deepEqual(latest.get('period')?.get(s.units.departmentA1), { total: 200, withValue: 1, days: 5 });
    }
  });
});
