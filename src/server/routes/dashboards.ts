/**
 * Dashboard data: the organisation → unit → account drill-down of KPI statuses and the accounts
 * needing attention, one account's dashboard, a metric per unit, an account's monthly series, and
 * accounts compared (the last three from the monthly rollups).
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdOrSlug } from '../../contract/common.ts';
import { AccountDashboardOut, AccountDashboardQuery, OverviewOut, OverviewQuery } from '../../contract/overview.ts';
import { AccountSeriesOut, CompareOut, CompareQuery, MetricByUnitOut, MetricByUnitQuery, SeriesQuery } from '../../contract/dashboards.ts';
import { accountDashboard } from '../../services/dashboards/account-dashboard.ts';
import { overview } from '../../services/dashboards/overview.ts';
import { accountSeries } from '../../services/dashboards/account-series.ts';
import { compareAccounts } from '../../services/dashboards/compare-accounts.ts';
import { metricByUnit } from '../../services/dashboards/metric-by-unit.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonContent, router, signedIn } from '../openapi-helpers.ts';

const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };

export const dashboardRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/dashboards/overview',
      tags: ['dashboards'],
      summary:
        'KPI status counts of active goals for the organisation or a unit (with everything below), its sub-units and accounts, and the accounts needing attention',
      security: signedIn,
      request: { query: OverviewQuery },
      responses: { 200: jsonContent(OverviewOut, 'The overview'), ...readErrors },
    }),
    async (c) => c.json(await overview(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/dashboards/accounts/{account}',
      tags: ['dashboards'],
      summary: "An account's dashboard: its active goals' KPIs with pace and forecast, best and weakest posts, audience fit, due item and freshness",
      security: signedIn,
      request: { params: z.object({ account: IdOrSlug }), query: AccountDashboardQuery },
      responses: { 200: jsonContent(AccountDashboardOut, 'The account dashboard'), ...readErrors },
    }),
    async (c) => c.json(await accountDashboard(requireContext(c), c.req.valid('param').account, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/dashboards/metric-by-unit',
      tags: ['dashboards'],
      summary: 'A metric per unit (with its sub-units) over a period: per month, in total, the previous period and the same period last year, with coverage',
      security: signedIn,
      request: { query: MetricByUnitQuery },
      responses: { 200: jsonContent(MetricByUnitOut, 'Units top-down'), ...readErrors },
    }),
    async (c) => c.json(await metricByUnit(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/dashboards/accounts/{account}/series',
      tags: ['dashboards'],
      summary: "An account's monthly series of a metric over a period, with coverage per month",
      security: signedIn,
      request: { params: z.object({ account: IdOrSlug }), query: SeriesQuery },
      responses: { 200: jsonContent(AccountSeriesOut, 'The series'), ...readErrors },
    }),
    async (c) => c.json(await accountSeries(requireContext(c), c.req.valid('param').account, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/dashboards/compare',
      tags: ['dashboards'],
      summary: 'Every account you may read compared on a metric over a period (raw, per 1000 followers, per post), with percentiles per platform',
      security: signedIn,
      request: { query: CompareQuery },
      responses: { 200: jsonContent(CompareOut, 'The comparison'), ...readErrors },
    }),
    async (c) => c.json(await compareAccounts(requireContext(c), c.req.valid('query')), 200),
  );
