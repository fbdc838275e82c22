/** Strategic goals: list, create (organisation-wide or a unit's breakdown), change or archive. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Id } from '../../contract/common.ts';
import { StrategicGoalCreateInput, StrategicGoalOut, StrategicGoalUpdateInput } from '../../contract/goals.ts';
import { createStrategicGoal, listStrategicGoals, updateStrategicGoal } from '../../services/goals/strategic-goals.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';

export const strategicGoalRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/strategic-goals',
      tags: ['strategic goals'],
      summary: 'Organisation-wide strategic goals and those of units you may read, with the number of goals you may read under each',
      security: signedIn,
      responses: { 200: jsonContent(z.array(StrategicGoalOut), 'Strategic goals'), 401: errors[401] },
    }),
    async (c) => c.json(await listStrategicGoals(requireContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/strategic-goals',
      tags: ['strategic goals'],
      summary: 'Create a strategic goal (organisation-wide: administrators; for a unit: who may manage the unit)',
      security: signedIn,
      request: { body: jsonBody(StrategicGoalCreateInput) },
      responses: { 201: jsonContent(StrategicGoalOut, 'The new strategic goal'), ...errors },
    }),
    async (c) => c.json(await createStrategicGoal(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/strategic-goals/{id}',
      tags: ['strategic goals'],
      summary: 'Change or archive a strategic goal',
      security: signedIn,
      request: { params: z.object({ id: Id }), body: jsonBody(StrategicGoalUpdateInput) },
      responses: { 200: jsonContent(StrategicGoalOut, 'The changed strategic goal'), ...errors },
    }),
    async (c) => c.json(await updateStrategicGoal(requireContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
