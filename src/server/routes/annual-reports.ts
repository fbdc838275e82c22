/** Annual reports as documents the evaluator signs: the list of a year, one account’s report, saving, signing and reopening it. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdOrSlug } from '../../contract/common.ts';
import { AnnualAccountReport, AnnualReportList, AnnualReportListQuery, AnnualReportReopenInput, AnnualReportUpdateInput, Year } from '../../contract/reports.ts';
import { getAnnualReport } from '../../services/annual-reports/get-annual-report.ts';
import { listAnnualReports } from '../../services/annual-reports/list-annual-reports.ts';
import { reopenAnnualReport } from '../../services/annual-reports/reopen-annual-report.ts';
import { signAnnualReport } from '../../services/annual-reports/sign-annual-report.ts';
import { updateAnnualReport } from '../../services/annual-reports/update-annual-report.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';

const reportParams = z.object({ account: IdOrSlug.describe('the account (id or slug)'), year: Year });
const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };
const writeErrors = { ...errors };

export const annualReportRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/annual-reports',
      tags: ['annual reports'],
      summary: 'The annual reports of a year: every account you may read that was in use that year, written or not, with counts per state (signed, upcoming, due, overdue)',
      security: signedIn,
      request: { query: AnnualReportListQuery },
      responses: { 200: jsonContent(AnnualReportList, 'The annual reports'), ...readErrors },
    }),
    async (c) => c.json(await listAnnualReports(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/annual-reports/{account}/{year}',
      tags: ['annual reports'],
      summary: 'One account’s annual report: the decision and reasoning, the figures (frozen when signed, computed now for a draft), its history and what you may do with it',
      security: signedIn,
      request: { params: reportParams },
      responses: { 200: jsonContent(AnnualAccountReport, 'The annual report'), ...readErrors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await getAnnualReport(requireContext(c), p.account, p.year), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/annual-reports/{account}/{year}',
      tags: ['annual reports'],
      summary: 'Save a draft’s decision and reasoning (the unit’s evaluators and managers); a signed report is locked (409)',
      security: signedIn,
      request: { params: reportParams, body: jsonBody(AnnualReportUpdateInput) },
      responses: { 200: jsonContent(AnnualAccountReport, 'The annual report'), ...writeErrors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await updateAnnualReport(requireContext(c), p.account, p.year, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/annual-reports/{account}/{year}/sign',
      tags: ['annual reports'],
      summary: 'Sign the annual report once the year has ended (decision and reasoning required); freezes its figures',
      security: signedIn,
      request: { params: reportParams },
      responses: { 200: jsonContent(AnnualAccountReport, 'The signed annual report'), ...writeErrors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await signAnnualReport(requireContext(c), p.account, p.year), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/annual-reports/{account}/{year}/reopen',
      tags: ['annual reports'],
      summary: 'Reopen a signed annual report with a reason (unit managers and administrators); it becomes a draft again and both events stay in its history',
      security: signedIn,
      request: { params: reportParams, body: jsonBody(AnnualReportReopenInput) },
      responses: { 200: jsonContent(AnnualAccountReport, 'The reopened annual report'), ...writeErrors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await reopenAnnualReport(requireContext(c), p.account, p.year, c.req.valid('json')), 200);
    },
  );
