/**
 * Coverage calendar, audience fit, the due list and history windows over HTTP: a policy table
 * for every role (see testing/seed.ts), and what the answers hold. A refused request changes
 * nothing (runPolicy compares the history windows before and after).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, historyWindows } from '../../db/schema/index.ts';
import { AudienceFitOut, CoverageOut, DueList, HistoryWindowOut } from '../../contract/coverage.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed, type Seed } from '../../testing/seed.ts';
import { testApp, type TestClient } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';
import { callers, runPolicy, type Caller, type Row } from '../../testing/policy.ts';
import { recordObservations } from '../../services/statistics/record-observations.ts';
import { setHistoryWindow } from '../../services/coverage/set-history-window.ts';

const policy = {
  //                                   admin manager editor reporter evaluator viewer outsider anonymous
  'coverage of account in A':           [200,  200,    200,   200,     200,      200,   404,     401],
  'coverage of account in B':           [200,  404,    404,   404,     404,      404,   200,     401],
  'audience fit in A':                  [200,  200,    200,   200,     200,      200,   404,     401],
  'audience fit in B':                  [200,  404,    404,   404,     404,      404,   200,     401],
  'due list':                           [200,  200,    200,   200,     200,      200,   200,     401],
  'due list of Faculty B':              [200,  404,    404,   404,     404,      404,   200,     401],
  'due for account in A':               [200,  200,    200,   200,     200,      200,   404,     401],
  'list history windows':               [200,  200,    200,   200,     200,      200,   200,     401],
  'set TikTok window':                  [200,  403,    403,   403,     403,      403,   403,     401],
  'reset TikTok window':                [200,  403,    403,   403,     403,      403,   403,     401],
} satisfies Record<string, Row>;
type Operation = keyof typeof policy;

const operations: Record<Operation, (c: TestClient, s: Seed) => Promise<Response>> = {
  'coverage of account in A': (c, s) => c.request('GET', `/accounts/${s.accounts.a1Instagram}/coverage?from=2026-02-01&to=2026-02-28`),
  'coverage of account in B': (c) => c.request('GET', '/accounts/b-on-tiktok/coverage'),
  'audience fit in A': (c) => c.request('GET', '/accounts/a1-pa-instagram/audience-fit'),
  'audience fit in B': (c, s) => c.request('GET', `/accounts/${s.accounts.bTiktok}/audience-fit`),
  'due list': (c) => c.request('GET', '/statistics/due'),
  'due list of Faculty B': (c) => c.request('GET', '/statistics/due?unit=faculty-b'),
  'due for account in A': (c) => c.request('GET', '/statistics/due?account=a1-pa-instagram'),
  'list history windows': (c) => c.request('GET', '/history-windows'),
  'set TikTok window': (c) => c.request('PUT', '/history-windows/tiktok', { days: 200, note: 'Shorter since the autumn' }),
  'reset TikTok window': (c) => c.request('DELETE', '/history-windows/tiktok'),
};

/** What these routes can change: the organisation's history windows. */
async function snapshot(db: Db): Promise<string> {
  return JSON.stringify(await db.select().from(historyWindows).orderBy(asc(historyWindows.platform)));
}

const dueSlugs: Record<Exclude<Caller, 'anonymous'>, string[]> = {
  admin: ['a1-pa-instagram', 'b-on-tiktok'],
  manager: ['a1-pa-instagram'],
  editor: ['a1-pa-instagram'],
  reporter: ['a1-pa-instagram'],
  evaluator: [],
  viewer: [],
  outsider: ['b-on-tiktok'],
};

async function world(db: Db): Promise<Seed> {
  const s = await seed(db);
  const sys = await s.system();
  await db.update(accounts).set({ targetAgeGroups: ['25-34'] }).where(eq(accounts.id, s.accounts.a1Instagram));
  await recordObservations(sys, s.accounts.a1Instagram, {
    observations: [
      { metric: 'reach', date: '2026-02-01', value: 100 },
      { metric: 'reach', date: '2026-02-02', value: 120 },
      { metric: 'followers', date: '2026-02-02', value: 900 },
      { metric: 'reach', date: '2026-02-28', value: 80 },
    ],
    audience: [{ date: '2026-03-01', ageDistribution: { '18-24': 38, '25-34': 33, '35-44': 29 } }],
  });
  // An override that a refused PUT or DELETE would change.
  await setHistoryWindow(await s.as('admin'), 'tiktok', { days: 300, note: 'Set before the test' });
  return s;
}

