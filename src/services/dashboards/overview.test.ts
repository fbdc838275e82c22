/**
 * The overview and the account dashboard on a hand-made organisation (overview-world.ts), on both
 * databases: every status counted, roll-up up the unit tree, attention order, authorisation, and
 * the KPI result cache always equal to a fresh evaluation (after an import, an undo and goal
 * changes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { expectAppError } from '../../testing/assertions.ts';
import type { Db } from '../../db/client.ts';
import { documentedRuns, kpiResults } from '../../db/schema/index.ts';
import type { StatusCounts } from '../../contract/overview.ts';
import type { Context } from '../context.ts';
import { accountKpis } from '../goals/account-kpis.ts';
import { updateGoal } from '../goals/update-goal.ts';
import { setGoalStatus } from '../goals/set-goal-status.ts';
import { undoImport } from '../imports/undo-import.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { accountDashboard } from './account-dashboard.ts';
import { overview } from './overview.ts';
import { overviewWorld, type OverviewWorld } from './overview-world.ts';
import { warmDashboards } from './warm-dashboards.ts';
import { listEvaluations } from '../evaluations/list-evaluations.ts';
import { prepareEvaluations } from '../evaluations/prepare-evaluations.ts';
import { signEvaluation } from '../evaluations/sign-evaluation.ts';
import { updateEvaluation } from '../evaluations/update-evaluation.ts';

const counts = (met: number, on_track: number, at_risk: number, missed: number, not_measured: number): StatusCounts => ({ met, on_track, at_risk, missed, not_measured });

/** Every cached result equals a fresh evaluation (GET /accounts/{a}/kpis, active goals), and every active KPI has one. */
async function assertCacheFresh(ctx: Context, w: OverviewWorld, asOf = '2026-03-15') {
  const o = await overview(ctx);
  const rows = await ctx.db.select().from(kpiResults).where(eq(kpiResults.asOf, asOf));
  const cached = new Map(rows.map((r) => [`${r.kpiId}|${r.accountId}`, r]));
  let expected = 0;
  for (const account of [w.a1, w.direct, w.b, w.xGap]) {
    const fresh = (await accountKpis(ctx, account, asOf)).filter((k) => k.goal.status === 'active');
    expected += fresh.length;
    const tally = counts(0, 0, 0, 0, 0);
    for (const f of fresh) {
      const r = cached.get(`${f.kpi.id}|${account}`);
      assert.ok(r, `a cached result for ${f.kpi.name.en} ${f.kpi.target}`);
      assert.deepEqual([r.status, r.actual, r.target, r.progress], [f.evaluation.status, f.evaluation.actual, f.evaluation.target, f.evaluation.progress]);
      tally[f.evaluation.status] += 1;
    }
    const row = [...o.attention, ...o.accounts].find((a) => a.account.id === account);
    if (row) assert.deepEqual(row.counts, tally);
  }
  assert.equal(rows.length, expected, 'no results for closed accounts, draft goals or replaced KPIs');
  return o;
}

