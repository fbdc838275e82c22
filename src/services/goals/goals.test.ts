import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed, type Seed } from '../../testing/seed.ts';
import { expectAppError } from '../../testing/assertions.ts';
import type { Db } from '../../db/client.ts';
import { audienceSnapshots, observations, posts } from '../../db/schema/index.ts';
import { AccountKpis, GoalDetail, GoalPreview, TargetSuggestions, type KpiInput } from '../../contract/goals.ts';
import { addDays } from '../../core/period/days.ts';
import { createAccount } from '../accounts/create-account.ts';
import type { Context } from '../context.ts';
import { createStrategicGoal, listStrategicGoals, updateStrategicGoal } from './strategic-goals.ts';
import { createGoal } from './create-goal.ts';
import { updateGoal } from './update-goal.ts';
import { setGoalStatus } from './set-goal-status.ts';
import { getGoal } from './get-goal.ts';
import { listGoals } from './list-goals.ts';
import { previewGoal } from './preview-goal.ts';
import { accountKpis } from './account-kpis.ts';
import { suggestTargetsFor } from './target-suggestions.ts';
import { listGoalTemplates, listMetrics } from './catalogue.ts';

const kpi = (k: Partial<KpiInput> & Pick<KpiInput, 'measurement'>): KpiInput => ({ kind: 'metric', ...k });
const close = (a: number | null | undefined, b: number) => assert.ok(a != null && Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);

async function daily(db: Db, s: Seed, accountId: string, metric: string, values: Record<string, number>) {
  await db.insert(observations).values(
    Object.entries(values).map(([day, value]) => ({ organisationId: s.organisationId, accountId, metric, day, value })),
  );
}

async function post(db: Db, s: Seed, accountId: string, platformPostId: string, publishedOn: string, readings: [day: string, metric: string, value: number][]) {
  const id = crypto.randomUUID();
  await db.insert(posts).values({ id, organisationId: s.organisationId, accountId, platformPostId, publishedOn });
  for (const [day, metric, value] of readings) {
    await db.insert(observations).values({ organisationId: s.organisationId, accountId, metric, day, value, postId: id });
  }
}

async function strategy(s: Seed): Promise<string> {
  return (await createStrategicGoal(await s.as('admin'), { title: 'Educate internationally excellent candidates' })).id;
}

