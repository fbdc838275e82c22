// The overview's pure side: statuses in order, attention reasons as phrases, addresses that keep
// the period, and the metric-by-unit bars with their comparison and coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MetricByUnitOut, UnitMetricRow } from '../../../../src/contract/dashboards.ts';
import type { AttentionReason } from '../../../../src/contract/overview.ts';
import {
  accountDashboardPath,
  isOverviewMetric,
  kpiResults,
  percentText,
  reasonPhrases,
  unitBarSpec,
  unitDashboardPath,
  withPeriod,
  type ChartTexts,
} from './overview-view.ts';

const nbsp = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

test('kpiResults adds every status', () => {
  assert.equal(kpiResults({ met: 1, on_track: 2, at_risk: 3, missed: 4, not_measured: 5 }), 15);
});

test('percentText in both languages', () => {
  assert.equal(nbsp(percentText(38.2, 'nb')), '38 %');
  assert.equal(percentText(38.2, 'en'), '38%');
});

test('missed and at-risk KPIs name them in the language', () => {
  const kpis = [
    { goalId: 'g', kpiId: 'k1', name: { nb: 'Rekkevidde', en: 'Reach' } },
    { goalId: 'g', kpiId: 'k2', name: { nb: 'Engasjement', en: 'Engagement' } },
  ];
  assert.deepEqual(reasonPhrases({ kind: 'missed_kpis', count: 2, kpis }, 'en'), [{ key: 'missed', params: { count: 2, names: 'Reach, Engagement' } }]);
  assert.deepEqual(reasonPhrases({ kind: 'at_risk_kpis', count: 1, kpis: kpis.slice(0, 1) }, 'nb'), [{ key: 'atRisk', params: { count: 1, names: 'Rekkevidde' } }]);
});

test('audience misfit: the largest group, its share and the target groups', () => {
  const [p] = reasonPhrases(
    { kind: 'audience_misfit', largestGroup: '45-54', largestShare: 38, targetAgeGroups: ['18-24', '25-34'], snapshotDay: '2026-10-01' },
    'nb',
  );
  assert.ok(p);
  assert.equal(p.key, 'misfit');
  assert.deepEqual({ ...p.params, share: nbsp(String(p.params.share)) }, { group: '45–54', share: '38 %', targets: '18–24, 25–34', date: '1. oktober 2026' });
});

test('documentation gaps: overdue or due, days to cover, when they are lost, what is lost already', () => {
  const base = { kind: 'documentation_gap', cadence: 'daily', leavesWindowOn: '2026-11-27', lostDays: 0 } as const;
  assert.deepEqual(reasonPhrases({ ...base, status: 'overdue', toCoverDays: 12, daysUntilLost: 5 }, 'en'), [
    { key: 'gapOverdue', params: { count: 12 } },
    { key: 'gapLostIn', params: { count: 5 } },
  ]);
  assert.deepEqual(
    reasonPhrases({ ...base, status: 'due', toCoverDays: 3, daysUntilLost: 0 }, 'en').map((p) => p.key),
    ['gapDue', 'gapLostToday'],
  );
  assert.deepEqual(
    reasonPhrases({ ...base, status: 'overdue', toCoverDays: 30, daysUntilLost: -2, lostDays: 4 }, 'en'),
    [
      { key: 'gapOverdue', params: { count: 30 } },
      { key: 'gapLeftOn', params: { date: '27 November 2026' } },
      { key: 'gapLost', params: { count: 4 } },
    ],
  );
  assert.deepEqual(
    reasonPhrases({ ...base, cadence: 'monthly', status: 'overdue', toCoverDays: 31, daysUntilLost: 40, leavesWindowOn: '2027-01-01' }, 'nb'),
    [
      { key: 'gapOverdue', params: { count: 31 } },
      { key: 'gapLostIn', params: { count: 40 } },
      { key: 'gapMonthly', params: {} },
    ],
  );
});

