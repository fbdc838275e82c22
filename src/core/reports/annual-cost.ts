/**
 * Cost per result for the annual report, pure. A result is what a KPI counts that the account
 * exists to bring about: a KPI metric the catalogue gives as a count added up over days, where
 * more is better (link clicks, leads, applicants, conversions, and reach or views when those are
 * the goal). Stocks (followers), rates, scores, money, hours, signed net changes and the
 * account's own output (posts published) are not results.
 */
import { getMetric, type MetricDefinition } from '../metrics/catalogue.ts';

const NOT_RESULTS = new Set(['posts_published']);

export function isResultMetric(def: MetricDefinition | undefined): def is MetricDefinition {
  return (
    def !== undefined &&
    def.unit === 'count' &&
    def.aggregation === 'sum' &&
    def.higherIsBetter === true &&
    def.signed !== true &&
    !NOT_RESULTS.has(def.key)
  );
}

/** The KPI metrics that are results, in the order given, each once. */
export function resultMetrics(kpiMetrics: readonly string[]): string[] {
  return [...new Set(kpiMetrics)].filter((m) => isResultMetric(getMetric(m)));
}

export interface CostPerResultOut {
  metric: string;
  results: number | null;
  moneyNok: number | null;
  costPerResult: number | null;
}

/** money / results; null when either is not measured or there were no results. */
export function costPerResult(metric: string, results: number | null, moneyNok: number | null): CostPerResultOut {
  return { metric, results, moneyNok, costPerResult: results === null || moneyNok === null || results === 0 ? null : moneyNok / results };
}
