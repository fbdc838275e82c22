/**
 * The demo organisation shows every dashboard state (issue #5): among the KPIs of active goals
 * met, on track, at risk, missed and not measured; audiences that fit and some that do not; a
 * documentation gap about to leave a platform's history window ('due') and one already past its
 * deadline ('overdue'); spread over several units, so that drilling down from the organisation to
 * a unit shows a different mix.
 *
 * Read through the services the dashboards use (accountKpis, audienceFits, listDue), as of the
 * demo's today. The demo is generated relative to the day it is loaded (statistics end
 * yesterday, goals run from months relative to this month, targets are set at load time from
 * the statistics, gaps are counted in days before today, and accounts are registered today), so
 * these states must hold whatever day `maalbar demo` runs. Loading takes seconds, so the test
 * loads it on two days of different kinds on PGlite (the first days of a year, the last day of
 * June) and on one on PostgreSQL when TEST_DATABASE_URL is set, and sweeps a year of other days
 * with the core alone on the generated statistics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../testing/database.ts';
import { loadSystemActor } from '../services/load-actor.ts';
import { accountKpis } from '../services/goals/account-kpis.ts';
import { audienceFits } from '../services/coverage/audience-fits.ts';
import { listDue } from '../services/coverage/list-due.ts';
import type { Context } from '../services/context.ts';
import { demoOrganisation, type DemoUnit } from './demo-organisation.ts';
import { demoGoalPeriod, demoKpiInputs, loadDemo } from './load-demo.ts';
import { generateStatistics } from './demo-statistics.ts';
import { demoGoals } from './demo-goals.ts';
import { addDays, type Day } from '../core/period/days.ts';
import { indexStatistics, type Dataset } from '../core/kpi/dataset.ts';
import { evaluateKpi } from '../core/kpi/evaluate.ts';
import type { Kpi } from '../core/kpi/types.ts';
import { audienceFit } from '../core/audience/fit.ts';
import { assessDue } from '../core/coverage/due.ts';
import { historyWindowDefaults } from '../core/coverage/history-windows.ts';
import { toRanges } from '../core/coverage/ranges.ts';
import { listEvaluations } from '../services/evaluations/list-evaluations.ts';
import { getEvaluation } from '../services/evaluations/get-evaluation.ts';
import { evaluationFigures } from '../services/evaluations/evaluation-figures.ts';
import { overview } from '../services/dashboards/overview.ts';
import { loadNamedPeople } from '../services/named-people.ts';
import { Access } from '../core/access.ts';
import { accounts as accountsTable, evaluations, units as unitsTable } from '../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { draftsLeft } from './demo-evaluations.ts';
import { listAnnualReports } from '../services/annual-reports/list-annual-reports.ts';
import { getAnnualReport } from '../services/annual-reports/get-annual-report.ts';
import { reopenAnnualReport } from '../services/annual-reports/reopen-annual-report.ts';
import { loadPersonActor } from '../services/load-actor.ts';

/** unit slug → the slug of the unit just below the organisation that holds it (the first drill-down). */
function topUnits(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (list: DemoUnit[], top: string | null) => {
    for (const u of list) {
      out.set(u.slug, top ?? u.slug);
      walk(u.children ?? [], top ?? u.slug);
    }
  };
  walk(demoOrganisation.units, null);
  return out;
}

interface States {
  /** KPI status → how many KPIs of active goals show it. */
  kpis: Map<string, number>;
  /** top unit → the statuses its active goals' KPIs show. */
  kpisByUnit: Map<string, Set<string>>;
  /** top unit → KPI statuses other than on track and at risk (the rarer states). */
  rareByUnit: Map<string, Set<string>>;
  fits: Map<string, string[]>;
  due: Map<string, string[]>;
}