forEachDatabase('coverage API', (fresh) => {
  for (const caller of callers) {
    test(`${caller}: every coverage operation gives the status of the policy table`, async () => {
      await using t = await fresh();
      const s = await world(t.db);
      const { signIn, anonymous } = testApp(t, { now: () => FIXED_NOW });
      const client = caller === 'anonymous' ? anonymous : await signIn(s.people[caller].email);
      await runPolicy<Operation>({
        caller,
        policy,
        call: (operation) => operations[operation](client, s),
        snapshot: () => snapshot(t.db),
        readOnly: (operation) => operation !== 'set TikTok window' && operation !== 'reset TikTok window',
        async onAllowed(operation, res) {
          if (operation === 'due list') {
            const body = DueList.parse(await res.json());
            assert.deepEqual(body.items.map((i) => i.account.slug).sort(), dueSlugs[caller as Exclude<Caller, 'anonymous'>]);
            return true;
          }
          if (operation === 'due for account in A') {
            const body = DueList.parse(await res.json());
            const canWrite = ['admin', 'manager', 'editor', 'reporter'].includes(caller);
            assert.deepEqual(body.items.map((i) => i.account.slug), canWrite ? ['a1-pa-instagram'] : []);
            return true;
          }
          if (operation === 'coverage of account in A') {
            const body = CoverageOut.parse(await res.json());
            // 1 and 2 February and 28 February: reach; 2 February also followers.
            assert.deepEqual([body.days, body.perDay[0], body.perDay[1], body.perDay[2], body.perDay[27]], [28, 1, 2, 0, 1]);
            return true;
          }
          if (operation === 'set TikTok window') {
            const body = HistoryWindowOut.parse(await res.json());
            assert.deepEqual([body.days, body.defaultDays, body.override?.note, body.override?.updatedBy?.name], [200, 365, 'Shorter since the autumn', 'Ada Admin']);
            return true;
          }
          return false;
        },
      });
    });
  }

  test('the answers: coverage by default for the last 365 days, audience fit, due list, windows set and reset', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const { signIn } = testApp(t, { now: () => FIXED_NOW });
    const admin = await signIn(s.people.admin.email);
    const viewer = await signIn(s.people.viewer.email);

    const year = await viewer.json<CoverageOut>('GET', '/accounts/a1-pa-instagram/coverage');
    assert.equal(year.status, 200);
    assert.deepEqual([year.body.from, year.body.to, year.body.days], ['2025-03-15', '2026-03-14', 365]);
    const reach = year.body.metrics.find((m) => m.metric === 'reach')!;
    assert.deepEqual(reach.documented, [['2026-02-01', '2026-02-02'], ['2026-02-28', '2026-02-28']]);
    assert.deepEqual(reach.gaps, [['2025-03-15', '2026-01-31'], ['2026-02-03', '2026-02-27'], ['2026-03-01', '2026-03-14']]);
    await expectProblem(await viewer.request('GET', '/accounts/a1-pa-instagram/coverage?from=2026-03-01&to=2026-02-01'), 400, 'validation_failed');
    await expectProblem(await viewer.request('GET', '/accounts/a1-pa-instagram/coverage?from=2026-02-30'), 400, 'validation_failed');

    // 38 % is the largest share, below the 40 % of a near-majority: broad, so evaluate before continuing.
    const fit = await viewer.json<AudienceFitOut>('GET', '/accounts/a1-pa-instagram/audience-fit');
    assert.equal(fit.status, 200);
    assert.deepEqual(
      [fit.body.status, fit.body.largestGroup, fit.body.targetShare, fit.body.evaluateBeforeContinuing, fit.body.snapshot?.day],
      ['broad', '18-24', 33, true, '2026-03-01'],
    );
    assert.ok(fit.body.snapshot?.importId, 'the snapshot names its import');
    const early = await viewer.json<AudienceFitOut>('GET', '/accounts/a1-pa-instagram/audience-fit?at=2026-02-28');
    assert.deepEqual([early.body.status, early.body.reason], ['unknown', 'no_snapshot']);

    const due = await admin.json<DueList>('GET', '/statistics/due');
    assert.equal(due.status, 200);
    const insta = due.body.items.find((i) => i.account.slug === 'a1-pa-instagram')!;
    // Created on 2026-03-15 (the seed's today) but documented from 1 February: the gaps since then are to cover.
    assert.deepEqual(insta.toCover, [['2026-02-03', '2026-02-27'], ['2026-03-01', '2026-03-14']]);
    assert.deepEqual([insta.firstDocumented, insta.lostDays, insta.status], ['2026-02-01', 0, 'ok']);
    assert.deepEqual(insta.instruction.nb.startsWith('Åpne Meta Business Suite'), true);
    const atDay = await admin.json<DueList>('GET', '/statistics/due?at=2026-02-10');
    assert.equal(atDay.body.asOf, '2026-02-10');
    await expectProblem(await admin.request('GET', '/statistics/due?unit=no-such-unit'), 404, 'not_found');

    const put = await admin.json<HistoryWindowOut>('PUT', '/history-windows/linkedin', { days: 300 });
    assert.deepEqual([put.status, put.body.days, put.body.override?.note], [200, 300, null]);
    const list = await viewer.json<HistoryWindowOut[]>('GET', '/history-windows');
    assert.deepEqual(list.body.map((w) => [w.platform, w.days]), [
      ['facebook', 730], ['instagram', 730], ['linkedin', 300], ['tiktok', 300], ['youtube', null], ['x', 91], ['threads', 90], ['snapchat', 28],
    ]);
    await expectProblem(await admin.request('PUT', '/history-windows/linkedin', { days: 0 }), 400, 'validation_failed');
    await expectProblem(await admin.request('PUT', '/history-windows/myspace', { days: 30 }), 400, 'validation_failed');
    assert.equal((await snapshot(t.db)).includes('"days":300'), true, 'refused changes left the override as it was');
    const del = await admin.json<HistoryWindowOut>('DELETE', '/history-windows/linkedin');
    assert.deepEqual([del.status, del.body.days, del.body.override], [200, 365, null]);
    assert.deepEqual((await viewer.json<HistoryWindowOut[]>('GET', '/history-windows')).body.filter((w) => w.override).map((w) => w.platform), ['tiktok']);
  });

  test('the OpenAPI document lists the coverage routes and schemas', async () => {
    await using t = await fresh();
    const { app } = testApp(t);
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    const expected: [string, string][] = [
      ['/accounts/{account}/coverage', 'get'], ['/accounts/{account}/audience-fit', 'get'], ['/statistics/due', 'get'],
      ['/history-windows', 'get'], ['/history-windows/{platform}', 'put'], ['/history-windows/{platform}', 'delete'],
    ];
    for (const [path, method] of expected) assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} documented`);
    for (const schema of ['Coverage', 'AudienceFit', 'DueList', 'DueItem', 'HistoryWindow', 'HistoryWindowInput']) assert.ok(doc.components.schemas[schema], `${schema} schema`);
  });
});
