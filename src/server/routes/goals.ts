/** Goals and KPIs: list, read with evaluations, create, change, change status, preview; an account's KPIs and target suggestions. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Id, IdOrSlug } from '../../contract/common.ts';
import {
  AccountKpis,
  AsOfQuery,
  GoalCreateInput,
  GoalPreviewInput,
  GoalDetail,
  GoalFilter,
  GoalOut,
  GoalPreview,
  GoalStatusInput,
  GoalUpdateInput,
  TargetSuggestionQuery,
  TargetSuggestions,
} from '../../contract/goals.ts';
import { accountKpis } from '../../services/goals/account-kpis.ts';
import { createGoal } from '../../services/goals/create-goal.ts';
import { getGoal } from '../../services/goals/get-goal.ts';
import { listGoals } from '../../services/goals/list-goals.ts';
import { previewGoal } from '../../services/goals/preview-goal.ts';
import { setGoalStatus } from '../../services/goals/set-goal-status.ts';
import { suggestTargetsFor } from '../../services/goals/target-suggestions.ts';
import { updateGoal } from '../../services/goals/update-goal.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';

const goalParams = z.object({ goal: Id });
const accountParams = z.object({ account: IdOrSlug });

export const goalRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/goals',
      tags: ['goals'],
      summary: 'Goals you may read, filtered by unit (with sub-units), account, strategic goal, status',
      security: signedIn,
      request: { query: GoalFilter },
      responses: { 200: jsonContent(z.array(GoalOut), 'Goals'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await listGoals(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/goals',
      tags: ['goals'],
      summary: 'Create a goal (a draft) for an account or a campaign of accounts of one unit',
      security: signedIn,
      request: { body: jsonBody(GoalCreateInput) },
      responses: { 201: jsonContent(GoalOut, 'The new goal'), ...errors },
    }),
    async (c) => c.json(await createGoal(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/goals/preview',
      tags: ['goals'],
      summary: "The wizard's live check of an unsaved goal: SMART, activation, attainability per KPI (writes nothing)",
      security: signedIn,
      request: { body: jsonBody(GoalPreviewInput) },
      responses: { 200: jsonContent(GoalPreview, 'The check'), ...errors },
    }),
    async (c) => c.json(await previewGoal(requireContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/goals/{goal}',
      tags: ['goals'],
      summary: 'A goal with its SMART check, activation check and every KPI evaluated per account (as of ?at=, default today)',
      security: signedIn,
      request: { params: goalParams, query: AsOfQuery },
      responses: { 200: jsonContent(GoalDetail, 'The goal'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await getGoal(requireContext(c), c.req.valid('param').goal, { asOf: c.req.valid('query').at }), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/goals/{goal}',
      tags: ['goals'],
      summary: 'Change a goal; `kpis` replaces its KPIs. An active goal must stay activatable; archived goals are read-only',
      security: signedIn,
      request: { params: goalParams, body: jsonBody(GoalUpdateInput) },
      responses: { 200: jsonContent(GoalOut, 'The changed goal'), ...errors },
    }),
    async (c) => c.json(await updateGoal(requireContext(c), c.req.valid('param').goal, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/goals/{goal}/status',
      tags: ['goals'],
      summary: 'Activate (refused with the list of what is missing), mark achieved or missed, archive, or un-archive',
      security: signedIn,
      request: { params: goalParams, body: jsonBody(GoalStatusInput) },
      responses: { 200: jsonContent(GoalOut, 'The goal'), ...errors },
    }),
    async (c) => c.json(await setGoalStatus(requireContext(c), c.req.valid('param').goal, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/accounts/{account}/kpis',
      tags: ['goals'],
      summary: "Every KPI of the account's active, achieved and missed goals, evaluated for the account (as of ?at=)",
      security: signedIn,
      request: { params: accountParams, query: AsOfQuery },
      responses: { 200: jsonContent(AccountKpis, 'KPIs with evaluations'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await accountKpis(requireContext(c), c.req.valid('param').account, c.req.valid('query').at), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/accounts/{account}/target-suggestions',
      tags: ['goals'],
      summary: 'Target suggestions for a metric from the account\u2019s own history and the other internal accounts on its platform',
      security: signedIn,
      request: { params: accountParams, query: TargetSuggestionQuery },
      responses: { 200: jsonContent(TargetSuggestions, 'Suggestions'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      const { metric, measurement } = c.req.valid('query');
      return c.json(await suggestTargetsFor(requireContext(c), c.req.valid('param').account, metric, measurement), 200);
    },
  );
