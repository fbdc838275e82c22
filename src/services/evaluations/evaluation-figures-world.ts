/**
 * The world the evaluation figures are tested on (evaluation-figures.test.ts, and the batch's
 * test against it). As of FIXED_NOW (2026-03-15), on "A1 på Instagram" (target group 18-24):
 *
 *   reach       10 a day in January, 20 a day in February except 10–14 February (a gap)
 *   followers   1000 on 1 Jan, 1100 on 31 Jan, 1200 on 28 Feb, 1300 on 10 Mar
 *   posts       p1 (5 Jan, 10 likes), p2 (3 Feb, 50; read again on 5 Mar: 500), p3 (20 Feb, 20),
 *               p4 (25 Feb, 80), p5 (2 Mar, 1000)
 *   audience    10 Feb: 35-44 largest (50 %), 18-24 20 % (misfit); 5 Mar: 18-24 70 % (fit)
 *   goals       G (active, 2026-01-01 … 2026-06-30): reach ≥ 3000, followers ≥ 1500,
 *               likes per post ≥ 30, link clicks ≥ 10 (never documented);
 *               Feb (missed, 2026-02-01 … 2026-02-20): reach ≥ 1000, reach ≥ 200, link clicks ≥ 5;
 *               Jan (achieved, 2026-01-01 … 2026-01-31): outside February; a draft goal: left out.
 */
import type { KpiInput } from '../../contract/goals.ts';
import type { Db } from '../../db/client.ts';
import { seed } from '../../testing/seed.ts';
import { updateAccount } from '../accounts/update-account.ts';
import type { Context } from '../context.ts';
import { createGoal } from '../goals/create-goal.ts';
import { setGoalStatus } from '../goals/set-goal-status.ts';
import { createStrategicGoal } from '../goals/strategic-goals.ts';
import { findAccount } from '../lookup.ts';
import { recordObservations } from '../statistics/record-observations.ts';

export const pad = (n: number) => String(n).padStart(2, '0');
export const days = (metric: string, month: string, value: number, from: number, to: number, skip: readonly number[] = []) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)
    .filter((d) => !skip.includes(d))
    .map((d) => ({ metric, date: `${month}-${pad(d)}`, value }));
export const k = (metric: string, target: number, extra: Partial<KpiInput> = {}): KpiInput => ({ kind: 'metric', metric, measurement: 'over_period', target, ...extra });

export async function world(db: Db) {
  const s = await seed(db);
  const admin = await s.as('admin');
  const a1 = s.accounts.a1Instagram;
  await updateAccount(admin, a1, { targetAgeGroups: ['18-24'] });
  await recordObservations(admin, a1, {
    observations: [
      ...days('reach', '2026-01', 10, 1, 31),
      ...days('reach', '2026-02', 20, 1, 28, [10, 11, 12, 13, 14]),
      { metric: 'followers', date: '2026-01-01', value: 1000 },
      { metric: 'followers', date: '2026-01-31', value: 1100 },
      { metric: 'followers', date: '2026-02-28', value: 1200 },
      { metric: 'followers', date: '2026-03-10', value: 1300 },
      { metric: 'likes', date: '2026-01-05', value: 10, postId: 'p1' },
      { metric: 'likes', date: '2026-02-03', value: 50, postId: 'p2' },
      { metric: 'likes', date: '2026-02-20', value: 20, postId: 'p3' },
      { metric: 'likes', date: '2026-02-25', value: 80, postId: 'p4' },
      { metric: 'likes', date: '2026-03-02', value: 1000, postId: 'p5' },
    ],
    posts: [
      { platformPostId: 'p1', date: '2026-01-05' },
      { platformPostId: 'p2', date: '2026-02-03', excerpt: 'Opptak' },
      { platformPostId: 'p3', date: '2026-02-20' },
      { platformPostId: 'p4', date: '2026-02-25', permalink: 'https://www.instagram.com/p/p4/' },
      { platformPostId: 'p5', date: '2026-03-02' },
    ],
    audience: [
      { date: '2026-02-10', ageDistribution: { '18-24': 20, '25-34': 30, '35-44': 50 } },
      { date: '2026-03-05', ageDistribution: { '18-24': 70, '25-34': 30 } },
    ],
  });
  // A later reading of p2 (after February): February's figures do not see it.
  await recordObservations(admin, a1, { observations: [{ metric: 'likes', date: '2026-03-05', value: 500, postId: 'p2' }] });

  const sg = (await createStrategicGoal(admin, { title: 'Recruit students' })).id;
  // Each goal made and activated on `at`, before its deadline; closed (achieved, missed) today.
  const goal = async (at: string, name: string, startDate: string, deadline: string, kpis: KpiInput[], status: 'draft' | 'active' | 'achieved' | 'missed') => {
    const then: Context = { ...admin, now: new Date(at) };
    const g = await createGoal(then, { accounts: [a1], goalType: 'custom', qualitativeGoal: name, strategicGoal: sg, startDate, deadline, kpis });
    if (status !== 'draft') await setGoalStatus(then, g.id, { status: 'active' });
    if (status === 'achieved' || status === 'missed') await setGoalStatus(admin, g.id, { status });
    return g.id;
  };
  const main = await goal(
    '2026-01-01T08:00:00Z',
    'Reach students',
    '2026-01-01',
    '2026-06-30',
    [k('reach', 3000), k('followers', 1500), k('likes', 30, { measurement: 'per_post' }), k('link_clicks', 10)],
    'active',
  );
  const three = (target: number) => [k('reach', target), k('reach', 200), k('link_clicks', 5)];
  const february = await goal('2026-01-02T08:00:00Z', 'A February campaign', '2026-02-01', '2026-02-20', three(1000), 'missed');
  const january = await goal('2026-01-01T09:00:00Z', 'A January campaign', '2026-01-01', '2026-01-31', three(100), 'achieved');
  const draft = await goal('2026-01-03T08:00:00Z', 'Not yet', '2026-01-01', '2026-06-30', three(1), 'draft');
  const row = (await findAccount(db, s.organisationId, a1))!;
  return { s, admin, a1, row, goals: { main, february, january, draft } };
}
