/**
 * The demo's evaluations on days of every kind through a year, from the plan alone (the same
 * plan the loader writes; demo-states.test.ts checks what the loader wrote on two days): the
 * twelve ended months of every active account in use, all signed but in the last ended month,
 * where a couple of drafts are left (due up to the 15th, overdue after: one or two accounts on
 * the overview, never all of them); every event in order and before now; the text fits the
 * figures and the escalation goes to the worst month.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluationState } from '../core/evaluations/rules.ts';
import { monthLastDay, monthOfDay, shiftMonth } from '../core/evaluations/months.ts';
import type { Day } from '../core/period/days.ts';
import { demoOrganisation } from './demo-organisation.ts';
import { generateStatistics } from './demo-statistics.ts';
import type { EvaluationFigures } from '../contract/evaluations.ts';
import { chooseDecisions, draftsLeft, inWorkingHours, planDemoEvaluations, type PlanAccount } from './demo-evaluations.ts';
import { writeEvaluation } from './demo-evaluation-text.ts';

function planAccountsOn(today: Day): PlanAccount[] {
  const data = demoOrganisation;
  return data.accounts
    .filter((a) => (a.status ?? 'active') === 'active')
    .map((a) => {
      const profile = data.statistics[a.slug];
      const first = profile ? generateStatistics(a.slug, a.platform, profile, today).observations.reduce<string | null>((m, o) => (m === null || o.date < m ? o.date : m), null) : null;
      return { slug: a.slug, firstMonth: first ? monthOfDay(first) : monthOfDay(today), plannedHoursPerMonth: a.plannedHoursPerMonth ?? null, budgetNokPerYear: a.budgetNokPerYear ?? null };
    });
}

function assertEvaluationPlan(day: Day, now: Date, list: PlanAccount[]): void {
  const plans = planDemoEvaluations(list, now);
  const last = shiftMonth(monthOfDay(day), -1);
  const inUse = list.filter((a) => a.firstMonth <= last);
  assert.ok(inUse.length >= 20, `${day}: ${inUse.length} active accounts in use`);
  const ofLast = plans.filter((p) => p.month === last);
  assert.equal(ofLast.length, inUse.length, `${day}: every active account in use has last month's evaluation`);
  const drafts = ofLast.filter((p) => p.stage !== 'signed');
  assert.equal(drafts.length, draftsLeft(day).length, `${day}: a couple of drafts left`);
  assert.ok(ofLast.length - drafts.length > drafts.length * 5, `${day}: most of last month is signed`);
  const states = drafts.map((p) => evaluationState('draft', p.month, day));
  assert.deepEqual([...new Set(states)], [Number(day.slice(8, 10)) > 15 ? 'overdue' : 'due'], `${day}: drafts ${states}`);
  for (const p of plans) {
    if (p.month !== last) assert.equal(p.stage, 'signed', `${day}: ${p.slug} ${p.month} is signed`);
    assert.ok(p.month >= shiftMonth(last, -11) && p.month <= last, `${day}: ${p.month} among the last twelve ended months`);
    const times = [p.prepared, ...p.edits, ...(p.signed ? [p.signed] : []), ...(p.reopened ? [p.reopened.at, p.reopened.edit, p.reopened.signed] : [])];
    assert.ok(times.every((t, i) => t.getTime() < now.getTime() && (i === 0 || t.getTime() > times[i - 1]!.getTime())), `${day}: ${p.slug} ${p.month}: events in order, before now`);
    assert.ok(p.prepared.toISOString().slice(0, 10) > monthLastDay(p.month), `${day}: ${p.slug} ${p.month} prepared after the month`);
    assert.equal(p.edits.length > 0, p.stage !== 'untouched');
  }
  assert.equal(plans.filter((p) => p.reopened).length, 1, `${day}: one evaluation reopened and signed again`);
  const hours = plans.filter((p) => p.stage !== 'untouched').map((p) => p.hoursSpent);
  assert.ok(hours.filter((h) => h === null).length >= 3 && hours.filter((h) => h !== null).length > hours.length * 0.8, `${day}: a few months without hours documented`);
}

test('the evaluations hold whatever day the demo is loaded (the plan, a year of days)', () => {
  const days = ['2026-12-01', '2026-12-15', '2026-12-16', '2027-01-01', '2027-02-10', '2027-02-28', '2027-03-31', '2027-05-01', '2027-07-15', '2027-08-31', '2027-10-16'];
  for (const day of days) {
    const list = planAccountsOn(day);
    for (const time of ['00:20:00', '08:30:00', '22:45:00']) assertEvaluationPlan(day, new Date(`${day}T${time}Z`), list);
  }
});


test('working hours: times move into 07–16 UTC of their day when they stay in order and in the window', () => {
  const at = (s: string) => Date.parse(s);
  assert.deepEqual(
    inWorkingHours([at('2027-03-02T05:00:00Z'), at('2027-03-03T20:30:00Z')], at('2027-03-01T00:00:00Z'), at('2027-03-10T00:00:00Z')),
    [at('2027-03-02T07:10:00Z'), at('2027-03-03T14:00:00Z')],
  );
  // Moving would leave the window (a demo loaded at 00:20 on the 1st): left as they are.
  const early = [at('2027-03-01T00:10:00Z'), at('2027-03-01T00:15:00Z')];
  assert.deepEqual(inWorkingHours(early, at('2027-03-01T00:05:00Z'), at('2027-03-01T00:18:00Z')), early);
});

const kpi = (name: string, status: EvaluationFigures['kpis'][number]['status'], actual: number | null, previousActual: number | null, target: number, unit = 'count') => ({
  goal: { id: crypto.randomUUID(), qualitativeGoal: 'Nå flere studenter', status: 'active' as const },
  kpi: { id: crypto.randomUUID(), name: { nb: name, en: name }, unit, comparator: 'at_least' as const, target },
  status,
  actual,
  progress: null,
  previousStatus: null,
  previousActual,
  change: actual === null || previousActual === null ? null : actual - previousActual,
});

function figures(kpis: EvaluationFigures['kpis'], gaps: [string, string][] = [], audience: 'fit' | 'misfit' = 'fit'): EvaluationFigures {
  const counts = { met: 0, on_track: 0, at_risk: 0, missed: 0, not_measured: 0 };
  for (const k of kpis) counts[k.status] += 1;
  return {
    month: '2027-02',
    period: { start: '2027-02-01', end: '2027-02-28' },
    asOf: '2027-02-28',
    computedAt: '2027-03-05T09:00:00.000Z',
    counts,
    kpis,
    audience: { status: audience, targetAgeGroups: ['18-24'], largestGroup: audience === 'fit' ? '18-24' : '45-54', largestShare: 40, targetShare: audience === 'fit' ? 40 : 12, snapshotDay: '2027-02-20' },
    documentation: { documentedDays: 28 - gaps.length * 3, expectedDays: 28, gaps, due: 'ok' },
    posts: [],
  };
}

test('the text is written from the figures: counts, the rise, what is behind, not measured, gaps, the audience, the hours', () => {
  const f = figures([kpi('Rekkevidde', 'on_track', 12_000, 10_000, 30_000), kpi('Lenkeklikk', 'missed', 40, 60, 100), kpi('Søkere', 'not_measured', null, null, 50)], [['2027-02-10', '2027-02-12']], 'misfit');
  const w = writeEvaluation(f, 'a|2027-02', 'adjust_content', 12.5, 20);
  assert.match(w.assessment, /Av 3 KPI-er er 1 i rute, 1 ikke nådd og 1 ikke målt per 28\. februar\./);
  assert.match(w.assessment, /(Rekkevidde økte fra 10\s000 til 12\s000|rekkevidde: opp fra 10\s000 til 12\s000)/);
  assert.match(w.assessment, /Lenkeklikk nådde ikke målet \(40 mot målet minst 100\)/);
  assert.match(w.assessment, /Søkere er ikke målt/);
  assert.match(w.assessment, /mangler for 3 av 28 dager \(10\. februar–12\. februar\)/);
  assert.match(w.assessment, /45-54/);
  assert.match(w.assessment, /12,5 timer av planlagte 20/);
  assert.equal(w.decision, 'adjust_content');
  assert.ok(w.adjustment.length > 20 && /18-24|lenkeklikk/.test(w.adjustment), w.adjustment);
  assert.deepEqual(writeEvaluation(f, 'a|2027-02', 'adjust_content', 12.5, 20), w, 'deterministic');
  assert.equal(writeEvaluation(f, 'a|2027-02', null, null, 20).decision, null);
  assert.match(writeEvaluation(f, 'a|2027-02', 'keep', null, 20).assessment, /Timene er ikke ført/);
  const good = writeEvaluation(figures([kpi('Følgere', 'met', 5000, 4800, 4500)]), 'b|2027-02', 'keep', 20, 20);
  assert.match(good.assessment, /Av 1 KPI er 1 nådd/);
  assert.match(good.assessment, /(alle 28 dagene|komplett|Ingen hull)/);
  assert.equal(good.adjustment, '');
});

test('decisions: one escalation in the worst signed month before the last, content adjusted in weak months, mostly kept', () => {
  const plan = (slug: string, month: string, stage: 'signed' | 'assessed' = 'signed') =>
    ({ slug, month, stage, prepared: new Date(), edits: [], signed: null, reopened: null, hoursSpent: null, moneySpentNok: null }) as const;
  const behind = (n: number) => figures(Array.from({ length: 4 }, (_, i) => kpi(`K${i}`, i < n ? 'missed' : 'on_track', 1, 1, 2)));
  const list = [
    { plan: plan('a', '2027-01'), figures: behind(1) },
    { plan: plan('b', '2027-01'), figures: behind(3) },
    { plan: plan('c', '2027-02'), figures: behind(4) },
    ...Array.from({ length: 20 }, (_, i) => ({ plan: plan(`k${i}`, '2027-01'), figures: behind(0) })),
  ];
  const d = chooseDecisions(list.map((x) => ({ ...x, plan: { ...x.plan, edits: [] } })));
  assert.equal(d.filter((x) => x === 'escalate').length, 1);
  assert.equal(d[1], 'escalate', 'the worst month before the last');
  assert.ok(d.slice(3).every((x) => x === 'keep'), 'good months are kept');
});
