/**
 * Monthly evaluations through the services, on both databases: preparing drafts (idempotent,
 * per unit for a person), the list's filters and states with a fixed `now`, the sign rules,
 * locking, reopening by a manager with a reason, who may do what, the history of events, and
 * figures frozen at signing while a draft's follow new statistics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray } from 'drizzle-orm';
import { evaluationDecisions as contractDecisions } from '../../contract/evaluations.ts';
import { evaluationDecisions } from '../../core/evaluations/rules.ts';
import { eachDay } from '../../core/period/days.ts';
import { accounts, evaluationEvents, evaluations } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed, type Seed } from '../../testing/seed.ts';
import type { Context } from '../context.ts';
import { createAccount } from '../accounts/create-account.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { getEvaluation } from './get-evaluation.ts';
import { listEvaluations } from './list-evaluations.ts';
import { prepareEvaluations } from './prepare-evaluations.ts';
import { reopenEvaluation } from './reopen-evaluation.ts';
import { signEvaluation } from './sign-evaluation.ts';
import { updateEvaluation } from './update-evaluation.ts';

/** 15 March 2026: February is due today, January overdue, March upcoming. */
const NOW = new Date('2026-03-15T10:00:00Z');
const at = (ctx: Context, iso: string): Context => ({ ...ctx, now: new Date(iso) });

