/**
 * Single sign-on with OpenID Connect (public routes): which providers the sign-in page offers, the
 * start (a redirect to the provider) and the provider's callback (code exchange, person, session,
 * redirect back). Every failure ends on the sign-in page with `?sso_error=<code>` and a log line
 * without secrets.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AuthProviders, OidcCallbackQuery, OidcStartQuery, type SsoErrorCode } from '../../contract/oidc.ts';
import { AppError } from '../../core/errors.ts';
import type { OidcConfig } from '../../config.ts';
import { authorizationRequest, exchangeCode } from '../../services/auth/oidc-client.ts';
import { signInWithSso } from '../../services/auth/oidc-sign-in.ts';
import { OIDC_TRANSACTION_MS, openTransaction, safeReturnTo, sealTransaction } from '../../services/auth/oidc-transaction.ts';
import { endSession } from '../../services/auth/sessions.ts';
import { anonymousContext, sessionCookieName, setSessionCookie } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { errors, jsonContent, router } from '../openapi-helpers.ts';

const START_PATH = '/api/v1/auth/oidc/start';
const COOKIE_PATH = '/api/v1/auth/oidc';

function transactionCookieName(c: Context<AppEnv>): string {
  return c.get('deps').config.secureCookies ? '__Secure-maalbar_oidc' : 'maalbar_oidc';
}

function requireOidc(c: Context<AppEnv>): OidcConfig {
  const oidc = c.get('deps').config.oidc;
  if (!oidc) throw new AppError('not_found', 'Single sign-on is not configured.');
  return oidc;
}

/** Back to the sign-in page with a code it explains; the reason is logged, never a secret. */
function refuse(c: Context<AppEnv>, reason: SsoErrorCode, detail: string, level: 'warn' | 'error' = 'warn') {
  c.get('deps').logger[level]('single sign-on refused', { reason, detail, requestId: c.get('requestId') });
  return c.redirect(`/sign-in?sso_error=${reason}`, 302);
}

/** An openid-client error, described without tokens or secrets. */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const extra = e as Error & { code?: unknown; error?: unknown; status?: unknown };
  const parts = [e.name, e.message];
  if (typeof extra.code === 'string') parts.push(`code ${extra.code}`);
  if (typeof extra.error === 'string') parts.push(`error ${extra.error}`);
  if (typeof extra.status === 'number') parts.push(`status ${extra.status}`);
  return parts.join(': ');
}

export const oidcRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/providers',
      tags: ['auth'],
      summary: 'The single sign-on provider the sign-in page offers, if any',
      responses: { 200: jsonContent(AuthProviders, 'Sign-in providers') },
    }),
    (c) => {
      const oidc = c.get('deps').config.oidc;
      return c.json({ oidc: oidc ? { name: oidc.name, startUrl: START_PATH } : null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/oidc/start',
      tags: ['auth'],
      summary: 'Start single sign-on: redirects to the provider (state, nonce, PKCE S256)',
      request: { query: OidcStartQuery },
      responses: { 302: { description: 'To the provider, or to the sign-in page when it cannot be reached' }, 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const oidc = requireOidc(c);
      const deps = c.get('deps');
      const returnTo = safeReturnTo(c.req.valid('query').returnTo);
      let started;
      try {
        started = await authorizationRequest(oidc, returnTo, deps.clock());
      } catch (e) {
        return refuse(c, 'provider_error', `the provider could not be reached: ${describeError(e)}`, 'error');
      }
      setCookie(c, transactionCookieName(c), sealTransaction(oidc.clientSecret, started.transaction), {
        httpOnly: true,
        secure: deps.config.secureCookies,
        sameSite: 'Lax',
        path: COOKIE_PATH,
        maxAge: OIDC_TRANSACTION_MS / 1000,
      });
      return c.redirect(started.url.href, 302);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/oidc/callback',
      tags: ['auth'],
      summary: "The provider's redirect back: signs in and redirects to where the sign-in started",
      request: { query: OidcCallbackQuery },
      responses: { 302: { description: 'Signed in (to returnTo), or refused (to /sign-in?sso_error=…)' }, 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const oidc = requireOidc(c);
      const deps = c.get('deps');
      const query = c.req.valid('query');
      const sealed = getCookie(c, transactionCookieName(c));
      // One attempt, one callback: the cookie is gone whatever happens next.
      deleteCookie(c, transactionCookieName(c), { path: COOKIE_PATH, secure: deps.config.secureCookies });
      if (!sealed) return refuse(c, 'expired', 'no sign-in cookie: the attempt expired or was started in another browser');
      const transaction = openTransaction(oidc.clientSecret, sealed, deps.clock());
      if (transaction === 'expired') return refuse(c, 'expired', 'the sign-in attempt is older than 10 minutes');
      if (transaction === 'invalid') return refuse(c, 'state_mismatch', 'the sign-in cookie is not one Målbar sealed');
      if (query.error) {
        return refuse(c, query.error === 'access_denied' ? 'access_denied' : 'provider_error', `the provider answered error=${query.error}`);
      }
      if (query.state !== transaction.state) return refuse(c, 'state_mismatch', 'state does not match the attempt this browser started');

      let claims;
      try {
        claims = await exchangeCode(oidc, transaction, new URL(c.req.url).search);
      } catch (e) {
        return refuse(c, 'provider_error', `the code exchange failed: ${describeError(e)}`, 'error');
      }
      const result = await signInWithSso(anonymousContext(c), oidc, claims, c.req.header('user-agent') ?? null);
      if (!result.ok) return refuse(c, result.reason, `${result.detail} (issuer ${claims.issuer}, subject ${claims.subject})`, result.reason === 'misconfigured' ? 'error' : 'warn');

      // A fresh session id: a session cookie this browser had before is ended, never reused.
      const previous = getCookie(c, sessionCookieName(deps));
      if (previous) await endSession(deps.database.db, previous);
      setSessionCookie(c, result.session);
      deps.logger.info('single sign-on', {
        requestId: c.get('requestId'),
        person: result.personId,
        how: result.how,
        grantsAdded: result.grants?.added.map((g) => g.label) ?? [],
        grantsRemoved: result.grants?.removed.map((g) => g.label) ?? [],
      });
      if (result.grants?.keptLastAdmin) {
        deps.logger.warn('single sign-on kept the last administrator', {
          person: result.personId,
          detail: 'the groups no longer give this person admin, but no other active administrator exists; revoke it by hand after granting another',
        });
      }
      return c.redirect(transaction.returnTo, 302);
    },
  );
