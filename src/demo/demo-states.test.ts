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

/** Loading takes seconds: two days of different kinds on PGlite, one on PostgreSQL; the sweep above covers the rest of the year. */
const DAYS = ['2027-01-02', '2027-06-30'];

forEachDatabase('the demo shows every dashboard state', (fresh, kind) => {
  for (const day of kind === 'pglite' ? DAYS : DAYS.slice(0, 1)) {
    test(`loaded on ${day}: KPIs met, on track, at risk, missed and not measured; audience fit and misfit; gaps due and overdue`, async () => {
      await using t = await fresh();
      const now = new Date(`${day}T08:30:00Z`);
      await loadDemo(t.db, { now });
      const ctx: Context = { db: t.db, now, actor: await loadSystemActor(t.db) };
      assertEveryState(await readStates(ctx), day);
    });
  }
});
