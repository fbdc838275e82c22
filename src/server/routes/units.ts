/** The unit tree: list, read, create, rename, move, archive. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdOrSlug } from '../../contract/common.ts';
import { UnitCreateInput, UnitDetail, UnitOut, UnitUpdateInput } from '../../contract/units.ts';
import { createUnit } from '../../services/units/create-unit.ts';
import { getUnit } from '../../services/units/get-unit.ts';
import { listUnits } from '../../services/units/list-units.ts';
import { updateUnit } from '../../services/units/update-unit.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';

const params = z.object({ unit: IdOrSlug });

export const unitRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/units',
      tags: ['units'],
      summary: 'All units, depth first (archived ones with ?archived=true)',
      security: signedIn,
      request: { query: z.object({ archived: z.enum(['true', 'false']).optional() }) },
      responses: { 200: jsonContent(z.array(UnitOut), 'Units'), 401: errors[401] },
    }),
    async (c) => c.json(await listUnits(requireContext(c), { includeArchived: c.req.valid('query').archived === 'true' }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/units',
      tags: ['units'],
      summary: 'Create a unit',
      security: signedIn,
      request: { body: jsonBody(UnitCreateInput) },
      responses: { 201: jsonContent(UnitOut, 'The new unit'), ...errors },
    }),
    async (c) => c.json(await createUnit(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/units/{unit}',
      tags: ['units'],
      summary: 'A unit with its named reporters, evaluators and managers',
      security: signedIn,
      request: { params },
      responses: { 200: jsonContent(UnitDetail, 'The unit'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await getUnit(requireContext(c), c.req.valid('param').unit), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/units/{unit}',
      tags: ['units'],
      summary: 'Rename, move (parent), archive or restore a unit',
      security: signedIn,
      request: { params, body: jsonBody(UnitUpdateInput) },
      responses: { 200: jsonContent(UnitOut, 'The changed unit'), ...errors },
    }),
    async (c) => c.json(await updateUnit(requireContext(c), c.req.valid('param').unit, c.req.valid('json')), 200),
  );
