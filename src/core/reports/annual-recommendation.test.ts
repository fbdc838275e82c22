import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recommend, type RecommendationInput } from './annual-recommendation.ts';

/** A year with no signal: KPIs met, audience fit, reach up, well documented, kept, within plan. */
const good: RecommendationInput = {
  kpiStatuses: ['met', 'met', 'missed', 'not_measured'],
  audience: { misfitMonths: 1, snapshotMonths: 6 },
  reach: { metric: 'reach', change: 0.1 },
  documentation: { documentedDays: 300, expectedDays: 365 },
  monthlyDecisions: ['keep', 'adjust_content', 'escalate', null, 'keep'],
  resources: { plannedHours: 100, documentedHours: 110, plannedMoneyNok: 1000, documentedMoneyNok: 1250 },
};
const triggered = (input: RecommendationInput) =>
  recommend(input)
    .findings.filter((f) => f.triggered && f.rule !== 'suggestion')
    .map((f) => f.rule);

test('continue when no rule holds; every rule is listed with its finding', () => {
  const r = recommend(good);
  assert.equal(r.suggestion, 'continue');
  assert.deepEqual(
    r.findings.map((f) => [f.rule, f.triggered, f.points]),
    [
      ['kpis_missed', false, 'close'],
      ['audience_misfit', false, 'close'],
      ['reach_down', false, 'close'],
      ['documentation_low', false, 'close'],
      ['monthly_changes', false, 'continue_with_changes'],
      ['resources_over', false, 'continue_with_changes'],
      ['suggestion', true, 'continue'],
    ],
  );
  // 1 of 3 measured KPIs missed; 110 / 100 and 1250 / 1000: 10 % and 25 %, not more than 25 %.
  assert.equal(r.findings[0]!.message.text, '1 of 3 measured KPIs were missed: fewer than half.');
  assert.deepEqual(r.findings[5]!.message.params, { hours: '10', money: '25' });
  assert.equal(r.findings[6]!.message.key, 'reports.annual.rules.suggestion.continue');
});

test('one closing signal alone: continue with changes', () => {
  const input = { ...good, kpiStatuses: ['met', 'missed', 'missed', 'on_track'] };
  assert.deepEqual(triggered(input), ['kpis_missed']);
  assert.equal(recommend(input).suggestion, 'continue_with_changes');
});

test('two closing signals: close (reach down exactly 25 % counts)', () => {
  const input = { ...good, kpiStatuses: ['missed', 'met'], reach: { metric: 'reach', change: -0.25 } };
  assert.deepEqual(triggered(input), ['kpis_missed', 'reach_down']);
  const r = recommend(input);
  assert.equal(r.suggestion, 'close');
  assert.equal(r.findings[2]!.message.text, 'reach changed by -25 % against the year before: down 25 % or more.');
});

test('audience misfit in most months and documentation under half: close', () => {
  // 4 of 6 months misfit; 182 of 365 days is under half (182.5).
  const input = { ...good, audience: { misfitMonths: 4, snapshotMonths: 6 }, documentation: { documentedDays: 182, expectedDays: 365 } };
  assert.deepEqual(triggered(input), ['audience_misfit', 'documentation_low']);
  assert.equal(recommend(input).suggestion, 'close');
  // Half the months is not most; 183 of 365 is half or more.
  const borderline = { ...good, audience: { misfitMonths: 3, snapshotMonths: 6 }, documentation: { documentedDays: 183, expectedDays: 365 } };
  assert.deepEqual(triggered(borderline), []);
});

test('three monthly decisions to adjust or escalate: continue with changes', () => {
  const input = { ...good, monthlyDecisions: ['adjust_content', 'escalate', 'adjust_content', 'keep'] };
  assert.deepEqual(triggered(input), ['monthly_changes']);
  assert.equal(recommend(input).suggestion, 'continue_with_changes');
});

test('hours more than 25 % over the plan: continue with changes', () => {
  const input = { ...good, resources: { ...good.resources, documentedHours: 126 } };
  assert.deepEqual(triggered(input), ['resources_over']);
  assert.equal(recommend(input).suggestion, 'continue_with_changes');
});

test('rules whose inputs are not measured do not hold, and say so', () => {
  const r = recommend({
    kpiStatuses: ['not_measured'],
    audience: { misfitMonths: 0, snapshotMonths: 0 },
    reach: null,
    documentation: { documentedDays: 0, expectedDays: 0 },
    monthlyDecisions: [],
    resources: { plannedHours: null, documentedHours: 10, plannedMoneyNok: 0, documentedMoneyNok: 10 },
  });
  assert.equal(r.suggestion, 'continue');
  assert.deepEqual(
    r.findings.filter((f) => f.message.key.endsWith('.not_measured')).map((f) => f.rule),
    ['kpis_missed', 'audience_misfit', 'reach_down', 'documentation_low', 'resources_over'],
  );
});