async function readStates(ctx: Context): Promise<States> {
  const top = topUnits();
  const accounts = demoOrganisation.accounts;
  const unitOf = new Map(accounts.map((a) => [a.slug, top.get(a.unit)!]));
  const states: States = { kpis: new Map(), kpisByUnit: new Map(), rareByUnit: new Map(), fits: new Map(), due: new Map() };
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const a of accounts) {
    for (const r of await accountKpis(ctx, a.slug)) {
      if (r.goal.status !== 'active') continue;
      const status = r.evaluation.status;
      if (status === 'not_measured') assert.equal(r.evaluation.actual, null, `${a.slug} ${r.kpi.metric}: not measured is null, never 0`);
      states.kpis.set(status, (states.kpis.get(status) ?? 0) + 1);
      const unit = unitOf.get(a.slug)!;
      states.kpisByUnit.set(unit, (states.kpisByUnit.get(unit) ?? new Set()).add(status));
      if (status !== 'on_track' && status !== 'at_risk') states.rareByUnit.set(unit, (states.rareByUnit.get(unit) ?? new Set()).add(status));
    }
  }
  const active = accounts.filter((a) => (a.status ?? 'active') === 'active');
  for (const fit of await audienceFits(ctx, active.map((a) => a.slug))) add(states.fits, fit.status, fit.account.slug);
  for (const item of (await listDue(ctx)).items) add(states.due, item.status, item.account.slug);
  return states;
}

function assertEveryState(s: States, day: string): void {
  const where = (m: Map<string, string[]>) => JSON.stringify(Object.fromEntries(m));
  for (const status of ['met', 'on_track', 'at_risk', 'missed', 'not_measured']) {
    assert.ok((s.kpis.get(status) ?? 0) > 0, `${day}: some KPIs of active goals are ${status} (${JSON.stringify(Object.fromEntries(s.kpis))})`);
  }
  assert.ok((s.fits.get('misfit') ?? []).length > 0, `${day}: an active account's audience is a misfit (${where(s.fits)})`);
  assert.ok((s.fits.get('fit') ?? []).length > 0, `${day}: an active account's audience fits (${where(s.fits)})`);
  assert.ok((s.due.get('due') ?? []).length > 0, `${day}: a gap about to leave a history window (${where(s.due)})`);
  assert.ok((s.due.get('overdue') ?? []).length > 0, `${day}: a gap past its deadline (${where(s.due)})`);
  assert.ok((s.due.get('ok') ?? []).length > (s.due.get('due') ?? []).length, `${day}: most accounts are documented in time`);

  // Drilling down: several units with goals, not all with the same mix, the rarer states in more than one.
  assert.ok(s.kpisByUnit.size >= 5, `${day}: ${s.kpisByUnit.size} units have active goals`);
  const mixes = new Set([...s.kpisByUnit.values()].map((set) => [...set].sort().join()));
  assert.ok(mixes.size >= 3, `${day}: units show different mixes (${[...mixes].join(' | ')})`);
  assert.ok(s.rareByUnit.size >= 3, `${day}: met, missed or not measured in ${s.rareByUnit.size} units`);
  const units = (status: string) => [...s.rareByUnit].filter(([, set]) => set.has(status)).length;
  assert.ok(units('met') >= 2 && units('missed') >= 2, `${day}: met and missed in at least two units each`);
  const top = topUnits();
  const misfitUnits = new Set(s.fits.get('misfit')!.map((slug) => top.get(demoOrganisation.accounts.find((a) => a.slug === slug)!.unit)));
  assert.ok(misfitUnits.size >= 2, `${day}: misfits in ${misfitUnits.size} units`);
}

test('a missed download leaves a gap in the platform\'s own values, not in values from outside it', () => {
  const today = '2027-01-02';
  const profile = demoOrganisation.statistics['kystklima-x']!;
  assert.deepEqual(profile.missedDays, [[88, 75]]);
  const stats = generateStatistics('kystklima-x', 'x', profile, today);
  const inGap = (day: string) => day >= addDays(today, -88) && day <= addDays(today, -75);
  const days = (metric: string) => new Set(stats.observations.filter((o) => o.metric === metric && !o.postId).map((o) => o.date));
  for (const metric of ['impressions', 'likes', 'followers']) {
    const documented = days(metric);
    assert.ok(!documented.has(addDays(today, -88)) && !documented.has(addDays(today, -75)), `${metric}: nothing on the gap's first and last day`);
    assert.ok(documented.has(addDays(today, -89)) && documented.has(addDays(today, -74)), `${metric}: documented either side`);
  }
  assert.ok(!stats.posts.some((p) => inGap(p.date)), 'no posts listed from the missed days');
  assert.equal([...days('mentions')].filter(inGap).length, 14, 'social listening kept counting');
});

/**
 * The same states computed by the core from the generated statistics, without a database, on
 * days of every kind through a year (the first of a month, the monthly entry's due day and the
 * day after, a month's and a year's end): quick enough to sweep where loading is not. It
 * mirrors what the services read: the KPIs of active goals for each of their accounts, the
 * newest audience snapshot, and the documented days of each platform's core metrics for the due
 * watchdog, with accounts registered on the day the demo is loaded.
 */
