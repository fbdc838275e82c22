/**
 * Reports: the annual report (one account, a unit with everything below it, or the organisation)
 * and the monthly report, as JSON or as a file to download (print-ready HTML, PDF, XLSX, CSV in
 * bokmål or English, rendered by src/reports).
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { AnnualReport, AnnualReportQuery, MonthlyReport, MonthlyReportQuery, reportFileName, type ReportFormat } from '../../contract/reports.ts';
import { buildAnnualReport } from '../../services/reports/build-annual-report.ts';
import { buildMonthlyReport } from '../../services/reports/build-monthly-report.ts';
import { requireContext } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { errors, router, signedIn } from '../openapi-helpers.ts';

const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };
const binary = (description: string) => ({ schema: z.string().meta({ format: 'binary', description }) });

function reportContent<T extends z.ZodType>(schema: T, description: string) {
  return {
    description,
    content: {
      'application/json': { schema },
      'text/html': binary('format=html: print-ready HTML'),
      'application/pdf': binary('format=pdf'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary('format=xlsx: one sheet per section'),
      'text/csv': binary('format=csv'),
    },
  };
}

/** The report as a file: its content type, a download name (maalbar-annual-2025-<scope>.pdf) and never cached. */
async function sendFile(c: Context<AppEnv>, report: AnnualReport | MonthlyReport, period: string, format: Exclude<ReportFormat, 'json'>, lang: 'nb' | 'en') {
  // Loaded on first use: the renderers bring PDF and chart libraries the rest of the API does not need.
  const { renderReport } = await import('../../reports/render-report.ts');
  const rendered = await renderReport(report, format, lang);
  const name = reportFileName(report.kind, period, report.scope, format).replace(/[^\w.-]/g, '_');
  return c.body(rendered.body as Uint8Array<ArrayBuffer>, 200, {
    'content-type': rendered.contentType,
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
}

export const reportRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/annual',
      tags: ['reports'],
      summary:
        'The annual report of an account, a unit (and everything below it) or the organisation you may read: every account’s year, the roll-up and the roll-up per child unit; format=html|pdf|xlsx|csv downloads it',
      security: signedIn,
      request: { query: AnnualReportQuery },
      responses: { 200: reportContent(AnnualReport, 'The annual report (JSON) or the file'), ...readErrors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const report = await buildAnnualReport(requireContext(c), { account: q.account, unit: q.unit, year: q.year });
      if (q.format === 'json') return c.json(report, 200);
      return sendFile(c, report, q.year, q.format, q.lang);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/monthly',
      tags: ['reports'],
      summary:
        'The monthly report of an account, a unit (and everything below it) or the organisation you may read: the month’s evaluations, their states and KPI results, and accounts without one; format=html|pdf|xlsx|csv downloads it',
      security: signedIn,
      request: { query: MonthlyReportQuery },
      responses: { 200: reportContent(MonthlyReport, 'The monthly report (JSON) or the file'), ...readErrors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const report = await buildMonthlyReport(requireContext(c), { account: q.account, unit: q.unit, month: q.month });
      if (q.format === 'json') return c.json(report, 200);
      return sendFile(c, report, q.month, q.format, q.lang);
    },
  );