/** The seeded accounts, registered on 1 January 2026 so that January, February and March get drafts. */
async function world(db: Db) {
  const s = await seed(db, NOW);
  await db.update(accounts).set({ createdAt: new Date('2026-01-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
  return s;
}

async function evaluationOf(db: Db, accountId: string, month: string) {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.accountId, accountId)).then((rows) => rows.filter((r) => r.month === `${month}-01`));
  assert.ok(row, `an evaluation of ${month}`);
  return row;
}

async function prepared(s: Seed, db: Db, months: string[]) {
  for (const month of months) await prepareEvaluations(await s.system(), { month });
  return {
    a1: async (month: string) => (await evaluationOf(db, s.accounts.a1Instagram, month)).id,
    b: async (month: string) => (await evaluationOf(db, s.accounts.bTiktok, month)).id,
  };
}

test('the core and the contract offer the same decisions', () => {
  assert.deepEqual([...evaluationDecisions], [...contractDecisions]);
});

forEachDatabase('evaluations', (fresh) => {
  test('preparing a month is idempotent: drafts for active accounts registered by then, each with a prepared event', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const sys = await s.system();
    // A paused account and one registered in March get no February draft.
    const paused = await createAccount(sys, { unit: s.units.departmentA1, platform: 'youtube', name: 'Paused', status: 'paused' });
    await t.db.update(accounts).set({ createdAt: new Date('2025-06-01T00:00:00Z') }).where(eq(accounts.id, paused.id));
    const march = await createAccount(sys, { unit: s.units.departmentA1, platform: 'facebook', name: 'New in March' });

    assert.deepEqual(await prepareEvaluations(sys, { month: '2026-02' }), { month: '2026-02', created: 2, existing: 0 });
    assert.deepEqual(await prepareEvaluations(sys, { month: '2026-02' }), { month: '2026-02', created: 0, existing: 2 });
    assert.deepEqual(await prepareEvaluations(sys, { month: '2026-03' }), { month: '2026-03', created: 3, existing: 0 });
    const rows = await t.db.select().from(evaluations);
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.status === 'draft' && r.figures === null && r.assessment === '' && r.decision === null));
    assert.ok(!rows.some((r) => r.accountId === paused.id));
    assert.deepEqual(rows.filter((r) => r.accountId === march.id).map((r) => r.month), ['2026-03-01']);
    const events = await t.db.select().from(evaluationEvents);
    assert.equal(events.length, 5);
    assert.ok(events.every((e) => e.action === 'prepared' && e.personId === null));

    // Statistics documented for a month before the account was registered bring that month in.
    await recordObservations(sys, march.id, { observations: [{ metric: 'reach', date: '2026-02-20', value: 10 }] });
    assert.deepEqual(await prepareEvaluations(sys, { month: '2026-02' }), { month: '2026-02', created: 1, existing: 2 });
    assert.deepEqual(await prepareEvaluations(sys, { month: '2026-01' }), { month: '2026-01', created: 2, existing: 0 });

    await expectAppError(prepareEvaluations(sys, { month: '2026-04' }), 'validation_failed', ['month']);
    await expectAppError(prepareEvaluations(sys, { month: '2026-13' }), 'validation_failed', ['month']);
  });

  test('a person prepares only the units where they write evaluations; a viewer may not prepare', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const evaluator = await s.as('evaluator');
    assert.deepEqual(await prepareEvaluations(evaluator, { month: '2026-01' }), { month: '2026-01', created: 1, existing: 0 });
    const [row] = await t.db.select().from(evaluations);
    assert.equal(row!.accountId, s.accounts.a1Instagram);
    const [event] = await t.db.select().from(evaluationEvents);
    assert.equal(event!.personId, s.people.evaluator.id);
    await expectAppError(prepareEvaluations(await s.as('viewer'), { month: '2026-01' }), 'forbidden');
    await expectAppError(prepareEvaluations(await s.as('outsider'), { month: '2026-01' }), 'forbidden');
    // The system then adds Faculty B's account only.
    assert.deepEqual(await prepareEvaluations(await s.system(), { month: '2026-01' }), { month: '2026-01', created: 1, existing: 1 });
  });

  test('the list: states as of today, counts per state, filters by unit, account, month and state, and the unit’s evaluators', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const ids = await prepared(s, t.db, ['2026-01', '2026-02', '2026-03']);
    const admin = await s.as('admin');

    const all = await listEvaluations(admin);
    assert.equal(all.asOf, '2026-03-15');
    assert.deepEqual(all.counts, { signed: 0, upcoming: 2, due: 2, overdue: 2 });
    assert.deepEqual(
      all.items.map((i) => [i.month, i.account.slug, i.state, i.dueOn]),
      [
        ['2026-03', 'a1-pa-instagram', 'upcoming', '2026-04-15'],
        ['2026-03', 'b-on-tiktok', 'upcoming', '2026-04-15'],
        ['2026-02', 'a1-pa-instagram', 'due', '2026-03-15'],
        ['2026-02', 'b-on-tiktok', 'due', '2026-03-15'],
        ['2026-01', 'a1-pa-instagram', 'overdue', '2026-02-15'],
        ['2026-01', 'b-on-tiktok', 'overdue', '2026-02-15'],
      ],
    );
    const a1 = all.items.find((i) => i.account.slug === 'a1-pa-instagram')!;
    assert.deepEqual(a1.evaluators.map((e) => e.name), ['Evaluator Person']);
    assert.deepEqual(a1.unit.slug, 'department-a1');
    assert.deepEqual(all.items.find((i) => i.account.slug === 'b-on-tiktok')!.evaluators, []);
    assert.ok(all.items.every((i) => i.counts === null && i.decision === null && i.signedBy === null));

    // Sign February's A1 evaluation: it counts as signed, with the counts it was signed on.
    const evaluator = await s.as('evaluator');
    await updateEvaluation(evaluator, await ids.a1('2026-02'), { assessment: 'Steady.', decision: 'keep' });
    await signEvaluation(evaluator, await ids.a1('2026-02'));

    const facultyA = await listEvaluations(admin, { unit: 'faculty-a' });
    assert.deepEqual(facultyA.counts, { signed: 1, upcoming: 1, due: 0, overdue: 1 });
    const signed = facultyA.items.find((i) => i.month === '2026-02')!;
    assert.deepEqual([signed.state, signed.decision, signed.signedBy?.name], ['signed', 'keep', 'Evaluator Person']);
    assert.ok(signed.counts !== null && typeof signed.counts.met === 'number');

    const overdue = await listEvaluations(admin, { state: 'overdue' });
    assert.deepEqual(overdue.items.map((i) => [i.month, i.account.slug]), [['2026-01', 'a1-pa-instagram'], ['2026-01', 'b-on-tiktok']]);
    assert.deepEqual(overdue.counts, { signed: 1, upcoming: 2, due: 1, overdue: 2 });
    assert.deepEqual((await listEvaluations(admin, { month: '2026-02' })).items.map((i) => i.state), ['signed', 'due']);
    assert.deepEqual((await listEvaluations(admin, { account: 'b-on-tiktok', month: '2026-03' })).items.map((i) => i.account.slug), ['b-on-tiktok']);

    // A month later nothing changed but the day: February's B evaluation is overdue.
    const later = await listEvaluations(at(admin, '2026-04-16T09:00:00Z'), { account: 'b-on-tiktok' });
    assert.deepEqual(later.items.map((i) => i.state), ['overdue', 'overdue', 'overdue']);

    // Each sees the evaluations of the units they may read; other units answer not_found.
    assert.deepEqual(new Set((await listEvaluations(evaluator)).items.map((i) => i.account.slug)), new Set(['a1-pa-instagram']));
    assert.deepEqual(new Set((await listEvaluations(await s.as('outsider'))).items.map((i) => i.account.slug)), new Set(['b-on-tiktok']));
    await expectAppError(listEvaluations(await s.as('outsider'), { unit: 'faculty-a' }), 'not_found');
    await expectAppError(listEvaluations(await s.as('outsider'), { account: 'a1-pa-instagram' }), 'not_found');
  });

  test('signing needs an ended month, an assessment, a decision and (to adjust content) an adjustment; then it is locked', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const ids = await prepared(s, t.db, ['2026-02', '2026-03']);
    const evaluator = await s.as('evaluator');
    const feb = await ids.a1('2026-02');

    await expectAppError(signEvaluation(evaluator, feb), 'validation_failed', ['assessment', 'decision']);
    await updateEvaluation(evaluator, feb, { assessment: 'Reach fell; stories worked.', decision: 'adjust_content' });
    await expectAppError(signEvaluation(evaluator, feb), 'validation_failed', ['adjustment']);
    await updateEvaluation(evaluator, feb, { assessment: 'Reach fell; stories worked.', adjustment: 'Two stories a week.' });
    await expectAppError(signEvaluation(evaluator, await ids.a1('2026-03')), 'validation_failed', ['assessment', 'decision', 'month']);

    const signed = await signEvaluation(at(evaluator, '2026-03-15T11:00:00Z'), feb);
    assert.deepEqual(
      [signed.status, signed.state, signed.figuresFrozen, signed.signedBy?.name, signed.signedAt, signed.canWrite, signed.canReopen],
      ['signed', 'signed', true, 'Evaluator Person', '2026-03-15T11:00:00.000Z', false, false],
    );
    assert.deepEqual([signed.decision, signed.adjustment], ['adjust_content', 'Two stories a week.']);
    const [row] = await t.db.select().from(evaluations).where(eq(evaluations.id, feb));
    assert.deepEqual(row!.figures, signed.figures);

    await expectAppError(signEvaluation(evaluator, feb), 'conflict');
    await expectAppError(updateEvaluation(evaluator, feb, { assessment: 'Changed my mind.' }), 'conflict');
    const manager = await getEvaluation(await s.as('manager'), feb);
    assert.deepEqual([manager.canWrite, manager.canReopen], [false, true]);
    const [after] = await t.db.select().from(evaluations).where(eq(evaluations.id, feb));
    assert.equal(after!.assessment, 'Reach fell; stories worked.');
  });

  test('a manager reopens with a reason (the evaluator may not); both events stay, in order, with names', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const ids = await prepared(s, t.db, ['2026-02']);
    const feb = await ids.a1('2026-02');
    const evaluator = await s.as('evaluator');
    const manager = await s.as('manager');

    await expectAppError(reopenEvaluation(manager, feb, { reason: 'Too early.' }), 'conflict');
    await updateEvaluation(at(evaluator, '2026-03-02T09:00:00Z'), feb, { assessment: 'Good month.', decision: 'escalate' });
    // Saving the same text again records nothing.
    await updateEvaluation(at(evaluator, '2026-03-02T09:01:00Z'), feb, { assessment: 'Good month.' });
    await signEvaluation(at(evaluator, '2026-03-03T09:00:00Z'), feb);

    await expectAppError(reopenEvaluation(evaluator, feb, { reason: 'I want to change it.' }), 'forbidden');
    await expectAppError(reopenEvaluation(manager, feb, { reason: '   ' }), 'validation_failed', ['reason']);
    const reopened = await reopenEvaluation(at(manager, '2026-03-04T09:00:00Z'), feb, { reason: 'The escalation belongs to the faculty.' });
    assert.deepEqual(
      [reopened.status, reopened.state, reopened.figuresFrozen, reopened.signedBy, reopened.signedAt, reopened.assessment, reopened.decision],
      ['draft', 'due', false, null, null, 'Good month.', 'escalate'],
    );
    assert.deepEqual(
      reopened.events.map((e) => [e.at, e.action, e.person?.name ?? null, e.reason]),
      [
        ['2026-03-15T10:00:00.000Z', 'prepared', null, null],
        ['2026-03-02T09:00:00.000Z', 'edited', 'Evaluator Person', null],
        ['2026-03-03T09:00:00.000Z', 'signed', 'Evaluator Person', null],
        ['2026-03-04T09:00:00.000Z', 'reopened', 'Manager Person', 'The escalation belongs to the faculty.'],
      ],
    );
    const [row] = await t.db.select().from(evaluations).where(eq(evaluations.id, feb));
    assert.deepEqual([row!.status, row!.figures, row!.signedBy], ['draft', null, null]);
    // The evaluator may now edit and sign it again.
    assert.equal((await getEvaluation(evaluator, feb)).canWrite, true);
    await updateEvaluation(evaluator, feb, { decision: 'keep' });
    assert.equal((await signEvaluation(evaluator, feb)).status, 'signed');
    // An administrator may reopen too.
    assert.equal((await reopenEvaluation(await s.as('admin'), feb, { reason: 'Audit.' })).status, 'draft');
  });

  test('who may: viewers and editors read but may not write; other units’ evaluations are not found', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const ids = await prepared(s, t.db, ['2026-02']);
    const feb = await ids.a1('2026-02');
    const viewer = await s.as('viewer');

    const seen = await getEvaluation(viewer, feb);
    assert.deepEqual([seen.canWrite, seen.canReopen, seen.figuresFrozen, seen.account.slug], [false, false, false, 'a1-pa-instagram']);
    await expectAppError(updateEvaluation(viewer, feb, { assessment: 'x' }), 'forbidden');
    await expectAppError(signEvaluation(viewer, feb), 'forbidden');
    await expectAppError(updateEvaluation(await s.as('editor'), feb, { assessment: 'x' }), 'forbidden');
    await expectAppError(reopenEvaluation(await s.as('reporter'), feb, { reason: 'x' }), 'forbidden');

    // The outsider (editor in Faculty B), and an evaluator of Faculty B, do not see Faculty A's evaluations.
    const outsider = await s.as('outsider');
    await expectAppError(getEvaluation(outsider, feb), 'not_found');
    await expectAppError(updateEvaluation(outsider, feb, { assessment: 'x' }), 'not_found');
    await expectAppError(signEvaluation(outsider, feb), 'not_found');
    await expectAppError(getEvaluation(viewer, await ids.b('2026-02')), 'not_found');
    await expectAppError(getEvaluation(viewer, 'not-an-id'), 'not_found');
    await expectAppError(getEvaluation(viewer, crypto.randomUUID()), 'not_found');
    assert.equal((await getEvaluation(await s.as('evaluator'), feb)).canWrite, true);
    const events = await t.db.select().from(evaluationEvents).where(eq(evaluationEvents.evaluationId, feb));
    assert.deepEqual(events.map((e) => e.action), ['prepared']);
  });

  test('a signed evaluation keeps the figures it was signed on; a draft follows new statistics', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const ids = await prepared(s, t.db, ['2026-01', '2026-02']);
    const admin = await s.as('admin');
    const views = (from: string, to: string) => eachDay(from, to).map((date) => ({ metric: 'views', date, value: 100 }));
    await recordObservations(admin, s.accounts.bTiktok, { observations: views('2026-02-01', '2026-02-10') });

    const feb = await ids.b('2026-02');
    const jan = await ids.b('2026-01');
    await updateEvaluation(admin, feb, { assessment: 'Only ten days documented.', decision: 'keep' });
    const signed = await signEvaluation(admin, feb);
    assert.equal(signed.figures.documentation.documentedDays, 10);
    const janBefore = await getEvaluation(admin, jan);

    await recordObservations(admin, s.accounts.bTiktok, { observations: [...views('2026-01-01', '2026-01-31'), ...views('2026-02-11', '2026-02-28')] });
    const later = at(admin, '2026-03-16T10:00:00Z');
    const signedAfter = await getEvaluation(later, feb);
    assert.deepEqual(signedAfter.figures, signed.figures);
    assert.equal(signedAfter.figuresFrozen, true);
    const janAfter = await getEvaluation(later, jan);
    assert.equal(janAfter.figuresFrozen, false);
    assert.ok(janAfter.figures.documentation.documentedDays > janBefore.figures.documentation.documentedDays, 'the draft shows the new days');
    assert.equal(janAfter.figures.documentation.documentedDays, 31);

    // Reopened, February is computed live again and shows the late days.
    const reopened = await reopenEvaluation(later, feb, { reason: 'Late statistics arrived.' });
    assert.equal(reopened.figures.documentation.documentedDays, 28);
  });
});
