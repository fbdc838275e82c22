/** Sign-in, sign-out, the current session, and changing one's password. */
import { createRoute } from '@hono/zod-openapi';
import { LoginInput, PasswordChangeInput, SessionOut } from '../../contract/auth.ts';
import { AppError } from '../../core/errors.ts';
import { signIn } from '../../services/auth/sign-in.ts';
import { endSession } from '../../services/auth/sessions.ts';
import { changePassword } from '../../services/auth/change-password.ts';
import { loadPersonActor } from '../../services/load-actor.ts';
import { getCookie } from 'hono/cookie';
import { anonymousContext, clearSessionCookie, requireAuth, requireContext, sessionCookieName, setSessionCookie } from '../auth.ts';
import { clientAddress } from '../client-address.ts';
import { errors, jsonBody, jsonContent, noContent, router, signedIn } from '../openapi-helpers.ts';
import { presentMe } from './present-me.ts';

export const authRoutes = router()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets the session cookie',
      request: { body: jsonBody(LoginInput) },
      responses: {
        200: jsonContent(SessionOut, 'Signed in'),
        400: errors[400],
        401: errors[401],
        429: { description: 'Too many failed attempts; see Retry-After' },
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const input = c.req.valid('json');
      const keys = [`ip:${clientAddress(c)}`, `email:${input.email}`];
      const now = deps.clock().getTime();
      const wait = deps.loginLimiter.retryAfter(keys, now);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new AppError('rate_limited', `Too many failed sign-in attempts. Try again in ${wait} seconds.`);
      }
      const ctx = anonymousContext(c);
      let result;
      try {
        result = await signIn(ctx, input, c.req.header('user-agent') ?? null);
      } catch (e) {
        if (e instanceof AppError && e.code === 'invalid_credentials') {
          deps.loginLimiter.fail(keys, now);
          deps.logger.warn('sign-in failed', { ip: keys[0], requestId: c.get('requestId') });
        }
        throw e;
      }
      deps.loginLimiter.succeed([keys[1]!]);
      // A fresh session id at every sign-in: an old cookie (fixation) is replaced, never reused.
      setSessionCookie(c, result.session);
      const actor = (await loadPersonActor(ctx.db, result.personId))!;
      return c.json({ me: await presentMe(ctx.db, actor), csrfToken: result.session.csrfToken }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      summary: 'Sign out (ends the session)',
      responses: { 204: noContent },
    }),
    async (c) => {
      const secret = getCookie(c, sessionCookieName(c.get('deps')));
      if (secret) await endSession(c.get('deps').database.db, secret);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/session',
      tags: ['auth'],
      summary: 'The signed-in person and the CSRF token to send with changes',
      security: signedIn,
      responses: { 200: jsonContent(SessionOut, 'The current session'), 401: errors[401] },
    }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json({ me: await presentMe(c.get('deps').database.db, auth.actor), csrfToken: auth.csrfToken ?? '' }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags: ['auth'],
      summary: "Change one's own password (other sessions end)",
      security: signedIn,
      request: { body: jsonBody(PasswordChangeInput) },
      responses: { 204: noContent, 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      await changePassword(requireContext(c), c.req.valid('json'), requireAuth(c).sessionId);
      return c.body(null, 204);
    },
  );
