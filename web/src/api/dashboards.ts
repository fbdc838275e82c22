/**
 * Typed calls of the dashboard routes (issue #5): the organisation → unit overview, one account's
 * dashboard, a metric by unit, an account's monthly series and the comparison of accounts.
 * Periods are sent in their URL form (contract/periods.ts).
 */
import type { AccountSeriesOut, CompareOut, MetricByUnitOut } from '../../../src/contract/dashboards.ts';
import type { AccountDashboardOut, OverviewOut } from '../../../src/contract/overview.ts';
import { request } from './client.ts';

export type { AccountDashboardOut, AccountSeriesOut, CompareOut, MetricByUnitOut, OverviewOut };

export type CompareNormalise = 'raw' | 'per_follower' | 'per_post';

/** GET /dashboards/overview: the organisation (no unit) or a unit and everything below it. */
export function getOverview(query: { unit?: string; period?: string }, signal?: AbortSignal): Promise<OverviewOut> {
  return request<OverviewOut>('GET', '/dashboards/overview', { query, signal });
}

/** GET /dashboards/accounts/{account}: one account's KPIs, posts, audience, due and freshness. */
export function getAccountDashboard(account: string, query: { period?: string } = {}, signal?: AbortSignal): Promise<AccountDashboardOut> {
  return request<AccountDashboardOut>('GET', `/dashboards/accounts/${encodeURIComponent(account)}`, { query, signal });
}

/** GET /dashboards/metric-by-unit: a metric per unit (the unit and its sub-units) for a period. */
export function getMetricByUnit(
  query: { metric: string; period: string; unit?: string },
  signal?: AbortSignal,
): Promise<MetricByUnitOut> {
  return request<MetricByUnitOut>('GET', '/dashboards/metric-by-unit', { query, signal });
}

/** GET /dashboards/accounts/{account}/series: an account's months of a metric. */
export function getAccountSeries(
  account: string,
  query: { metric: string; period: string },
  signal?: AbortSignal,
): Promise<AccountSeriesOut> {
  return request<AccountSeriesOut>('GET', `/dashboards/accounts/${encodeURIComponent(account)}/series`, { query, signal });
}

/** GET /dashboards/compare: accounts compared on a metric, per platform. */
export function getComparison(
  query: { metric: string; period: string; normalise?: CompareNormalise },
  signal?: AbortSignal,
): Promise<CompareOut> {
  return request<CompareOut>('GET', '/dashboards/compare', { query, signal });
}
