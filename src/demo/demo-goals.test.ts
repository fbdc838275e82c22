import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { goalTypes, metricFitsGoalType } from '../core/goals/templates.ts';
import { kpiMetric } from '../core/metrics/derived.ts';
import { evaluateKpi } from '../core/kpi/evaluate.ts';
import { indexStatistics } from '../core/kpi/dataset.ts';
import type { Kpi } from '../core/kpi/types.ts';
import { addDays } from '../core/period/days.ts';
import { audienceSnapshots, imports, observations, people, posts, roleGrants } from '../db/schema/index.ts';
import { forEachDatabase } from '../testing/database.ts';
import { loadSystemActor } from '../services/load-actor.ts';
import { accountKpis } from '../services/goals/account-kpis.ts';
import { listGoals } from '../services/goals/list-goals.ts';
import { getGoal } from '../services/goals/get-goal.ts';
import { listStrategicGoals } from '../services/goals/strategic-goals.ts';
import { demoOrganisation } from './demo-organisation.ts';
import { demoGoals, demoStrategicGoals } from './demo-goals.ts';
import { HISTORY_DAYS, generateStatistics } from './demo-statistics.ts';
import { demoGoalPeriod, demoKpiInputs, loadDemo } from './load-demo.ts';
import { niceNumber } from './demo-targets.ts';

const NOW = new Date('2026-11-22T10:00:00Z');
const TODAY = '2026-11-22';
const wanted = { ahead: 'on_track', behind: 'at_risk', met: 'met', missed: 'missed' } as const;

test('the demo goals are consistent: accounts, strategic goals, owners, KPIs the platforms provide, all nine goal types', () => {
  const accounts = new Map(demoOrganisation.accounts.map((a) => [a.slug, a]));
  const emails = new Set(demoOrganisation.people.map((p) => p.email));
  const strategic = new Set(demoStrategicGoals.map((s) => s.key));
  assert.equal(strategic.size, demoStrategicGoals.length, 'strategic goal keys are unique');
  assert.equal(new Set(demoGoals.map((g) => g.key)).size, demoGoals.length, 'goal keys are unique');
  for (const s of demoStrategicGoals.filter((s) => s.parent)) assert.ok(strategic.has(s.parent!) && s.unit, `${s.key}: a unit breakdown`);
  for (const g of demoGoals) {
    assert.ok(strategic.has(g.strategicGoal), `${g.key}: strategic goal`);
    assert.ok(emails.has(g.owner), `${g.key}: owner ${g.owner}`);
    if (g.status !== 'draft') assert.ok(g.kpis.length >= 3, `${g.key}: at least three KPIs`);
    for (const slug of g.accounts) assert.ok(accounts.has(slug), `${g.key}: account ${slug}`);
    for (const k of g.kpis) {
      assert.ok(k.note.length > 10, `${g.key}: every target says where it came from`);
      assert.ok(k.target !== undefined || k.outcome !== undefined, `${g.key}: a target or an outcome`);
      if ((k.kind ?? 'metric') === 'metric') {
        const info = kpiMetric(k.metric!);
        assert.ok(info, `${g.key}: ${k.metric} is known`);
        for (const slug of g.accounts) assert.ok(info.platforms.includes(accounts.get(slug)!.platform), `${g.key}: ${k.metric} on ${slug}`);
        assert.ok(info.measurements.includes(k.measurement), `${g.key}: ${k.metric} ${k.measurement}`);
        assert.ok(metricFitsGoalType(g.goalType, k.metric!), `${g.key}: ${k.metric} fits ${g.goalType}`);
      }
    }
  }
  assert.deepEqual(new Set(demoGoals.map((g) => g.goalType)), new Set(goalTypes), 'all nine goal types');
  assert.deepEqual(new Set(demoGoals.flatMap((g) => g.kpis.map((k) => k.basis))), new Set(['competitors', 'internal_accounts', 'vendor_insight', 'own_history', 'other']));
  const recruiting = demoGoals.find((g) => g.goalType === 'recruiting' && g.kpis.some((k) => k.metric === 'link_clicks' && k.target === 2000 && k.measurement === 'per_post'));
  assert.ok(recruiting, 'a recruiting goal with 2000 link clicks per post');
  assert.ok(['instagram', 'facebook'].includes(accounts.get(recruiting.accounts[0]!)!.platform));
  assert.ok(recruiting.kpis.some((k) => k.kind === 'audience_share' && k.target === 60 && k.ageGroups?.join() === '18-24'), '60 % aged 18-24');
  const active = demoOrganisation.accounts.filter((a) => (a.status ?? 'active') === 'active');
  const withGoal = active.filter((a) => demoGoals.some((g) => g.status === 'active' && g.accounts.includes(a.slug)));
  assert.ok(withGoal.length > active.length * 0.75, `${withGoal.length} of ${active.length} active accounts have an active goal`);
  assert.ok(demoGoals.filter((g) => g.status === 'draft').length >= 2, 'drafts on a couple of accounts');
});

