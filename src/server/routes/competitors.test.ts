/**
 * Competitors over HTTP: a policy table for every route and role (see testing/seed.ts), what the
 * answers hold, CSV refusals with row and column, and the OpenAPI document. A refused request
 * changes nothing (runPolicy compares the competitor tables before and after).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { competitorFigureHistory, competitorFigures, competitors } from '../../db/schema/index.ts';
import { CompetitorDetail, CompetitorOut, FigureBatchResult, FigureOut, ShareOfVoiceOut, TargetBasisOut } from '../../contract/competitors.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed, type Seed } from '../../testing/seed.ts';
import { testApp, type TestClient } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';
import { callers, runPolicy, type Caller, type Row } from '../../testing/policy.ts';
import { createCompetitor } from '../../services/competitors/create-competitor.ts';
import { recordFigures } from '../../services/competitors/record-figures.ts';
import { recordObservations } from '../../services/statistics/record-observations.ts';

const policy = {
  //                                      admin manager editor reporter evaluator viewer outsider anonymous
  'list competitors':                      [200,  200,    200,   200,     200,      200,   200,     401],
  'read competitor in A':                  [200,  200,    200,   200,     200,      200,   404,     401],
  'read competitor in B':                  [200,  404,    404,   404,     404,      404,   200,     401],
  'register competitor in A':              [201,  201,    201,   403,     403,      403,   404,     401],
  'register competitor in B':              [201,  404,    404,   404,     404,      404,   201,     401],
  'edit competitor in A':                  [200,  200,    200,   403,     403,      403,   404,     401],
  'edit competitor in B':                  [200,  404,    404,   404,     404,      404,   200,     401],
  'move competitor from A to B':           [200,  404,    404,   403,     403,      403,   404,     401],
  'list figures in A':                     [200,  200,    200,   200,     200,      200,   404,     401],
  'list figures in B':                     [200,  404,    404,   404,     404,      404,   200,     401],
  'enter JSON figures in A':               [200,  200,    200,   200,     403,      403,   404,     401],
  'enter CSV figures in A':                [200,  200,    200,   200,     403,      403,   404,     401],
  'enter JSON figures in B':               [200,  404,    404,   404,     404,      404,   200,     401],
  'share of voice of Faculty A':           [200,  200,    200,   200,     200,      200,   404,     401],
  'share of voice of Faculty B':           [200,  404,    404,   404,     404,      404,   200,     401],
  'target basis':                          [200,  200,    200,   200,     200,      200,   200,     401],
  'archive competitor in A':               [200,  200,    200,   403,     403,      403,   404,     401],
  'archive competitor in B':               [200,  404,    404,   404,     404,      404,   200,     401],
} satisfies Record<string, Row>;
type Operation = keyof typeof policy;

interface World {
  s: Seed;
  a: string;
  b: string;
}

const operations: Record<Operation, (c: TestClient, w: World) => Promise<Response>> = {
  'list competitors': (c) => c.request('GET', '/competitors'),
  'read competitor in A': (c, w) => c.request('GET', `/competitors/${w.a}`),
  'read competitor in B': (c) => c.request('GET', '/competitors/rival-b-tiktok'),
  'register competitor in A': (c, w) => c.request('POST', '/competitors', { unit: w.s.units.departmentA1, name: 'New rival', platform: 'youtube' }),
  'register competitor in B': (c, w) => c.request('POST', '/competitors', { unit: w.s.units.facultyB, name: 'New B rival', platform: 'youtube', kind: 'peer' }),
  'edit competitor in A': (c, w) => c.request('PATCH', `/competitors/${w.a}`, { note: 'Watch their reels' }),
  'edit competitor in B': (c, w) => c.request('PATCH', `/competitors/${w.b}`, { note: 'Watch their videos' }),
  'move competitor from A to B': (c, w) => c.request('PATCH', `/competitors/${w.a}`, { unit: w.s.units.facultyB }),
  'list figures in A': (c, w) => c.request('GET', `/competitors/${w.a}/figures`),
  'list figures in B': (c, w) => c.request('GET', `/competitors/${w.b}/figures?metric=mentions`),
  'enter JSON figures in A': (c, w) => c.request('POST', `/competitors/${w.a}/figures`, { figures: [{ metric: 'followers', date: '2026-03-10', value: 5100 }] }),
  'enter CSV figures in A': (c, w) =>
    c.request('POST', `/competitors/${w.a}/figures?file=rival.csv`, 'date,metric,value,note\n2026-03-11,followers,5200,profile\n', { 'content-type': 'text/csv' }),
  'enter JSON figures in B': (c, w) => c.request('POST', `/competitors/${w.b}/figures`, { figures: [{ metric: 'followers', date: '2026-03-10', value: 800 }] }),
  'share of voice of Faculty A': (c) => c.request('GET', '/share-of-voice?unit=faculty-a&from=2026-02-01&to=2026-02-28'),
  'share of voice of Faculty B': (c, w) => c.request('GET', `/share-of-voice?unit=${w.s.units.facultyB}&from=2026-02-01&to=2026-02-28`),
  'target basis': (c) => c.request('GET', '/competitor-target-basis?metric=mentions&platform=instagram'),
  'archive competitor in A': (c, w) => c.request('POST', `/competitors/${w.a}/archive`),
  'archive competitor in B': (c, w) => c.request('PATCH', `/competitors/${w.b}`, { archived: true }),
};

async function snapshot(db: Db): Promise<string> {
  const rows = async (table: typeof competitors | typeof competitorFigures | typeof competitorFigureHistory) =>
    (await db.select().from(table)).map((r) => JSON.stringify(r)).sort();
  return JSON.stringify({ c: await rows(competitors), f: await rows(competitorFigures), h: await rows(competitorFigureHistory) });
}

async function world(db: Db): Promise<World> {
  const s = await seed(db);
  const admin = await s.as('admin');
  const a = await createCompetitor(admin, { unit: s.units.departmentA1, name: 'Rival A', platform: 'instagram' });
  const b = await createCompetitor(admin, { unit: s.units.facultyB, name: 'Rival B', platform: 'tiktok' });
  await recordFigures(admin, a.id, { figures: [{ metric: 'mentions', date: '2026-02', value: 300 }, { metric: 'followers', date: '2026-03-01', value: 5000 }] });
  await recordFigures(admin, b.id, { figures: [{ metric: 'mentions', date: '2026-02', value: 70 }] });
  await recordObservations(await s.system(), s.accounts.a1Instagram, { observations: [{ metric: 'mentions', date: '2026-02-02', value: 100 }] });
  await recordObservations(await s.system(), s.accounts.bTiktok, { observations: [{ metric: 'mentions', date: '2026-02-02', value: 30 }] });
  return { s, a: a.id, b: b.id };
}

/** What an allowed call must have answered (a 200 with the wrong body would hide a failure). */
const outcome: Partial<Record<Operation, (body: unknown, caller: Caller) => void>> = {
  'list competitors': (b, caller) => {
    const expected = caller === 'admin' ? ['Rival A', 'Rival B'] : caller === 'outsider' ? ['Rival B'] : ['Rival A'];
    assert.deepEqual(CompetitorOut.array().parse(b).map((c) => c.name).sort(), expected);
  },
  'read competitor in A': (b, caller) => {
    const d = CompetitorDetail.parse(b);
    assert.equal(d.unit.name, 'Department A1');
    assert.deepEqual([d.canEdit, d.canRecord], [['admin', 'manager', 'editor'].includes(caller), ['admin', 'manager', 'editor', 'reporter'].includes(caller)]);
  },
  'list figures in A': (b) => assert.deepEqual(FigureOut.array().parse(b).map((f) => [f.metric, f.date, f.value]), [['followers', '2026-03-01', 5000], ['mentions', '2026-02-01', 300]]),
  'enter JSON figures in A': (b) => assert.deepEqual(FigureBatchResult.parse(b), { added: 1, changed: 0, unchanged: 0 }),
  'enter CSV figures in A': (b) => assert.deepEqual(FigureBatchResult.parse(b), { added: 1, changed: 0, unchanged: 0 }),
  // 100 / (100 + 300) × 100 = 25
  // (The administrator has moved Rival A to Faculty B by then: no competitor of A is left, so not measured.)
  'share of voice of Faculty A': (b, caller) => {
    const sov = ShareOfVoiceOut.parse(b);
    assert.deepEqual([sov.own.mentions, sov.competitorMentions, sov.share], caller === 'admin' ? [100, null, null] : [100, 300, 25]);
  },
  // 30 / (30 + 70) × 100 = 30; for the administrator 30 / (30 + 70 + 300) × 100 = 7.5
  'share of voice of Faculty B': (b, caller) => assert.equal(ShareOfVoiceOut.parse(b).share, caller === 'admin' ? 7.5 : 30),
  'target basis': (b, caller) => {
    const basis = TargetBasisOut.parse(b);
    assert.equal(basis.median, caller === 'outsider' ? null : 300);
  },
};

