/**
 * The audit trail through the services, on both databases: every kind of change makes exactly
 * one event (table-driven), with the right actor, unit and before/after; an event lives and dies
 * with its change's transaction; no secret reaches before/after; who reads what; pagination; the
 * export guards against formula injection.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, inArray } from 'drizzle-orm';
import { accounts, auditEvents, people, storedFiles } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed, TEST_PASSWORD, type Seed } from '../../testing/seed.ts';
import type { Context } from '../context.ts';
import { loadSystemActor } from '../load-actor.ts';
import { createAccount } from '../accounts/create-account.ts';
import { updateAccount } from '../accounts/update-account.ts';
import { createApiToken, revokeApiToken } from '../auth/api-tokens.ts';
import { changePassword } from '../auth/change-password.ts';
import { createCompetitor } from '../competitors/create-competitor.ts';
import { recordFigures } from '../competitors/record-figures.ts';
import { updateCompetitor } from '../competitors/update-competitor.ts';
import { resetHistoryWindow } from '../coverage/reset-history-window.ts';
import { setHistoryWindow } from '../coverage/set-history-window.ts';
import { prepareEvaluations } from '../evaluations/prepare-evaluations.ts';
import { reopenEvaluation } from '../evaluations/reopen-evaluation.ts';
import { signEvaluation } from '../evaluations/sign-evaluation.ts';
import { updateEvaluation } from '../evaluations/update-evaluation.ts';
import { updateAnnualReport } from '../annual-reports/update-annual-report.ts';
import { signAnnualReport } from '../annual-reports/sign-annual-report.ts';
import { reopenAnnualReport } from '../annual-reports/reopen-annual-report.ts';
import { createGoal } from '../goals/create-goal.ts';
import { setGoalStatus } from '../goals/set-goal-status.ts';
import { createStrategicGoal, updateStrategicGoal } from '../goals/strategic-goals.ts';
import { updateGoal } from '../goals/update-goal.ts';
import { importFiles } from '../imports/import-files.ts';
import { undoImport } from '../imports/undo-import.ts';
import { createPerson } from '../people/create-person.ts';
import { grantRole, revokeRole } from '../people/role-grants.ts';
import { updatePerson } from '../people/update-person.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { createUnit } from '../units/create-unit.ts';
import { updateUnit } from '../units/update-unit.ts';
import { listAuditEvents } from './list-audit.ts';
import { exportAuditEvents } from './export-audit.ts';
import { auditable, changedFields, recordAudit } from './record-audit.ts';
import { createColumnMapping } from '../column-mappings/create-mapping.ts';
import { updateColumnMapping } from '../column-mappings/update-mapping.ts';
import { deleteColumnMapping } from '../column-mappings/delete-mapping.ts';

/** 15 March 2026; the accounts are registered in June 2025, so 2025 has an annual report and February an evaluation. */
const NOW = new Date('2026-03-15T10:00:00Z');
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

