import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getMetric } from '../metrics/catalogue.ts';
import { costPerResult, isResultMetric, resultMetrics } from './annual-cost.ts';

test('results are counts summed over days where more is better', () => {
  for (const m of ['link_clicks', 'leads', 'applicants', 'conversions', 'reach']) assert.equal(isResultMetric(getMetric(m)), true, m);
  // A stock, a rate, money, hours, a signed net change, the account's own output, a derived KPI.
  for (const m of ['followers', 'bounce_rate', 'spend_nok', 'hours_spent', 'net_followers', 'posts_published', 'lost_followers', 'engagement_rate']) {
    assert.equal(isResultMetric(getMetric(m)), false, m);
  }
  assert.deepEqual(resultMetrics(['followers', 'link_clicks', 'engagement_rate', 'leads', 'link_clicks']), ['link_clicks', 'leads']);
});

test('cost per result: money / results; null when either is not measured or there were no results', () => {
  assert.deepEqual(costPerResult('link_clicks', 400, 1000), { metric: 'link_clicks', results: 400, moneyNok: 1000, costPerResult: 2.5 });
  assert.equal(costPerResult('link_clicks', 0, 1000).costPerResult, null);
  assert.equal(costPerResult('link_clicks', null, 1000).costPerResult, null);
  assert.equal(costPerResult('link_clicks', 400, null).costPerResult, null);
  assert.equal(costPerResult('link_clicks', 400, 0).costPerResult, 0);
});
