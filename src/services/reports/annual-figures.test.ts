/**
 * Annual figures on both databases, against values worked out by hand and against the KPI engine
 * (GET /accounts/{a}/kpis as of 31 December). Year 2025 as of FIXED_NOW (2026-03-15), on
 * "A1 på Instagram" (target group 18-24; 10 hours a month and 12 000 NOK a year planned):
 *
 *   reach        2024: 10 a day in March (310). 2025: 10 a day in January (310), 20 a day in
 *                February except 10–14 (23 × 20 = 460), 5 a day on 1–10 March (50); nothing after
 *   followers    500 on 1 Jun 2024, 900 on 15 Dec 2024 (the level at G's start), 1000 on 31 Jan 2025, 1100 on 30 Jun 2025
 *   link clicks  4 a day on 1–10 Feb (40), 12 a day on 1–5 May (60): 100
 *   posts        (likes) p1 reel 5 Jan 100, p2 reel 3 Feb 300, p3 image 1 Mar 50, p4 image 1 Apr 70
 *                (read again on 5 Jan 2026: 500, after the year), p0 reel 30 Dec 2024 1000 (last year)
 *   audience     10 Feb misfit, 20 Feb fit (February's newest), 5 May misfit
 *   goals        G (active, 2025): reach ≥ 3000, link clicks ≥ 50, followers ≥ 1500, likes per post ≥ 30,
 *                reach per month ≥ 500;
 *                H (achieved, first half of 2024): not in 2025
 *   evaluations  Jan (signed, keep, 5 h), Feb (draft, adjust content, 7.5 h, 1000 NOK), Mar (draft, 500 NOK)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type { KpiInput } from '../../contract/goals.ts';
import { AnnualAccountFigures } from '../../contract/reports.ts';
import type { Db } from '../../db/client.ts';
import { evaluations } from '../../db/schema/index.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { FIXED_NOW, seed } from '../../testing/seed.ts';
import { updateAccount } from '../accounts/update-account.ts';
import type { Context } from '../context.ts';
import { prepareEvaluations } from '../evaluations/prepare-evaluations.ts';
import { signEvaluation } from '../evaluations/sign-evaluation.ts';
import { updateEvaluation } from '../evaluations/update-evaluation.ts';
import { accountKpis } from '../goals/account-kpis.ts';
import { createGoal } from '../goals/create-goal.ts';
import { setGoalStatus } from '../goals/set-goal-status.ts';
import { createStrategicGoal } from '../goals/strategic-goals.ts';
import { findAccount } from '../lookup.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { annualFigures, type AnnualFiguresAccount } from './annual-figures.ts';
import { evaluationWindow } from './annual-figures-kpis.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const days = (metric: string, month: string, value: number, from: number, to: number, skip: readonly number[] = []) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)
    .filter((d) => !skip.includes(d))
    .map((d) => ({ metric, date: `${month}-${pad(d)}`, value }));
const k = (metric: string, target: number, extra: Partial<KpiInput> = {}): KpiInput => ({ kind: 'metric', metric, measurement: 'over_period', target, ...extra });

async function world(db: Db) {
  const s = await seed(db);
  const admin = await s.as('admin');
  const a1 = s.accounts.a1Instagram;
  await updateAccount(admin, a1, { targetAgeGroups: ['18-24'], plannedHoursPerMonth: 10, budgetNokPerYear: 12000 });
  await recordObservations(admin, a1, {
    observations: [
      ...days('reach', '2024-03', 10, 1, 31),
      ...days('reach', '2025-01', 10, 1, 31),
      ...days('reach', '2025-02', 20, 1, 28, [10, 11, 12, 13, 14]),
      ...days('reach', '2025-03', 5, 1, 10),
      { metric: 'followers', date: '2024-06-01', value: 500 },
      { metric: 'followers', date: '2024-12-15', value: 900 },
      { metric: 'followers', date: '2025-01-31', value: 1000 },
      { metric: 'followers', date: '2025-06-30', value: 1100 },
      ...days('link_clicks', '2025-02', 4, 1, 10),
      ...days('link_clicks', '2025-05', 12, 1, 5),
      { metric: 'likes', date: '2024-12-30', value: 1000, postId: 'p0' },
      { metric: 'likes', date: '2025-01-05', value: 100, postId: 'p1' },
      { metric: 'likes', date: '2025-02-03', value: 300, postId: 'p2' },
      { metric: 'likes', date: '2025-03-01', value: 50, postId: 'p3' },
      { metric: 'likes', date: '2025-04-02', value: 70, postId: 'p4' },
      { metric: 'likes', date: '2026-01-05', value: 500, postId: 'p4' },
    ],
    posts: [
      { platformPostId: 'p0', date: '2024-12-30', postType: 'reel' },
      { platformPostId: 'p1', date: '2025-01-05', postType: 'reel' },
      { platformPostId: 'p2', date: '2025-02-03', postType: 'reel', excerpt: 'Opptak' },
      { platformPostId: 'p3', date: '2025-03-01', postType: 'image' },
      { platformPostId: 'p4', date: '2025-04-01', postType: 'image' },
    ],
    audience: [
      { date: '2025-02-10', ageDistribution: { '18-24': 20, '25-34': 30, '35-44': 50 } },
      { date: '2025-02-20', ageDistribution: { '18-24': 70, '25-34': 30 } },
      { date: '2025-05-05', ageDistribution: { '18-24': 10, '45-54': 90 } },
    ],
  });

  const sg = (await createStrategicGoal(admin, { title: 'Recruit students' })).id;
  const goal = async (at: string, name: string, startDate: string, deadline: string, kpis: KpiInput[], status: 'active' | 'achieved') => {
    const then: Context = { ...admin, now: new Date(at) };
    const g = await createGoal(then, { accounts: [a1], goalType: 'custom', qualitativeGoal: name, strategicGoal: sg, startDate, deadline, kpis });
    await setGoalStatus(then, g.id, { status: 'active' });
    if (status === 'achieved') await setGoalStatus(admin, g.id, { status });
    return g.id;
  };
  const main = await goal(
    '2025-01-01T08:00:00Z',
    'Reach students',
    '2025-01-01',
    '2025-12-31',
    [k('reach', 3000), k('link_clicks', 50), k('followers', 1500), k('likes', 30, { measurement: 'per_post' }), k('reach', 500, { measurement: 'per_month' })],
    'active',
  );
  const old = await goal('2024-01-01T08:00:00Z', 'Last year', '2024-01-01', '2024-06-30', [k('reach', 100), k('reach', 200), k('link_clicks', 5)], 'achieved');

  for (const month of ['2025-01', '2025-02', '2025-03']) await prepareEvaluations(admin, { month });
  const evaluationOf = async (month: string) =>
    (await db.select({ id: evaluations.id }).from(evaluations).where(and(eq(evaluations.accountId, a1), eq(evaluations.month, `${month}-01`))))[0]!.id;
  const jan = await evaluationOf('2025-01');
  await updateEvaluation(admin, jan, { assessment: 'Good start.', decision: 'keep', hoursSpent: 5 });
  await signEvaluation(admin, jan);
  await updateEvaluation(admin, await evaluationOf('2025-02'), { decision: 'adjust_content', adjustment: 'More reels.', hoursSpent: 7.5, moneySpentNok: 1000 });
  await updateEvaluation(admin, await evaluationOf('2025-03'), { moneySpentNok: 500 });

  const account = async (id: string): Promise<AnnualFiguresAccount> => {
    const row = (await findAccount(db, s.organisationId, id))!;
    return { ...row, targetAgeGroups: [...row.targetAgeGroups] };
  };
  return { s, admin, a1, goals: { main, old }, evaluations: { jan }, accounts: [await account(a1), await account(s.accounts.bTiktok)] };
}

test('the days a goal’s KPIs are evaluated on: from 31 days before its start (and its length before that for viewer development) to as of', () => {
  const goal = { startDate: '2025-03-01', createdAt: new Date('2025-01-10T00:00:00Z'), deadline: '2025-03-10' } as Parameters<typeof evaluationWindow>[0];
  assert.deepEqual(evaluationWindow(goal, [{ metric: 'reach' }], '2025-12-31'), { from: '2025-01-29', to: '2025-12-31' });
  // 1–10 March is 10 days: 10 + 31 days before 1 March.
  assert.deepEqual(evaluationWindow(goal, [{ metric: 'reach' }, { metric: 'viewer_development' }], '2025-12-31'), { from: '2025-01-19', to: '2025-12-31' });
  assert.deepEqual(evaluationWindow(goal, [{ metric: 'reach' }], '2025-01-01'), { from: '2025-01-29', to: '2025-01-29' });
});

forEachDatabase('annual figures', (fresh) => {
  test('2025 of A1: metrics by hand, the year before, trend; KPIs as the engine gives them on 31 December', async () => {
    await using t = await fresh();
    const w = await world(t.db);
    const figures = await annualFigures(t.db, w.s.organisationId, w.accounts, '2025', FIXED_NOW);
    const f = figures.get(w.a1)!;
    assert.equal(f.year, '2025');
    assert.deepEqual(f.period, { start: '2025-01-01', end: '2025-12-31' });
    assert.equal(f.asOf, '2025-12-31');
    assert.equal(f.computedAt, FIXED_NOW.toISOString());
    // The contract's shape, as the API and the signed report keep it.
    assert.deepEqual(AnnualAccountFigures.parse(f), f);

    // The KPIs' metrics first, then Instagram's core metrics (reach once).
    assert.deepEqual(
      f.metrics.map((m) => [m.metric, m.aggregation]),
      [
        ['reach', 'sum'],
        ['link_clicks', 'sum'],
        ['followers', 'last'],
        ['likes', 'sum'],
        ['views', 'sum'],
        ['impressions', 'sum'],
        ['new_followers', 'sum'],
      ],
    );
    const reach = f.metrics[0]!;
    assert.deepEqual(
      reach.months.map((m) => [m.month, m.value, m.previousYear, m.documentedDays, m.days]),
      [
        ['2025-01', 310, null, 31, 31],
        ['2025-02', 460, null, 23, 28],
        ['2025-03', 50, 310, 10, 31],
        ...['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => [`2025-${m}`, null, null, 0, m === '04' || m === '06' || m === '09' || m === '11' ? 30 : 31]),
      ],
    );
    // 310 + 460 + 50 = 820 against 310: +164.5 %; slope over months 1–3 (310, 460, 50): Σ(x−2)(y−ȳ) / 2 = −260 / 2 = −130.
    assert.equal(reach.year, 820);
    assert.equal(reach.previousYear, 310);
    assert.ok(Math.abs(reach.change! - 510 / 310) < 1e-12);
    assert.deepEqual(reach.trend, { slopePerMonth: -130, direction: 'down' });
    assert.deepEqual(reach.seasonality, { peakMonth: null, lowMonth: null, peakIndex: null, lowIndex: null });

    const clicks = f.metrics[1]!;
    assert.deepEqual([clicks.year, clicks.previousYear, clicks.change], [100, null, null]);
    assert.deepEqual(clicks.months.filter((m) => m.value !== null).map((m) => [m.month, m.value]), [['2025-02', 40], ['2025-05', 60]]);
    const followers = f.metrics[2]!;
    assert.deepEqual([followers.year, followers.months[0]!.value, followers.months[5]!.value, followers.months[6]!.value], [1100, 1000, 1100, null]);
    // Never documented: not measured, not 0.
    const views = f.metrics[4]!;
    assert.deepEqual([views.year, views.previousYear, views.change, views.trend.direction], [null, null, null, null]);
    assert.ok(views.months.every((m) => m.value === null && m.documentedDays === 0));

    // Goals that ran in 2025: G only; each KPI equals the engine's answer as of 31 December.
    assert.deepEqual(
      f.kpis.map((x) => [x.goal.id, x.goal.status, x.kpi.name.en, x.kpi.target]),
      [
        [w.goals.main, 'active', 'Reach', 3000],
        [w.goals.main, 'active', 'Link clicks', 50],
        [w.goals.main, 'active', 'Followers', 1500],
        [w.goals.main, 'active', 'Likes', 30],
        [w.goals.main, 'active', 'Reach', 500],
      ],
    );
    // Reach 820 < 3000 and followers 1100 < 1500 at the deadline; 100 clicks ≥ 50; likes per post (100 + 300 + 50 + 70) / 4 = 130;
    // reach per month over the months measured: 820 / 3.
    assert.ok(Math.abs(f.kpis[4]!.actual! - 820 / 3) < 1e-9);
    assert.equal(f.kpis[4]!.status, 'missed');
    assert.deepEqual(
      f.kpis.slice(0, 4).map((x) => [x.status, x.actual]),
      [
        ['missed', 820],
        ['met', 100],
        ['missed', 1100],
        ['met', 130],
      ],
    );
    const engine = new Map((await accountKpis(w.admin, w.a1, '2025-12-31')).map((x) => [x.kpi.id, x.evaluation]));
    for (const x of f.kpis) {
      const e = engine.get(x.kpi.id)!;
      assert.deepEqual([x.status, x.actual, x.progress], [e.status, e.actual, e.progress], x.kpi.name.en);
    }
    assert.deepEqual(f.counts, { met: 2, on_track: 0, at_risk: 0, missed: 3, not_measured: 0 });
    // The followers' progress counts from 900, the level documented in the 31 days before the start (not 500 in June).
    assert.equal(f.kpis[2]!.progress, (1100 - 900) / (1500 - 900));
  });

  test('2025 of A1: resources and months from the evaluations, cost per result, audience, documentation, posts, formats, the suggestion', async () => {
    await using t = await fresh();
    const w = await world(t.db);
    const f = (await annualFigures(t.db, w.s.organisationId, w.accounts, '2025', FIXED_NOW)).get(w.a1)!;

    // Registered in 2026, documented since March 2024: in use all of 2025.
    assert.deepEqual(f.resources, {
      plannedHours: 120,
      documentedHours: 12.5,
      hoursMonths: 2,
      plannedMoneyNok: 12000,
      documentedMoneyNok: 1500,
      moneyMonths: 2,
      monthsInUse: 12,
    });
    assert.equal(f.months.length, 12);
    const [jan, feb, mar, apr] = f.months;
    assert.deepEqual([jan!.evaluationId, jan!.state, jan!.decision, jan!.assessment, jan!.signedBy?.id, jan!.hoursSpent, jan!.moneySpentNok], [
      w.evaluations.jan,
      'signed',
      'keep',
      'Good start.',
      w.s.people.admin.id,
      5,
      null,
    ]);
    // February's draft was due on 15 March 2025.
    assert.deepEqual([feb!.state, feb!.decision, feb!.adjustment, feb!.signedBy, feb!.hoursSpent, feb!.moneySpentNok], ['overdue', 'adjust_content', 'More reels.', null, 7.5, 1000]);
    assert.deepEqual([mar!.hoursSpent, mar!.moneySpentNok], [null, 500]);
    assert.deepEqual(apr, { month: '2025-04', evaluationId: null, state: null, decision: null, assessment: '', adjustment: '', signedBy: null, hoursSpent: null, moneySpentNok: null });

    // Results among the KPI metrics: reach and link clicks (followers is a stock, likes per post… a count too).
    assert.deepEqual(
      f.costPerResult.map((c) => [c.metric, c.results, c.moneyNok, c.costPerResult]),
      [
        ['reach', 820, 1500, 1500 / 820],
        ['link_clicks', 100, 1500, 15],
        ['likes', null, 1500, null],
      ],
    );

    // February's newest snapshot (20 Feb) is a fit; May's a misfit.
    assert.deepEqual(f.audience, {
      targetAgeGroups: ['18-24'],
      snapshots: [
        { day: '2025-02-20', largestGroup: '18-24', largestShare: 70, targetShare: 70, status: 'fit' },
        { day: '2025-05-05', largestGroup: '45-54', largestShare: 90, targetShare: 10, status: 'misfit' },
      ],
      fitMonths: 1,
      misfitMonths: 1,
    });
    // Instagram's core metrics were documented on 31 + 23 + 10 days of the 365 expected.
    assert.deepEqual(f.documentation, { documentedDays: 64, expectedDays: 365 });

    // Posts of 2025 by likes up to 31 December (p4's reading of 2026 unseen, p0 is 2024's).
    assert.deepEqual(f.posts.map((p) => [p.metric, p.count]), [['likes', 4]]);
    assert.deepEqual(f.posts[0]!.best.map((p) => [p.platformPostId, p.value]), [['p2', 300], ['p1', 100], ['p4', 70], ['p3', 50]]);
    assert.equal(f.posts[0]!.best[0]!.excerpt, 'Opptak');
    assert.deepEqual(
      f.formats.map((x) => [x.postType, x.posts, x.metric, x.mean, x.median]),
      [
        ['reel', 2, 'likes', 200, 200],
        ['image', 2, 'likes', 60, 60],
      ],
    );

    // Three of five measured KPIs missed and 64 of 365 days documented: two signals for closing.
    assert.equal(f.recommendation.suggestion, 'close');
    assert.deepEqual(
      f.recommendation.findings.map((x) => [x.rule, x.triggered]),
      [
        ['kpis_missed', true],
        ['audience_misfit', false],
        ['reach_down', false],
        ['documentation_low', true],
        ['monthly_changes', false],
        ['resources_over', false],
        ['suggestion', true],
      ],
    );
  });

  test('an account with nothing documented: not measured everywhere, never 0; a batch equals single reads; a year not begun is refused', async () => {
    await using t = await fresh();
    const w = await world(t.db);
    const both = await annualFigures(t.db, w.s.organisationId, w.accounts, '2025', FIXED_NOW);
    const b = both.get(w.s.accounts.bTiktok)!;
    assert.deepEqual(b.kpis, []);
    assert.ok(b.metrics.length > 0 && b.metrics.every((m) => m.year === null && m.months.every((x) => x.value === null)));
    // Registered on 15 March 2026 with nothing documented: not in use in 2025.
    assert.deepEqual(b.resources, { plannedHours: null, documentedHours: null, hoursMonths: 0, plannedMoneyNok: null, documentedMoneyNok: null, moneyMonths: 0, monthsInUse: 0 });
    assert.deepEqual([b.months, b.posts, b.formats, b.costPerResult, b.audience.snapshots], [[], [], [], [], []]);
    assert.deepEqual(b.documentation, { documentedDays: 0, expectedDays: 0 });
    assert.equal(b.recommendation.suggestion, 'continue');

    // Without KPIs, posts are ranked by the first of the platform's core metrics any post has (TikTok: followers, views, …).
    await recordObservations(w.admin, w.s.accounts.bTiktok, {
      observations: [
        { metric: 'views', date: '2025-04-02', value: 900, postId: 't1' },
        { metric: 'views', date: '2025-05-02', value: 300, postId: 't2' },
        { metric: 'likes', date: '2025-05-02', value: 30, postId: 't2' },
      ],
      posts: [
        { platformPostId: 't1', date: '2025-04-01', postType: 'video' },
        { platformPostId: 't2', date: '2025-05-01', postType: 'photo' },
        { platformPostId: 't3', date: '2025-05-03', postType: 'photo' },
      ],
    });
    const tiktok = (await annualFigures(t.db, w.s.organisationId, [w.accounts[1]!], '2025', FIXED_NOW)).get(w.s.accounts.bTiktok)!;
    assert.deepEqual(tiktok.posts.map((p) => [p.metric, p.count, p.best.map((x) => x.platformPostId)]), [['views', 2, ['t1', 't2']]]);
    assert.deepEqual(tiktok.formats.map((x) => [x.postType, x.posts, x.mean]), [['video', 1, 900], ['photo', 2, 300]]);

    const alone = await annualFigures(t.db, w.s.organisationId, [w.accounts[0]!], '2025', FIXED_NOW);
    assert.deepEqual(alone.get(w.a1), both.get(w.a1));

    // The running year: as of today, the year before over the same months (January to March).
    const running = (await annualFigures(t.db, w.s.organisationId, [w.accounts[0]!], '2026', FIXED_NOW)).get(w.a1)!;
    assert.equal(running.asOf, '2026-03-15');
    assert.deepEqual([running.metrics[0]!.year, running.metrics[0]!.previousYear], [null, 820]);
    await expectAppError(annualFigures(t.db, w.s.organisationId, w.accounts, '2027', FIXED_NOW), 'validation_failed', ['year']);
  });
});
