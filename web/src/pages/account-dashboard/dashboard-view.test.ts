import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable } from '../../../../src/charts/table.ts';
import type { AccountKpis } from '../../../../src/contract/goals.ts';
import { audienceSpec, byGoal, excerptLine, isWholeMonths, wholeMonthsParam, percentChange, periodMetrics, safeLink } from './dashboard-view.ts';

const texts = { title: 'Audience by age', share: 'Share', target: 'Target', targetSet: 'Target group', groupLabel: (g: string) => `${g} yrs` };

test('audienceSpec: shares by age group, target groups marked, a single-group target as its marker', () => {
  const spec = audienceSpec(
    {
      distribution: [
        { ageGroup: '13-17', share: 5, inTarget: false },
        { ageGroup: '18-24', share: 40, inTarget: true },
        { ageGroup: '25-34', share: null, inTarget: false },
      ],
    },
    [
      { ageGroups: ['18-24'], target: 60 },
      { ageGroups: ['18-24', '25-34'], target: 80 },
    ],
    texts,
  );
  assert.ok(spec);
  assert.deepEqual(spec.categories.map((c) => [c.label, c.inTarget]), [['13-17 yrs', false], ['18-24 yrs', true], ['25-34 yrs', false]]);
  assert.deepEqual(spec.target, { name: 'Target', values: [null, 60, null] });
  const table = formatTable(spec, 'en');
  assert.deepEqual(table.columns, ['Category', 'Share', 'Target', 'Target group']);
  assert.deepEqual(table.rows[1], ['18-24 yrs', '40 %', '60 %', 'yes']);
  // Not measured stays not measured.
  assert.equal(table.rows[2]?.[1], 'not measured');
});

test('audienceSpec: no target markers without a single-group target; null without any share', () => {
  const fit = { distribution: [{ ageGroup: '18-24' as const, share: 12, inTarget: true }] };
  assert.equal(audienceSpec(fit, [{ ageGroups: ['18-24', '25-34'], target: 50 }], texts)?.target, null);
  assert.equal(audienceSpec({ distribution: [{ ageGroup: '18-24', share: null, inTarget: true }] }, [], texts), null);
});

test('safeLink: only web addresses are linked', () => {
  assert.equal(safeLink('https://www.instagram.com/p/abc/'), 'https://www.instagram.com/p/abc/');
  assert.equal(safeLink('http://example.org/x'), 'http://example.org/x');
  assert.equal(safeLink('javascript:alert(1)'), null);
  assert.equal(safeLink('data:text/html,<b>x</b>'), null);
  assert.equal(safeLink('not a url'), null);
  assert.equal(safeLink(null), null);
});

test('excerptLine: one line, shortened with an ellipsis', () => {
  assert.equal(excerptLine('Hei\n\tverden  <script>'), 'Hei verden <script>');
  assert.equal(excerptLine('a'.repeat(10), 5), 'aaaa…');
  assert.equal(excerptLine(null), '');
});

test('byGoal groups KPIs under their goal in order', () => {
  const row = (goal: string, kpi: string) => ({ goal: { id: goal, qualitativeGoal: goal, status: 'active' }, kpi: { id: kpi } }) as unknown as AccountKpis[number];
  const groups = byGoal([row('g1', 'k1'), row('g2', 'k2'), row('g1', 'k3')]);
  assert.deepEqual(groups.map((g) => [g.goal.id, g.kpis.map((k) => k.kpi.id)]), [['g1', ['k1', 'k3']], ['g2', ['k2']]]);
});

test('periodMetrics: the KPIs base metrics once each, then followers', () => {
  const k = (kind: string, metric: string | null) => ({ kpi: { kind, metric } });
  const isBase = (m: string) => m !== 'engagement_rate_reach';
  assert.deepEqual(periodMetrics([k('metric', 'reach'), k('metric', 'engagement_rate_reach'), k('audience_share', null), k('metric', 'reach')], isBase), ['reach', 'followers']);
  assert.deepEqual(periodMetrics([k('metric', 'followers')], isBase), ['followers']);
});

test('percentChange: null when not measured or from 0', () => {
  assert.equal(percentChange(150, 100), 50);
  assert.equal(percentChange(50, -100), 150);
  assert.equal(percentChange(null, 100), null);
  assert.equal(percentChange(10, null), null);
  assert.equal(percentChange(10, 0), null);
});

test('isWholeMonths', () => {
  assert.equal(isWholeMonths({ start: '2026-01-01', end: '2026-03-31' }), true);
  assert.equal(isWholeMonths({ start: '2026-02-01', end: '2026-02-28' }), true);
  assert.equal(isWholeMonths({ start: '2026-01-03', end: '2026-01-31' }), false);
  assert.equal(isWholeMonths({ start: '2026-01-01', end: '2026-01-30' }), false);
});

test('wholeMonthsParam: months, quarters, years and ranges of whole months', () => {
  for (const p of ['2026-10', '2026-Q3', '2026', '2026-01-01..2026-02-28']) assert.equal(wholeMonthsParam(p), true, p);
  assert.equal(wholeMonthsParam('2026-10-03..2026-10-20'), false);
  assert.equal(wholeMonthsParam('nonsense'), true, 'left to the server');
});