test('generated statistics are deterministic, cover about fourteen months and keep "not documented" apart from zero', () => {
  const profile = demoOrganisation.statistics['studier-instagram']!;
  const a = generateStatistics('studier-instagram', 'instagram', profile, TODAY);
  const b = generateStatistics('studier-instagram', 'instagram', profile, TODAY);
  assert.deepEqual(a, b);
  const followers = a.observations.filter((o) => o.metric === 'followers');
  assert.equal(followers.length, HISTORY_DAYS);
  assert.equal(followers[0]!.date, addDays(TODAY, -HISTORY_DAYS));
  assert.equal(followers.at(-1)!.date, addDays(TODAY, -1), 'ends the day before today');
  assert.ok(a.observations.every((o) => Number.isFinite(o.value) && o.value >= 0));
  assert.ok(a.posts.length > 100 && a.audience.length >= 6);
  const gap = generateStatistics('havlab-threads', 'threads', demoOrganisation.statistics['havlab-threads']!, TODAY);
  assert.ok(gap.observations.every((o) => o.date < addDays(TODAY, -150)), 'a documentation gap');
  assert.equal(niceNumber(1834.2), 1800);
  assert.equal(niceNumber(57_321), 57_000);
  assert.equal(niceNumber(4.26), 4.3);
  assert.equal(niceNumber(0.637), 0.64);
});

test('every demo KPI gets a target whatever day the demo is loaded, the first of a month too', () => {
  for (const today of ['2026-12-01', '2027-01-01', '2027-02-28', '2027-04-15', '2027-06-01', '2027-08-31', '2027-10-01']) {
    const datasets = new Map();
    for (const goal of demoGoals) {
      for (const input of demoKpiInputs(goal, demoOrganisation, today, datasets)) assert.ok(Number.isFinite(input.target), `${today} ${goal.key}`);
    }
  }
});

test('targets are set so that KPI cards show the intended states, whatever day the demo is loaded', () => {
  for (const today of ['2026-11-22', '2027-03-10', '2027-07-01']) {
    let checked = 0;
    const datasets = new Map();
    for (const goal of demoGoals) {
      if (goal.status === 'draft' || goal.accounts.length > 1) continue;
      const account = demoOrganisation.accounts.find((a) => a.slug === goal.accounts[0])!;
      const inputs = demoKpiInputs(goal, demoOrganisation, today, datasets);
      const { start, deadline } = demoGoalPeriod(goal, today);
      const s = generateStatistics(account.slug, account.platform, demoOrganisation.statistics[account.slug]!, today);
      const ds = indexStatistics({
        observations: s.observations,
        posts: s.posts.map((p) => ({ id: p.platformPostId, date: p.date, metrics: {} })),
        audience: s.audience.map((x) => ({ date: x.date, distribution: x.ageDistribution })),
      });
      goal.kpis.forEach((k, i) => {
        if (!k.outcome) return;
        const input = inputs[i]!;
        const kpi = (
          input.kind === 'audience_share'
            ? { kind: 'audience_share', ageGroups: input.ageGroups, measurement: input.measurement, comparator: input.comparator, target: input.target, start, deadline }
            : { kind: 'metric', metric: input.metric, platform: account.platform, measurement: input.measurement, comparator: input.comparator, target: input.target, start, deadline }
        ) as Kpi;
        const e = evaluateKpi(kpi, ds, today);
        assert.equal(e.status, wanted[k.outcome], `${today} ${goal.key} ${k.metric ?? 'audience share'}: actual ${e.actual}, target ${input.target}`);
        checked++;
      });
    }
    assert.ok(checked > 80, `${checked} KPIs checked`);
  }
});

