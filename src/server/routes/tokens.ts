/** Personal API tokens of the signed-in person. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { TokenCreated, TokenCreateInput, TokenOut } from '../../contract/auth.ts';
import { Id } from '../../contract/common.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/auth/api-tokens.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, noContent, router, signedIn } from '../openapi-helpers.ts';

export const tokenRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tokens',
      tags: ['tokens'],
      summary: 'Your active API tokens (never their secrets)',
      security: signedIn,
      responses: { 200: jsonContent(z.array(TokenOut), 'Tokens'), 401: errors[401] },
    }),
    async (c) => c.json(await listApiTokens(requireContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: ['tokens'],
      summary: 'Create a personal API token; the secret is in this answer only',
      security: signedIn,
      request: { body: jsonBody(TokenCreateInput) },
      responses: { 201: jsonContent(TokenCreated, 'The new token'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await createApiToken(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tokens/{id}',
      tags: ['tokens'],
      summary: 'Revoke one of your tokens',
      security: signedIn,
      request: { params: z.object({ id: Id }) },
      responses: { 204: noContent, 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      await revokeApiToken(requireContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
