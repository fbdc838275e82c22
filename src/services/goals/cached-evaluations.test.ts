/**
 * The goal page and an account's KPIs read active goals' evaluations from the KPI result cache
 * (dashboards/kpi-results.ts, which loads one window and only the metrics the KPIs read for all
 * of an account's goals at once): the answers equal the old afresh evaluation of each goal on its
 * own window, also with a second active goal of another window on the same account, and a goal
 * that is not active is evaluated afresh. Both databases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../testing/database.ts';
import { overviewWorld } from '../dashboards/overview-world.ts';
import type { Context } from '../context.ts';
import { accountKpis } from './account-kpis.ts';
import { createGoal } from './create-goal.ts';
import { getGoal } from './get-goal.ts';
import { readableGoal } from './goal-bundles.ts';
import { datasetsFor, dayOf, evaluationOf, goalStart, statisticsWindow } from './kpi-evaluation.ts';
import { kpiShapeOf } from './kpi-shape.ts';
import { setGoalStatus } from './set-goal-status.ts';
import { recordObservations } from '../statistics/record-observations.ts';

/** The goal's evaluations as getGoal computed them before the cache: its own window, every metric. */
async function afresh(ctx: Context, goalId: string) {
  const { goal, kpis, accounts } = await readableGoal(ctx, goalId);
  const asOf = dayOf(ctx.now);
  const start = goalStart(goal);
  const ds = await datasetsFor(ctx, accounts.map((a) => a.id), statisticsWindow(start, goal.deadline, asOf));
  return kpis.flatMap((k) => accounts.map((a) => JSON.parse(JSON.stringify(evaluationOf(k.id, kpiShapeOf(k), a, start, goal.deadline, ds.get(a.id)!, asOf))) as unknown));
}

forEachDatabase('goal evaluations from the result cache', (fresh) => {
  test('equal to evaluating each goal afresh on its own window', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    // A longer goal on the same account, reading followers and engagement over another window.
    await recordObservations(w.admin, w.a1, {
      observations: Array.from({ length: 60 }, (_, i) => ({ metric: 'followers', date: new Date(Date.UTC(2026, 0, 10 + i)).toISOString().slice(0, 10), value: 1000 + 7 * i })),
    });
    const long = await createGoal(w.admin, {
      accounts: [w.a1],
      goalType: 'custom',
      qualitativeGoal: 'Longer',
      strategicGoal: (await readableGoal(w.admin, w.goals.g1)).goal.strategicGoalId,
      startDate: '2026-01-01',
      deadline: '2026-12-31',
      kpis: [
        { kind: 'metric', metric: 'followers', measurement: 'at_deadline', target: 2000 },
        { kind: 'metric', metric: 'engagement_rate_reach', measurement: 'over_period', target: 5 },
        { kind: 'metric', metric: 'reach', measurement: 'per_month', target: 400 },
      ],
    });
    await setGoalStatus(w.admin, long.id, { status: 'active' });

    for (const goalId of [w.goals.g1, long.id, w.goals.draft]) {
      const before = await afresh(w.admin, goalId);
      const first = await getGoal(w.admin, goalId);
      assert.deepEqual(JSON.parse(JSON.stringify(first.evaluations)), before, `goal ${goalId}, first read`);
      const again = await getGoal(w.admin, goalId);
      assert.deepEqual(JSON.parse(JSON.stringify(again.evaluations)), before, `goal ${goalId}, from the cache`);
    }

    const kpis = await accountKpis(w.admin, w.a1);
    const expected = new Map<string, unknown>();
    for (const goalId of [w.goals.g1, long.id]) for (const e of await afresh(w.admin, goalId)) expected.set(`${(e as { kpiId: string }).kpiId}|${(e as { accountId: string }).accountId}`, e);
    assert.equal(kpis.length, 9);
    for (const row of kpis) assert.deepEqual(JSON.parse(JSON.stringify(row.evaluation)), expected.get(`${row.kpi.id}|${w.a1}`), row.kpi.id);
  });
});
