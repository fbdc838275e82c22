/**
 * Who may do what with strategic goals, goals, KPIs and the catalogue, over HTTP, for every role
 * (see roles-matrix.test.ts for the seeded organisation). 403 when the caller may see the thing
 * but not change it; 404 when they may not see it; 400 when a goal names accounts the caller
 * cannot see (the same answer as for accounts that do not exist).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../testing/database.ts';
import { seed, type Seed } from '../../testing/seed.ts';
import { testApp, type TestClient } from '../../testing/http.ts';
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { goalAccounts, goals, kpis, strategicGoals } from '../../db/schema/index.ts';
import { expectProblem } from '../../testing/assertions.ts';
import { callers, runPolicy, type Caller, type Row } from '../../testing/policy.ts';
import { createStrategicGoal } from '../../services/goals/strategic-goals.ts';
import { createGoal } from '../../services/goals/create-goal.ts';


const policy = {
  //                                      admin manager editor reporter evaluator viewer outsider anonymous
  'list strategic goals':                  [200,  200,    200,   200,     200,      200,   200,     401],
  'create org-wide strategic goal':        [201,  403,    403,   403,     403,      403,   403,     401],
  'create strategic goal for Faculty A':   [201,  201,    403,   403,     403,      403,   404,     401],
  'update org-wide strategic goal':        [200,  403,    403,   403,     403,      403,   403,     401],
  'update Faculty A strategic goal':       [200,  200,    403,   403,     403,      403,   404,     401],
  'list goals':                            [200,  200,    200,   200,     200,      200,   200,     401],
  'read goal in A':                        [200,  200,    200,   200,     200,      200,   404,     401],
  'read goal in B':                        [200,  404,    404,   404,     404,      404,   200,     401],
  'create goal in A':                      [201,  201,    201,   403,     403,      403,   400,     401],
  'create goal in B':                      [201,  400,    400,   400,     400,      400,   201,     401],
  'preview goal in A':                     [200,  200,    200,   200,     200,      200,   400,     401],
  'update goal in A':                      [200,  200,    200,   403,     403,      403,   404,     401],
  'update goal in B':                      [200,  404,    404,   404,     404,      404,   200,     401],
  'activate goal in A (incomplete)':       [400,  400,    400,   403,     403,      403,   404,     401],
  'archive goal in A':                     [200,  200,    200,   403,     403,      403,   404,     401],
  'KPIs of account in A':                  [200,  200,    200,   200,     200,      200,   404,     401],
  'target suggestions in A':               [200,  200,    200,   200,     200,      200,   404,     401],
  'metric catalogue':                      [200,  200,    200,   200,     200,      200,   200,     401],
  'goal templates':                        [200,  200,    200,   200,     200,      200,   200,     401],
} satisfies Record<string, Row>;
type Operation = keyof typeof policy;

interface World {
  s: Seed;
  orgGoal: string;
  unitGoal: string;
  goalA: string;
  goalB: string;
}

const goalIn = (account: string) => ({
  accounts: [account], goalType: 'web_traffic', qualitativeGoal: 'More applicants',
  kpis: [{ metric: 'link_clicks', measurement: 'per_post', target: 2000 }],
});

const operations: Record<Operation, (c: TestClient, w: World) => Promise<Response>> = {
  'list strategic goals': (c) => c.request('GET', '/strategic-goals'),
  'create org-wide strategic goal': (c) => c.request('POST', '/strategic-goals', { title: 'Share knowledge' }),
  'create strategic goal for Faculty A': (c, { s, orgGoal }) => c.request('POST', '/strategic-goals', { title: 'A: applicants', unit: s.units.facultyA, parent: orgGoal }),
  'update org-wide strategic goal': (c, { orgGoal }) => c.request('PATCH', `/strategic-goals/${orgGoal}`, { description: 'Changed' }),
  'update Faculty A strategic goal': (c, { unitGoal }) => c.request('PATCH', `/strategic-goals/${unitGoal}`, { periodEnd: '2027-12-31' }),
  'list goals': (c) => c.request('GET', '/goals'),
  'read goal in A': (c, { goalA }) => c.request('GET', `/goals/${goalA}?at=2026-03-01`),
  'read goal in B': (c, { goalB }) => c.request('GET', `/goals/${goalB}`),
  'create goal in A': (c, { s }) => c.request('POST', '/goals', goalIn(s.accounts.a1Instagram)),
  'create goal in B': (c, { s }) => c.request('POST', '/goals', { ...goalIn(s.accounts.bTiktok), kpis: [] }),
  'preview goal in A': (c, { s }) => c.request('POST', '/goals/preview', goalIn(s.accounts.a1Instagram)),
  'update goal in A': (c, { goalA }) => c.request('PATCH', `/goals/${goalA}`, { concreteGoal: 'Drive people to the admission page' }),
  'update goal in B': (c, { goalB }) => c.request('PATCH', `/goals/${goalB}`, { concreteGoal: 'Changed' }),
  'activate goal in A (incomplete)': (c, { goalA }) => c.request('POST', `/goals/${goalA}/status`, { status: 'active' }),
  'archive goal in A': (c, { goalA }) => c.request('POST', `/goals/${goalA}/status`, { status: 'archived' }),
  'KPIs of account in A': (c, { s }) => c.request('GET', `/accounts/${s.accounts.a1Instagram}/kpis?at=2026-03-01`),
  'target suggestions in A': (c, { s }) => c.request('GET', `/accounts/${s.accounts.a1Instagram}/target-suggestions?metric=link_clicks&measurement=per_post`),
  'metric catalogue': (c) => c.request('GET', '/metrics?platform=instagram'),
  'goal templates': (c) => c.request('GET', '/goal-templates?platform=instagram'),
};

/** Goals, their accounts and KPIs, and strategic goals: a refused request must leave them as they were. */
async function snapshot(db: Db): Promise<string> {
  const [g, a, k, sg] = await Promise.all([
    db.select().from(goals).orderBy(asc(goals.id)),
    db.select().from(goalAccounts).orderBy(asc(goalAccounts.goalId), asc(goalAccounts.accountId)),
    db.select().from(kpis).orderBy(asc(kpis.id)),
    db.select().from(strategicGoals).orderBy(asc(strategicGoals.id)),
  ]);
  return JSON.stringify({ g, a, k, sg });
}

