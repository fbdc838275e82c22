/**
 * A hand-made organisation for the overview and account dashboard tests (services and HTTP),
 * on the seeded tree (testing/seed.ts), as of FIXED_NOW (2026-03-15; the default period is March
 * 2026, so KPIs are evaluated as of 2026-03-15). Every goal runs 2026-03-01 … 2026-03-31.
 *
 *   Department A1  "A1 på Instagram": reach 10 a day 1–15 March (150), three posts with likes
 *                  5, 50, 20; active goal G1: reach ≥ 100 (met), ≥ 310 (on track: pace 150),
 *                  ≥ 1000 (at risk), ≤ 100 (missed), link clicks ≥ 10 (not measured: none),
 *                  likes per post ≥ 10 (on track: mean 25); a draft goal (not counted).
 *   Faculty A      "A direkte" (Instagram, target 18-24): reach 20 a day (300), G2: ≥ 100 (met),
 *                  ≥ 200 (met), ≥ 5000 (at risk); audience mostly 45-54: misfit.
 *                  "A på X" (X, registered 2025-11-01, nothing documented): days lost from X's
 *                  91-day window: overdue.
 *                  "A stengt" (Instagram, closed) with an active goal: left out.
 *   Faculty B      "B on TikTok": views 100 a day, G3: ≥ 100 (met), ≥ 1e6 and ≥ 2e6 (at risk).
 */
import type { KpiInput } from '../../contract/goals.ts';
import type { Db } from '../../db/client.ts';
import { FIXED_NOW, seed, type Seed } from '../../testing/seed.ts';
import { createAccount } from '../accounts/create-account.ts';
import { updateAccount } from '../accounts/update-account.ts';
import { loadSystemActor } from '../load-actor.ts';
import type { Context } from '../context.ts';
import { createGoal } from '../goals/create-goal.ts';
import { setGoalStatus } from '../goals/set-goal-status.ts';
import { createStrategicGoal } from '../goals/strategic-goals.ts';
import { recordObservations } from '../statistics/record-observations.ts';

export interface OverviewWorld {
  s: Seed;
  admin: Context;
  a1: string;
  direct: string;
  xGap: string;
  closed: string;
  b: string;
  goals: { g1: string; g2: string; g3: string; draft: string; closed: string };
}

const days = (metric: string, value: number, from = 1, to = 15) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ metric, date: `2026-03-${String(from + i).padStart(2, '0')}`, value }));
const k = (metric: string, target: number, extra: Partial<KpiInput> = {}): KpiInput => ({ kind: 'metric', metric, measurement: 'over_period', target, ...extra });

export async function overviewWorld(db: Db): Promise<OverviewWorld> {
  const s = await seed(db);
  const admin = await s.as('admin');
  const sys = async (now = FIXED_NOW): Promise<Context> => ({ db, now, actor: await loadSystemActor(db) });
  const direct = (await createAccount(await sys(), { unit: s.units.facultyA, platform: 'instagram', name: 'A direkte', targetAgeGroups: ['18-24'] })).id;
  const xGap = (await createAccount(await sys(new Date('2025-11-01T09:00:00Z')), { unit: s.units.facultyA, platform: 'x', name: 'A på X' })).id;
  const closed = (await createAccount(await sys(), { unit: s.units.facultyA, platform: 'instagram', name: 'A stengt' })).id;
  const a1 = s.accounts.a1Instagram;
  const b = s.accounts.bTiktok;

  await recordObservations(admin, a1, {
    observations: [
      ...days('reach', 10),
      { metric: 'likes', date: '2026-03-02', value: 5, postId: 'p1' },
      { metric: 'likes', date: '2026-03-05', value: 50, postId: 'p2' },
      { metric: 'likes', date: '2026-03-08', value: 20, postId: 'p3' },
    ],
    posts: [
      { platformPostId: 'p1', date: '2026-03-02', postType: 'reel', excerpt: 'Første' },
      { platformPostId: 'p2', date: '2026-03-05', permalink: 'https://www.instagram.com/p/p2/' },
      { platformPostId: 'p3', date: '2026-03-08' },
    ],
  });
  await recordObservations(admin, direct, {
    observations: days('reach', 20),
    audience: [{ date: '2026-03-10', ageDistribution: { '18-24': 10, '25-34': 30, '45-54': 60 } }],
  });
  await recordObservations(admin, closed, { observations: days('reach', 1) });
  await recordObservations(admin, b, { observations: days('views', 100) });

  const sg = (await createStrategicGoal(admin, { title: 'Reach the right people' })).id;
  const goal = async (account: string, kpis: KpiInput[], activate = true) => {
    const g = await createGoal(admin, {
      accounts: [account],
      goalType: 'custom',
      qualitativeGoal: `Goal for ${account.slice(0, 8)}`,
      strategicGoal: sg,
      startDate: '2026-03-01',
      deadline: '2026-03-31',
      kpis,
    });
    if (activate) await setGoalStatus(admin, g.id, { status: 'active' });
    return g.id;
  };
  const g1 = await goal(a1, [
    k('reach', 100),
    k('reach', 310),
    k('reach', 1000),
    k('reach', 100, { comparator: 'at_most' }),
    k('link_clicks', 10),
    k('likes', 10, { measurement: 'per_post' }),
  ]);
  const draft = await goal(a1, [k('reach', 1), k('reach', 2), k('reach', 3)], false);
  const g2 = await goal(direct, [k('reach', 100), k('reach', 200), k('reach', 5000)]);
  const g3 = await goal(b, [k('views', 100), k('views', 1e6), k('views', 2e6)]);
  const closedGoal = await goal(closed, [k('reach', 1), k('reach', 2), k('reach', 3)]);
  await updateAccount(admin, closed, { status: 'closed' });
  return { s, admin, a1, direct, xGap, closed, b, goals: { g1, g2, g3, draft, closed: closedGoal } };
}
