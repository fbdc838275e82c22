/**
 * Competitor and peer accounts (outside the organisation): list, register, read, edit, archive;
 * their figures (JSON batch, or a CSV `date,metric,value[,note]`); share of voice; competitors'
 * values as a basis for targets.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { IdOrSlug } from '../../contract/common.ts';
import {
  CompetitorCreateInput,
  CompetitorDetail,
  CompetitorFilter,
  CompetitorOut,
  CompetitorUpdateInput,
  FigureBatch,
  FigureBatchResult,
  FigureFilter,
  FigureOut,
  ShareOfVoiceOut,
  ShareOfVoiceQuery,
  TargetBasisOut,
  TargetBasisQuery,
  figureCsvFormat,
} from '../../contract/competitors.ts';
import { archiveCompetitor } from '../../services/competitors/archive-competitor.ts';
import { competitorTargetBasis } from '../../services/competitors/competitor-target-basis.ts';
import { createCompetitor } from '../../services/competitors/create-competitor.ts';
import { getCompetitor } from '../../services/competitors/get-competitor.ts';
import { getShareOfVoice } from '../../services/competitors/get-share-of-voice.ts';
import { importFiguresCsv } from '../../services/competitors/import-figures-csv.ts';
import { listCompetitors } from '../../services/competitors/list-competitors.ts';
import { listFigures } from '../../services/competitors/list-figures.ts';
import { recordFigures } from '../../services/competitors/record-figures.ts';
import { updateCompetitor } from '../../services/competitors/update-competitor.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';
import { toAppError } from '../problem.ts';

const params = z.object({ competitor: IdOrSlug });
const tags = ['competitors'];

export const competitorRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/competitors',
      tags,
      summary: 'Competitor and peer accounts you may read, filtered by unit (with sub-units), platform and kind',
      security: signedIn,
      request: { query: CompetitorFilter },
      responses: { 200: jsonContent(z.array(CompetitorOut), 'Competitors'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await listCompetitors(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/competitors',
      tags,
      summary: 'Register a competitor or peer account (needs the right to register accounts in the unit)',
      security: signedIn,
      request: { body: jsonBody(CompetitorCreateInput) },
      responses: { 201: jsonContent(CompetitorOut, 'The new entry'), ...errors },
    }),
    async (c) => c.json(await createCompetitor(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/share-of-voice',
      tags,
      summary: "Share of voice of a unit (with sub-units) or an account: own mentions / (own + competitors' mentions) × 100; null when none are documented",
      security: signedIn,
      request: { query: ShareOfVoiceQuery },
      responses: { 200: jsonContent(ShareOfVoiceOut, 'Share of voice'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await getShareOfVoice(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/competitor-target-basis',
      tags,
      summary: "Competitors' latest values of a metric on a platform and their median, as a basis for target values",
      security: signedIn,
      request: { query: TargetBasisQuery },
      responses: { 200: jsonContent(TargetBasisOut, 'Latest values and median'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await competitorTargetBasis(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/competitors/{competitor}',
      tags,
      summary: 'A competitor entry with its unit and what you may do with it',
      security: signedIn,
      request: { params },
      responses: { 200: jsonContent(CompetitorDetail, 'The entry'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await getCompetitor(requireContext(c), c.req.valid('param').competitor), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/competitors/{competitor}',
      tags,
      summary: 'Edit a competitor entry, move it to another unit, or archive/restore it (archived: true/false)',
      security: signedIn,
      request: { params, body: jsonBody(CompetitorUpdateInput) },
      responses: { 200: jsonContent(CompetitorOut, 'The changed entry'), ...errors },
    }),
    async (c) => c.json(await updateCompetitor(requireContext(c), c.req.valid('param').competitor, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/competitors/{competitor}/archive',
      tags,
      summary: 'Archive a competitor entry: it leaves lists and comparisons; its figures are kept',
      security: signedIn,
      request: { params },
      responses: { 200: jsonContent(CompetitorOut, 'The archived entry'), ...errors },
    }),
    async (c) => c.json(await archiveCompetitor(requireContext(c), c.req.valid('param').competitor), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/competitors/{competitor}/figures',
      tags,
      summary: "A competitor's figures, newest first, each with the values it replaced",
      security: signedIn,
      request: { params, query: FigureFilter },
      responses: { 200: jsonContent(z.array(FigureOut), 'Figures'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await listFigures(requireContext(c), c.req.valid('param').competitor, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/competitors/{competitor}/figures',
      tags,
      summary: 'Enter figures: a JSON batch, or text/csv (all or nothing, the same again changes nothing, a correction keeps the old value)',
      security: signedIn,
      request: {
        params,
        query: z.object({ file: z.string().max(200).optional().describe('the CSV file’s name, for provenance and error messages') }),
        body: {
          // Not `required`: with it the JSON schema would be applied to a text/csv body too. A
          // missing body is still refused (the service validates the batch).
          required: false,
          content: {
            'application/json': { schema: FigureBatch },
            'text/csv': { schema: z.string().meta({ description: figureCsvFormat }) },
            'multipart/form-data': {
              schema: z.object({
                // Read by the handler (Files are not zod-validated); the schema documents it.
                file: z.any().meta({ type: 'string', format: 'binary', description: `One CSV file: ${figureCsvFormat}` }),
              }),
            },
          },
        },
      },
      responses: { 200: jsonContent(FigureBatchResult, 'What the batch changed'), ...errors },
    }),
    async (c) => {
      const ctx = requireContext(c);
      const competitor = c.req.valid('param').competitor;
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.startsWith('text/csv')) {
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        return c.json(await importFiguresCsv(ctx, competitor, { name: c.req.valid('query').file || 'figures.csv', bytes }), 200);
      }
      if (type.startsWith('multipart/form-data')) {
        let form: Record<string, string | File | (string | File)[]>;
        try {
          form = await c.req.parseBody({ all: true });
        } catch (e) {
          throw toAppError(e);
        }
        const part = form['file'];
        if (!(part instanceof File)) throw new AppError('validation_failed', 'Send one CSV file in the "file" field.', [{ path: 'file', message: 'one file expected' }]);
        return c.json(await importFiguresCsv(ctx, competitor, { name: part.name || 'figures.csv', bytes: new Uint8Array(await part.arrayBuffer()) }), 200);
      }
      if (!type.startsWith('application/json')) {
        throw new AppError('validation_failed', 'Send application/json (a batch), text/csv or multipart/form-data (a file: date,metric,value[,note]).', [
          { path: '(body)', message: 'application/json or text/csv expected' },
        ]);
      }
      return c.json(await recordFigures(ctx, competitor, c.req.valid('json') as FigureBatch, 'api'), 200);
    },
  );