async function buildWorld(db: Db): Promise<World> {
  const s = await seed(db);
  const sys = await s.system();
  const orgGoal = (await createStrategicGoal(sys, { title: 'Educate excellent candidates' })).id;
  const unitGoal = (await createStrategicGoal(sys, { title: 'Faculty A: recruit', unit: s.units.facultyA, parent: orgGoal })).id;
  const goalA = (await createGoal(sys, { ...goalIn(s.accounts.a1Instagram), goalType: 'web_traffic', strategicGoal: unitGoal } as never)).id;
  const goalB = (await createGoal(sys, { ...goalIn(s.accounts.bTiktok), goalType: 'custom', kpis: [] } as never)).id;
  return { s, orgGoal, unitGoal, goalA, goalB };
}

const visibleGoals: Record<Exclude<Caller, 'anonymous'>, ('goalA' | 'goalB')[]> = {
  admin: ['goalA', 'goalB'], manager: ['goalA'], editor: ['goalA'], reporter: ['goalA'], evaluator: ['goalA'], viewer: ['goalA'], outsider: ['goalB'],
};

forEachDatabase('goals API authorisation', (fresh) => {
  for (const caller of callers) {
    test(`${caller}: every goal operation gives the status of the policy table`, async () => {
      await using t = await fresh();
      const world = await buildWorld(t.db);
      const { signIn, anonymous } = testApp(t);
      const client = caller === 'anonymous' ? anonymous : await signIn(world.s.people[caller].email);
      await runPolicy<Operation>({
        caller,
        policy,
        call: (operation) => operations[operation](client, world),
        snapshot: () => snapshot(t.db),
        onRefused(operation, problem, status) {
          if (operation === 'activate goal in A (incomplete)' && status === 400) {
            assert.deepEqual(problem.issues?.map((i) => i.path), ['kpis', 'deadline']);
          }
        },
        async onAllowed(operation, res) {
          if (operation === 'list goals') {
            const ids = ((await res.json()) as { id: string }[]).map((g) => g.id).sort();
            assert.deepEqual(ids, visibleGoals[caller as Exclude<Caller, 'anonymous'>].map((k) => world[k]).sort(), 'goals listed');
            return true;
          }
          if (operation === 'read goal in A') {
            const body = (await res.json()) as { canEdit: boolean; evaluations: unknown[]; strategicGoal: { title: string } };
            assert.equal(body.canEdit, ['admin', 'manager', 'editor'].includes(caller));
            assert.equal(body.evaluations.length, 1);
            assert.equal(body.strategicGoal.title, 'Faculty A: recruit');
            return true;
          }
          return false;
        },
      });
    });
  }

  test('the OpenAPI document lists the goal, strategy and catalogue routes', async () => {
    await using t = await fresh();
    const { app } = testApp(t);
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    const expected: [string, string][] = [
      ['/strategic-goals', 'get'], ['/strategic-goals', 'post'], ['/strategic-goals/{id}', 'patch'],
      ['/goals', 'get'], ['/goals', 'post'], ['/goals/preview', 'post'], ['/goals/{goal}', 'get'], ['/goals/{goal}', 'patch'],
      ['/goals/{goal}/status', 'post'], ['/accounts/{account}/kpis', 'get'], ['/accounts/{account}/target-suggestions', 'get'],
      ['/metrics', 'get'], ['/goal-templates', 'get'],
    ];
    for (const [path, method] of expected) assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} documented`);
    for (const schema of ['GoalDetail', 'GoalPreview', 'KpiEvaluation', 'Attainability', 'StrategicGoal', 'MetricInfo', 'GoalTemplate']) {
      assert.ok(doc.components.schemas[schema], `${schema} schema`);
    }
  });

  test('a goal page over HTTP: create, fix and activate, then read it with ?at=', async () => {
    await using t = await fresh();
    const world = await buildWorld(t.db);
    const { signIn } = testApp(t, { now: () => new Date('2026-03-15T10:00:00Z') });
    const editor = await signIn(world.s.people.editor.email);
    const created = await editor.json<{ id: string; status: string }>('POST', '/goals', {
      accounts: ['a1-pa-instagram'], goalType: 'web_traffic', qualitativeGoal: 'More applicants', strategicGoal: world.unitGoal,
      startDate: '2026-01-01', deadline: '2026-12-31',
      kpis: [
        { metric: 'link_clicks', measurement: 'per_post', target: 2000 },
        { metric: 'reach', measurement: 'over_period', target: 100000 },
        { kind: 'audience_share', ageGroups: ['18-24'], measurement: 'at_deadline', target: 60 },
      ],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const activated = await editor.json<{ status: string }>('POST', `/goals/${created.body.id}/status`, { status: 'active' });
    assert.equal(activated.status, 200, JSON.stringify(activated.body));
    assert.equal(activated.body.status, 'active');
    const bad = await editor.request('GET', `/goals/${created.body.id}?at=2026-13-45`);
    await expectProblem(bad, 400, 'validation_failed');
    const kpis = await editor.json<{ kpi: { metric: string | null }; evaluation: { status: string } }[]>('GET', '/accounts/a1-pa-instagram/kpis?at=2026-03-01');
    assert.equal(kpis.status, 200);
    assert.deepEqual(kpis.body.map((k) => k.evaluation.status), ['not_measured', 'not_measured', 'not_measured']);
    const missing = await editor.request('GET', '/accounts/a1-pa-instagram/target-suggestions?metric=link_clicks');
    await expectProblem(missing, 400, 'validation_failed');
  });
});