forEachDatabase('overview', (fresh) => {
  test('organisation: every status counted once per KPI and account, rolled up; closed accounts and draft goals left out', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const o = await overview(w.admin);
    assert.equal(o.asOf, '2026-03-15');
    assert.deepEqual(o.periods.period, { start: '2026-03-01', end: '2026-03-31' });
    assert.deepEqual(o.scope, { unit: null, ancestors: [] });
    assert.deepEqual(o.totals, { accounts: 4, counts: counts(4, 2, 4, 1, 1), needingAttention: 4, misfits: 1, gaps: 1, goals: 3 });
    assert.deepEqual(o.children.map((c) => [c.unit.name, c.unit.parentId, c.accounts]), [['Testuniversitetet', null, 4]]);
    assert.deepEqual(o.accounts, []);
    assert.equal(o.attentionTotal, 4);
    assert.deepEqual(
      o.attention.map((a) => [a.account.name, a.worst, a.audienceFit, a.due, a.reasons.map((r) => r.kind)]),
      [
        ['A1 på Instagram', 'missed', 'unknown', 'ok', ['missed_kpis', 'at_risk_kpis']],
        ['A på X', null, 'unknown', 'overdue', ['documentation_gap']],
        ['A direkte', 'at_risk', 'misfit', 'ok', ['audience_misfit', 'at_risk_kpis']],
        ['B on TikTok', 'at_risk', 'unknown', 'ok', ['at_risk_kpis']],
      ],
    );
    const a1 = o.attention[0]!;
    assert.deepEqual(a1.counts, counts(1, 2, 1, 1, 1));
    const missed = a1.reasons[0]!;
    assert.ok(missed.kind === 'missed_kpis');
    assert.deepEqual(missed.kpis.map((k) => [k.goalId, k.name.en]), [[w.goals.g1, 'Reach']]);
    const misfit = o.attention[2]!.reasons[0]!;
    assert.deepEqual(misfit, { kind: 'audience_misfit', largestGroup: '45-54', largestShare: 60, targetAgeGroups: ['18-24'], snapshotDay: '2026-03-10' });
    const gap = o.attention[1]!.reasons[0]!;
    assert.ok(gap.kind === 'documentation_gap');
    // Registered 2025-11-01; X shows 91 days: 2025-12-14 on; 2025-11-01 … 2025-12-13 are lost (43 days).
    assert.deepEqual([gap.status, gap.cadence, gap.lostDays, gap.toCoverDays], ['overdue', 'daily', 43, 91]);
  });

  test('a unit: its sub-units with everything below, its own accounts, breadcrumbs; a unit-scoped viewer sees only their units', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const a = await overview(w.admin, { unit: w.s.units.facultyA });
    assert.deepEqual(a.scope.unit?.name, 'Faculty A');
    assert.deepEqual(a.scope.ancestors.map((u) => u.name), ['Testuniversitetet']);
    assert.deepEqual(a.totals, { accounts: 3, counts: counts(3, 2, 2, 1, 1), needingAttention: 3, misfits: 1, gaps: 1, goals: 2 });
    assert.deepEqual(
      a.children.map((c) => [c.unit.name, c.accounts, c.counts, c.needingAttention, c.misfits, c.gaps]),
      [['Department A1', 1, counts(1, 2, 1, 1, 1), 1, 0, 0]],
    );
    assert.deepEqual(a.accounts.map((x) => x.account.name), ['A direkte', 'A på X']);
    const top = await overview(w.admin, { unit: w.s.units.top });
    assert.deepEqual(top.children.map((c) => [c.unit.name, c.accounts, c.counts]), [
      ['Faculty A', 3, counts(3, 2, 2, 1, 1)],
      ['Faculty B', 1, counts(1, 0, 2, 0, 0)],
    ]);

    const viewer = await w.s.as('viewer');
    const v = await overview(viewer);
    assert.deepEqual(v.children.map((c) => c.unit.name), ['Faculty A'], 'the highest units the viewer may read');
    assert.equal(v.totals.accounts, 3);
    assert.deepEqual(v.attention.map((x) => x.account.name), ['A1 på Instagram', 'A på X', 'A direkte']);
    const va = await overview(viewer, { unit: w.s.units.departmentA1 });
    assert.deepEqual(va.scope.ancestors.map((u) => u.name), ['Faculty A'], 'units the viewer cannot read are not in the breadcrumbs');
    await expectAppError(overview(viewer, { unit: w.s.units.facultyB }), 'not_found');
    await expectAppError(overview(viewer, { unit: w.s.units.top }), 'not_found');
    await expectAppError(accountDashboard(viewer, w.b), 'not_found');
    await expectAppError(overview(w.admin, { period: '2026-03-02..2026-03-09' }), 'validation_failed');
  });

  test('the KPI result cache equals a fresh evaluation after an import, an undo and goal changes', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const db: Db = t.db;
    let o = await assertCacheFresh(w.admin, w);
    assert.deepEqual(o.totals.counts, counts(4, 2, 4, 1, 1));
    assert.equal((await db.select().from(documentedRuns)).length, 4, 'documented runs of the active accounts are kept');

    // The cache is what is read: a result altered behind the service's back shows.
    await db.execute(sql`update kpi_results set status = 'met' where account_id = ${w.b}::uuid`);
    assert.deepEqual((await overview(w.admin)).totals.counts, counts(6, 2, 2, 1, 1));
    await db.delete(kpiResults).where(eq(kpiResults.accountId, w.b));

    // An import: 14 March's reach 10 → 1000 on A1 makes 1140, so ≥ 310 and ≥ 1000 are met.
    const dashboardFresh = async () => {
      const evaluated = (await accountKpis(w.admin, w.a1)).filter((k) => k.goal.status === 'active');
      assert.deepEqual((await accountDashboard(w.admin, w.a1)).kpis, JSON.parse(JSON.stringify(evaluated)));
    };
    await dashboardFresh();
    const imported = await recordObservations(w.admin, w.a1, { observations: [{ metric: 'reach', date: '2026-03-14', value: 1000 }] });
    assert.equal((await db.select().from(documentedRuns).where(eq(documentedRuns.accountId, w.a1))).length, 0, 'forgotten in the write');
    o = await assertCacheFresh(w.admin, w);
    assert.deepEqual(o.attention.find((a) => a.account.id === w.a1)?.counts, counts(3, 1, 0, 1, 1));
    await dashboardFresh();

    // Undone: back to where it was.
    await undoImport(w.admin, imported.importId!);
    o = await assertCacheFresh(w.admin, w);
    assert.deepEqual(o.attention.find((a) => a.account.id === w.a1)?.counts, counts(1, 2, 1, 1, 1));
    await dashboardFresh();

    // New targets (the KPIs are replaced) and a new deadline (the same KPIs, a different pace).
    await updateGoal(w.admin, w.goals.g2, { kpis: [{ metric: 'reach', measurement: 'over_period', target: 10_000 }, { metric: 'reach', measurement: 'over_period', target: 250 }, { metric: 'reach', measurement: 'over_period', target: 20 }] });
    o = await assertCacheFresh(w.admin, w);
    assert.deepEqual(o.attention.find((a) => a.account.id === w.direct)?.counts, counts(2, 0, 1, 0, 0));
    await updateGoal(w.admin, w.goals.g1, { deadline: '2026-03-16' });
    o = await assertCacheFresh(w.admin, w);
    // Reach ≥ 310 now expects 310 × 15/16 by the 15th: 150 falls behind.
    assert.deepEqual(o.attention.find((a) => a.account.id === w.a1)?.counts, counts(1, 1, 2, 1, 1));
    await dashboardFresh();

    // A goal that is no longer active no longer counts, and its rows go.
    await setGoalStatus(w.admin, w.goals.g3, { status: 'achieved' });
    o = await assertCacheFresh(w.admin, w);
    assert.deepEqual(o.totals.counts, counts(3, 1, 3, 1, 1));
    assert.equal((await db.select().from(kpiResults).where(and(eq(kpiResults.accountId, w.b)))).length, 0);
  });

  test('account dashboard: active goals only, ranked posts, audience, due item and freshness', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const d = await accountDashboard(w.admin, w.a1);
    assert.equal(d.asOf, '2026-03-15');
    assert.deepEqual([d.account.name, d.account.status, d.unit.name], ['A1 på Instagram', 'active', 'Department A1']);
    assert.deepEqual(d.counts, counts(1, 2, 1, 1, 1));
    const evaluated = (await accountKpis(w.admin, w.a1)).filter((k) => k.goal.status === 'active');
    assert.deepEqual(d.kpis, JSON.parse(JSON.stringify(evaluated)), 'exactly GET /accounts/{a}/kpis restricted to active goals');
    assert.deepEqual(await accountDashboard(w.admin, w.a1), d, 'the second visit reads the cached evaluations');
    const stored = await t.db.select().from(kpiResults).where(eq(kpiResults.accountId, w.a1));
    assert.deepEqual([stored.length, stored.every((r) => r.evaluation !== null)], [6, true]);
    // The overview (statuses only) and the dashboard (whole evaluations) share the rows.
    assert.deepEqual((await overview(w.admin)).attention[0]?.counts, counts(1, 2, 1, 1, 1));
    assert.equal(d.kpis.length, 6);
    assert.ok(d.kpis[1]!.evaluation.paceLine, 'with the pace line');
    assert.ok(d.kpis.some((k) => k.evaluation.attainability !== null), 'and attainability');
    assert.deepEqual(d.posts.map((p) => [p.metric, p.count, p.best.map((x) => [x.platformPostId, x.value]), p.weakest.map((x) => x.platformPostId)]), [
      ['likes', 3, [['p2', 50], ['p3', 20], ['p1', 5]], ['p1', 'p3', 'p2']],
    ]);
    assert.deepEqual([d.posts[0]!.best[2]!.postType, d.posts[0]!.best[2]!.excerpt, d.posts[0]!.best[0]!.permalink], ['reel', 'Første', 'https://www.instagram.com/p/p2/']);
    assert.deepEqual(d.freshness, { lastDocumented: '2026-03-15', daysSince: 0 });
    assert.equal(d.due?.status, 'ok');

    const direct = await accountDashboard(w.admin, w.direct);
    assert.equal(direct.audience.status, 'misfit');
    assert.deepEqual(direct.posts, []);
    const x = await accountDashboard(w.admin, w.xGap);
    assert.deepEqual([x.due?.status, x.due?.lostDays, x.kpis, x.freshness], ['overdue', 43, [], { lastDocumented: null, daysSince: null }]);
    const closed = await accountDashboard(w.admin, w.closed);
    assert.deepEqual([closed.account.status, closed.due, closed.kpis.length], ['closed', null, 3]);

    // February: evaluated as of its last day, before the goals started; no posts then.
    const feb = await accountDashboard(w.admin, w.a1, { period: '2026-02' });
    assert.equal(feb.asOf, '2026-02-28');
    assert.deepEqual(feb.counts, counts(0, 0, 0, 0, 6));
    assert.deepEqual(feb.posts, []);
    assert.deepEqual(feb.freshness, { lastDocumented: null, daysSince: null });
  });

  test('overdue monthly evaluations: drafts past their due day need attention until signed', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const may = { ...w.admin, now: new Date('2026-05-20T10:00:00Z') };
    const april = { ...w.admin, now: new Date('2026-04-10T10:00:00Z') };
    await prepareEvaluations(may, { month: '2026-03' });
    await prepareEvaluations(may, { month: '2026-04' });
    const reasonOf = (o: Awaited<ReturnType<typeof overview>>, account: string) =>
      o.attention.find((a) => a.account.id === account)?.reasons.find((r) => r.kind === 'overdue_evaluations');
    // On 10 April March's evaluation is due (by the 15th), not overdue.
    assert.equal(reasonOf(await overview(april, { period: '2026-03' }), w.a1), undefined);
    // On 20 May both are overdue: March's was due by 15 April, April's by 15 May.
    const late = await overview(may, { period: '2026-03' });
    assert.deepEqual(reasonOf(late, w.a1), { kind: 'overdue_evaluations', count: 2, months: ['2026-03', '2026-04'] });
    assert.ok(late.attention.every((a) => a.account.id === w.closed || reasonOf(late, a.account.id)), 'every active account has both drafts overdue');
    const [march] = (await listEvaluations(may, { account: w.a1, month: '2026-03' })).items;
    await updateEvaluation(may, march!.id, { assessment: 'Fulgte opp.', decision: 'keep' });
    await signEvaluation(may, march!.id);
    assert.deepEqual(reasonOf(await overview(may, { period: '2026-03' }), w.a1), { kind: 'overdue_evaluations', count: 1, months: ['2026-04'] });
  });

  test('warming in the background fills both caches for today; the overview then only reads; an aborted warm-up stops', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const stopped = new AbortController();
    stopped.abort();
    assert.deepEqual(await warmDashboards(t.db, w.admin.now, stopped.signal), { organisations: 0, kpiAccounts: 0, runAccounts: 0, aborted: true });
    assert.equal((await t.db.select().from(kpiResults)).length, 0);

    assert.deepEqual(await warmDashboards(t.db, w.admin.now), { organisations: 1, kpiAccounts: 3, runAccounts: 4, aborted: false });
    const warmed = await t.db.select().from(kpiResults);
    assert.deepEqual([warmed.length, new Set(warmed.map((r) => r.asOf)).size], [12, 1]);
    assert.equal((await t.db.select().from(documentedRuns)).length, 4);
    const later = { ...w.admin, now: new Date(w.admin.now.getTime() + 3600_000) };
    assert.deepEqual((await overview(later)).totals.counts, counts(4, 2, 4, 1, 1));
    const after = await t.db.select().from(kpiResults);
    assert.deepEqual(after.map((r) => r.computedAt.getTime()).sort(), warmed.map((r) => r.computedAt.getTime()).sort(), 'nothing recomputed');
    assert.deepEqual(await warmDashboards(t.db, w.admin.now), { organisations: 1, kpiAccounts: 0, runAccounts: 0, aborted: false });
  });
});