forEachDatabase('goals service', (fresh) => {
  test('create → preview → activation refused with exactly what is missing → fixed → activated; active stays complete; archive is read-only', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const sg = await strategy(s);
    const goal = await createGoal(editor, {
      accounts: [s.accounts.a1Instagram],
      goalType: 'web_traffic',
      qualitativeGoal: 'More applicants to programme A',
      concreteGoal: 'Drive people to the admission page',
      kpis: [kpi({ metric: 'link_clicks', measurement: 'per_post', target: 2000 }), kpi({ metric: 'reach', measurement: 'over_period' })],
    });
    assert.equal(goal.status, 'draft');
    assert.equal(goal.unitId, s.units.departmentA1);
    assert.equal(goal.owner?.id, s.people.editor.id, 'the owner defaults to the creator');
    assert.deepEqual(goal.kpis.map((k) => [k.position, k.metric, k.target, k.name.en]), [[0, 'link_clicks', 2000, 'Link clicks'], [1, 'reach', null, 'Reach']]);

    const preview = await previewGoal(editor, { accounts: [s.accounts.a1Instagram], goalType: 'web_traffic', qualitativeGoal: 'x', kpis: [kpi({ metric: 'reactions', measurement: 'per_post', target: 1 })] });
    assert.deepEqual(preview.kpis[0]?.issues.map((i) => i.path), ['kpis.0.metric'], 'Instagram does not report reactions');
    assert.equal(preview.activation.ok, false);
    assert.equal(preview.smart.items.find((i) => i.letter === 'relevant')?.status, 'missing');

    const refused = await expectAppError(setGoalStatus(editor, goal.id, { status: 'active' }), 'validation_failed', ['kpis', 'strategicGoalId', 'deadline', 'kpis.1.target']);
    assert.match(refused.message, /The goal has 2 KPI\(s\); it needs at least 3 \(1 more\)\./);
    assert.match(refused.message, /not linked to a strategic goal/);
    assert.match(refused.message, /no deadline/);
    assert.match(refused.message, /KPI 2 \(Reach\) has no target value/);
    const detail = await getGoal(editor, goal.id);
    assert.deepEqual(detail.activation.missing.map((m) => m.key), [
      'goals.activation.too_few_kpis', 'goals.activation.no_strategy', 'goals.activation.no_deadline', 'goals.activation.kpi_no_target',
    ]);
    assert.equal(detail.canEdit, true);

    await updateGoal(editor, goal.id, {
      strategicGoal: sg,
      startDate: '2026-03-01',
      deadline: '2026-12-31',
      kpis: [
        kpi({ metric: 'link_clicks', measurement: 'per_post', target: 2000, targetBasis: 'own_history' }),
        kpi({ metric: 'reach', measurement: 'over_period', target: 50000 }),
        { kind: 'audience_share', ageGroups: ['18-24'], measurement: 'at_deadline', target: 60, targetBasis: 'vendor_insight', targetBasisNote: 'Survey 2025' },
      ],
    });
    const active = await setGoalStatus({ ...editor, now: new Date('2026-03-16T09:00:00Z') }, goal.id, { status: 'active' });
    assert.equal(active.status, 'active');
    assert.equal(active.activatedAt, '2026-03-16T09:00:00.000Z');
    assert.equal(active.kpis[2]?.name.en, 'Audience share 18-24');
    assert.equal((await getGoal(editor, goal.id)).activation.ok, true);

    await expectAppError(updateGoal(editor, goal.id, { kpis: active.kpis.slice(0, 2).map((k) => ({ ...k, metric: k.metric })) }), 'validation_failed', ['kpis']);
    await expectAppError(updateGoal(editor, goal.id, { deadline: null }), 'validation_failed', ['deadline']);
    await expectAppError(setGoalStatus(editor, goal.id, { status: 'draft' }), 'conflict');
    await setGoalStatus(editor, goal.id, { status: 'archived' });
    await expectAppError(updateGoal(editor, goal.id, { qualitativeGoal: 'changed' }), 'conflict');
    assert.equal((await getGoal(editor, goal.id)).canEdit, false);
    assert.equal((await setGoalStatus(editor, goal.id, { status: 'draft' })).status, 'draft');
    assert.equal((await updateGoal(editor, goal.id, { qualitativeGoal: 'changed' })).qualitativeGoal, 'changed');

    // A deadline already passed cannot be activated.
    await updateGoal(editor, goal.id, { startDate: '2025-01-01', deadline: '2025-12-31' });
    await expectAppError(setGoalStatus(editor, goal.id, { status: 'active' }), 'validation_failed', ['deadline']);

    // Roles: a viewer reads but may not change; an outsider does not see it.
    const viewer = await s.as('viewer');
    assert.equal((await getGoal(viewer, goal.id)).canEdit, false);
    await expectAppError(updateGoal(viewer, goal.id, { qualitativeGoal: 'no' }), 'forbidden');
    await expectAppError(getGoal(await s.as('outsider'), goal.id), 'not_found');
    assert.deepEqual((await listGoals(await s.as('outsider'))).length, 0);
    assert.deepEqual((await listGoals(viewer, { unit: s.units.facultyA })).map((g) => g.id), [goal.id]);
    assert.deepEqual((await listGoals(viewer, { unit: s.units.facultyB })).length, 0);
    assert.deepEqual((await listGoals(viewer, { strategicGoal: sg, status: 'draft', account: s.accounts.a1Instagram })).map((g) => g.id), [goal.id]);
    assert.equal((await listStrategicGoals(viewer)).find((x) => x.id === sg)?.goalCount, 1);
    assert.equal((await listStrategicGoals(await s.as('outsider'))).find((x) => x.id === sg)?.goalCount, 0);
  });

  test('strategic goals: organisation-wide by administrators, a unit’s by its managers; archived ones cannot be linked', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sg = await strategy(s);
    await expectAppError(createStrategicGoal(await s.as('manager'), { title: 'Org-wide' }), 'forbidden');
    const unitGoal = await createStrategicGoal(await s.as('manager'), { title: 'Faculty A: more applicants', unit: s.units.facultyA, parent: sg, periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    assert.equal(unitGoal.unitId, s.units.facultyA);
    assert.equal(unitGoal.parentId, sg);
    await expectAppError(createStrategicGoal(await s.as('editor'), { title: 'x', unit: s.units.facultyA }), 'forbidden');
    await expectAppError(createStrategicGoal(await s.as('outsider'), { title: 'x', unit: s.units.facultyA }), 'not_found');
    await expectAppError(createStrategicGoal(await s.as('admin'), { title: 'x', periodStart: '2026-02-01', periodEnd: '2026-01-01' }), 'validation_failed', ['periodEnd']);
    assert.ok(!(await listStrategicGoals(await s.as('outsider'))).some((x) => x.id === unitGoal.id), 'a unit’s breakdown is visible only to its readers');
    const editor = await s.as('editor');
    // The unit's strategic goal applies to the goals of Faculty A and below, not to Faculty B's.
    const g = await createGoal(editor, { accounts: [s.accounts.a1Instagram], goalType: 'custom', qualitativeGoal: 'x', strategicGoal: unitGoal.id });
    assert.equal(g.strategicGoalId, unitGoal.id);
    await expectAppError(createGoal(await s.as('outsider'), { accounts: [s.accounts.bTiktok], goalType: 'custom', qualitativeGoal: 'x', strategicGoal: unitGoal.id }), 'validation_failed', ['strategicGoal']);
    const archived = await updateStrategicGoal(await s.as('admin'), sg, { archived: true, title: 'Old strategy' });
    assert.equal(archived.archived, true);
    assert.equal(archived.title, 'Old strategy');
    await expectAppError(createGoal(editor, { accounts: [s.accounts.a1Instagram], goalType: 'custom', qualitativeGoal: 'x', strategicGoal: sg }), 'validation_failed', ['strategicGoal']);
    await expectAppError(updateStrategicGoal(await s.as('manager'), sg, { title: 'no' }), 'forbidden');
  });

  test('a campaign spans accounts of one unit; across units, unreadable accounts and metrics the platform lacks are refused', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const fb = await createAccount(editor, { unit: s.units.departmentA1, platform: 'facebook', name: 'A1 on Facebook' });
    const facultyFb = await createAccount(editor, { unit: s.units.facultyA, platform: 'facebook', name: 'Faculty A on Facebook' });
    const campaign = await createGoal(editor, {
      accounts: [s.accounts.a1Instagram, fb.slug], goalType: 'web_traffic', qualitativeGoal: 'Campaign',
      kpis: [kpi({ metric: 'link_clicks', measurement: 'per_post', target: 2000 })],
    });
    assert.deepEqual(campaign.accounts.map((a) => a.name).sort(), ['A1 on Facebook', 'A1 på Instagram']);
    const campaignDetail = await getGoal(editor, campaign.id);
    assert.deepEqual(campaignDetail.evaluations.map((e) => e.accountId).sort(), [s.accounts.a1Instagram, fb.id].sort(), 'one evaluation per KPI and account');
    // Moving the campaign to accounts of another unit needs goal.write there, and the accounts must still share one unit.
    await expectAppError(updateGoal(editor, campaign.id, { accounts: [s.accounts.a1Instagram, facultyFb.id] }), 'validation_failed', ['accounts']);
    const moved = await updateGoal(editor, campaign.id, { accounts: [facultyFb.slug] });
    assert.equal(moved.unitId, s.units.facultyA);
    const crossUnits = await expectAppError(
      createGoal(editor, { accounts: [s.accounts.a1Instagram, facultyFb.id], goalType: 'custom', qualitativeGoal: 'x' }), 'validation_failed', ['accounts'],
    );
    assert.match(crossUnits.message, /one unit.*A1 på Instagram, Faculty A on Facebook/);
    const unreadable = await expectAppError(
      createGoal(editor, { accounts: [s.accounts.a1Instagram, s.accounts.bTiktok, 'no-such'], goalType: 'custom', qualitativeGoal: 'x' }), 'validation_failed', ['accounts'],
    );
    assert.match(unreadable.message, new RegExp(`"${s.accounts.bTiktok}", "no-such"`));
    await expectAppError(createGoal(await s.as('admin'), { accounts: [s.accounts.a1Instagram, s.accounts.bTiktok], goalType: 'custom', qualitativeGoal: 'x' }), 'validation_failed', ['accounts']);
    // Campaign KPIs must be available on every platform: reactions are not reported by Instagram.
    await expectAppError(
      createGoal(editor, { accounts: [s.accounts.a1Instagram, fb.id], goalType: 'engagement', qualitativeGoal: 'x', kpis: [kpi({ metric: 'engagements', measurement: 'over_period' }), kpi({ metric: 'reactions', measurement: 'over_period' })] }),
      'validation_failed', ['kpis.1.metric'],
    );
    await expectAppError(createGoal(editor, { accounts: [fb.id], goalType: 'custom', qualitativeGoal: 'x', kpis: [kpi({ metric: 'followers', measurement: 'per_post' })] }), 'validation_failed', ['kpis.0.measurement']);
    await expectAppError(createGoal(editor, { accounts: [fb.id], goalType: 'custom', qualitativeGoal: 'x', kpis: [kpi({ metric: 'nonsense', measurement: 'per_post' })] }), 'validation_failed', ['kpis.0.metric']);
    await expectAppError(createGoal(await s.as('reporter'), { accounts: [fb.id], goalType: 'custom', qualitativeGoal: 'x' }), 'forbidden');
    await expectAppError(createGoal(editor, { accounts: [fb.id], goalType: 'custom', qualitativeGoal: 'x', startDate: '2026-05-01', deadline: '2026-04-01' }), 'validation_failed', ['deadline']);
    // The system actor has no person: the owner stays empty.
    assert.equal((await createGoal(await s.system(), { accounts: [fb.id], goalType: 'custom', qualitativeGoal: 'x' })).owner, null);
    assert.equal((await createGoal(editor, { accounts: [fb.id], goalType: 'custom', qualitativeGoal: 'x', owner: s.people.manager.email })).owner?.id, s.people.manager.id);
  });

  test('evaluations against hand-computed values: per post, audience share, lower is better, a year boundary, a missing day, not measured', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const fb = await createAccount(editor, { unit: s.units.departmentA1, platform: 'facebook', name: 'A1 on Facebook' });
    // Posts: p1 read twice (the later reading wins), p2 below target, p3 in the new year.
    await post(t.db, s, fb.id, 'p1', '2025-11-05', [['2025-11-06', 'link_clicks', 1000], ['2026-01-08', 'link_clicks', 2500]]);
    await post(t.db, s, fb.id, 'p2', '2025-12-20', [['2025-12-21', 'link_clicks', 1500]]);
    await post(t.db, s, fb.id, 'p3', '2026-01-05', [['2026-01-06', 'link_clicks', 2300]]);
    await post(t.db, s, fb.id, 'p-before', '2025-10-01', [['2025-10-02', 'link_clicks', 99999]]);
    await t.db.insert(audienceSnapshots).values([
      { id: crypto.randomUUID(), organisationId: s.organisationId, accountId: fb.id, day: '2025-10-20', ageDistribution: { '18-24': 50, '25-34': 30 } },
      { id: crypto.randomUUID(), organisationId: s.organisationId, accountId: fb.id, day: '2026-01-02', ageDistribution: { '18-24': 60, '25-34': 25.5, '13-17': 14.5 } },
    ]);
    await daily(t.db, s, fb.id, 'response_time_hours', { '2025-11-10': 3, '2025-11-20': 5, '2025-12-15': 6, '2026-01-05': 1 });
    const goal = await createGoal(editor, {
      accounts: [fb.id], goalType: 'web_traffic', qualitativeGoal: 'More applicants', startDate: '2025-11-01', deadline: '2026-02-28',
      kpis: [
        kpi({ metric: 'link_clicks', measurement: 'per_post', target: 2000 }),
        { kind: 'audience_share', ageGroups: ['18-24'], measurement: 'at_deadline', target: 60 },
        kpi({ metric: 'response_time_hours', measurement: 'per_month', comparator: 'at_most', target: 4 }),
      ],
    });
    const detail = await getGoal(editor, goal.id, { asOf: '2026-01-10' });
    GoalDetail.strict().parse(detail); // the answer is what the contract promises
    const [clicks, share, response] = detail.evaluations;
    assert.equal(detail.evaluations.length, 3);
    // (2500 + 1500 + 2300) / 3 = 2100 ≥ 2000; the pace of a mean without baseline is the target.
    close(clicks?.actual, 2100);
    assert.equal(clicks?.status, 'on_track');
    assert.deepEqual(clicks?.coverage, { kind: 'posts', documented: 3, total: 3, share: 1 });
    assert.deepEqual(clicks?.trace.used.map((u) => [u.postId, u.value]), [['p1', 2500], ['p2', 1500], ['p3', 2300]]);
    assert.equal(clicks?.trace.usedCount, 3);
    assert.equal(clicks?.final, false);
    // 60 % aged 18-24 in the snapshot of 2 January; the baseline 50 % from 20 October (within 31 days before the start).
    close(share?.actual, 60);
    close(share?.baseline, 50);
    close(share?.progress, 1);
    assert.equal(share?.status, 'on_track');
    // Lower is better: the months November (3 + 5) / 2 = 4 and December 6 have ended → 5 > 4.
    close(response?.actual, 5);
    assert.equal(response?.status, 'at_risk');
    assert.equal(response?.progress, null);
    // After the deadline: final, and met by the per-post mean.
    const after = await getGoal(editor, goal.id, { asOf: '2026-03-10' });
    assert.equal(after.evaluations[0]?.final, true);
    assert.equal(after.evaluations[0]?.status, 'met');
    assert.equal(after.evaluations[0]?.attainability, null, 'no forecast once the deadline has passed');
    // Attainability from too little history says how much is needed.
    assert.equal(clicks?.attainability?.verdict, 'insufficient_history');
    assert.equal(detail.smart.items.find((i) => i.letter === 'attainable')?.status, 'ok');

    // A missing day: coverage below 1, the sum of the documented days (never a zero for the gap).
    await daily(t.db, s, fb.id, 'link_clicks', { '2025-11-01': 10, '2025-11-02': 20, '2025-11-04': 40, '2025-11-05': 50 });
    const sum = await createGoal(editor, {
      accounts: [fb.id], goalType: 'web_traffic', qualitativeGoal: 'Clicks', startDate: '2025-11-01', deadline: '2025-11-30',
      kpis: [kpi({ metric: 'link_clicks', measurement: 'over_period', target: 300 })],
    });
    const [summed] = (await getGoal(editor, sum.id, { asOf: '2025-11-05' })).evaluations;
    close(summed?.actual, 120);
    assert.deepEqual(summed?.coverage, { kind: 'days', documented: 4, total: 5, share: 0.8 });
    close(summed?.pace, 50); // 300 × 5 / 30
    assert.equal(summed?.status, 'on_track');

    // No data at all: not measured, never 0.
    const none = await createGoal(editor, {
      accounts: [s.accounts.a1Instagram], goalType: 'web_traffic', qualitativeGoal: 'Nothing yet', startDate: '2026-01-01', deadline: '2026-12-31',
      kpis: [kpi({ metric: 'link_clicks', measurement: 'per_post', target: 2000 }), kpi({ metric: 'reach', measurement: 'over_period' })],
    });
    const [empty, noTarget] = (await getGoal(editor, none.id)).evaluations;
    assert.equal(empty?.status, 'not_measured');
    assert.equal(empty?.actual, null);
    assert.equal(empty?.coverage, null);
    assert.equal(noTarget?.status, 'not_measured');
    assert.equal(noTarget?.trace.notes[0]?.code, 'incomplete_kpi');

    // The account's KPIs: only active, achieved and missed goals.
    assert.deepEqual(await accountKpis(editor, fb.id, '2026-01-10'), []);
    await t.db.update((await import('../../db/schema/index.ts')).goals).set({ status: 'active' });
    const kpis = AccountKpis.parse(await accountKpis(editor, fb.slug, '2026-01-10'));
    assert.equal(kpis.length, 4);
    close(kpis.find((k) => k.kpi.metric === 'link_clicks' && k.kpi.measurement === 'per_post')?.evaluation.actual, 2100);
    await expectAppError(accountKpis(await s.as('outsider'), fb.id), 'not_found');
  });

  test('attainability as you type, and target suggestions from own history and readable peers on the platform', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const ig = s.accounts.a1Instagram;
    const followers: Record<string, number> = {};
    for (let i = 0; i < 90; i++) followers[addDays('2025-12-01', i)] = 1000 + 10 * i;
    await daily(t.db, s, ig, 'followers', followers);
    const preview = await previewGoal(editor, {
      accounts: [ig], goalType: 'brand_awareness', qualitativeGoal: 'Grow', deadline: '2026-06-30',
      kpis: [kpi({ metric: 'followers', measurement: 'at_deadline', target: 1500 }), kpi({ metric: 'followers', measurement: 'at_deadline', target: 100000 })],
    });
    GoalPreview.parse(preview);
    assert.equal(preview.kpis[0]?.attainability?.verdict, 'likely');
    assert.equal(preview.kpis[1]?.attainability?.verdict, 'unlikely');
    assert.equal(preview.kpis[0]?.attainability?.history.length, 90);
    assert.equal(preview.kpis[0]?.attainability?.band.at(-1)?.date, '2026-06-30');
    assert.equal(preview.smart.items.find((i) => i.letter === 'attainable')?.status, 'warning');

    // Peers on Instagram: three in Faculty A's subtree, one in Faculty B (not readable by the editor).
    const admin = await s.as('admin');
    const peer = async (unit: string, name: string, f: number, clicks: number) => {
      const a = await createAccount(admin, { unit, platform: 'instagram', name });
      await daily(t.db, s, a.id, 'followers', { '2026-03-01': f });
      await daily(t.db, s, a.id, 'link_clicks', { '2026-03-01': clicks, '2026-03-02': clicks });
    };
    await peer(s.units.facultyA, 'Peer 1', 1000, 10); // 0.01 per follower
    await peer(s.units.departmentA1, 'Peer 2', 2000, 40); // 0.02
    await peer(s.units.facultyA, 'Peer 3', 3000, 90); // 0.03
    await peer(s.units.facultyB, 'Peer B', 1000, 1000); // 1.0, hidden from the editor
    await daily(t.db, s, ig, 'link_clicks', { '2026-03-01': 30, '2026-03-02': 40, '2026-03-03': 50 });
    // followers of the account itself: 1890 on 2026-02-28 (the last of the series above)
    const r = TargetSuggestions.parse(await suggestTargetsFor(editor, ig, 'link_clicks', 'per_day'));
    const pick = (basis: string, stat: string) => r.suggestions.find((x) => x.basis === basis && x.statistic === stat);
    close(pick('own_history', 'median')?.value, 40);
    close(pick('own_history', 'upper_quartile')?.value, 45);
    close(pick('internal_accounts', 'median')?.value, 0.02 * 1890);
    close(pick('internal_accounts', 'upper_quartile')?.value, 0.025 * 1890);
    assert.equal(pick('internal_accounts', 'median')?.n, 3);
    assert.equal(pick('internal_accounts', 'median')?.normalisedPerFollower, true);
    const asAdmin = await suggestTargetsFor(admin, ig, 'link_clicks', 'per_day');
    assert.equal(asAdmin.suggestions.find((x) => x.basis === 'internal_accounts')?.n, 4);
    await expectAppError(suggestTargetsFor(await s.as('outsider'), ig, 'link_clicks', 'per_day'), 'not_found');
    await expectAppError(suggestTargetsFor(editor, ig, 'nonsense', 'per_day'), 'validation_failed', ['metric']);
  });

  test('the trace is capped at 200 values and says how many were used', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const values: Record<string, number> = {};
    for (let i = 0; i < 250; i++) values[addDays('2025-01-01', i)] = 1;
    await daily(t.db, s, s.accounts.a1Instagram, 'link_clicks', values);
    const goal = await createGoal(editor, {
      accounts: [s.accounts.a1Instagram], goalType: 'web_traffic', qualitativeGoal: 'Clicks', startDate: '2025-01-01', deadline: '2025-12-31',
      kpis: [kpi({ metric: 'link_clicks', measurement: 'over_period', target: 365 })],
    });
    const [e] = (await getGoal(editor, goal.id, { asOf: '2025-09-30' })).evaluations;
    assert.equal(e?.actual, 250);
    assert.equal(e?.trace.used.length, 200);
    assert.equal(e?.trace.usedCount, 250);
    assert.ok(e?.attainability && e.attainability.verdict !== 'insufficient_history', 'enough daily history for a forecast');
  });

  test('the catalogue lists base and derived metrics with formulas, and templates per platform', () => {
    const ig = listMetrics('instagram');
    assert.ok(ig.some((m) => m.key === 'link_clicks' && m.kind === 'base'));
    assert.ok(!ig.some((m) => m.key === 'reactions'));
    const err = ig.find((m) => m.key === 'engagement_rate_reach');
    assert.equal(err?.kind, 'derived');
    assert.match(err?.formula?.en ?? '', /engagements \/ reach × 100/);
    assert.ok(listMetrics().length > ig.length);
    const templates = listGoalTemplates('youtube');
    assert.equal(templates.length, 9);
    const web = templates.find((x) => x.key === 'web_traffic');
    assert.ok(!web?.kpis.some((k) => k.metric === 'link_clicks'), 'YouTube does not report link clicks');
  });
});

void FIXED_NOW;
void ({} as Context);