test('overdue evaluations: the months in words, in the language', () => {
  const reason: AttentionReason = { kind: 'overdue_evaluations', count: 2, months: ['2026-09', '2026-10'] };
  assert.deepEqual(reasonPhrases(reason, 'nb'), [{ key: 'evaluationsOverdue', params: { count: 2, months: 'september 2026, oktober 2026' } }]);
  assert.deepEqual(reasonPhrases(reason, 'en'), [{ key: 'evaluationsOverdue', params: { count: 2, months: 'September 2026, October 2026' } }]);
});

test('addresses keep the period and a non-default comparison', () => {
  assert.equal(withPeriod(unitDashboardPath('hf'), '2026-Q3', 'previous'), '/dashboard/units/hf?period=2026-Q3');
  assert.equal(withPeriod(accountDashboardPath('uib-ig'), '2026', 'last_year'), '/accounts/uib-ig/dashboard?period=2026&compare=last_year');
  assert.ok(isOverviewMetric('reach'));
  assert.ok(!isOverviewMetric('bounce_rate'));
  assert.ok(!isOverviewMetric(null));
});

function row(id: string, name: string, accounts: number, value: number | null, previous: number | null, coverage: number | null): UnitMetricRow {
  const cv = (v: number | null) => ({ value: v, documented: 0, expected: 0, coverage });
  return { unit: { id, slug: id, name, parentId: null, depth: 0 }, accounts, months: [], total: cv(value), previous: cv(previous), sameLastYear: cv(null) };
}

const texts: ChartTexts = {
  title: 'Reach by unit',
  current: 'October 2026',
  compared: 'September 2026',
  coverage: (unit, share) => `${unit}: ${share ?? 'not measured'}.`,
  lead: 'Reach per unit.',
};

const data = (previous: boolean): MetricByUnitOut => ({
  metric: 'reach',
  aggregation: 'sum',
  acrossAccounts: 'sum',
  periods: {
    period: { start: '2026-10-01', end: '2026-10-31' },
    previous: previous ? { start: '2026-09-01', end: '2026-09-30' } : null,
    sameLastYear: { start: '2025-10-01', end: '2025-10-31' },
  },
  units: [row('org', 'Org', 3, 600, 500, 0.9), row('a', 'A', 2, 400, null, 0.5), row('b', 'B', 1, null, 100, null), row('c', 'C', 0, null, null, null)],
});

test('unitBarSpec: the given units in order, the comparison as a second series, coverage in the description', () => {
  const { spec, withoutAccounts } = unitBarSpec(data(true), [{ id: 'org', label: 'Org in all' }, { id: 'b' }, { id: 'a' }, { id: 'c' }, { id: 'missing' }], 'previous', texts, 'en');
  assert.deepEqual(spec.categories.map((c) => c.label), ['Org in all', 'B', 'A']);
  assert.deepEqual(spec.series, [
    { key: 'period', name: 'October 2026', values: [600, null, 400] },
    { key: 'previous', name: 'September 2026', values: [500, 100, null] },
  ]);
  assert.equal(spec.description, 'Reach per unit. Org in all: 90%. B: not measured. A: 50%.');
  assert.deepEqual(withoutAccounts, ['C']);
  assert.equal(spec.unit, 'count');
});

test('unitBarSpec: no second series without a comparison or when the server has none', () => {
  assert.equal(unitBarSpec(data(true), [{ id: 'a' }], 'none', texts, 'en').spec.series.length, 1);
  assert.equal(unitBarSpec(data(false), [{ id: 'a' }], 'previous', texts, 'en').spec.series.length, 1);
  const lastYear = unitBarSpec(data(false), [{ id: 'a' }], 'last_year', { ...texts, compared: 'October 2025' }, 'en').spec.series;
  assert.deepEqual(lastYear[1], { key: 'last_year', name: 'October 2025', values: [null] });
});
