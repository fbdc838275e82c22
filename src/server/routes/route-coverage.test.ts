/**
 * No API route can escape the authorisation policy. The route table is read from the real app, so
 * a route added anywhere is checked here:
 *   - every route is exercised by a policy table (runPolicy for every caller, admin … anonymous,
 *     with in-scope and out-of-scope units), unless it is public by design (route-coverage.ts says why);
 *   - every non-public route answers 401 to an anonymous caller, whatever it sends;
 *   - every state-changing route refuses a session request without the CSRF token, and any request
 *     from another origin; and none of these refusals changes anything.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { createApp } from '../app.ts';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../logger.ts';
import { FailureLimiter } from '../rate-limit.ts';
import type { Database } from '../../db/client.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';
import { changedTables, snapshotAllTables } from '../../testing/table-snapshot.ts';
import {
  apiRoutes, concretePath, describeUncovered, isPublicRoute, matchRoute, routesOfPolicyFile, stateChanging, uncoveredRoutes, type RouteKey,
} from '../../testing/route-coverage.ts';

const root = new URL('../../../', import.meta.url).pathname;

/** The real app's routes; building the app touches no database. */
function routeTable() {
  const app = createApp({
    database: null as unknown as Database, // never used: only the route table is read
    config: loadConfig({}),
    logger: createLogger('silent'),
    loginLimiter: new FailureLimiter({ windowMs: 60_000, maxPerKey: 10 }),
    clock: () => new Date(),
    webRoot: null,
  });
  return { app, routes: apiRoutes(app) };
}

/** Every route that some policy test in src/ exercises, with the operations that do. */
function policyCoverage(app: ReturnType<typeof routeTable>['app']): Map<RouteKey, string[]> {
  const covered = new Map<RouteKey, string[]>();
  for (const file of globSync('src/**/*.test.ts', { cwd: root })) {
    for (const [route, uses] of routesOfPolicyFile(app, file, readFileSync(root + file, 'utf8'))) {
      covered.set(route, [...(covered.get(route) ?? []), ...uses]);
    }
  }
  return covered;
}

test('the route table is read from the app: every router’s routes are there, and public routes are few and reasoned', () => {
  const { routes } = routeTable();
  assert.ok(routes.length >= 80, `${routes.length} routes`);
  for (const r of ['GET /api/v1/accounts', 'POST /api/v1/accounts/:account/imports', 'GET /api/v1/reports/annual', 'GET /api/v1/calendar/:feed']) {
    assert.ok(routes.includes(r), r);
  }
  assert.ok(!routes.some((r) => r.includes('*')), 'catch-alls are not routes');
  const publicOnes = routes.filter(isPublicRoute);
  assert.ok(publicOnes.every((r) => /\/(setup|auth\/(login|logout|providers|oidc\/.*)|calendar\/:feed|openapi\.json|docs)$/.test(r)), publicOnes.join(', '));
});

test('a request is attributed to the route the router picks, so a policy row counts for exactly that route', () => {
  const { app } = routeTable();
  assert.equal(matchRoute(app, 'POST', '/api/v1/goals/preview'), 'POST /api/v1/goals/preview');
  assert.equal(matchRoute(app, 'GET', '/api/v1/goals/abc?at=2026-01-01'), 'GET /api/v1/goals/:goal');
  assert.equal(matchRoute(app, 'DELETE', '/api/v1/accounts'), null);
  const source = [
    'for (const caller of callers) runPolicy({});',
    'const operations = {',
    "  'list units': (c) => c.request('GET', '/units'),",
    "  'read B': (c, { s }) =>",
    "    c.request('GET', `/units/${s.units.facultyB}`),",
    '};',
  ].join('\n');
  const found = routesOfPolicyFile(app, 'x.test.ts', source);
  assert.deepEqual([...found.keys()].sort(), ['GET /api/v1/units', 'GET /api/v1/units/:unit']);
  assert.deepEqual(found.get('GET /api/v1/units/:unit'), ['x.test.ts: read B']);
  // A file that does not run its table for every caller is no policy.
  assert.equal(routesOfPolicyFile(app, 'y.test.ts', source.replace('for (const caller of callers)', '')).size, 0);
  const missing = uncoveredRoutes(['GET /api/v1/units', 'POST /api/v1/units', 'POST /api/v1/setup'], found);
  assert.deepEqual(missing, ['POST /api/v1/units']);
  assert.match(describeUncovered(missing), /POST \/api\/v1\/units/);
});

test('every API route is in an authorisation policy run for every role, or public by design', () => {
  const { app, routes } = routeTable();
  const missing = uncoveredRoutes(routes, policyCoverage(app));
  assert.deepEqual(missing, [], describeUncovered(missing));
});

forEachDatabase('every route, generated from the route table', (fresh) => {
  test('every non-public route answers 401 to an anonymous caller, whatever it sends, and nothing changes', async () => {
    await using t = await fresh();
    await seed(t.db);
    const { anonymous } = testApp(t);
    const before = await snapshotAllTables(t.db);
    const { routes } = routeTable();
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !isPublicRoute(r))) {
      const { method, path } = concretePath(route);
      const attempts: [string, string | undefined, Record<string, string>][] = stateChanging.has(method)
        ? [['empty JSON', '{}', {}], ['malformed JSON', '{"a": ', {}], ['CSV', 'date,metric,value\n', { 'content-type': 'text/csv' }]]
        : [['no query', undefined, {}], ['a hostile query', undefined, {}]];
      for (const [what, body, headers] of attempts) {
        const url = what === 'a hostile query' ? `${path}?period=x&metric=%00&unit=../../` : path;
        const res = await anonymous.request(method, url, body, headers);
        if (res.status !== 401) wrong.push(`${route} (${what}): ${res.status}`);
        else await expectProblem(res, 401, 'unauthenticated');
        await res.body?.cancel().catch(() => {});
      }
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(changedTables(before, await snapshotAllTables(t.db)), []);
  });

  test('every state-changing route refuses a session without the CSRF token, and any caller from another origin; nothing changes', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t);
    const admin = await signIn(s.people.admin.email);
    const before = await snapshotAllTables(t.db);
    const { routes } = routeTable();
    const unsafeRoutes = routes.filter((r) => stateChanging.has(r.split(' ')[0]!));
    assert.ok(unsafeRoutes.length >= 40, `${unsafeRoutes.length} state-changing routes`);
    const wrong: string[] = [];
    // Raw requests: the test client would add the session's token by itself.
    const send = (method: string, path: string, headers: Record<string, string>) =>
      app.request(`/api/v1${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    const cookie = admin.cookie;
    const evil = 'https://evil.example';
    for (const route of unsafeRoutes) {
      const { method, path } = concretePath(route);
      const noToken = await send(method, path, { cookie });
      const withWrongToken = await send(method, path, { cookie, 'x-csrf-token': 'not-the-token' });
      const crossSite = await send(method, path, { cookie, 'x-csrf-token': admin.csrfToken, origin: evil });
      const anonymousCrossSite = await send(method, path, { origin: evil });
      for (const [what, res] of [['no token', noToken], ['wrong token', withWrongToken], ['cross-site with token', crossSite], ['anonymous cross-site', anonymousCrossSite]] as const) {
        if (res.status !== 403) wrong.push(`${route} (${what}): ${res.status}`);
        else await expectProblem(res, 403, 'csrf_failed');
        await res.body?.cancel().catch(() => {});
      }
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(changedTables(before, await snapshotAllTables(t.db)), []);
  });
});
