/**
 * The audit trail: events newest first, a page at a time, and the same as a CSV or XLSX download.
 * Administrators read everything; unit managers their units' events; anyone else gets 403.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { AuditEventList, AuditExportQuery, AuditQuery } from '../../contract/audit.ts';
import { exportAuditEvents } from '../../services/audit/export-audit.ts';
import { listAuditEvents } from '../../services/audit/list-audit.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonContent, router, signedIn } from '../openapi-helpers.ts';

const readErrors = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] };
const binary = (description: string) => ({ schema: z.string().meta({ format: 'binary', description }) });

export const auditRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/audit-events',
      tags: ['audit'],
      summary: 'Changes (who, when, what, before and after), newest first; administrators see all, unit managers their units',
      security: signedIn,
      request: { query: AuditQuery },
      responses: { 200: jsonContent(AuditEventList, 'A page of events and the cursor of the next'), ...readErrors },
    }),
    async (c) => c.json(await listAuditEvents(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/audit-events/export',
      tags: ['audit'],
      summary: 'The audit events matching the filters as CSV or XLSX',
      security: signedIn,
      request: { query: AuditExportQuery },
      responses: {
        200: {
          description: 'The download',
          content: {
            'text/csv': binary('format=csv'),
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary('format=xlsx'),
          },
        },
        ...readErrors,
      },
    }),
    async (c) => {
      const file = await exportAuditEvents(requireContext(c), c.req.valid('query'));
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
    },
  );
