/**
 * Who is calling: a bearer API token, or a session cookie (with CSRF protection on changes).
 * Sets `auth` on the request; routes that need a person call `requireContext`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { AppError } from '../core/errors.ts';
import type { Context as ServiceContext, AnonymousContext } from '../services/context.ts';
import { loadPersonActor } from '../services/load-actor.ts';
import { resolveSession, type NewSession } from '../services/auth/sessions.ts';
import { resolveApiToken } from '../services/auth/api-tokens.ts';
import { safeEqual } from '../services/secrets.ts';
import type { AppEnv, AuthState, ServerDeps } from './env.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(deps: ServerDeps): string {
  return deps.config.secureCookies ? '__Host-maalbar_session' : 'maalbar_session';
}

export function setSessionCookie(c: Context<AppEnv>, session: NewSession): void {
  const deps = c.get('deps');
  setCookie(c, sessionCookieName(deps), session.secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies,
    path: '/',
    maxAge: 30 * 24 * 60 * 60,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const deps = c.get('deps');
  deleteCookie(c, sessionCookieName(deps), { path: '/', secure: deps.config.secureCookies });
}

/** The request's own origin, as the browser would send it in `Origin`. */
function expectedOrigins(c: Context<AppEnv>): string[] {
  const deps = c.get('deps');
  const origins: string[] = [];
  if (deps.config.publicUrl) origins.push(new URL(deps.config.publicUrl).origin);
  const url = new URL(c.req.url);
  origins.push(url.origin);
  const host = c.req.header('host');
  if (host) {
    const proto = deps.config.trustProxy ? (c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '')) : url.protocol.replace(':', '');
    origins.push(`${proto}://${host}`);
  }
  return origins;
}

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.get('deps');
  const db = deps.database.db;
  const now = deps.clock();
  let auth: AuthState | null = null;

  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const personId = match ? await resolveApiToken(db, match[1]!, now) : null;
    const actor = personId ? await loadPersonActor(db, personId) : null;
    if (!actor) throw new AppError('unauthenticated', 'The API token is unknown, revoked or expired.');
    auth = { actor, via: 'token', sessionId: null, csrfToken: null };
  } else {
    const secret = getCookie(c, sessionCookieName(deps));
    if (secret) {
      const session = await resolveSession(db, secret, now);
      const actor = session ? await loadPersonActor(db, session.personId) : null;
      if (session && actor) auth = { actor, via: 'cookie', sessionId: session.id, csrfToken: session.csrfToken };
      else clearSessionCookie(c);
    }
  }

  if (unsafeMethods.has(c.req.method) && auth?.via !== 'token') {
    // Cross-site form posts and fetches are refused whether or not a session exists.
    const origin = c.req.header('origin');
    if (origin && !expectedOrigins(c).includes(origin)) {
      throw new AppError('csrf_failed', `Requests from ${origin} are not accepted.`);
    }
    if (auth?.via === 'cookie') {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
        throw new AppError('csrf_failed', 'Send the X-CSRF-Token header from GET /api/v1/auth/session with every change.');
      }
    }
  }
  c.set('auth', auth);
  await next();
};

export function requireAuth(c: Context<AppEnv>): AuthState {
  const auth = c.get('auth');
  if (!auth) throw new AppError('unauthenticated', 'Sign in, or send a personal API token as "Authorization: Bearer …".');
  return auth;
}

/** The service context for a signed-in caller. */
export function requireContext(c: Context<AppEnv>): ServiceContext {
  const auth = requireAuth(c);
  const deps = c.get('deps');
  return { db: deps.database.db, actor: auth.actor, now: deps.clock() };
}

export function anonymousContext(c: Context<AppEnv>): AnonymousContext {
  const deps = c.get('deps');
  return { db: deps.database.db, now: deps.clock() };
}
