/**
 * The figures of a monthly evaluation, on both databases, against the KPI engine (GET
 * /accounts/{a}/kpis as of the month's last day and the month before's) and against values
 * worked out by hand. As of FIXED_NOW (2026-03-15), on "A1 på Instagram" (target group 18-24):
 *
 *   reach       10 a day in January, 20 a day in February except 10–14 February (a gap)
 *   followers   1000 on 1 Jan, 1100 on 31 Jan, 1200 on 28 Feb, 1300 on 10 Mar
 *   posts       p1 (5 Jan, 10 likes), p2 (3 Feb, 50; read again on 5 Mar: 500), p3 (20 Feb, 20),
 *               p4 (25 Feb, 80), p5 (2 Mar, 1000)
 *   audience    10 Feb: 35-44 largest (50 %), 18-24 20 % (misfit); 5 Mar: 18-24 70 % (fit)
 *   goals       G (active, 2026-01-01 … 2026-06-30): reach ≥ 3000, followers ≥ 1500,
 *               likes per post ≥ 30, link clicks ≥ 10 (never documented);
 *               Feb (missed, 2026-02-01 … 2026-02-20): reach ≥ 1000, reach ≥ 200, link clicks ≥ 5;
 *               Jan (achieved, 2026-01-01 … 2026-01-31): outside February; a draft goal: left out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatusCounts } from '../../contract/overview.ts';
import type { Db } from '../../db/client.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { FIXED_NOW, seed } from '../../testing/seed.ts';
import { createAccount } from '../accounts/create-account.ts';
import type { Context } from '../context.ts';
import { dueItemOf } from '../dashboards/due-watch.ts';
import { accountKpis } from '../goals/account-kpis.ts';
import { findAccount } from '../lookup.ts';
import { loadSystemActor } from '../load-actor.ts';
import { recordMonthlyEntry } from '../statistics/record-monthly-entry.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { evaluationFigures } from './evaluation-figures.ts';

import { days, world } from './evaluation-figures-world.ts';

const figuresOf = (db: Db, w: Awaited<ReturnType<typeof world>>, month: string, now = FIXED_NOW) =>
  evaluationFigures(db, w.s.organisationId, { ...w.row, targetAgeGroups: [...w.row.targetAgeGroups] }, month, now);

forEachDatabase('evaluation figures', (fresh) => {
  test('February: every KPI as the engine gives it as of 28 Feb and 31 Jan, with hand-computed values, counts and the change', async () => {
    await using t = await fresh();
    const w = await world(t.db);
    const f = await figuresOf(t.db, w, '2026-02');
    assert.equal(f.month, '2026-02');
    assert.deepEqual(f.period, { start: '2026-02-01', end: '2026-02-28' });
    assert.equal(f.asOf, '2026-02-28');
    assert.equal(f.computedAt, FIXED_NOW.toISOString());

    // Goals that ran in February: the active one and the missed February campaign; not January's or the draft.
    assert.deepEqual(
      f.kpis.map((x) => [x.goal.id, x.goal.status, x.kpi.name.en, x.kpi.unit, x.kpi.comparator, x.kpi.target]),
      [
        [w.goals.main, 'active', 'Reach', 'count', 'at_least', 3000],
        [w.goals.main, 'active', 'Followers', 'count', 'at_least', 1500],
        [w.goals.main, 'active', 'Likes', 'count', 'at_least', 30],
        [w.goals.main, 'active', 'Link clicks', 'count', 'at_least', 10],
        [w.goals.february, 'missed', 'Reach', 'count', 'at_least', 1000],
        [w.goals.february, 'missed', 'Reach', 'count', 'at_least', 200],
        [w.goals.february, 'missed', 'Link clicks', 'count', 'at_least', 5],
      ],
    );

    // By hand: reach 31 × 10 + 23 × 20; the latest follower count; the mean likes of the posts since 1 January.
    assert.deepEqual(
      f.kpis.map((x) => [x.actual, x.previousActual, x.change]),
      [
        [770, 310, 460],
        [1200, 1100, 100],
        [40, 10, 30],
        [null, null, null],
        // 1–20 February less the gap: 15 × 20; the campaign had not started by 31 January.
        [300, null, null],
        [300, null, null],
        [null, null, null],
      ],
    );
    assert.equal(f.kpis[3]!.status, 'not_measured');
    // The February campaign ended on 20 February: below one target, above the other, one not measured.
    assert.deepEqual(f.kpis.slice(4).map((x) => [x.status, x.previousStatus]), [['missed', null], ['met', null], ['not_measured', null]]);

    // The same as the engine, as of each day (GET /accounts/{a}/kpis).
    const engine = async (asOf: string) => new Map((await accountKpis(w.admin, w.a1, asOf)).map((x) => [x.kpi.id, x.evaluation]));
    const [feb, jan] = [await engine('2026-02-28'), await engine('2026-01-31')];
    const tally: StatusCounts = { met: 0, on_track: 0, at_risk: 0, missed: 0, not_measured: 0 };
    for (const x of f.kpis) {
      const e = feb.get(x.kpi.id)!;
      assert.deepEqual([x.status, x.actual, x.progress], [e.status, e.actual, e.progress], x.kpi.name.en);
      tally[e.status] += 1;
      if (x.goal.id === w.goals.main) {
        const p = jan.get(x.kpi.id)!;
        assert.deepEqual([x.previousStatus, x.previousActual], [p.status, p.actual], `${x.kpi.name.en} as of 31 January`);
      }
    }
    assert.deepEqual(f.counts, tally);
    assert.equal(Object.values(f.counts).reduce((a, b) => a + b, 0), 7);
    assert.equal(f.counts.not_measured, 2);
  });

  test('February: audience misfit as of the month end, documentation with the exact gap, the watchdog now, best and weakest posts', async () => {
    await using t = await fresh();
    const w = await world(t.db);
    const f = await figuresOf(t.db, w, '2026-02');
    // The 5 March snapshot (a fit) comes after February.
    assert.deepEqual(f.audience, { status: 'misfit', targetAgeGroups: ['18-24'], largestGroup: '35-44', largestShare: 50, targetShare: 20, snapshotDay: '2026-02-10' });
    assert.deepEqual(f.documentation, { documentedDays: 23, expectedDays: 28, gaps: [['2026-02-10', '2026-02-14']], due: 'ok' });
    const due = await dueItemOf(t.db, w.s.organisationId, w.row, '2026-03-15', FIXED_NOW);
    assert.equal(f.documentation.due, due?.status);

    // Posts published in February by likes read up to 28 February (p2's 500 of 5 March is not seen); p1 and p5 are other months'.
    assert.deepEqual(f.posts.map((p) => [p.metric, p.name.en, p.unit, p.count]), [['likes', 'Likes', 'count', 3]]);
    const likes = f.posts[0]!;
    assert.deepEqual(likes.best.map((p) => [p.platformPostId, p.value, p.publishedOn]), [['p4', 80, '2026-02-25'], ['p2', 50, '2026-02-03'], ['p3', 20, '2026-02-20']]);
    assert.deepEqual(likes.weakest.map((p) => p.platformPostId), ['p3', 'p2', 'p4']);
    assert.equal(likes.best[0]!.permalink, 'https://www.instagram.com/p/p4/');
    assert.equal(likes.best[1]!.excerpt, 'Opptak');

    // A late import of the gap shows up at once (the documented runs the watchdog caches are forgotten by the write).
    await recordObservations(w.admin, w.a1, { observations: days('reach', '2026-02', 20, 10, 14) });
    const late = await figuresOf(t.db, w, '2026-02');
    assert.deepEqual(late.documentation, { documentedDays: 28, expectedDays: 28, gaps: [], due: 'ok' });
    assert.deepEqual(late.kpis.map((x) => x.actual).slice(0, 1), [870]);
  });

  test('the running month: as of today, documented up to yesterday, the newer snapshot; a month not begun is refused', async () => {
    await using t = await fresh();
    const w = await world(t.db);
    const f = await figuresOf(t.db, w, '2026-03');
    assert.equal(f.asOf, '2026-03-15');
    assert.deepEqual(f.documentation, { documentedDays: 0, expectedDays: 14, gaps: [['2026-03-01', '2026-03-14']], due: 'ok' });
    assert.deepEqual(f.audience, { status: 'fit', targetAgeGroups: ['18-24'], largestGroup: '18-24', largestShare: 70, targetShare: 70, snapshotDay: '2026-03-05' });
    // Only the active goal runs in March; the actual as of today, the month before as of 28 February.
    assert.deepEqual(
      f.kpis.map((x) => [x.goal.id, x.kpi.name.en, x.actual, x.previousActual, x.change]),
      [
        [w.goals.main, 'Reach', 770, 770, 0],
        [w.goals.main, 'Followers', 1300, 1200, 100],
        // Posts since 1 January as of 15 March: 10, 500 (p2's newer reading), 20, 80, 1000.
        [w.goals.main, 'Likes', 322, 40, 282],
        [w.goals.main, 'Link clicks', null, null, null],
      ],
    );
    const today = new Map((await accountKpis(w.admin, w.a1, '2026-03-15')).map((x) => [x.kpi.id, x.evaluation]));
    for (const x of f.kpis) assert.deepEqual([x.status, x.actual], [today.get(x.kpi.id)!.status, today.get(x.kpi.id)!.actual]);
    assert.deepEqual(f.posts[0]!.best.map((p) => [p.platformPostId, p.value]), [['p5', 1000]]);
    await expectAppError(figuresOf(t.db, w, '2026-04'), 'validation_failed', ['month']);
  });

  test('a monthly-entry platform: an entered month is documented whole, a missing one is one gap and overdue; no goals, no posts', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const admin = await s.as('admin');
    const sys: Context = { db: t.db, now: new Date('2026-01-20T09:00:00Z'), actor: await loadSystemActor(t.db) };
    const snap = await createAccount(sys, { unit: s.units.facultyA, platform: 'snapchat', name: 'A på Snapchat' });
    await recordMonthlyEntry(admin, snap.id, { month: '2026-01', values: [{ metric: 'followers', value: 300 }] });
    const row = (await findAccount(t.db, s.organisationId, snap.id))!;
    const of = (month: string) => evaluationFigures(t.db, s.organisationId, row, month, FIXED_NOW);
    const jan = await of('2026-01');
    assert.deepEqual(jan.documentation, { documentedDays: 31, expectedDays: 31, gaps: [], due: 'overdue' });
    const feb = await of('2026-02');
    // February was due by 10 March.
    assert.deepEqual(feb.documentation, { documentedDays: 0, expectedDays: 28, gaps: [['2026-02-01', '2026-02-28']], due: 'overdue' });
    assert.deepEqual([feb.kpis, feb.posts, feb.counts], [[], [], { met: 0, on_track: 0, at_risk: 0, missed: 0, not_measured: 0 }]);
    assert.deepEqual(feb.audience, { status: 'unknown', targetAgeGroups: [], largestGroup: null, largestShare: null, targetShare: null, snapshotDay: null });
    // The running month expects its entry only after it ends.
    assert.deepEqual((await of('2026-03')).documentation, { documentedDays: 0, expectedDays: 0, gaps: [], due: 'overdue' });
  });
});
