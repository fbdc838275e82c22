/** Monthly evaluations: the list per unit and account, preparing a month's drafts, one evaluation, saving, signing and reopening it. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Id } from '../../contract/common.ts';
import {
  EvaluationDetail,
  EvaluationList,
  EvaluationListQuery,
  EvaluationPrepareInput,
  EvaluationPrepareOut,
  EvaluationReopenInput,
  EvaluationUpdateInput,
} from '../../contract/evaluations.ts';
import { getEvaluation } from '../../services/evaluations/get-evaluation.ts';
import { listEvaluations } from '../../services/evaluations/list-evaluations.ts';
import { prepareEvaluations } from '../../services/evaluations/prepare-evaluations.ts';
import { reopenEvaluation } from '../../services/evaluations/reopen-evaluation.ts';
import { signEvaluation } from '../../services/evaluations/sign-evaluation.ts';
import { updateEvaluation } from '../../services/evaluations/update-evaluation.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';

const evaluationParams = z.object({ evaluation: Id });
const readErrors = { 400: errors[400], 401: errors[401], 404: errors[404] };
const writeErrors = { ...errors };

export const evaluationRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/evaluations',
      tags: ['evaluations'],
      summary: 'Monthly evaluations you may read, newest month first, with counts per state (signed, upcoming, due, overdue)',
      security: signedIn,
      request: { query: EvaluationListQuery },
      responses: { 200: jsonContent(EvaluationList, 'The evaluations'), ...readErrors },
    }),
    async (c) => c.json(await listEvaluations(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/prepare',
      tags: ['evaluations'],
      summary: "Prepare a month's drafts for every active account (in the units where you write evaluations) that has none yet; idempotent",
      security: signedIn,
      request: { body: jsonBody(EvaluationPrepareInput) },
      responses: { 200: jsonContent(EvaluationPrepareOut, 'How many drafts were made and how many existed'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await prepareEvaluations(requireContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{evaluation}',
      tags: ['evaluations'],
      summary: 'One evaluation: its text, its figures (frozen when signed, computed now for a draft), its history and what you may do with it',
      security: signedIn,
      request: { params: evaluationParams },
      responses: { 200: jsonContent(EvaluationDetail, 'The evaluation'), ...readErrors },
    }),
    async (c) => c.json(await getEvaluation(requireContext(c), c.req.valid('param').evaluation), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/evaluations/{evaluation}',
      tags: ['evaluations'],
      summary: "Save a draft's assessment, decision and adjustment (the unit's evaluators and managers); a signed evaluation is locked (409)",
      security: signedIn,
      request: { params: evaluationParams, body: jsonBody(EvaluationUpdateInput) },
      responses: { 200: jsonContent(EvaluationDetail, 'The evaluation'), ...writeErrors },
    }),
    async (c) => c.json(await updateEvaluation(requireContext(c), c.req.valid('param').evaluation, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{evaluation}/sign',
      tags: ['evaluations'],
      summary: 'Sign a draft once its month has ended (assessment, decision, and the adjustment when adjusting content, are required); freezes its figures',
      security: signedIn,
      request: { params: evaluationParams },
      responses: { 200: jsonContent(EvaluationDetail, 'The signed evaluation'), ...writeErrors },
    }),
    async (c) => c.json(await signEvaluation(requireContext(c), c.req.valid('param').evaluation), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{evaluation}/reopen',
      tags: ['evaluations'],
      summary: 'Reopen a signed evaluation with a reason (unit managers and administrators); it becomes a draft again and both events stay in its history',
      security: signedIn,
      request: { params: evaluationParams, body: jsonBody(EvaluationReopenInput) },
      responses: { 200: jsonContent(EvaluationDetail, 'The reopened evaluation'), ...writeErrors },
    }),
    async (c) => c.json(await reopenEvaluation(requireContext(c), c.req.valid('param').evaluation, c.req.valid('json')), 200),
  );