function coreStates(today: Day): { kpis: Set<string>; fits: Set<string>; due: Set<string>; unintended: string[] } {
  const data = demoOrganisation;
  const datasets = new Map<string, Dataset>();
  const stats = new Map(data.accounts.filter((a) => data.statistics[a.slug]).map((a) => [a.slug, generateStatistics(a.slug, a.platform, data.statistics[a.slug]!, today)]));
  const datasetOf = (slug: string): Dataset => {
    let ds = datasets.get(slug);
    if (!ds) {
      const st = stats.get(slug) ?? { observations: [], posts: [], audience: [] };
      ds = indexStatistics({
        observations: st.observations,
        posts: st.posts.map((p) => ({ id: p.platformPostId, date: p.date, metrics: {} })),
        audience: st.audience.map((x) => ({ date: x.date, distribution: x.ageDistribution })),
      });
      datasets.set(slug, ds);
    }
    return ds;
  };
  const kpis = new Set<string>();
  const unintended: string[] = [];
  const intended = { ahead: 'on_track', behind: 'at_risk', met: 'met', missed: 'missed' } as const;
  for (const goal of demoGoals.filter((g) => g.status === 'active')) {
    const inputs = demoKpiInputs(goal, data, today, datasets);
    const { start, deadline } = demoGoalPeriod(goal, today);
    for (const slug of goal.accounts) {
      const platform = data.accounts.find((a) => a.slug === slug)!.platform;
      inputs.forEach((input, i) => {
        const kpi = (
          input.kind === 'audience_share'
            ? { kind: 'audience_share', ageGroups: input.ageGroups, measurement: input.measurement, comparator: input.comparator, target: input.target, start, deadline }
            : { kind: 'metric', metric: input.metric, platform, measurement: input.measurement, comparator: input.comparator, target: input.target, start, deadline }
        ) as Kpi;
        const status = evaluateKpi(kpi, datasetOf(slug), today).status;
        kpis.add(status);
        // Targets are set from the goal's first account; its KPIs show the state the data names.
        const outcome = goal.kpis[i]!.outcome;
        if (outcome && slug === goal.accounts[0] && status !== intended[outcome]) unintended.push(`${goal.key} ${input.metric ?? input.kind}: ${status}`);
      });
    }
  }
  const fits = new Set<string>();
  const due = new Set<string>();
  for (const a of data.accounts.filter((x) => (x.status ?? 'active') === 'active')) {
    const st = stats.get(a.slug);
    const snapshot = st?.audience.filter((x) => x.date <= today).at(-1);
    fits.add(audienceFit(a.targetAgeGroups ?? [], snapshot ? { day: snapshot.date, ageDistribution: snapshot.ageDistribution } : null).status);
    const window = historyWindowDefaults[a.platform];
    const core = new Set(window.coreMetrics);
    const documented = toRanges(new Set((st?.observations ?? []).filter((o) => !o.postId && core.has(o.metric)).map((o) => o.date)));
    due.add(assessDue({ cadence: window.cadence, windowDays: window.days, createdDay: today, documented, today }).status);
  }
  return { kpis, fits, due, unintended };
}

test('every state holds whatever day the demo is loaded (the core on the generated statistics, a year of days)', () => {
  const days = ['2026-12-01', '2026-12-31', '2027-01-01', '2027-02-10', '2027-02-11', '2027-03-31', '2027-05-01', '2027-07-15', '2027-08-31', '2027-10-10'];
  for (const day of days) {
    const s = coreStates(day);
    assert.deepEqual([...s.kpis].sort(), ['at_risk', 'met', 'missed', 'not_measured', 'on_track'], `${day}: KPI states`);
    assert.deepEqual(s.unintended, [], `${day}: every KPI shows the state its demo data names`);
    assert.ok(s.fits.has('fit') && s.fits.has('misfit'), `${day}: audiences ${[...s.fits]}`);
    assert.ok(s.due.has('due') && s.due.has('overdue') && s.due.has('ok'), `${day}: due list ${[...s.due]}`);
  }
});

/**
 * What the loader wrote, read through the services: the evaluations page's counts, the overview's
 * attention list (one or two accounts with an overdue evaluation, not all), decisions and texts,
 * who signed, the history, and frozen figures equal to what signing computes.
 */