forEachDatabase('competitors over HTTP', (fresh) => {
  for (const caller of callers) {
    test(`${caller}: every competitor operation gives the status of the policy table`, async () => {
      await using t = await fresh();
      const w = await world(t.db);
      const { signIn, anonymous } = testApp(t, { now: () => FIXED_NOW });
      const client = caller === 'anonymous' ? anonymous : await signIn(w.s.people[caller].email);
      await runPolicy<Operation>({
        caller,
        policy,
        call: (operation) => operations[operation](client, w),
        snapshot: () => snapshot(t.db),
        readOnly: (operation) => /^(list|read|share|target)\b/.test(operation),
        async onAllowed(operation, res) {
          const check = outcome[operation];
          if (!check) return false;
          check(await res.json(), caller);
          return true;
        },
      });
    });
  }

  test('a CSV with a bad cell is refused with file, row and column, and writes nothing', async () => {
    await using t = await fresh();
    const w = await world(t.db);
    const { signIn } = testApp(t, { now: () => FIXED_NOW });
    const reporter = await signIn(w.s.people.reporter.email);
    const before = await snapshot(t.db);
    const res = await reporter.request('POST', `/competitors/${w.a}/figures?file=march.csv`, 'date,metric,value\n2026-03-02,likes,10\n2026-03-03,likes,ti\n', {
      'content-type': 'text/csv',
    });
    const problem = await expectProblem(res, 400, 'validation_failed');
    assert.deepEqual(problem.issues, [{ path: 'march.csv, row 3, column "value"', message: '"ti" is not a number' }]);
    assert.equal(await snapshot(t.db), before);
    // The same figures twice: the second time nothing changes.
    const body = { figures: [{ metric: 'likes', date: '2026-03-02', value: 10 }] };
    assert.deepEqual((await reporter.json('POST', `/competitors/${w.a}/figures`, body)).body, { added: 1, changed: 0, unchanged: 0 });
    assert.deepEqual((await reporter.json('POST', `/competitors/${w.a}/figures`, body)).body, { added: 0, changed: 0, unchanged: 1 });
    await expectProblem(await reporter.request('POST', `/competitors/${w.a}/figures`, 'x', { 'content-type': 'text/plain' }), 400, 'validation_failed');
    // A file in a multipart body, as the web page sends it.
    const boundary = 'competitor-boundary';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="april.csv"\r\nContent-Type: text/csv\r\n\r\ndate,metric,value\n2026-03-04,likes,44\n\r\n--${boundary}--\r\n`;
    const res2 = await reporter.request('POST', `/competitors/${w.a}/figures`, multipart, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    assert.equal(res2.status, 200);
    assert.deepEqual(await res2.json(), { added: 1, changed: 0, unchanged: 0 });
    const [stored] = await t.db.select().from(competitorFigures).where(eq(competitorFigures.day, '2026-03-04'));
    assert.deepEqual([stored?.value, stored?.fileName, stored?.source], [44, 'april.csv', 'csv']);
    await expectProblem(await reporter.request('GET', '/share-of-voice?from=2026-02-01&to=2026-02-28'), 400, 'validation_failed');
  });

  test('the OpenAPI document lists the competitor routes', async () => {
    await using t = await fresh();
    const { anonymous } = testApp(t);
    const doc = (await (await anonymous.request('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, methods] of Object.entries({
      '/competitors': ['get', 'post'],
      '/competitors/{competitor}': ['get', 'patch'],
      '/competitors/{competitor}/archive': ['post'],
      '/competitors/{competitor}/figures': ['get', 'post'],
      '/share-of-voice': ['get'],
      '/competitor-target-basis': ['get'],
    })) {
      assert.deepEqual(Object.keys(doc.paths[path] ?? {}).sort(), methods.sort(), path);
    }
  });
});
