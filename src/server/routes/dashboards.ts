/** Dashboard data: a metric per unit, an account's monthly series, and accounts compared; all from the monthly rollups. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdOrSlug } from '../../contract/common.ts';
import { AccountSeriesOut, CompareOut, CompareQuery, MetricByUnitOut, MetricByUnitQuery, SeriesQuery } from '../../contract/dashboards.ts';
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