async function assertEvaluations(ctx: Context, day: Day): Promise<void> {
  const list = await listEvaluations(ctx, {});
  const after15 = Number(day.slice(8, 10)) > 15;
  const drafts = draftsLeft(day).length;
  assert.deepEqual({ ...list.counts, signed: 0 }, { signed: 0, upcoming: 0, due: after15 ? 0 : drafts, overdue: after15 ? drafts : 0 }, `${day}: ${JSON.stringify(list.counts)}`);
  assert.ok(list.counts.signed >= 20 * 12, `${day}: ${list.counts.signed} signed`);
  const ov = await overview(ctx, {});
  const overdue = ov.attention.filter((a) => a.reasons.some((r) => r.kind === 'overdue_evaluations'));
  assert.equal(overdue.length, after15 ? drafts : 0, `${day}: accounts with an overdue evaluation on the overview`);

  const decisions = new Map<string, number>();
  for (const i of list.items) decisions.set(String(i.decision), (decisions.get(String(i.decision)) ?? 0) + 1);
  assert.equal(decisions.get('escalate'), 1, `${day}: one escalation ${JSON.stringify(Object.fromEntries(decisions))}`);
  assert.ok((decisions.get('adjust_content') ?? 0) >= 5, `${day}: content adjusted in some months`);
  assert.ok((decisions.get('keep') ?? 0) > list.items.length / 2, `${day}: mostly kept`);

  // Signed by the unit's named evaluator.
  const org = ctx.actor.organisationId;
  const tree = new Access([], await ctx.db.select({ id: unitsTable.id, parentId: unitsTable.parentId }).from(unitsTable).where(eq(unitsTable.organisationId, org)));
  const evaluatorsOf = await loadNamedPeople(ctx.db, org, 'evaluator', tree);
  const managersOf = await loadNamedPeople(ctx.db, org, 'manager', tree);
  for (const i of list.items.filter((x) => x.status === 'signed')) {
    assert.equal(i.signedBy?.id, evaluatorsOf(i.unit.id)[0]?.id, `${i.account.slug} ${i.month} signed by the unit's evaluator`);
  }
  const rows = await ctx.db.select().from(evaluations).where(eq(evaluations.organisationId, org));
  const texts = rows.filter((r) => r.assessment !== '').map((r) => r.assessment);
  assert.ok(new Set(texts).size > texts.length * 0.95, `${day}: the assessments are written for each month, not copied`);
  assert.ok(rows.filter((r) => r.decision === 'adjust_content').every((r) => r.adjustment.length > 20), 'adjustments are described');
  assert.ok(rows.some((r) => r.hoursSpent === null && r.status === 'signed') && rows.some((r) => r.moneySpentNok === null && r.status === 'signed'), 'a few months not documented');

  // The history, and figures frozen as signing computes them (the batch against evaluationFigures, on the demo).
  const signedRows = rows.filter((r) => r.status === 'signed');
  assert.ok(signedRows.every((r) => r.updatedAt.getTime() === r.signedAt!.getTime() && r.figures !== null), 'signing was the last change; figures frozen');
  const sample = list.items.filter((x) => x.status === 'signed').filter((_, n) => n % 97 === 0);
  let sawReopen = false;
  for (const item of list.items) {
    const detail = await getEvaluation(ctx, item.id);
    const actions = detail.events.map((e) => e.action);
    assert.equal(actions[0], 'prepared');
    assert.equal(detail.events[0]!.person, null, 'prepared by the schedule');
    if (actions.includes('reopened')) {
      sawReopen = true;
      assert.deepEqual(actions.slice(-3), ['reopened', 'edited', 'signed']);
      const r = detail.events.find((e) => e.action === 'reopened')!;
      assert.equal(r.person?.id, managersOf(item.unit.id)[0]?.id, 'reopened by a unit manager');
      assert.ok(r.reason && r.reason.length > 10);
    } else if (detail.status === 'signed') {
      assert.equal(actions.at(-1), 'signed');
      assert.ok(actions.includes('edited'));
    }
    if (sample.includes(item)) {
      const [account] = await ctx.db.select().from(accountsTable).where(eq(accountsTable.id, item.account.id));
      const fresh = await evaluationFigures(ctx.db, org, { ...account!, targetAgeGroups: [...account!.targetAgeGroups] }, item.month, new Date(detail.signedAt!));
      assert.deepEqual(detail.figures, fresh, `${item.account.slug} ${item.month}: frozen figures as computed when signed`);
    }
  }
  assert.ok(sawReopen, 'one evaluation was reopened and signed again');
}

