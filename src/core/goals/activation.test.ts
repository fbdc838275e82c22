import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAppError } from '../errors.ts';
import { assertActivatable, checkActivation } from './activation.ts';

const kpis = [
  { metric: 'link_clicks', target: 2000 },
  { kind: 'audience_share' as const, target: 60 },
  { metric: 'engagement_rate_reach', target: 5 },
];
const ready = { strategicGoalId: 's1', start: '2025-01-01', deadline: '2025-12-31', kpis };

test('a complete goal can be activated', () => {
  assert.deepEqual(checkActivation(ready), { ok: true, missing: [], issues: [] });
  assert.doesNotThrow(() => assertActivatable(ready));
});

test('the refusal lists exactly what is missing', () => {
  const r = checkActivation({ strategicGoalId: null, deadline: null, kpis: [{ metric: 'link_clicks', target: null }, { metric: 'reach', target: 100 }] });
  assert.equal(r.ok, false);
  assert.deepEqual(r.missing.map((m) => m.key), [
    'goals.activation.too_few_kpis',
    'goals.activation.no_strategy',
    'goals.activation.no_deadline',
    'goals.activation.kpi_no_target',
  ]);
  assert.deepEqual(r.missing.map((m) => m.text), [
    'The goal has 2 KPI(s); it needs at least 3 (1 more).',
    'The goal is not linked to a strategic goal.',
    'The goal has no deadline.',
    'KPI 1 (Link clicks) has no target value.',
  ]);
  assert.deepEqual(r.issues.map((i) => i.path), ['kpis', 'strategicGoalId', 'deadline', 'kpis.0.target']);
  assert.deepEqual(r.missing[0]?.params, { count: 2, min: 3, more: 1 });
});

test('no KPIs at all, a KPI without a metric, an unknown metric, a deadline before the start', () => {
  assert.equal(checkActivation({ ...ready, kpis: [] }).missing[0]?.text, 'The goal has no KPIs; it needs at least 3.');
  const r = checkActivation({ ...ready, deadline: '2024-12-31', kpis: [...kpis, { metric: null, target: 3 }, { metric: 'nope', target: 1, label: 'Mystery' }] });
  assert.deepEqual(r.missing.map((m) => m.text), [
    'The deadline 2024-12-31 is before the start 2025-01-01.',
    'KPI 4 has no metric.',
    'KPI 5 has an unknown metric "nope".',
  ]);
});

test('assertActivatable throws a validation error with field issues', () => {
  assert.throws(
    () => assertActivatable({ ...ready, strategicGoalId: undefined }),
    (e) => isAppError(e) && e.code === 'validation_failed' && e.issues.length === 1 && e.issues[0]?.path === 'strategicGoalId'
      && e.message === 'The goal cannot be activated: The goal is not linked to a strategic goal.',
  );
});
