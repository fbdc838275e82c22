/**
 * What the overview reads in its one statement (overview-rows.ts), against plain reads of the same
 * tables: free text that holds the statement's separators, quotes and line breaks comes back as
 * stored; archived units, window overrides, goals in the order they were created and KPIs by
 * position, age groups, snapshots, runs and overdue evaluations; on both databases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { accounts, units } from '../../db/schema/index.ts';
import { loadWindowOverrides } from '../coverage/history-window-rows.ts';
import { setHistoryWindow } from '../coverage/set-history-window.ts';
import { createGoal } from '../goals/create-goal.ts';
import { setGoalStatus } from '../goals/set-goal-status.ts';
import { createStrategicGoal } from '../goals/strategic-goals.ts';
import { overview } from './overview.ts';
import { overviewWorld } from './overview-world.ts';
import { readOverview } from './overview-rows.ts';

const NASTY = 'Ærlig «konto»\u001e\u001f\u001d, "sitat" \\ back\nslash\tog ; | + 65+';

forEachDatabase('overview rows', (fresh) => {
  test('free text, archived units, window overrides, goal and KPI order come back as stored', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const db = t.db;
    const org = w.admin.actor.organisationId;
    // Names set directly: the statement must survive what validation might let through one day.
    await db.update(accounts).set({ name: NASTY }).where(eq(accounts.id, w.a1));
    await db.update(units).set({ name: `${NASTY} enhet`, archivedAt: new Date('2026-03-01T00:00:00Z') }).where(eq(units.id, w.s.units.facultyB));
    await setHistoryWindow(w.admin, 'instagram', { days: 120 });
    // A second active goal on A1, created later.
    const sg = (await createStrategicGoal(w.admin, { title: 'Second' })).id;
    // Created a second later (goals made in one request share their `now`, and then go by id).
    const laterCtx = { ...w.admin, now: new Date(w.admin.now.getTime() + 1000) };
    const later = await createGoal(laterCtx, {
      accounts: [w.a1],
      goalType: 'custom',
      qualitativeGoal: 'Later goal',
      strategicGoal: sg,
      startDate: '2026-03-01',
      deadline: '2026-03-31',
      kpis: [
        { kind: 'metric', metric: 'reach', measurement: 'over_period', target: 5 },
        { kind: 'metric', metric: 'reach', measurement: 'over_period', target: 1e9 },
        { kind: 'metric', metric: 'reach', measurement: 'over_period', target: 6 },
      ],
    });
    await setGoalStatus(laterCtx, later.id, { status: 'active' });

    const read = await readOverview(db, org, null, '2026-03-15', '2026-03-15');
    const unitRows = await db.select().from(units).where(eq(units.organisationId, org));
    assert.deepEqual(
      [...read.units].sort((x, y) => (x.id < y.id ? -1 : 1)),
      unitRows
        .map((u) => ({ id: u.id, slug: u.slug, name: u.name, parentId: u.parentId, path: u.path, archived: u.archivedAt !== null }))
        .sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    assert.equal(read.units.find((u) => u.id === w.s.units.facultyB)?.name, `${NASTY} enhet`);
    assert.deepEqual(read.windowOverrides, new Map([...(await loadWindowOverrides(db, org))].map(([p, o]) => [p, { days: o.days }])));
    assert.deepEqual(read.windowOverrides.get('instagram'), { days: 120 });

    const a1 = read.accounts.find((a) => a.id === w.a1);
    assert.ok(a1);
    assert.equal(a1.name, NASTY);
    assert.deepEqual(
      a1.goals.map((g) => g.goalId),
      [w.goals.g1, later.id],
      'goals in the order they were created',
    );
    // Nothing is cached yet: every KPI is listed, by position, none counted.
    const stored = (await db.execute(sql`select k.id::text as id from kpis k where k.goal_id = ${w.goals.g1}::uuid order by k.position`)) as unknown as { rows: { id: string }[] };
    assert.deepEqual(a1.goals[0]!.details.map((k) => k.kpiId), stored.rows.map((r) => r.id));
    assert.ok(a1.goals.every((g) => Object.values(g.counts).every((n) => n === 0) && g.details.every((k) => k.status === null)));

    // A KPI's metric is free text in the table (the services check it against the catalogue).
    const first = a1.goals[0]!.details[0]!;
    assert.equal(first.metric, 'reach');
    await db.execute(sql`update kpis set metric = ${NASTY} where id = ${first.kpiId}::uuid`);
    const odd = (await readOverview(db, org, null, '2026-03-15', '2026-03-15')).accounts.find((a) => a.id === w.a1)!;
    assert.equal(odd.goals[0]!.details[0]!.metric, NASTY);
    assert.equal(odd.goals[0]!.details.length, a1.goals[0]!.details.length);
    await db.execute(sql`update kpis set metric = 'reach' where id = ${first.kpiId}::uuid`);

    const direct = read.accounts.find((a) => a.id === w.direct);
    assert.deepEqual(direct?.targetAgeGroups, ['18-24']);
    assert.deepEqual(direct?.snapshot?.ageDistribution, { '18-24': 10, '25-34': 30, '45-54': 60 });
    assert.equal(direct?.snapshot?.day, '2026-03-10');
    assert.equal(read.accounts.find((a) => a.id === w.closed), undefined, 'closed accounts are not read');

    // After the overview has cached them: statuses counted, only missed, at-risk and uncached KPIs listed.
    const o = await overview(w.admin);
    const again = (await readOverview(db, org, null, '2026-03-15', '2026-03-15')).accounts.find((a) => a.id === w.a1)!;
    assert.ok(again.runs !== null, 'documented runs cached');
    assert.deepEqual(
      again.goals.map((g) => g.details.map((k) => k.status)),
      [['at_risk', 'missed'], ['at_risk']],
    );
    const row = o.attention.find((r) => r.account.id === w.a1);
    assert.equal(row?.account.name, NASTY);
    assert.deepEqual(row?.reasons.find((r) => r.kind === 'at_risk_kpis')?.kpis.map((k) => k.goalId), [w.goals.g1, later.id]);
  });
});
