/** Coverage: an account's coverage calendar and audience fit, the "due" list, and the platforms' history windows. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdOrSlug } from '../../contract/common.ts';
import {
  AudienceFitOut,
  AudienceFitQuery,
  CoverageOut,
  CoverageQuery,
  DueList,
  DueQuery,
  HistoryWindowIn,
  HistoryWindowOut,
  PlatformParams,
} from '../../contract/coverage.ts';
import { getAudienceFit } from '../../services/coverage/get-audience-fit.ts';
import { getCoverage } from '../../services/coverage/get-coverage.ts';
import { listDue } from '../../services/coverage/list-due.ts';
import { listHistoryWindows } from '../../services/coverage/list-history-windows.ts';
import { resetHistoryWindow } from '../../services/coverage/reset-history-window.ts';
import { setHistoryWindow } from '../../services/coverage/set-history-window.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';

const accountParams = z.object({ account: IdOrSlug });
const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };

export const coverageRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/accounts/{account}/coverage',
      tags: ['coverage'],
      summary: 'Coverage calendar: per metric the documented days and the gaps (as day ranges), per day how many metrics are documented',
      security: signedIn,
      request: { params: accountParams, query: CoverageQuery },
      responses: { 200: jsonContent(CoverageOut, 'The calendar'), ...readErrors },
    }),
    async (c) => c.json(await getCoverage(requireContext(c), c.req.valid('param').account, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/accounts/{account}/audience-fit',
      tags: ['coverage'],
      summary: "Audience fit: the newest audience snapshot's largest age group against the account's target age groups",
      security: signedIn,
      request: { params: accountParams, query: AudienceFitQuery },
      responses: { 200: jsonContent(AudienceFitOut, 'The fit'), ...readErrors },
    }),
    async (c) => c.json(await getAudienceFit(requireContext(c), c.req.valid('param').account, c.req.valid('query').at), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/statistics/due',
      tags: ['coverage'],
      summary: 'Accounts you document statistics for, with the undocumented days about to leave the platform’s history window; most urgent first',
      security: signedIn,
      request: { query: DueQuery },
      responses: { 200: jsonContent(DueList, 'The due list'), ...readErrors },
    }),
    async (c) => c.json(await listDue(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/history-windows',
      tags: ['coverage'],
      summary: "Every platform's history window: the default, the organisation's override, and which export to download",
      security: signedIn,
      responses: { 200: jsonContent(z.array(HistoryWindowOut), 'History windows'), 401: errors[401] },
    }),
    async (c) => c.json(await listHistoryWindows(requireContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/history-windows/{platform}',
      tags: ['coverage'],
      summary: "Set the organisation's history window (days and a note) for a platform (administrators)",
      security: signedIn,
      request: { params: PlatformParams, body: jsonBody(HistoryWindowIn) },
      responses: { 200: jsonContent(HistoryWindowOut, 'The window in force'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await setHistoryWindow(requireContext(c), c.req.valid('param').platform, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/history-windows/{platform}',
      tags: ['coverage'],
      summary: "Remove the organisation's override: the platform's default applies again (administrators)",
      security: signedIn,
      request: { params: PlatformParams },
      responses: { 200: jsonContent(HistoryWindowOut, 'The window in force'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await resetHistoryWindow(requireContext(c), c.req.valid('param').platform), 200),
  );
