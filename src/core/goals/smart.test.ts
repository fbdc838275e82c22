import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type SmartGoal, checkSmart } from './smart.ts';

const goal: SmartGoal = {
  goalType: 'recruiting',
  platforms: ['instagram'],
  audience: { description: 'Upper-secondary pupils choosing a study programme', ageGroups: ['18-24'] },
  strategicGoalId: 's1',
  start: '2025-01-01',
  deadline: '2025-12-31',
  kpis: [
    { metric: 'link_clicks', target: 2000, attainability: { verdict: 'likely' } },
    { kind: 'audience_share', ageGroups: ['18-24'], target: 60, attainability: { verdict: 'likely' } },
    { metric: 'applicants', target: 150, attainability: { verdict: 'likely' } },
  ],
};

const byLetter = (g: SmartGoal, today = '2025-02-01') => Object.fromEntries(checkSmart(g, today).items.map((i) => [i.letter, i]));

test('a SMART goal: every letter ok', () => {
  const r = checkSmart(goal, '2025-02-01');
  assert.equal(r.complete, true);
  assert.deepEqual(r.items.map((i) => [i.letter, i.status]), [
    ['specific', 'ok'], ['measurable', 'ok'], ['attainable', 'ok'], ['relevant', 'ok'], ['time_bound', 'ok'],
  ]);
  assert.equal(r.items[4]?.messages[0]?.text, 'Deadline 2025-12-31.');
});

test('Specific: platform, audience and metrics named; metric must exist on the platform', () => {
  const s = byLetter({ ...goal, platforms: ['tiktok'], audience: { description: ' ' }, kpis: [{ metric: 'reactions', target: 1 }, { metric: null, target: 1 }] }).specific;
  assert.equal(s?.status, 'missing');
  assert.deepEqual(s?.messages.map((m) => m.text), [
    'Name the target audience (who, and which age groups).',
    'KPI 1: TikTok does not provide Reactions.',
    'KPI 2: name the metric.',
  ]);
  assert.equal(byLetter({ ...goal, platforms: [] }).specific?.messages[0]?.key, 'goals.smart.specific.no_platform');
});

test('Measurable: a catalogue metric and a number for every KPI', () => {
  const m = byLetter({ ...goal, kpis: [{ metric: 'vibes', target: 3 }, { metric: 'reach', target: null }, { kind: 'audience_share', target: 60 }] }).measurable;
  assert.equal(m?.status, 'missing');
  assert.deepEqual(m?.messages.map((x) => x.key), [
    'goals.smart.measurable.unknown_metric',
    'goals.smart.measurable.no_target',
    'goals.smart.measurable.share_no_age_groups',
  ]);
  assert.equal(byLetter({ ...goal, kpis: [] }).measurable?.messages[0]?.text, 'Add KPIs with a metric and a target number.');
});

test('Attainable: from the verdicts', () => {
  const unlikely = byLetter({ ...goal, kpis: [{ metric: 'link_clicks', target: 9000, attainability: { verdict: 'unlikely', message: { key: 'x', params: {}, text: 'Forecast 2100–2600.' } } }] }).attainable;
  assert.equal(unlikely?.status, 'warning');
  assert.equal(unlikely?.messages[0]?.text, 'KPI 1 (Link clicks) is unlikely to be reached by the deadline. Forecast 2100–2600.');
  const unknown = byLetter({ ...goal, kpis: [{ metric: 'reach', target: 1 }] }).attainable;
  assert.equal(unknown?.status, 'unknown');
  const short = byLetter({ ...goal, kpis: [{ metric: 'reach', target: 1, attainability: { verdict: 'insufficient_history' } }] }).attainable;
  assert.equal(short?.status, 'ok');
  assert.equal(short?.messages[0]?.key, 'goals.smart.attainable.insufficient_history');
  assert.equal(checkSmart({ ...goal, kpis: [{ metric: 'reach', target: 1 }] }, '2025-02-01').complete, false);
});

test('Relevant: strategy link, and KPI metrics that fit the goal type', () => {
  const r = byLetter({ ...goal, strategicGoalId: null, kpis: [...goal.kpis, { metric: 'sentiment_negative', target: 3 }] }).relevant;
  assert.equal(r?.status, 'missing');
  assert.deepEqual(r?.messages.map((m) => m.text), [
    'Link the goal to a strategic goal.',
    'These KPI metrics do not fit the goal type (recruiting): Negative mentions.',
  ]);
  assert.equal(byLetter({ ...goal, goalType: 'custom', kpis: [{ metric: 'sentiment_negative', target: 3 }] }).relevant?.status, 'ok');
});

test('Time-bound: a deadline, after the start; passed deadlines are flagged', () => {
  assert.equal(byLetter({ ...goal, deadline: null })['time_bound']?.status, 'missing');
  assert.equal(byLetter({ ...goal, deadline: '2024-06-30' })['time_bound']?.messages[0]?.text, 'The deadline 2024-06-30 is before the start 2025-01-01.');
  const passed = byLetter(goal, '2026-01-05')['time_bound'];
  assert.equal(passed?.status, 'warning');
  assert.equal(passed?.messages[0]?.key, 'goals.smart.time_bound.deadline_passed');
});