/**
 * Last year's annual reports: in January (due) a couple signed, a few drafts, the rest not begun;
 * after January most signed and a couple of drafts overdue. Signed ones are signed by the unit's
 * evaluator with a decision and the reasoning, their figures frozen, the history edited then
 * signed; one can be reopened by a unit manager through the service.
 */
async function assertAnnualReports(ctx: Context, day: Day): Promise<void> {
  const year = String(Number(day.slice(0, 4)) - 1);
  const list = await listAnnualReports(ctx, { year });
  const january = day <= `${Number(year) + 1}-01-31`;
  const n = list.items.length;
  assert.ok(n >= 20, `${day}: ${n} accounts in use in ${year}`);
  assert.deepEqual(list.counts, january ? { signed: 2, upcoming: 0, due: n - 2, overdue: 0 } : { signed: n - 2, upcoming: 0, due: 0, overdue: 2 }, `${day}: annual reports ${JSON.stringify(list.counts)}`);
  const drafts = list.items.filter((i) => i.status === 'draft' && i.decision !== null);
  assert.equal(drafts.length, january ? 3 : 2, `${day}: drafts with a decision written`);
  const org = ctx.actor.organisationId;
  const tree = new Access([], await ctx.db.select({ id: unitsTable.id, parentId: unitsTable.parentId }).from(unitsTable).where(eq(unitsTable.organisationId, org)));
  const evaluatorsOf = await loadNamedPeople(ctx.db, org, 'evaluator', tree);
  const managersOf = await loadNamedPeople(ctx.db, org, 'manager', tree);
  const signed = list.items.filter((i) => i.status === 'signed');
  for (const item of signed) {
    const report = await getAnnualReport(ctx, item.account.id, year);
    assert.equal(report.signedBy?.id, evaluatorsOf(item.unit.id)[0]?.id, `${item.account.slug}: signed by the unit's evaluator`);
    assert.ok(report.decision !== null && report.reasoning.length > 80, `${item.account.slug}: decision and reasoning`);
    assert.ok(report.figuresFrozen && report.figures.year === year && report.figures.computedAt === report.signedAt);
    assert.deepEqual(report.events.map((e) => [e.action, e.person?.id]), [['edited', report.signedBy!.id], ['signed', report.signedBy!.id]]);
    assert.ok(report.signedAt! < ctx.now.toISOString() && report.signedAt! > `${year}-12-31`, `${item.account.slug}: signed after the year, before now`);
  }
  if (!january) assert.ok(new Set(signed.map((i) => i.decision)).size >= 2, `${day}: decisions differ (${signed.map((i) => i.decision)})`);
  // The rows are what the services write: a unit manager can reopen one.
  const first = signed[0]!;
  const manager = managersOf(first.unit.id)[0];
  if (manager) {
    const actor = (await loadPersonActor(ctx.db, manager.id))!;
    const reopened = await reopenAnnualReport({ ...ctx, actor }, first.account.id, year, { reason: 'Tallene for desember er rettet.' });
    assert.equal(reopened.status, 'draft');
    assert.deepEqual(reopened.events.map((e) => e.action), ['edited', 'signed', 'reopened']);
  }
}

/** Loading takes seconds: two days of different kinds on PGlite, one on PostgreSQL; the sweep above covers the rest of the year. */
const DAYS = ['2027-01-02', '2027-06-30'];

forEachDatabase('the demo shows every dashboard state', (fresh, kind) => {
  for (const day of kind === 'pglite' ? DAYS : DAYS.slice(0, 1)) {
    test(`loaded on ${day}: KPIs met, on track, at risk, missed and not measured; audience fit and misfit; gaps due and overdue; evaluations and annual reports`, async () => {
      await using t = await fresh();
      const now = new Date(`${day}T08:30:00Z`);
      await loadDemo(t.db, { now });
      const ctx: Context = { db: t.db, now, actor: await loadSystemActor(t.db) };
      assertEveryState(await readStates(ctx), day);
      await assertEvaluations(ctx, day);
      await assertAnnualReports(ctx, day);
    });
  }
});
