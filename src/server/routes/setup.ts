/** First run: is an organisation set up yet, and create it with its first administrator. */
import { createRoute } from '@hono/zod-openapi';
import { SessionOut, SetupInput, SetupStatus } from '../../contract/auth.ts';
import { needsSetup, setupOrganisation } from '../../services/auth/setup-organisation.ts';
import { loadPersonActor } from '../../services/load-actor.ts';
import { anonymousContext, setSessionCookie } from '../auth.ts';
import { errors, jsonBody, jsonContent, router } from '../openapi-helpers.ts';
import { presentMe } from './present-me.ts';

export const setupRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/setup',
      tags: ['setup'],
      summary: 'Whether Målbar still needs its first-run set-up',
      responses: { 200: jsonContent(SetupStatus, 'Set-up status') },
    }),
    async (c) => c.json({ needsSetup: await needsSetup(anonymousContext(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/setup',
      tags: ['setup'],
      summary: 'Create the organisation and its first administrator (only while none exists); signs in',
      request: { body: jsonBody(SetupInput) },
      responses: { 201: jsonContent(SessionOut, 'Signed in as the new administrator'), 400: errors[400], 409: errors[409] },
    }),
    async (c) => {
      const ctx = anonymousContext(c);
      const result = await setupOrganisation(ctx, c.req.valid('json'), c.req.header('user-agent') ?? null);
      setSessionCookie(c, result.session);
      const actor = (await loadPersonActor(ctx.db, result.personId))!;
      return c.json({ me: await presentMe(ctx.db, actor), csrfToken: result.session.csrfToken }, 201);
    },
  );
