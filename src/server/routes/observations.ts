/**
 * Documented values of an account: read them, send a batch (JSON, or CSV in the Målbar template)
 * for automation, and manual monthly entry.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdOrSlug } from '../../contract/common.ts';
import { BatchResult, MonthlyEntry, ObservationBatch, ObservationOut, ObservationQuery } from '../../contract/statistics.ts';
import { AppError } from '../../core/errors.ts';
import { templateCsv } from '../../importers/template-doc.ts';
import { listObservations } from '../../services/statistics/list-observations.ts';
import { recordBatch } from '../../services/statistics/record-batch.ts';
import { recordMonthlyEntry } from '../../services/statistics/record-monthly-entry.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';
import { toAppError } from '../problem.ts';

const params = z.object({ account: IdOrSlug });

export const observationRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/accounts/{account}/observations',
      tags: ['statistics'],
      summary: 'Documented values (catalogue metric keys, ISO dates, the platform post id or null), with the import each came from',
      security: signedIn,
      request: { params, query: ObservationQuery },
      responses: { 200: jsonContent(z.array(ObservationOut), 'Values'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await listObservations(requireContext(c), c.req.valid('param').account, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/accounts/{account}/observations',
      tags: ['statistics'],
      summary: 'Send a batch of values (JSON, or text/csv in the Målbar template); idempotent, with an optional Idempotency-Key header',
      security: signedIn,
      request: {
        params,
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
        body: {
          required: true,
          content: {
            'application/json': { schema: ObservationBatch },
            'text/csv': { schema: z.string().meta({ description: 'The Målbar CSV template (GET /import-template.csv)' }) },
          },
        },
      },
      responses: { 200: jsonContent(BatchResult, 'What the batch changed'), ...errors, 413: errors[400] },
    }),
    async (c) => {
      const ctx = requireContext(c);
      const account = c.req.valid('param').account;
      const idempotencyKey = c.req.valid('header')['idempotency-key'];
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.startsWith('text/csv')) {
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return c.json(await recordBatch(ctx, account, { kind: 'csv', name: 'api.csv', bytes }, { idempotencyKey }), 200);
      }
      if (!type.startsWith('application/json')) {
        throw new AppError('validation_failed', 'Send application/json (a batch) or text/csv (the Målbar template).', [
          { path: '(body)', message: 'application/json or text/csv expected' },
        ]);
      }
      // The JSON body was validated against ObservationBatch by the route (text/csv bodies are not).
      const batch = c.req.valid('json') as ObservationBatch;
      return c.json(await recordBatch(ctx, account, { kind: 'json', batch }, { idempotencyKey }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/accounts/{account}/monthly-entries',
      tags: ['statistics'],
      summary: "Manual monthly entry: one value per metric for a month, stored on the month's last day",
      security: signedIn,
      request: { params, body: jsonBody(MonthlyEntry) },
      responses: { 200: jsonContent(BatchResult, 'What the entry changed'), ...errors },
    }),
    async (c) => c.json(await recordMonthlyEntry(requireContext(c), c.req.valid('param').account, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/import-template.csv',
      tags: ['statistics'],
      summary: 'The Målbar CSV template for statistics without an export (?platform=, ?locale=nb|en)',
      security: signedIn,
      request: { query: z.object({ platform: z.string().optional(), locale: z.enum(['nb', 'en']).optional() }) },
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, 400: errors[400], 401: errors[401] },
    }),
    async (c) => {
      requireContext(c);
      const q = c.req.valid('query');
      let csv: string;
      try {
        csv = templateCsv({ ...(q.platform ? { platform: q.platform as never } : {}), ...(q.locale ? { locale: q.locale } : {}) });
      } catch (e) {
        throw toAppError(e);
      }
      return c.body(`\ufeff${csv}`, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="maalbar-template.csv"',
      });
    },
  );
