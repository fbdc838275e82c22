/**
 * The API's route table, and which of its routes the authorisation policy has exercised.
 *
 * Routes come from the real app (`app.routes`, everything `apiRouters` registered), so a route
 * added anywhere is listed here without anyone remembering to. A request is attributed to the
 * route Hono's own router matches for it, so a policy row counts for exactly the route it hit.
 * The policy tests are read for their requests (`routesOfPolicyFile`); `uncoveredRoutes` names the
 * routes that no policy table exercises for every caller.
 */
import type { Hono } from 'hono';

export const API_PREFIX = '/api/v1';

/** `METHOD /api/v1/path/:param`, as Hono registered it. */
export type RouteKey = string;

/** Minimal structural view of a Hono app: its registered routes and its router. */
interface RoutedApp {
  routes: Hono['routes'];
  router: { match(method: string, path: string): unknown };
}

/**
 * Routes that are public by design, each with its reason. They are reached without a session, so
 * they are not rows of the role policy; their own tests cover them.
 */
export const publicRoutes: Record<RouteKey, string> = {
  'GET /api/v1/setup': 'first-run set-up: says whether the organisation exists yet (setup.test.ts)',
  'POST /api/v1/setup': 'first-run set-up: creates the organisation and first administrator before anyone can sign in; refused once set up (setup.test.ts)',
  'POST /api/v1/auth/login': 'sign-in itself (auth.test.ts)',
  'GET /api/v1/auth/providers': 'which ways to sign in exist (password, single sign-on): the sign-in page asks before anyone is signed in',
  'POST /api/v1/auth/logout': 'ends the caller’s session if there is one; harmless without (auth.test.ts)',
  'GET /api/v1/calendar/:feed': 'calendar feed: the secret in the address is the key, for calendar apps that cannot sign in (notifications.test.ts)',
  'GET /api/v1/openapi.json': 'the published API description',
  'GET /api/v1/docs': 'the published API page',
};

/**
 * Single sign-on: the redirect to the identity provider and its callback happen before there is
 * a session, so any route under /auth/oidc/ is public by design (oidc tests).
 */
export function isPublicRoute(key: RouteKey): boolean {
  return key in publicRoutes || /^(GET|POST) \/api\/v1\/auth\/oidc\//.test(key);
}

/** Every API route of the app (method and path), sorted; catch-alls and middleware are not routes. */
export function apiRoutes(app: RoutedApp): RouteKey[] {
  const keys = new Set<RouteKey>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith(`${API_PREFIX}/`) || r.path.endsWith('*')) continue;
    keys.add(`${r.method} ${r.path}`);
  }
  return [...keys].sort();
}

/** The route Hono's router picks for a request (`url` may carry a query), or null when none does. */
export function matchRoute(app: RoutedApp, method: string, url: string): RouteKey | null {
  const path = url.split('?')[0]!;
  // SmartRouter/TrieRouter: [[[handler, route], params][]]; RegExpRouter: [[[handler, route], paramMap][], stash].
  const [matches] = app.router.match(method.toUpperCase(), path) as [[[unknown, { method: string; path: string }], unknown][]];
  for (const [[, route]] of matches) {
    if (route.method !== 'ALL' && !route.path.endsWith('*')) return `${route.method} ${route.path}`;
  }
  return null;
}

/** Where a route is exercised: `file: operation`. */
export type PolicyUse = string;

const operationsBlock = /^const operations\b[\s\S]*?^};/m;
const operationEntry = /^\s*'([^']+)':\s*\([^)]*\)\s*=>\s*([\s\S]*?)(?=^\s*'[^']+':\s*\(|^};)/gm;
const requestCall = /\.(?:request|json)(?:<[^>]*>)?\(\s*'(GET|POST|PUT|PATCH|DELETE)',\s*(['`])(.*?)\2/g;

/**
 * The routes a policy test file exercises. A policy file (one that calls `runPolicy` for every
 * caller in `callers`) keeps its requests in `const operations = { 'name': (c, w) => c.request(…) }`;
 * each request's method and path (template parts replaced by a placeholder segment) are matched
 * against the app's router like a real request. A request written some other way (through a
 * helper) is not seen, so its route is reported missing: the check errs on the safe side.
 */
export function routesOfPolicyFile(app: RoutedApp, file: string, source: string): Map<RouteKey, PolicyUse[]> {
  const found = new Map<RouteKey, PolicyUse[]>();
  if (!/\brunPolicy\b/.test(source) || !/for \(const caller of callers\)/.test(source)) return found;
  const block = operationsBlock.exec(source)?.[0] ?? '';
  for (const [, name, body] of block.matchAll(operationEntry)) {
    for (const [, method, , path] of body!.matchAll(requestCall)) {
      const concrete = path!.replace(/\$\{[^}]*\}/g, 'x0');
      const route = matchRoute(app, method!, `${API_PREFIX}${concrete}`);
      if (route) found.set(route, [...(found.get(route) ?? []), `${file}: ${name}`]);
    }
  }
  return found;
}

/** The non-public routes of `routes` that no policy exercises. */
export function uncoveredRoutes(routes: RouteKey[], covered: ReadonlyMap<RouteKey, unknown>): RouteKey[] {
  return routes.filter((r) => !isPublicRoute(r) && !covered.has(r));
}

/** A readable failure message naming every missing route. */
export function describeUncovered(missing: RouteKey[]): string {
  return (
    `${missing.length} API route(s) are in no authorisation policy (a runPolicy table run for every caller, e.g. ` +
    `src/server/routes/roles-matrix.test.ts); add a row for each, or, only if public by design, a reasoned entry in ` +
    `src/testing/route-coverage.ts:\n${missing.map((r) => `  ${r}`).join('\n')}`
  );
}

/** A concrete request path (after /api/v1) for a route, with a harmless value for each parameter. */
export function concretePath(route: RouteKey): { method: string; path: string } {
  const [method, pattern] = route.split(' ') as [string, string];
  const values: Record<string, string> = { platform: 'instagram', year: '2025', feed: 'mlbcal_not-a-real-feed' };
  const path = pattern.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000');
  return { method, path: path.slice(API_PREFIX.length) };
}

export const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