forEachDatabase('demo goals and statistics', (fresh) => {
  test('the demo loads strategy, goals and statistics; KPI cards show every state, and "not measured" stays null', async () => {
    await using t = await fresh();
    const summary = await loadDemo(t.db, { now: NOW });
    assert.equal(summary.counts.strategicGoals, demoStrategicGoals.length);
    assert.equal(summary.counts.goals, demoGoals.length);
    assert.equal(summary.counts.kpis, demoGoals.reduce((n, g) => n + g.kpis.length, 0));
    assert.ok(summary.counts.observations > 100_000, `${summary.counts.observations} observations`);
    assert.ok((await t.db.select({ id: posts.id }).from(posts)).length > 1000);
    assert.ok((await t.db.select({ id: audienceSnapshots.id }).from(audienceSnapshots)).length > 100);
    assert.ok((await t.db.select({ source: observations.source }).from(observations).where(eq(observations.source, 'manual')).limit(1)).length === 0, 'all marked demo');

    // Documented through the import code, by the units' reporters, from files that are kept.
    const importRows = await t.db.select().from(imports);
    const files = importRows.filter((r) => r.origin === 'file');
    assert.ok(files.length >= demoOrganisation.accounts.length, `${files.length} imported files`);
    assert.deepEqual(new Set(files.map((r) => r.importer)), new Set(['maalbar-template', 'tiktok-overview', 'x-overview', 'meta-audience']));
    for (const name of ['Overview.csv', 'account_overview_analytics.csv', 'Audience.csv']) assert.ok(files.some((r) => r.fileName === name), name);
    assert.ok(files.every((r) => r.fileId !== null && r.undoneAt === null), 'every original file is kept');
    const reporters = new Set(
      (await t.db.select({ id: people.id }).from(people).innerJoin(roleGrants, eq(roleGrants.personId, people.id)).where(eq(roleGrants.role, 'reporter'))).map((p) => p.id),
    );
    assert.ok(importRows.every((r) => r.createdBy !== null && reporters.has(r.createdBy)), 'every import made by a named reporter');
    assert.deepEqual(await t.db.selectDistinct({ source: observations.source }).from(observations), [{ source: 'import' }], 'every value came from a file');

    const ctx = { db: t.db, now: NOW, actor: await loadSystemActor(t.db) };
    const strategic = await listStrategicGoals(ctx);
    assert.equal(strategic.filter((s) => s.unitId === null).length, 4);
    assert.ok(strategic.filter((s) => s.parentId !== null).length >= 5, 'unit breakdowns');
    const goals = await listGoals(ctx);
    const byStatus = (s: string) => goals.filter((g) => g.status === s).length;
    assert.equal(byStatus('draft'), demoGoals.filter((g) => g.status === 'draft').length);
    assert.equal(byStatus('active'), demoGoals.filter((g) => g.status === 'active').length);
    assert.equal(byStatus('achieved') + byStatus('missed'), 2);

    const recruiting = await accountKpis(ctx, 'studier-instagram');
    const clicks = recruiting.find((r) => r.kpi.metric === 'link_clicks')!;
    assert.equal(clicks.kpi.target, 2000);
    assert.equal(clicks.kpi.measurement, 'per_post');
    assert.ok(clicks.evaluation.actual !== null && clicks.evaluation.actual > 500);
    const share = recruiting.find((r) => r.kpi.kind === 'audience_share')!;
    assert.deepEqual([share.kpi.target, share.kpi.ageGroups], [60, ['18-24']]);
    assert.ok(share.evaluation.actual! > 50 && share.evaluation.actual! < 60);

    const statuses = new Map<string, number>();
    for (const a of demoOrganisation.accounts) {
      const list = await accountKpis(ctx, a.slug);
      for (const r of list) {
        statuses.set(r.evaluation.status, (statuses.get(r.evaluation.status) ?? 0) + 1);
        if (r.evaluation.status === 'not_measured') assert.equal(r.evaluation.actual, null);
        const goal = demoGoals.find((g) => g.qualitativeGoal === r.goal.qualitativeGoal)!;
        const outcome = goal.kpis[r.kpi.position]?.outcome;
        if (outcome && goal.accounts[0] === a.slug) {
          assert.equal(r.evaluation.status, wanted[outcome], `${goal.key} ${r.kpi.metric}: stored and evaluated as intended`);
        }
      }
    }
    for (const s of ['met', 'on_track', 'at_risk', 'missed', 'not_measured']) assert.ok((statuses.get(s) ?? 0) > 0, `some KPIs ${s}`);
    for (const g of goals.filter((g) => g.status === 'active')) {
      const detail = await getGoal(ctx, g.id);
      const relevant = detail.smart.items.find((i) => i.letter === 'relevant')!;
      assert.equal(relevant.status, 'ok', `${g.qualitativeGoal}: ${relevant.messages.map((m) => m.text).join(' ')}`);
      assert.ok(detail.activation.ok);
    }
    const gap = await accountKpis(ctx, 'havlab-threads');
    assert.ok(gap.length >= 3 && gap.every((r) => r.evaluation.status === 'not_measured' && r.evaluation.actual === null));
  });
});