async function world(db: Db) {
  const s = await seed(db, NOW);
  await db.update(accounts).set({ createdAt: new Date('2025-06-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
  return s;
}

async function eventCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

type Event = typeof auditEvents.$inferSelect;
type Rec = Record<string, unknown>;

interface Case {
  name: string;
  action: string;
  entityType: string;
  /** Who acts: a seeded person, or the CLI operator. */
  as: keyof Seed['people'] | 'operator';
  /** Makes the change; returns the entity id the event must name. */
  run: (ctx: Context, s: Seed, state: Map<string, string>) => Promise<string>;
  unit: (s: Seed, state: Map<string, string>) => string | null;
  check?: (e: Event, s: Seed) => void;
}

const before = (e: Event) => (e.before ?? {}) as Rec;
const after = (e: Event) => (e.after ?? {}) as Rec;

const kpi = (metric: string, target: number | null) => ({ kind: 'metric' as const, metric, measurement: 'over_period' as const, target });

const cases: Case[] = [
  {
    name: 'create a unit',
    action: 'unit.create',
    entityType: 'unit',
    as: 'manager',
    run: async (ctx, s, st) => {
      const u = await createUnit(ctx, { name: 'Section A9', parent: s.units.facultyA });
      st.set('unit', u.id);
      return u.id;
    },
    unit: (_s, st) => st.get('unit')!,
    check: (e) => {
      assert.equal(e.before, null);
      assert.equal(after(e).name, 'Section A9');
      assert.equal('path' in after(e), false, 'the materialised path is bookkeeping');
    },
  },
  {
    name: 'rename a unit',
    action: 'unit.update',
    entityType: 'unit',
    as: 'manager',
    run: async (ctx, _s, st) => (await updateUnit(ctx, st.get('unit')!, { name: 'Section A9 (renamed)' })).id,
    unit: (_s, st) => st.get('unit')!,
    check: (e) => {
      assert.equal(before(e).name, 'Section A9');
      assert.equal(after(e).name, 'Section A9 (renamed)');
      assert.deepEqual(changedFields(e.before as never, e.after as never).map((c) => c.field), ['name']);
    },
  },
  {
    name: 'archive a unit',
    action: 'unit.archive',
    entityType: 'unit',
    as: 'admin',
    run: async (ctx, _s, st) => (await updateUnit(ctx, st.get('unit')!, { archived: true })).id,
    unit: (_s, st) => st.get('unit')!,
    check: (e) => {
      assert.equal(before(e).archivedAt, null);
      assert.equal(after(e).archivedAt, NOW.toISOString());
    },
  },
  {
    name: 'register an account',
    action: 'account.create',
    entityType: 'account',
    as: 'editor',
    run: async (ctx, s, st) => {
      const a = await createAccount(ctx, { unit: s.units.departmentA1, platform: 'facebook', name: 'A1 on Facebook' });
      st.set('account', a.id);
      return a.id;
    },
    unit: (s) => s.units.departmentA1,
    check: (e, s) => {
      assert.equal(after(e).name, 'A1 on Facebook');
      assert.equal(e.actorPersonId, s.people.editor.id);
      assert.equal(e.actorKind, 'person');
    },
  },
  {
    name: 'move an account',
    action: 'account.move',
    entityType: 'account',
    as: 'editor',
    run: async (ctx, s, st) => (await updateAccount(ctx, st.get('account')!, { unit: s.units.facultyA })).id,
    unit: (s) => s.units.facultyA,
    check: (e, s) => {
      assert.equal(before(e).unitId, s.units.departmentA1);
      assert.equal(after(e).unitId, s.units.facultyA);
    },
  },
  {
    name: 'add a person',
    action: 'person.create',
    entityType: 'person',
    as: 'admin',
    run: async (ctx, _s, st) => {
      const p = await createPerson(ctx, { name: 'Nora Ny', email: 'nora.ny@test.example', password: 'a-secret-password-1' });
      st.set('person', p.id);
      return p.id;
    },
    unit: () => null,
    check: (e) => assert.deepEqual(after(e), { name: 'Nora Ny', email: 'nora.ny@test.example', locale: 'nb', active: true, hasPassword: true }),
  },
  {
    name: "set someone's password",
    action: 'person.update',
    entityType: 'person',
    as: 'admin',
    run: async (ctx, _s, st) => (await updatePerson(ctx, st.get('person')!, { password: 'another-secret-pw-2', name: 'Nora Nyberg' })).id,
    unit: () => null,
    check: (e) => {
      assert.equal(after(e).passwordChanged, true);
      assert.equal(after(e).name, 'Nora Nyberg');
    },
  },
  {
    name: 'deactivate a person',
    action: 'person.deactivate',
    entityType: 'person',
    as: 'admin',
    run: async (ctx, _s, st) => (await updatePerson(ctx, st.get('person')!, { active: false })).id,
    unit: () => null,
    check: (e) => assert.deepEqual([before(e).active, after(e).active], [true, false]),
  },
  {
    name: 'grant a role',
    action: 'role.grant',
    entityType: 'role_grant',
    as: 'manager',
    run: async (ctx, s, st) => {
      const g = await grantRole(ctx, { person: s.people.outsider.email, role: 'viewer', unit: s.units.departmentA1 });
      st.set('grant', g.id);
      return g.id;
    },
    unit: (s) => s.units.departmentA1,
    check: (e, s) => assert.deepEqual([after(e).role, after(e).personId, e.before], ['viewer', s.people.outsider.id, null]),
  },
  {
    name: 'revoke a role',
    action: 'role.revoke',
    entityType: 'role_grant',
    as: 'manager',
    run: async (ctx, _s, st) => {
      await revokeRole(ctx, st.get('grant')!);
      return st.get('grant')!;
    },
    unit: (s) => s.units.departmentA1,
    check: (e) => assert.deepEqual([before(e).role, e.after], ['viewer', null]),
  },
  {
    name: 'create a strategic goal',
    action: 'strategic_goal.create',
    entityType: 'strategic_goal',
    as: 'admin',
    run: async (ctx, _s, st) => {
      const g = await createStrategicGoal(ctx, { title: 'Reach more applicants' });
      st.set('strategic', g.id);
      return g.id;
    },
    unit: () => null,
  },
  {
    name: 'change a strategic goal',
    action: 'strategic_goal.update',
    entityType: 'strategic_goal',
    as: 'admin',
    run: async (ctx, _s, st) => (await updateStrategicGoal(ctx, st.get('strategic')!, { title: 'Reach more applicants, earlier' })).id,
    unit: () => null,
    check: (e) => assert.deepEqual([before(e).title, after(e).title], ['Reach more applicants', 'Reach more applicants, earlier']),
  },
  {
    name: 'create a goal with KPIs',
    action: 'goal.create',
    entityType: 'goal',
    as: 'editor',
    run: async (ctx, s, st) => {
      const g = await createGoal(ctx, {
        accounts: [s.accounts.a1Instagram],
        goalType: 'custom',
        qualitativeGoal: 'Known among students',
        strategicGoal: st.get('strategic')!,
        startDate: '2026-01-01',
        deadline: '2026-12-31',
        kpis: [kpi('reach', 1000), kpi('impressions', 2000), kpi('followers', 300)],
      });
      st.set('goal', g.id);
      return g.id;
    },
    unit: (s) => s.units.departmentA1,
    check: (e) => {
      const kpis = after(e).kpis as { metric: string; target: number }[];
      assert.deepEqual(kpis.map((k) => [k.metric, k.target]), [['reach', 1000], ['impressions', 2000], ['followers', 300]]);
      assert.deepEqual(after(e).accounts, ['A1 på Instagram (instagram)']);
    },
  },
  {
    name: "change a KPI's target",
    action: 'goal.update',
    entityType: 'goal',
    as: 'editor',
    run: async (ctx, _s, st) =>
      (await updateGoal(ctx, st.get('goal')!, { kpis: [kpi('reach', 1500), kpi('impressions', 2000), kpi('followers', 300)] })).id,
    unit: (s) => s.units.departmentA1,
    check: (e) => {
      assert.deepEqual(changedFields(e.before as never, e.after as never).map((c) => c.field), ['kpis']);
      assert.equal((before(e).kpis as { target: number }[])[0]!.target, 1000);
      assert.equal((after(e).kpis as { target: number }[])[0]!.target, 1500);
    },
  },
  {
    name: 'activate a goal',
    action: 'goal.activate',
    entityType: 'goal',
    as: 'editor',
    run: async (ctx, _s, st) => (await setGoalStatus(ctx, st.get('goal')!, { status: 'active' })).id,
    unit: (s) => s.units.departmentA1,
    check: (e) => assert.deepEqual([before(e).status, after(e).status], ['draft', 'active']),
  },
  {
    name: 'archive a goal',
    action: 'goal.archive',
    entityType: 'goal',
    as: 'editor',
    run: async (ctx, _s, st) => (await setGoalStatus(ctx, st.get('goal')!, { status: 'archived' })).id,
    unit: (s) => s.units.departmentA1,
  },
  {
    name: 'import a file',
    action: 'import.create',
    entityType: 'import',
    as: 'reporter',
    run: async (ctx, s, st) => {
      const { files } = await importFiles(ctx, s.accounts.a1Instagram, [file('reach.csv', 'date,metric,value\n2026-03-03,reach,13\n2026-03-04,reach,14\n')]);
      assert.equal(files[0]!.status, 'imported', files[0]!.error ?? '');
      st.set('import', files[0]!.importId!);
      return files[0]!.importId!;
    },
    unit: (s) => s.units.departmentA1,
    check: (e) => {
      assert.equal(after(e).fileName, 'reach.csv');
      assert.equal((after(e).counts as Rec).added, 2);
      assert.equal(e.label, 'A1 på Instagram: reach.csv');
    },
  },
  {
    name: 'enter values by hand',
    action: 'import.create',
    entityType: 'import',
    as: 'reporter',
    run: async (ctx, s) => (await recordObservations(ctx, s.accounts.a1Instagram, { observations: [{ metric: 'reach', date: '2026-03-05', value: 15 }] })).importId!,
    unit: (s) => s.units.departmentA1,
    check: (e) => assert.equal(after(e).origin, 'manual'),
  },
  {
    name: 'undo an import',
    action: 'import.undo',
    entityType: 'import',
    as: 'reporter',
    run: async (ctx, _s, st) => (await undoImport(ctx, st.get('import')!)).import.id,
    unit: (s) => s.units.departmentA1,
    check: (e) => {
      assert.equal(before(e).undoneAt, null);
      assert.equal(after(e).undoneAt, NOW.toISOString());
      assert.equal(after(e).removed, 2);
    },
  },
  {
    name: 'write an evaluation',
    action: 'evaluation.update',
    entityType: 'evaluation',
    as: 'evaluator',
    run: async (ctx, s, st) => {
      // Drafts prepared by the schedule (before the loop): A1's February.
      const [row] = await ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'evaluation.prepare'), eq(auditEvents.unitId, s.units.departmentA1)));
      const id = row!.entityId;
      st.set('evaluation', id);
      await updateEvaluation(ctx, id, { assessment: 'Steady month.', decision: 'keep' });
      return id;
    },
    unit: (s) => s.units.departmentA1,
    check: (e) => {
      assert.deepEqual([before(e).assessment, after(e).assessment, after(e).decision], ['', 'Steady month.', 'keep']);
      assert.equal('figures' in after(e), false);
    },
  },
  {
    name: 'sign an evaluation',
    action: 'evaluation.sign',
    entityType: 'evaluation',
    as: 'evaluator',
    run: async (ctx, _s, st) => (await signEvaluation(ctx, st.get('evaluation')!)).id,
    unit: (s) => s.units.departmentA1,
    check: (e, s) => {
      assert.deepEqual([before(e).status, after(e).status, after(e).signedBy], ['draft', 'signed', s.people.evaluator.id]);
      assert.equal('figures' in after(e), false, 'never the frozen figures');
    },
  },
  {
    name: 'reopen an evaluation',
    action: 'evaluation.reopen',
    entityType: 'evaluation',
    as: 'manager',
    run: async (ctx, _s, st) => (await reopenEvaluation(ctx, st.get('evaluation')!, { reason: 'Wrong decision.' })).id,
    unit: (s) => s.units.departmentA1,
    check: (e) => assert.deepEqual([after(e).status, after(e).reason], ['draft', 'Wrong decision.']),
  },
  {
    name: 'write an annual report',
    action: 'annual_report.update',
    entityType: 'annual_report',
    as: 'evaluator',
    run: async (ctx, s, st) => {
      const r = await updateAnnualReport(ctx, s.accounts.a1Instagram, '2025', { decision: 'continue', reasoning: 'It works.' });
      const [row] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'annual_report.update'));
      void r;
      st.set('annual', row!.entityId);
      return row!.entityId;
    },
    unit: (s) => s.units.departmentA1,
    check: (e) => assert.deepEqual([e.before, after(e).decision, after(e).reasoning], [null, 'continue', 'It works.']),
  },
  {
    name: 'sign an annual report',
    action: 'annual_report.sign',
    entityType: 'annual_report',
    as: 'evaluator',
    run: async (ctx, s, st) => {
      await signAnnualReport(ctx, s.accounts.a1Instagram, '2025');
      return st.get('annual')!;
    },
    unit: (s) => s.units.departmentA1,
    check: (e) => assert.deepEqual([before(e).status, after(e).status], ['draft', 'signed']),
  },
  {
    name: 'reopen an annual report',
    action: 'annual_report.reopen',
    entityType: 'annual_report',
    as: 'manager',
    run: async (ctx, s, st) => {
      await reopenAnnualReport(ctx, s.accounts.a1Instagram, '2025', { reason: 'Figures corrected.' });
      return st.get('annual')!;
    },
    unit: (s) => s.units.departmentA1,
    check: (e) => assert.deepEqual([after(e).status, after(e).reason], ['draft', 'Figures corrected.']),
  },
  {
    name: 'set a history window',
    action: 'history_window.set',
    entityType: 'history_window',
    as: 'operator',
    run: async (ctx) => (await setHistoryWindow(ctx, 'tiktok', { days: 30, note: 'Shorter now' })).platform,
    unit: () => null,
    check: (e) => {
      assert.equal(e.actorKind, 'operator');
      assert.equal(e.actorPersonId, null);
      assert.deepEqual([e.before, after(e).days], [null, 30]);
    },
  },
  {
    name: 'reset a history window',
    action: 'history_window.reset',
    entityType: 'history_window',
    as: 'admin',
    run: async (ctx) => (await resetHistoryWindow(ctx, 'tiktok')).platform,
    unit: () => null,
    check: (e) => assert.deepEqual([before(e).days, e.after], [30, null]),
  },
  {
    name: 'register a competitor',
    action: 'competitor.create',
    entityType: 'competitor',
    as: 'editor',
    run: async (ctx, s, st) => {
      const c = await createCompetitor(ctx, { unit: s.units.facultyA, name: 'Rival U', platform: 'instagram' });
      st.set('competitor', c.id);
      return c.id;
    },
    unit: (s) => s.units.facultyA,
  },
  {
    name: "enter a competitor's figures",
    action: 'competitor_figures.write',
    entityType: 'competitor_figures',
    as: 'reporter',
    run: async (ctx, _s, st) => {
      await recordFigures(ctx, st.get('competitor')!, { figures: [{ metric: 'followers', date: '2026-02', value: 1200 }] });
      return st.get('competitor')!;
    },
    unit: (s) => s.units.facultyA,
    check: (e) => assert.equal(after(e).added, 1),
  },
  {
    name: 'archive a competitor',
    action: 'competitor.archive',
    entityType: 'competitor',
    as: 'editor',
    run: async (ctx, _s, st) => (await updateCompetitor(ctx, st.get('competitor')!, { archived: true })).id,
    unit: (s) => s.units.facultyA,
  },
  {
    name: 'create an API token',
    action: 'api_token.create',
    entityType: 'api_token',
    as: 'viewer',
    run: async (ctx, _s, st) => {
      const t = await createApiToken(ctx, { name: 'my script' });
      st.set('token', t.id);
      st.set('tokenSecret', t.token);
      return t.id;
    },
    unit: () => null,
    check: (e) => assert.deepEqual(Object.keys(after(e)).sort(), ['expiresAt', 'name', 'personId']),
  },
  {
    name: 'revoke an API token',
    action: 'api_token.revoke',
    entityType: 'api_token',
    as: 'viewer',
    run: async (ctx, _s, st) => {
      await revokeApiToken(ctx, st.get('token')!);
      return st.get('token')!;
    },
    unit: () => null,
  },
  {
    name: 'save a column mapping',
    action: 'column_mapping.create',
    entityType: 'column_mapping',
    as: 'admin',
    run: async (ctx, _s, st) => {
      const m = await createColumnMapping(ctx, {
        name: 'norsk',
        headers: ['Dag', 'Avspillinger'],
        mapping: { platform: 'tiktok', granularity: 'day', date: { header: 'Dag', format: 'DD.MM.YYYY' }, columns: [{ header: 'Avspillinger', target: { kind: 'metric', metric: 'views' } }] },
      });
      st.set('mapping', m.id);
      return m.id;
    },
    unit: () => null,
    check: (e) => assert.deepEqual([after(e).name, after(e).version, after(e).headers], ['norsk', 1, ['Dag', 'Avspillinger']]),
  },
  {
    name: 'rename a column mapping',
    action: 'column_mapping.update',
    entityType: 'column_mapping',
    as: 'admin',
    run: async (ctx, _s, st) => (await updateColumnMapping(ctx, st.get('mapping')!, { name: 'norsk tiktok' })).id,
    unit: () => null,
    check: (e) => assert.deepEqual(changedFields(e.before as never, e.after as never).map((c) => c.field).sort(), ['name', 'version']),
  },
  {
    name: 'delete a column mapping',
    action: 'column_mapping.delete',
    entityType: 'column_mapping',
    as: 'admin',
    run: async (ctx, _s, st) => (await deleteColumnMapping(ctx, st.get('mapping')!)).id,
    unit: () => null,
    check: (e) => assert.deepEqual([before(e).name, e.after], ['norsk tiktok', null]),
  },
  {
    name: 'change my password',
    action: 'person.password',
    entityType: 'person',
    as: 'viewer',
    run: async (ctx, s) => {
      await changePassword(ctx, { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' }, null);
      return s.people.viewer.id;
    },
    unit: () => null,
    check: (e) => assert.deepEqual(e.after, { passwordChanged: true }),
  },
];

forEachDatabase('audit trail', (fresh) => {
  test('auditable() keeps the meaningful fields as JSON and drops secrets, file contents and bookkeeping', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const value = {
      id: 'the-entity',
      name: 'Ada',
      passwordHash: '$argon2id$…',
      token_hash: 'abc',
      csrfToken: 'x',
      sessionId: 'y',
      content: new Uint8Array([1, 2]),
      organisationId: 'org',
      createdAt: at,
      updatedAt: at,
      signedAt: at,
      nested: { secret: 's', keep: 1, id: 'kept below the top', list: [{ tokenHash: 't', n: 2 }] },
      big: 10n,
      missing: undefined,
    };
    assert.deepEqual(auditable(value), { name: 'Ada', signedAt: '2026-01-02T03:04:05.000Z', nested: { keep: 1, id: 'kept below the top', list: [{ n: 2 }] }, big: '10', missing: null });
    assert.deepEqual(auditable(value, ['signed_at', 'nested']), { name: 'Ada', big: '10', missing: null });
    assert.equal(auditable(null), null);
    assert.deepEqual(changedFields({ a: 1, b: [1, 2], c: null }, { a: 1, b: [1, 3], d: 'x' }), [
      { field: 'b', before: [1, 2], after: [1, 3] },
      { field: 'd', before: null, after: 'x' },
    ]);
  });

  test('every kind of change makes exactly one event, with who, the unit and before/after', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const state = new Map<string, string>();
    // The schedule prepares February's drafts: one 'evaluation.prepare' event per draft, by the system.
    const n0 = await eventCount(t.db);
    const round = await prepareEvaluations({ db: t.db, now: NOW, actor: { ...(await loadSystemActor(t.db)), scheduled: true } }, { month: '2026-02' });
    assert.equal(round.created, 2);
    assert.equal((await eventCount(t.db)) - n0, 2);
    const prepared = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'evaluation.prepare'));
    assert.ok(prepared.every((e) => e.actorKind === 'system' && e.actorPersonId === null && (e.after as Rec).status === 'draft'));
    assert.deepEqual(prepared.map((e) => e.unitId).sort(), [s.units.departmentA1, s.units.facultyB].sort());

    for (const c of cases) {
      const ctx: Context = c.as === 'operator' ? { db: t.db, now: NOW, actor: await loadSystemActor(t.db) } : await s.as(c.as);
      const n = await eventCount(t.db);
      const known = new Set((await t.db.select({ id: auditEvents.id }).from(auditEvents)).map((r) => r.id));
      const entityId = await c.run(ctx, s, state);
      const fresh = (await t.db.select().from(auditEvents)).filter((e) => !known.has(e.id));
      assert.equal(fresh.length, 1, `${c.name}: exactly one event (${fresh.map((e) => e.action).join(', ')})`);
      assert.equal((await eventCount(t.db)) - n, 1);
      const event = fresh[0]!;
      assert.equal(event.action, c.action, c.name);
      assert.equal(event.entityId, entityId, `${c.name}: entity`);
      assert.equal(event.entityType, c.entityType, c.name);
      assert.equal(event.unitId, c.unit(s, state), `${c.name}: unit`);
      if (c.as === 'operator') assert.equal(event.actorKind, 'operator');
      else {
        assert.equal(event.actorKind, 'person', c.name);
        assert.equal(event.actorPersonId, s.people[c.as].id, `${c.name}: actor`);
      }
      assert.equal(event.organisationId, s.organisationId);
      c.check?.(event, s);
    }

    // No secret anywhere in the trail: password hashes, the token, its hash, stored file bytes.
    const all = JSON.stringify(await t.db.select({ before: auditEvents.before, after: auditEvents.after }).from(auditEvents));
    const hashes = (await t.db.select({ h: people.passwordHash }).from(people)).flatMap((r) => (r.h ? [r.h] : []));
    assert.ok(hashes.length > 3);
    for (const h of hashes) assert.equal(all.includes(h), false, 'a password hash is in the trail');
    assert.equal(all.includes(state.get('tokenSecret')!), false, 'the token is in the trail');
    assert.equal(all.includes(state.get('tokenSecret')!.slice(4, 20)), false, 'part of the token is in the trail');
    assert.equal(/passwordHash|tokenHash|password_hash|token_hash|csrf/i.test(all), false);
    assert.equal(all.includes('a-secret-password-1') || all.includes('another-secret-pw-2') || all.includes('a-brand-new-password'), false);
    const [stored] = await t.db.select({ content: storedFiles.content }).from(storedFiles);
    assert.ok(stored);
    assert.equal(all.includes('2026-03-03,reach,13'), false, 'file contents are in the trail');
  });

  test('an event belongs to its transaction: a failed or rolled-back change leaves none', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const reporter = await s.as('reporter');
    const n = await eventCount(t.db);
    // A dry run writes everything (the event too) and rolls it back.
    const dry = await importFiles(reporter, s.accounts.a1Instagram, [file('dry.csv', 'date,metric,value\n2026-03-03,reach,13\n')], { dryRun: true });
    assert.equal(dry.files[0]!.status, 'ready', JSON.stringify(dry.files[0]));
    assert.equal(await eventCount(t.db), n);
    // A change refused by its rules records nothing.
    await expectAppError(updateUnit(await s.as('admin'), s.units.top, { archived: true }), 'validation_failed');
    await expectAppError(grantRole(reporter, { person: s.people.viewer.email, role: 'viewer', unit: s.units.facultyA }), 'forbidden');
    assert.equal(await eventCount(t.db), n);
    // Saving without changing anything is no change.
    await updateAccount(await s.as('editor'), s.accounts.a1Instagram, { name: 'A1 på Instagram' });
    assert.equal(await eventCount(t.db), n);
    // And directly: the event is in the transaction that fails after writing it.
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await recordAudit(tx as unknown as Db, reporter, { action: 'unit.update', entityType: 'unit', entityId: s.units.facultyA, unitId: s.units.facultyA, after: { name: 'x' } });
        throw new Error('the change fails');
      }),
      /the change fails/,
    );
    assert.equal(await eventCount(t.db), n);
  });

  describe('reading', () => {
    test('administrators read everything; a manager their units and below; others are refused', async () => {
      await using t = await fresh();
      const s = await world(t.db);
      await createAccount(await s.as('editor'), { unit: s.units.departmentA1, platform: 'youtube', name: 'A1 on YouTube' });
      await createAccount(await s.as('outsider'), { unit: s.units.facultyB, platform: 'youtube', name: 'B on YouTube' });
      await createPerson(await s.as('admin'), { name: 'Org Wide', email: 'org.wide@test.example' });

      const admin = await listAuditEvents(await s.as('admin'), { limit: 500 });
      const labels = (l: typeof admin) => l.events.map((e) => e.label);
      assert.ok(labels(admin).includes('A1 on YouTube') && labels(admin).includes('B on YouTube') && labels(admin).includes('Org Wide'));
      // The seed's own changes are there too (units, people, grants, accounts by the operator).
      assert.ok(admin.events.some((e) => e.action === 'unit.create' && e.actor.kind === 'operator'));
      // And the trail begins with the set-up, by the first administrator.
      const setup = admin.events.find((e) => e.action === 'organisation.setup');
      assert.deepEqual([setup?.actor.personId, setup?.entityId, setup?.unit], [s.people.admin.id, s.organisationId, null]);
      assert.equal(JSON.stringify(setup?.after).includes('password'), false);

      const manager = await listAuditEvents(await s.as('manager'), { limit: 500 });
      assert.ok(labels(manager).includes('A1 on YouTube'));
      assert.equal(labels(manager).includes('B on YouTube'), false, "another unit's events");
      assert.equal(labels(manager).includes('Org Wide'), false, 'organisation-wide events are for administrators');
      const aUnits = new Set([s.units.facultyA, s.units.departmentA1]);
      assert.ok(manager.events.length > 0 && manager.events.every((e) => e.unit && aUnits.has(e.unit.id)));
      const named = manager.events.find((e) => e.label === 'A1 on YouTube')!;
      assert.equal(named.actor.name, 'Editor Person');
      assert.ok(named.changes.some((c) => c.field === 'name' && c.after === 'A1 on YouTube'));

      const onlyA1 = await listAuditEvents(await s.as('manager'), { unit: s.units.departmentA1, limit: 500 });
      assert.ok(onlyA1.events.every((e) => e.unit?.id === s.units.departmentA1));
      await expectAppError(listAuditEvents(await s.as('manager'), { unit: s.units.facultyB }), 'not_found');
      for (const who of ['editor', 'reporter', 'evaluator', 'viewer', 'outsider'] as const) {
        await expectAppError(listAuditEvents(await s.as(who), {}), 'forbidden');
        await expectAppError(exportAuditEvents(await s.as(who), { format: 'csv' }), 'forbidden');
      }
    });

    test('filters and pages: newest first, every event once', async () => {
      await using t = await fresh();
      const s = await world(t.db);
      const admin = await s.as('admin');
      for (let i = 0; i < 5; i++) {
        // A minute apart, after the seed's changes (which share NOW), so that the order is certain.
        await createUnit({ ...admin, now: new Date(NOW.getTime() + (i + 1) * 60_000) }, { name: `Unit ${i}`, parent: s.units.facultyB });
      }
      const all = await listAuditEvents(admin, { entityType: 'unit', action: 'unit.create', limit: 500 });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listAuditEvents(admin, { entityType: 'unit', action: 'unit.create', limit: 2, ...(cursor ? { cursor } : {}) });
        assert.ok(page.events.length <= 2);
        seen.push(...page.events.map((e) => e.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, all.events.map((e) => e.id));
      assert.equal(new Set(seen).size, seen.length);
      const times = all.events.map((e) => e.at);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
      assert.equal(all.events[0]!.label, 'Unit 4');

      const window = await listAuditEvents(admin, { action: 'unit.create', from: new Date(NOW.getTime() + 2 * 60_000).toISOString(), to: new Date(NOW.getTime() + 4 * 60_000).toISOString() });
      assert.deepEqual(window.events.map((e) => e.label), ['Unit 2', 'Unit 1']);
      const byDay = await listAuditEvents(admin, { action: 'unit.create', from: '2026-03-15', to: '2026-03-15', unit: s.units.facultyB });
      // Faculty B's own creation (by the seed, that day) and the five below it.
      assert.deepEqual(byDay.events.map((e) => e.label), ['Unit 4', 'Unit 3', 'Unit 2', 'Unit 1', 'Unit 0', 'Faculty B']);
      assert.equal((await listAuditEvents(admin, { action: 'unit.create', from: '2026-03-16' })).events.length, 0);
      const byActor = await listAuditEvents(admin, { actor: s.people.admin.id });
      assert.deepEqual(byActor.events.map((e) => e.action), ['unit.create', 'unit.create', 'unit.create', 'unit.create', 'unit.create', 'organisation.setup']);
      await expectAppError(listAuditEvents(admin, { cursor: 'not-a-cursor' }), 'validation_failed');
    });

    test('the export has the same rows and guards against formula injection', async () => {
      await using t = await fresh();
      const s = await world(t.db);
      await createAccount(await s.as('editor'), { unit: s.units.departmentA1, platform: 'youtube', name: '=HYPERLINK("http://evil.example","x")' });
      const csv = await exportAuditEvents(await s.as('manager'), { format: 'csv', locale: 'en', entityType: 'account' });
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
      assert.ok(text.startsWith('\uFEFFTime (UTC),Who,'), text.slice(0, 40));
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`), 'the label is quote-prefixed');
      assert.equal(/(^|,)"?=HYPERLINK/m.test(text), false, 'no cell starts with =');
      assert.equal(csv.events, (await listAuditEvents(await s.as('manager'), { entityType: 'account', limit: 500 })).events.length);
      const xlsx = await exportAuditEvents(await s.as('admin'), { format: 'xlsx', locale: 'nb' });
      assert.equal(new TextDecoder().decode(xlsx.bytes.slice(0, 2)), 'PK');
      assert.ok(xlsx.events > csv.events);
    });
  });
});
