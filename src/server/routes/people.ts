/** People and their role grants. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Id } from '../../contract/common.ts';
import { PersonCreateInput, PersonOut, PersonUpdateInput, RoleGrantCreateInput, RoleGrantOut } from '../../contract/people.ts';
import { createPerson } from '../../services/people/create-person.ts';
import { getPerson, listPeople } from '../../services/people/list-people.ts';
import { grantRole, revokeRole } from '../../services/people/role-grants.ts';
import { updatePerson } from '../../services/people/update-person.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, noContent, router, signedIn } from '../openapi-helpers.ts';

const params = z.object({ person: z.string().min(1).describe('person id or e-mail') });

export const peopleRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/people',
      tags: ['people'],
      summary: "The organisation's people with their roles",
      security: signedIn,
      responses: { 200: jsonContent(z.array(PersonOut), 'People'), 401: errors[401] },
    }),
    async (c) => c.json(await listPeople(requireContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people',
      tags: ['people'],
      summary: 'Add a person (administrators and unit managers)',
      security: signedIn,
      request: { body: jsonBody(PersonCreateInput) },
      responses: { 201: jsonContent(PersonOut, 'The new person'), ...errors },
    }),
    async (c) => c.json(await createPerson(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/people/{person}',
      tags: ['people'],
      summary: 'One person with their roles',
      security: signedIn,
      request: { params },
      responses: { 200: jsonContent(PersonOut, 'The person'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await getPerson(requireContext(c), c.req.valid('param').person), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/people/{person}',
      tags: ['people'],
      summary: 'Change name or language (self or admin); deactivate or set a password (admin)',
      security: signedIn,
      request: { params, body: jsonBody(PersonUpdateInput) },
      responses: { 200: jsonContent(PersonOut, 'The changed person'), ...errors },
    }),
    async (c) => c.json(await updatePerson(requireContext(c), c.req.valid('param').person, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/role-grants',
      tags: ['people'],
      summary: 'Grant a role on a unit (or admin on the organisation)',
      security: signedIn,
      request: { body: jsonBody(RoleGrantCreateInput) },
      responses: { 201: jsonContent(RoleGrantOut, 'The grant'), ...errors },
    }),
    async (c) => c.json(await grantRole(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/role-grants/{id}',
      tags: ['people'],
      summary: 'Revoke a role grant',
      security: signedIn,
      request: { params: z.object({ id: Id }) },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await revokeRole(requireContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
