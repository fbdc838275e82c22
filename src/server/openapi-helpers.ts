/** Small helpers to declare routes for @hono/zod-openapi with the shared contract schemas. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { Problem } from '../contract/common.ts';
import { requireAuth } from './auth.ts';
import type { AppEnv } from './env.ts';
import { toAppError } from './problem.ts';

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

/** The error responses every authenticated route can give. */
export const errors = {
  400: problem('The request is not valid (see `issues`)'),
  401: problem('Not signed in'),
  403: problem('Not allowed, or missing CSRF token'),
  404: problem('Not found, or not visible to you'),
  409: problem('Conflicts with existing data'),
} as const;

export const noContent = { description: 'Done' };

/** Refuses an anonymous caller before anything else is looked at. */
const signInFirst: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireAuth(c);
  await next();
};

/**
 * A router whose request validation failures become `validation_failed` problems. Routes declared
 * with `security: signedIn` check the caller before validating the request, so an anonymous
 * request is answered 401 whatever it sent (not 400 for a bad parameter, which would tell a
 * stranger about the API's rules before signing in).
 */
export function router(): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw toAppError(result.error);
    },
  });
  const declare = r.openapi.bind(r);
  type Route = Parameters<typeof declare>[0];
  r.openapi = ((route: Route, ...rest: unknown[]) => {
    const own = route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware];
    const checked = route.security === signedIn ? { ...route, middleware: [signInFirst, ...own] } : route;
    // The declared generics are kept by the cast; only the route's middleware list changes.
    return (declare as (...args: unknown[]) => unknown)(checked, ...rest);
  }) as typeof r.openapi;
  return r;
}

/** Security requirement objects for the OpenAPI document. */
export const signedIn: Record<string, string[]>[] = [{ cookie: [] }, { bearer: [] }];
