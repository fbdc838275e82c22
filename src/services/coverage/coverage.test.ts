/**
 * Coverage calendar, due list, history windows and audience fit as services, on a seeded
 * organisation (testing/seed.ts, "today" 2026-03-15) with statistics documented through
 * recordObservations. Expected values are worked out by hand in the comments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { eachDay } from '../../core/period/days.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed, type Seed } from '../../testing/seed.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { createAccount } from '../accounts/create-account.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { getCoverage } from './get-coverage.ts';
import { listDue } from './list-due.ts';
import { listHistoryWindows } from './list-history-windows.ts';
import { setHistoryWindow } from './set-history-window.ts';
import { resetHistoryWindow } from './reset-history-window.ts';
import { getAudienceFit } from './get-audience-fit.ts';
import { audienceFits } from './audience-fits.ts';
import { documentedCoreDays } from './documented-core-days.ts';

const created = (db: Db, id: string, day: string) => db.update(accounts).set({ createdAt: new Date(`${day}T09:00:00Z`) }).where(eq(accounts.id, id));
const daily = (metric: string, from: string, to: string, value = 10) => eachDay(from, to).map((date, i) => ({ metric, date, value: value + i }));

forEachDatabase('coverage services', (fresh) => {
  test('coverage calendar: runs and gaps across New Year, per-post values on their day, extents beyond the range', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const reporter = await s.as('reporter');
    await recordObservations(reporter, s.accounts.a1Instagram, {
      observations: [
        { metric: 'reach', date: '2024-06-01', value: 5 },
        { metric: 'reach', date: '2025-12-30', value: 100 },
        { metric: 'reach', date: '2025-12-31', value: 110 },
        { metric: 'followers', date: '2026-01-01', value: 500 },
        { metric: 'reach', date: '2026-01-02', value: 90 },
        { metric: 'sessions', date: '2026-01-02', value: 7 },
        { metric: 'reach', date: '2026-01-03', value: 40, postId: 'p1' },
      ],
      posts: [{ platformPostId: 'p1', date: '2026-01-03' }],
    });
    const viewer = await s.as('viewer');
    const cal = await getCoverage(viewer, 'a1-pa-instagram', { from: '2025-12-30', to: '2026-01-03' });
    assert.deepEqual([cal.account.slug, cal.cadence, cal.days], ['a1-pa-instagram', 'daily', 5]);
    assert.deepEqual(cal.perDay, [1, 1, 1, 2, 1]);
    const reach = cal.metrics.find((m) => m.metric === 'reach')!;
    assert.deepEqual(reach.documented, [['2025-12-30', '2025-12-31'], ['2026-01-02', '2026-01-03']]);
    assert.deepEqual(reach.gaps, [['2026-01-01', '2026-01-01']]);
    assert.deepEqual([reach.documentedDays, reach.firstDay, reach.lastDay], [4, '2024-06-01', '2026-01-03']);
    assert.equal(cal.metrics.at(-1)!.metric, 'sessions');
    assert.equal(cal.metrics.at(-1)!.provided, false);

    // Default: the 365 days up to yesterday (2025-03-15 … 2026-03-14).
    const year = await getCoverage(viewer, s.accounts.a1Instagram);
    assert.deepEqual([year.from, year.to, year.days, year.perDay.length], ['2025-03-15', '2026-03-14', 365, 365]);
    assert.equal(year.perDay.reduce((a, b) => a + b, 0), 6);

    await expectAppError(getCoverage(viewer, s.accounts.a1Instagram, { from: '2026-01-04', to: '2026-01-03' }), 'validation_failed', ['from']);
    await expectAppError(getCoverage(viewer, s.accounts.a1Instagram, { from: '2010-01-01', to: '2026-01-03' }), 'validation_failed', ['from']);
    await expectAppError(getCoverage(await s.as('outsider'), s.accounts.a1Instagram), 'not_found');
  });

  test('due: windows, overrides, lost days, monthly entry, who sees what, most urgent first', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    await created(t.db, s.accounts.bTiktok, '2026-01-01');
    await created(t.db, s.accounts.a1Instagram, '2026-03-01');
    // TikTok: views (a core metric) documented 1–31 January and 10 February – 14 March; saves (not core) and a
    // per-post views value fill 1–9 February, which therefore stays undocumented for the watchdog.
    await recordObservations(sys, s.accounts.bTiktok, {
      observations: [
        ...daily('views', '2026-01-01', '2026-01-31'),
        ...daily('views', '2026-02-10', '2026-03-14'),
        ...daily('saves', '2026-02-01', '2026-02-09'),
        { metric: 'views', date: '2026-02-05', value: 3, postId: 'v1' },
      ],
      posts: [{ platformPostId: 'v1', date: '2026-02-05' }],
    });
    const snap = await createAccount(sys, { unit: s.units.departmentA1, platform: 'snapchat', name: 'A1 Snap' });
    await created(t.db, snap.id, '2026-01-10');
    await recordObservations(sys, snap.id, { observations: [{ metric: 'views', date: '2026-01-31', value: 800 }] });
    const paused = await createAccount(sys, { unit: s.units.departmentA1, platform: 'x', name: 'A1 paused' });
    await t.db.update(accounts).set({ status: 'paused' }).where(eq(accounts.id, paused.id));

    const before = await listDue(await s.as('admin'));
    assert.equal(before.asOf, '2026-03-15');
    assert.equal(before.dueWithinDays, 14);
    assert.deepEqual(before.items.map((i) => [i.account.slug, i.status]), [
      ['a1-snap-snapchat', 'overdue'],
      ['b-on-tiktok', 'ok'],
      ['a1-pa-instagram', 'ok'],
    ]);
    const [snapItem, tiktok, insta] = before.items;
    // Snapchat: February was due by 10 March and is not entered; its last day leaves the 28-day window on 29 March.
    assert.deepEqual(
      [snapItem!.cadence, snapItem!.months, snapItem!.toCover, snapItem!.deadline, snapItem!.daysLeft, snapItem!.lostDays],
      ['monthly', [{ month: '2026-02', dueBy: '2026-03-10', state: 'overdue' }], [['2026-02-01', '2026-02-28']], '2026-03-10', -5, 0],
    );
    assert.deepEqual([snapItem!.leavesWindowOn, snapItem!.daysUntilLost], ['2026-03-29', 14]);
    assert.equal(snapItem!.instruction.en.includes('Snapchat has no export'), true);
    // Instagram, created 1 March, nothing documented: 14 days to cover; 2026-03-01 leaves the 730-day window on 2028-03-01.
    assert.deepEqual([insta!.toCover, insta!.toCoverDays, insta!.deadline, insta!.daysLeft], [[['2026-03-01', '2026-03-14']], 14, '2028-03-01', 717]);
    assert.deepEqual(insta!.reporters.map((r) => r.name), ['Reporter Person']);
    assert.deepEqual(insta!.unit.slug, 'department-a1');
    // TikTok, default 365 days: 1–9 February to cover; 1 February leaves on 2027-02-02, 324 days from now.
    assert.deepEqual([tiktok!.toCover, tiktok!.deadline, tiktok!.daysLeft, tiktok!.lostDays], [[['2026-02-01', '2026-02-09']], '2027-02-02', 324, 0]);
    assert.deepEqual([tiktok!.window, tiktok!.reporters, tiktok!.firstDocumented], [{ days: 365, overridden: false }, [], '2026-01-01']);

    // An administrator shortens TikTok's window to 40 days: it starts on 2026-02-03, so 1–2 February are lost.
    await setHistoryWindow(await s.as('admin'), 'tiktok', { days: 40, note: 'TikTok changed its export' });
    const after = await listDue(await s.as('admin'));
    const short = after.items.find((i) => i.account.platform === 'tiktok')!;
    assert.deepEqual(
      [short.status, short.window, short.windowStart, short.lostDays, short.toCover, short.deadline, short.daysLeft],
      ['overdue', { days: 40, overridden: true }, '2026-02-03', 2, [['2026-02-03', '2026-02-09']], '2026-03-16', 1],
    );
    assert.deepEqual(after.items.map((i) => i.account.slug), ['b-on-tiktok', 'a1-snap-snapchat', 'a1-pa-instagram'], 'what is lost tomorrow comes before what is lost in 14 days');

    // Who sees what: those who may document statistics for the unit.
    const seen = async (who: Parameters<Seed['as']>[0]) => (await listDue(await s.as(who))).items.map((i) => i.account.slug).sort();
    assert.deepEqual(await seen('reporter'), ['a1-pa-instagram', 'a1-snap-snapchat']);
    assert.deepEqual(await seen('editor'), ['a1-pa-instagram', 'a1-snap-snapchat']);
    assert.deepEqual(await seen('manager'), ['a1-pa-instagram', 'a1-snap-snapchat']);
    assert.deepEqual(await seen('evaluator'), []);
    assert.deepEqual(await seen('viewer'), []);
    assert.deepEqual(await seen('outsider'), ['b-on-tiktok']);
    assert.deepEqual((await listDue(await s.as('admin'), { unit: 'faculty-b' })).items.map((i) => i.account.slug), ['b-on-tiktok']);
    await expectAppError(listDue(await s.as('reporter'), { unit: 'faculty-b' }), 'not_found');
    assert.deepEqual((await listDue(await s.as('reporter'), { account: 'a1-snap-snapchat' })).items.map((i) => i.account.slug), ['a1-snap-snapchat']);
    assert.deepEqual((await listDue(await s.as('viewer'), { account: 'a1-snap-snapchat' })).items, [], 'a viewer documents nothing');
    await expectAppError(listDue(await s.as('reporter'), { account: 'b-on-tiktok' }), 'not_found');

    // As of an earlier day: on 2026-02-20 the 40-day window started on 2026-01-11, nothing was lost yet, and
    // 1 February leaves it on 2026-03-14, 22 days later.
    const earlier = (await listDue(await s.as('outsider'), { at: '2026-02-20' })).items[0]!;
    assert.deepEqual(
      [earlier.status, earlier.windowStart, earlier.lostDays, earlier.toCover, earlier.deadline, earlier.daysLeft],
      ['ok', '2026-01-11', 0, [['2026-02-01', '2026-02-09']], '2026-03-14', 22],
    );
  });

  test('documented core days: the other core metrics fill the primary metric\'s gaps, also before its first day and past 32 gaps', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    const x = await createAccount(sys, { unit: s.units.departmentA1, platform: 'x', name: 'A1 on X' });
    const odd = eachDay('2026-01-01', '2026-03-06').filter((_, i) => i % 2 === 0);
    const even = eachDay('2026-01-01', '2026-03-06').filter((_, i) => i % 2 === 1);
    assert.deepEqual([odd.length, even.length, odd.at(-1), even.at(-1)], [33, 32, '2026-03-06', '2026-03-05']);
    await recordObservations(sys, x.id, {
      observations: [
        // impressions (X's primary core metric) every other day: 34 gaps up to the 14th of March.
        ...odd.map((date) => ({ metric: 'impressions', date, value: 1 })),
        // likes (another core metric) on the days between, and once before impressions begin.
        ...even.map((date) => ({ metric: 'likes', date, value: 1 })),
        { metric: 'likes', date: '2025-12-30', value: 1 },
        // A per-post value is not an account-level day.
        { metric: 'likes', date: '2025-12-31', value: 1, postId: 't1' },
      ],
      posts: [{ platformPostId: 't1', date: '2025-12-31' }],
    });
    await recordObservations(sys, s.accounts.a1Instagram, {
      observations: [
        { metric: 'reach', date: '2026-03-01', value: 1 },
        { metric: 'views', date: '2026-03-02', value: 1 },
        { metric: 'views', date: '2026-03-03', value: 1 },
        { metric: 'new_followers', date: '2026-02-27', value: 1 },
        // Not a core metric.
        { metric: 'sessions', date: '2026-03-05', value: 1 },
      ],
    });
    const docs = await documentedCoreDays(t.db, s.organisationId, [{ id: x.id, platform: 'x' }, { id: s.accounts.a1Instagram, platform: 'instagram' }, { id: s.accounts.bTiktok, platform: 'tiktok' }], '2026-03-14');
    assert.deepEqual(docs.get(x.id), [['2025-12-30', '2025-12-30'], ['2026-01-01', '2026-03-06']]);
    assert.deepEqual(docs.get(s.accounts.a1Instagram), [['2026-02-27', '2026-02-27'], ['2026-03-01', '2026-03-03']]);
    assert.deepEqual(docs.get(s.accounts.bTiktok), []);
    // Days after `upTo` are not read.
    const early = await documentedCoreDays(t.db, s.organisationId, [{ id: x.id, platform: 'x' }], '2026-01-02');
    assert.deepEqual(early.get(x.id), [['2025-12-30', '2025-12-30'], ['2026-01-01', '2026-01-02']]);
  });

  test('history windows: everyone reads, only an administrator sets and resets', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const list = await listHistoryWindows(await s.as('viewer'));
    assert.equal(list.length, 8);
    const tiktok = list.find((w) => w.platform === 'tiktok')!;
    assert.deepEqual([tiktok.days, tiktok.defaultDays, tiktok.override], [365, 365, null]);
    assert.match(tiktok.instruction.nb, /TikTok Studio/);

    await expectAppError(setHistoryWindow(await s.as('manager'), 'tiktok', { days: 200 }), 'forbidden');
    await expectAppError(setHistoryWindow(await s.as('admin'), 'tiktok', { days: 0 }), 'validation_failed', ['days']);
    await expectAppError(setHistoryWindow(await s.as('admin'), 'myspace', { days: 10 }), 'validation_failed', ['platform']);
    const set = await setHistoryWindow(await s.as('admin'), 'youtube', { days: 1000, note: '  Studio now keeps 1000 days  ' });
    assert.deepEqual([set.days, set.defaultDays, set.override?.days, set.override?.note, set.override?.updatedBy?.name], [1000, null, 1000, 'Studio now keeps 1000 days', 'Ada Admin']);
    const changed = await setHistoryWindow(await s.as('admin'), 'youtube', { days: 900 });
    assert.deepEqual([changed.days, changed.override?.note], [900, null]);
    assert.equal((await listHistoryWindows(await s.as('reporter'))).find((w) => w.platform === 'youtube')!.days, 900);
    await expectAppError(resetHistoryWindow(await s.as('editor'), 'youtube'), 'forbidden');
    const reset = await resetHistoryWindow(await s.as('admin'), 'youtube');
    assert.deepEqual([reset.days, reset.override], [null, null]);
  });

  test('audience fit: the newest snapshot on or before the day, with its import; bulk for many accounts', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    await t.db.update(accounts).set({ targetAgeGroups: ['18-24'] }).where(eq(accounts.id, s.accounts.a1Instagram));
    await recordObservations(sys, s.accounts.a1Instagram, { audience: [{ date: '2026-01-31', ageDistribution: { '18-24': 30, '25-34': 45, '35-44': 25 } }] });
    const newer = await recordObservations(sys, s.accounts.a1Instagram, {
      audience: [{ date: '2026-02-28', ageDistribution: { '18-24': 52.5, '25-34': 30, '35-44': 17.5 } }],
    });
    const viewer = await s.as('viewer');
    const fit = await getAudienceFit(viewer, 'a1-pa-instagram');
    assert.deepEqual([fit.status, fit.largestGroup, fit.largestShare, fit.targetShare, fit.evaluateBeforeContinuing], ['fit', '18-24', 52.5, 52.5, false]);
    assert.deepEqual(fit.snapshot, { day: '2026-02-28', importId: newer.importId, source: 'manual' });
    assert.ok(newer.importId, 'the snapshot is traceable to its import');
    assert.equal(fit.broadBelowPercent, 40);

    const february = await getAudienceFit(viewer, 'a1-pa-instagram', '2026-02-15');
    assert.deepEqual([february.status, february.largestGroup, february.snapshot?.day, february.evaluateBeforeContinuing], ['misfit', '25-34', '2026-01-31', true]);
    const none = await getAudienceFit(viewer, 'a1-pa-instagram', '2026-01-30');
    assert.deepEqual([none.status, none.reason, none.snapshot], ['unknown', 'no_snapshot', null]);
    await expectAppError(getAudienceFit(await s.as('outsider'), 'a1-pa-instagram'), 'not_found');

    const all = await audienceFits(await s.as('admin'), ['a1-pa-instagram', s.accounts.bTiktok]);
    assert.deepEqual(all.map((f) => [f.account.slug, f.status, f.reason]), [['a1-pa-instagram', 'fit', null], ['b-on-tiktok', 'unknown', 'no_snapshot']]);
    const visible = await audienceFits(viewer, [s.accounts.a1Instagram, s.accounts.bTiktok]);
    assert.deepEqual(visible.map((f) => f.account.slug), ['a1-pa-instagram'], 'accounts the viewer may not read are left out');
    assert.deepEqual(await audienceFits(viewer, []), []);
  });
});
