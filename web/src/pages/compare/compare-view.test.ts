import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable } from '../../../../src/charts/table.ts';
import { compareMetrics, normalisationsOf, normalisedUnit, percentilesSpec, ranks, readCompareParams } from './compare-view.ts';

test('compareMetrics: base metrics only, sorted by name in the language', () => {
  const nb = compareMetrics('nb');
  assert.ok(nb.some((m) => m.key === 'reach' && m.name === 'Rekkevidde'));
  assert.ok(!nb.some((m) => m.key === 'engagement_rate_reach'), 'no derived KPI');
  const names = nb.map((m) => m.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'nb')));
  assert.ok(compareMetrics('en').some((m) => m.name === 'Reach'));
});

test('normalisationsOf: per follower and per post only where they apply', () => {
  assert.deepEqual(normalisationsOf('reach'), ['raw', 'per_follower', 'per_post']);
  assert.deepEqual(normalisationsOf('followers'), ['raw']);
  assert.deepEqual(normalisationsOf('posts_published'), ['raw']);
  assert.deepEqual(normalisationsOf('sessions'), ['raw', 'per_follower']);
});

test('readCompareParams: defaults for unknown metrics and normalisations that do not apply', () => {
  assert.deepEqual(readCompareParams('reach', 'per_post'), { metric: 'reach', normalise: 'per_post' });
  assert.deepEqual(readCompareParams('followers', 'per_post'), { metric: 'followers', normalise: 'raw' });
  assert.deepEqual(readCompareParams('nope', 'per_follower'), { metric: 'reach', normalise: 'per_follower' });
  assert.deepEqual(readCompareParams(null, null), { metric: 'reach', normalise: 'raw' });
});

test('percentilesSpec: p10 to p90 as bars; null when nothing is comparable', () => {
  const spec = percentilesSpec({ percentiles: { p10: 1, p25: 2.5, p50: 5, p75: 7.5, p90: 9 } }, 'count', {
    title: 'Instagram',
    series: 'Reach per post',
    label: (k) => k.toUpperCase(),
  });
  assert.ok(spec);
  const table = formatTable(spec, 'en');
  assert.deepEqual(table.columns, ['Category', 'Reach per post']);
  assert.deepEqual(table.rows.map((r) => r.join(' ')), ['P10 1', 'P25 2.5', 'P50 5', 'P75 7.5', 'P90 9']);
  assert.equal(percentilesSpec({ percentiles: null }, 'count', { title: 'x', series: 'y', label: (k) => k }), null);
});

test('normalisedUnit and ranks', () => {
  assert.equal(normalisedUnit('bounce_rate'), 'percent');
  assert.equal(normalisedUnit('nope'), 'count');
  assert.deepEqual(ranks([9, 7, 7, 3]), [1, 2, 2, 4]);
  assert.deepEqual(ranks([]), []);
});
