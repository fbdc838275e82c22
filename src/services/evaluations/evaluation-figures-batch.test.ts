/**
 * The batch returns exactly what evaluationFigures returns for each request (deepEqual, computedAt
 * included since both take it from the request's `now`), on both databases: on the figures'
 * test world (evaluation-figures-world.ts) plus a second account with statistics of its own and
 * one without any, for every month from before the goals to the running month, as of several
 * days (the signing days of a year of evaluations, and today), in one call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EvaluationFigures } from '../../contract/evaluations.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { FIXED_NOW } from '../../testing/seed.ts';
import { createGoal } from '../goals/create-goal.ts';
import { setGoalStatus } from '../goals/set-goal-status.ts';
import { createStrategicGoal } from '../goals/strategic-goals.ts';
import { findAccount } from '../lookup.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { evaluationFigures } from './evaluation-figures.ts';
import { evaluationFiguresBatch, type FiguresRequest } from './evaluation-figures-batch.ts';
import { days, k, world } from './evaluation-figures-world.ts';

forEachDatabase('evaluation figures in a batch', (fresh) => {
  test('many accounts and months as of several days: each exactly as evaluationFigures returns it', async () => {
    await using t = await fresh();
    const w = await world(t.db);
    const b = w.s.accounts.bTiktok;
    // The second account: views through two months with a gap, a post, an audience snapshot, a goal of its own.
    await recordObservations(w.admin, b, {
      observations: [
        ...days('views', '2026-01', 100, 1, 31),
        ...days('views', '2026-02', 150, 1, 28, [3, 4]),
        ...days('followers', '2026-02', 400, 1, 28),
        { metric: 'likes', date: '2026-02-07', value: 12, postId: 'v1' },
        { metric: 'likes', date: '2026-03-01', value: 30, postId: 'v1' },
      ],
      posts: [{ platformPostId: 'v1', date: '2026-02-07', excerpt: 'Campus' }],
      audience: [{ date: '2026-01-20', ageDistribution: { '13-17': 40, '18-24': 60 } }],
    });
    const sg = (await createStrategicGoal(w.admin, { title: 'Reach pupils' })).id;
    const g = await createGoal({ ...w.admin, now: new Date('2026-01-10T08:00:00Z') }, {
      accounts: [b],
      strategicGoal: sg,
      goalType: 'custom',
      qualitativeGoal: 'Views',
      startDate: '2026-01-15',
      deadline: '2026-05-31',
      kpis: [k('views', 9000), k('followers', 500, { measurement: 'at_deadline' }), k('likes', 20, { measurement: 'per_post' })],
    });
    await setGoalStatus({ ...w.admin, now: new Date('2026-01-10T08:00:00Z') }, g.id, { status: 'active' });

    const figuresAccount = async (id: string) => {
      const row = (await findAccount(t.db, w.s.organisationId, id))!;
      return { ...row, targetAgeGroups: [...row.targetAgeGroups] };
    };
    const accounts = [await figuresAccount(w.a1), await figuresAccount(b)];
    const requests: FiguresRequest[] = [];
    for (const account of accounts) {
      for (const [month, now] of [
        ['2025-12', new Date('2026-01-04T09:00:00Z')],
        ['2026-01', new Date('2026-02-03T10:15:00Z')],
        ['2026-01', FIXED_NOW],
        ['2026-02', new Date('2026-03-02T08:00:00Z')],
        ['2026-02', FIXED_NOW],
        ['2026-03', FIXED_NOW],
      ] as const) {
        requests.push({ account, month, now });
      }
    }
    const batch = await evaluationFiguresBatch(t.db, w.s.organisationId, requests);
    assert.equal(batch.length, requests.length);
    const one: EvaluationFigures[] = [];
    for (const r of requests) one.push(await evaluationFigures(t.db, w.s.organisationId, r.account, r.month, r.now));
    requests.forEach((r, i) => assert.deepEqual(batch[i], one[i], `${r.account.slug} ${r.month} as of ${r.now.toISOString()}`));

    // Not a trivial comparison: the months differ, KPIs, posts and gaps are there.
    assert.ok(batch.some((f) => f.kpis.length >= 7) && batch.some((f) => f.kpis.length === 0));
    assert.ok(batch.some((f) => f.posts.length > 0) && batch.some((f) => f.documentation.gaps.length > 0));
    assert.ok(batch.some((f) => f.kpis.some((x) => x.previousStatus !== null)));
  });

  test('an empty batch reads nothing; a future month and an unknown account are refused as one call refuses them', async () => {
    await using t = await fresh();
    const w = await world(t.db);
    assert.deepEqual(await evaluationFiguresBatch(t.db, w.s.organisationId, []), []);
    const row = (await findAccount(t.db, w.s.organisationId, w.a1))!;
    const account = { ...row, targetAgeGroups: [...row.targetAgeGroups] };
    await expectAppError(evaluationFiguresBatch(t.db, w.s.organisationId, [{ account, month: '2026-04', now: FIXED_NOW }]), 'validation_failed');
    await expectAppError(evaluationFiguresBatch(t.db, w.s.organisationId, [{ account, month: '2026-13', now: FIXED_NOW }]), 'validation_failed');
    await expectAppError(
      evaluationFiguresBatch(t.db, w.s.organisationId, [{ account: { ...account, id: crypto.randomUUID() }, month: '2026-02', now: FIXED_NOW }]),
      'not_found',
    );
  });
});
