import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../testing/database.ts';
import { seed } from '../testing/seed.ts';
import { testApp } from '../testing/http.ts';
import { expectProblem } from '../testing/assertions.ts';
import { apiRouters } from './app.ts';
import { createLogger } from './logger.ts';
import { loadConfig } from '../config.ts';

type OpenApiDoc = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[]; summary?: string; tags?: string[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

/** "METHOD /path/:param" for every route the API routers registered with Hono. */
function registeredRoutes(): string[] {
  return [...new Set(apiRouters.flatMap((r) => r.routes).map((r) => `${r.method} ${r.path}`))].sort();
}

function documentedRoutes(doc: OpenApiDoc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort();
}

function collectRefs(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

forEachDatabase('HTTP app', (fresh) => {
  test('errors are application/problem+json with type, title, status, code and detail (400, 401, 403, 404, 409)', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, anonymous } = testApp(t);
    const reporter = await signIn(s.people.reporter.email);

    const invalid = await expectProblem(await reporter.request('POST', '/accounts', { unit: s.units.departmentA1, platform: 'myspace', name: '' }), 400, 'validation_failed');
    assert.deepEqual(invalid.issues!.map((i) => i.path).sort(), ['name', 'platform']);
    assert.equal(invalid.type, 'https://maalbar.app/problems/validation-failed');

    const unauth = await expectProblem(await anonymous.request('GET', '/accounts'), 401, 'unauthenticated');
    assert.equal(unauth.issues, undefined);
    // Anonymous callers are refused before their request is validated: 401, not 400, for a bad query or body.
    await expectProblem(await anonymous.request('GET', '/evaluations?month=2026-13'), 401, 'unauthenticated');
    await expectProblem(await anonymous.request('GET', '/reports/annual?year=20x5&format=docx'), 401, 'unauthenticated');
    await expectProblem(await anonymous.request('PATCH', `/accounts/${s.accounts.a1Instagram}`, { platform: 'myspace' }), 401, 'unauthenticated');
    // Public routes still validate: a bad sign-in body is a 400.
    await expectProblem(await anonymous.request('POST', '/auth/login', { email: 'not-an-address' }), 400, 'validation_failed');
    await expectProblem(await reporter.request('POST', '/accounts', { unit: s.units.departmentA1, platform: 'x', name: 'A1 on X' }), 403, 'forbidden');
    await expectProblem(await reporter.request('GET', `/accounts/${crypto.randomUUID()}`), 404, 'not_found');
    await expectProblem(await reporter.request('GET', '/units/no-such-unit'), 404, 'not_found');
    await expectProblem(await anonymous.request('POST', '/setup', { organisationName: 'X', adminName: 'Y', email: 'y@example.no', password: 'long-enough-1' }), 409, 'already_set_up');
    await expectProblem(
      await (await signIn(s.people.admin.email)).request('POST', '/people', { name: 'Dup', email: s.people.viewer.email }),
      409,
      'conflict',
    );
  });

  test('malformed JSON, a wrong content type and an oversized body are 400 problems', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, anonymous } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    await expectProblem(await anonymous.request('POST', '/auth/login', '{"email": "a@b.no", "password": '), 400, 'validation_failed');
    await expectProblem(await editor.request('POST', '/accounts', '{not json'), 400, 'validation_failed');
    await expectProblem(await editor.request('PATCH', `/accounts/${s.accounts.a1Instagram}`, '[1, 2'), 400, 'validation_failed');
    const textPlain = await editor.request('POST', '/accounts', JSON.stringify({ unit: s.units.departmentA1, platform: 'x', name: 'Sneaky' }), { 'content-type': 'text/plain' });
    await expectProblem(textPlain, 400, 'validation_failed');
    const huge = JSON.stringify({ unit: s.units.departmentA1, platform: 'x', name: 'Big', audienceNeeds: 'x'.repeat(1024 * 1024 + 10) });
    const big = await editor.request('POST', '/accounts', huge, { 'content-length': String(Buffer.byteLength(huge)) });
    await expectProblem(big, 413, 'too_large');
    assert.equal((await editor.json<unknown[]>('GET', '/accounts')).body.length, 1, 'nothing was created');
  });

  test('an unknown API route is a 404 problem, also for unknown methods', async () => {
    await using t = await fresh();
    await seed(t.db);
    const { app, anonymous } = testApp(t);
    for (const [method, path] of [
      ['GET', '/api/v1/nope'],
      ['POST', '/api/v1/nope'],
      ['GET', '/api/v2/accounts'],
      ['GET', '/api/nope'],
      ['DELETE', '/api/v1/accounts'],
      ['PUT', '/api/v1/units'],
    ] as const) {
      const res = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? null : '{}' });
      const problem = await expectProblem(res, 404, 'not_found');
      assert.match(problem.detail, /No API route/);
    }
    void anonymous;
  });

  test('/healthz and /readyz answer 200', async () => {
    await using t = await fresh();
    const { app } = testApp(t);
    const health = await app.request('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await app.request('/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', database: t.kind });
  });

  test('/readyz is a 503 problem when the database is closed; /healthz still answers', async () => {
    const t = await fresh(); // closed by hand below
    const lines: string[] = [];
    const { app } = testApp(t, { logger: createLogger('debug', (l) => lines.push(l)) });
    assert.equal((await app.request('/readyz')).status, 200);
    await t.close();
    await expectProblem(await app.request('/readyz'), 503, 'database_unavailable');
    assert.equal((await app.request('/healthz')).status, 200);
    assert.ok(lines.some((l) => JSON.parse(l).msg === 'readiness check failed'));
  });

  test('an unexpected error is a 500 problem that reveals nothing and is logged', async () => {
    const t = await fresh();
    const s = await seed(t.db);
    const lines: string[] = [];
    const { signIn } = testApp(t, { logger: createLogger('info', (l) => lines.push(l)) });
    const editor = await signIn(s.people.editor.email);
    await t.close();
    const problem = await expectProblem(await editor.request('GET', '/accounts'), 500, 'internal');
    assert.doesNotMatch(problem.detail, /pglite|pool|closed|database|sql|select/i);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; level: string; error?: { message: string } });
    const entry = logged.find((l) => l.msg === 'unhandled error');
    assert.equal(entry?.level, 'error');
    assert.ok(entry?.error?.message);
    // The request log does not carry the session cookie.
    assert.ok(!lines.some((l) => l.includes(editor.cookie.split('=')[1]!)));
  });

  test('the OpenAPI document lists exactly the routes the API routers registered, with component schemas', async () => {
    await using t = await fresh();
    const { app, anonymous } = testApp(t);
    const res = await app.request('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const doc = (await res.json()) as OpenApiDoc;
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'Målbar API');

    const registered = registeredRoutes();
    assert.ok(registered.length >= 20, `${registered.length} routes`);
    assert.deepEqual(documentedRoutes(doc), registered);

    for (const name of ['Account', 'AccountDetail', 'AccountCreateInput', 'AccountUpdateInput', 'Unit', 'UnitDetail', 'Person', 'RoleGrant', 'Session', 'Me', 'Token', 'TokenCreated', 'Problem', 'SetupInput', 'LoginInput']) {
      assert.ok(doc.components.schemas[name], `component schema ${name}`);
    }
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['bearer', 'cookie']);
    for (const ref of collectRefs(doc)) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      assert.ok(name && doc.components.schemas[name], `unresolved ${ref}`);
    }
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op.summary && op.tags?.length, `${method} ${path} has a summary and a tag`);
        if (op.security?.length) assert.ok(op.responses['401'], `${method} ${path} documents 401`);
      }
    }

    // Every registered route is served under /api/v1 (reaches its handler, not the catch-all 404).
    for (const route of registered) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await anonymous.request(method, path.replace(/:\w+/g, crypto.randomUUID()), method === 'GET' || method === 'DELETE' ? undefined : {});
      const text = await res.text();
      assert.ok(!text.includes('No API route'), `${route} is not mounted: ${text}`);
    }
  });

  test('/api/v1/docs is an HTML page listing every path, without scripts', async () => {
    await using t = await fresh();
    const { app } = testApp(t);
    const res = await app.request('/api/v1/docs');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /<title>Målbar API<\/title>/);
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDoc;
    for (const path of Object.keys(doc.paths)) assert.ok(html.includes(`/api/v1${path}`), path);
    assert.doesNotMatch(html, /<script/i);
  });

  test('security headers are on every answer: CSP without framing, nosniff, referrer policy; HSTS only over https', async () => {
    await using t = await fresh();
    await seed(t.db);
    const { app } = testApp(t);
    for (const path of ['/healthz', '/api/v1/accounts', '/api/v1/docs', '/api/v1/nope', '/api/v1/setup']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /object-src 'none'/, path);
      assert.doesNotMatch(csp, /unsafe-eval/, path);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'same-origin', path);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(res.headers.get('strict-transport-security'), null, path);
    }
    const https = testApp(t, { config: loadConfig({ MAALBAR_PUBLIC_URL: 'https://maalbar.example.no' }) });
    assert.match((await https.app.request('/healthz')).headers.get('strict-transport-security') ?? '', /max-age=31536000/);
  });
});
