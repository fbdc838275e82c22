/**
 * Malformed bodies on every route that takes one, generated from the route table's request
 * schemas (the OpenAPI document the routers publish): broken JSON, JSON of the wrong shape, wrong
 * content types, and broken CSV on the routes that read CSV. Each is a 400 problem that says what
 * is wrong (for CSV: the row and column), and no table changes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApi } from './app.ts';
import { openApiInfo } from './api-docs.ts';
import { forEachDatabase } from '../testing/database.ts';
import { seed } from '../testing/seed.ts';
import { testApp } from '../testing/http.ts';
import { expectProblem } from '../testing/assertions.ts';
import { changedTables, snapshotAllTables } from '../testing/table-snapshot.ts';
import { API_PREFIX, concretePath } from '../testing/route-coverage.ts';
import { createCompetitor } from '../services/competitors/create-competitor.ts';

interface BodyRoute {
  route: string;
  types: string[];
}

/** Every route with a request body, and the content types its schema accepts. */
function bodyRoutes(): BodyRoute[] {
  const doc = buildApi().getOpenAPI31Document(openApiInfo);
  const out: BodyRoute[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, { requestBody?: { content?: Record<string, unknown> } }>)) {
      const types = Object.keys(op.requestBody?.content ?? {});
      if (types.length > 0) out.push({ route: `${method.toUpperCase()} ${API_PREFIX}${path.replace(/\{(\w+)\}/g, ':$1')}`, types });
    }
  }
  return out;
}

const deep = '['.repeat(200_000) + ']'.repeat(200_000);

/** Broken JSON, each with what the answer must say. */
const malformedJson: [what: string, body: string, says: RegExp][] = [
  ['cut off', '{"name": "Fa', /JSON/],
  ['unquoted key', '{name: "x"}', /JSON/],
  ['single quotes', "{'name': 'x'}", /JSON/],
  ['trailing comma', '{"name": "x",}', /JSON/],
  ['trailing garbage', '{"name": "x"} {"name": "y"}', /JSON/],
  ['NUL bytes', '\u0000\u0000', /JSON/],
  ['empty', '', /JSON|body|Required|expected/i],
];

/** Well-formed JSON of the wrong shape: the schema refuses it. */
const wrongShape: [what: string, body: string][] = [
  ['an array', '[]'],
  ['a number', '42'],
  ['null', 'null'],
  ['a string', '"text"'],
  ['200 000 levels deep', deep],
];

forEachDatabase('malformed request bodies on every route', (fresh) => {
  test('every JSON route: broken JSON, the wrong shape and the wrong content type are 400 problems naming the problem; nothing changes', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const admin = await signIn(s.people.admin.email);
    const routes = bodyRoutes().filter((r) => r.types.includes('application/json'));
    assert.ok(routes.length >= 30, `${routes.length} JSON routes`);
    const before = await snapshotAllTables(t.db);
    const wrong: string[] = [];
    const expect400 = async (label: string, res: Response, says?: RegExp) => {
      if (res.status !== 400) {
        wrong.push(`${label}: ${res.status} ${(await res.text()).slice(0, 200)}`);
        return;
      }
      const problem = await expectProblem(res, 400, 'validation_failed');
      if (says && !says.test(problem.detail)) wrong.push(`${label}: detail "${problem.detail}" does not match ${says}`);
    };
    for (const { route, types } of routes) {
      const { method, path } = concretePath(route);
      for (const [what, body, says] of malformedJson) {
        await expect400(`${route} (${what})`, await admin.request(method, path, body, { 'content-type': 'application/json' }), says);
      }
      for (const [what, body] of wrongShape) {
        await expect400(`${route} (${what})`, await admin.request(method, path, body, { 'content-type': 'application/json' }));
      }
      // A route that reads multipart forms reads url-encoded forms too (and then names the missing file part).
      const foreign = ['text/plain', 'application/xml', 'text/html', ...(types.includes('multipart/form-data') ? [] : ['application/x-www-form-urlencoded'])];
      for (const type of foreign.filter((x) => !types.includes(x))) {
        await expect400(`${route} (as ${type})`, await admin.request(method, path, '{"name":"x"}', { 'content-type': type }), /Unsupported Media Type|content type/i);
      }
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(changedTables(before, await snapshotAllTables(t.db)), []);
  });

  test('every CSV route: broken CSV is a 400 problem naming the row and, where it is one cell, the column; nothing changes', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    const competitor = (await createCompetitor(await s.as('admin'), { unit: s.units.departmentA1, name: 'Rival', platform: 'instagram' })).id;
    const csvRoutes = bodyRoutes().filter((r) => r.types.includes('text/csv')).map((r) => r.route).sort();
    // Generated from the route table; a new CSV route must get a concrete path and metric here.
    const targets: Record<string, { path: string; metric: string }> = {
      'POST /api/v1/accounts/:account/observations': { path: `/accounts/${s.accounts.a1Instagram}/observations`, metric: 'reach' },
      'POST /api/v1/competitors/:competitor/figures': { path: `/competitors/${competitor}/figures`, metric: 'followers' },
    };
    assert.deepEqual(csvRoutes, Object.keys(targets).sort(), 'every route that takes CSV is tried here');
    const before = await snapshotAllTables(t.db);
    for (const route of csvRoutes) {
      const { path, metric } = targets[route]!;
      const cases: [what: string, csv: string, says: RegExp][] = [
        ['a word for a number', `date,metric,value\n2026-03-01,${metric},12\n2026-03-02,${metric},twelve\n`, /row 3, column "value"/],
        ['a formula for a number', `date,metric,value\n2026-03-01,${metric},=1+1\n`, /row 2, column "value"/],
        ['a day that does not exist', `date,metric,value\n2026-02-30,${metric},1\n`, /row 2, column "date"/],
        ['an unknown metric', 'date,metric,value\n2026-03-01,nonsense,1\n', /row 2, column "metric"/],
        ['a negative count', `date,metric,value\n2026-03-01,${metric},-5\n`, /row 2, column "value"/],
        ['a quote never closed', `date,metric,value\n2026-03-01,${metric},"1\n`, /row 2\b.*never closed/],
        ['a header without the columns', `day;what;how much\n2026-03-01;${metric};1\n`, /row 1\b.*header/],
        ['binary', '\u0000\u0001\u0002PK\u0003\u0004', /not a text/],
        ['nothing', '', /empty|no header/],
      ];
      for (const [what, csv, says] of cases) {
        const res = await editor.request('POST', path, csv, { 'content-type': 'text/csv' });
        const problem = await expectProblem(res, 400, 'validation_failed');
        assert.match(problem.detail, says, `${route}: ${what}`);
        assert.ok(problem.issues && problem.issues.length > 0, `${route}: ${what} lists the issue`);
      }
    }
    assert.deepEqual(changedTables(before, await snapshotAllTables(t.db)), []);
  });
});
