/**
 * Report assembly on both databases: the annual report of an account, a unit and the
 * organisation (what the actor may read), its roll-ups summed by hand (not documented stays
 * null), signed reports' frozen figures and decisions in them; the monthly report's evaluations,
 * states and missing accounts; and who may read which scope (an outsider gets not_found).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { accounts, evaluations } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createUnit } from '../units/create-unit.ts';
import { prepareEvaluations } from '../evaluations/prepare-evaluations.ts';
import { signEvaluation } from '../evaluations/sign-evaluation.ts';
import { updateEvaluation } from '../evaluations/update-evaluation.ts';
import { signAnnualReport } from '../annual-reports/sign-annual-report.ts';
import { updateAnnualReport } from '../annual-reports/update-annual-report.ts';
import { buildAnnualReport } from './build-annual-report.ts';
import { buildMonthlyReport } from './build-monthly-report.ts';

/** 20 January 2026: 2025's reports are due. */
const NOW = new Date('2026-01-20T10:00:00Z');

/**
 * A1 on Instagram (Department A1, 10 h planned a month, from March 2025: 100 h; 5 h documented in
 * March and 7 h in April), B on TikTok (Faculty B, no plan, nothing documented), A2 on Facebook
 * (Department A2, from November 2025, 12 000 NOK a year: 2 000 NOK for two months).
 */
async function world(db: Db) {
  const s = await seed(db, NOW);
  const sys = await s.system();
  const a2 = await createUnit(sys, { name: 'Department A2', parent: s.units.facultyA });
  const a2Account = await createAccount(sys, { unit: a2.id, platform: 'facebook', name: 'A2 on Facebook', budgetNokPerYear: 12_000 });
  await db.update(accounts).set({ createdAt: new Date('2025-03-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
  await db.update(accounts).set({ plannedHoursPerMonth: 10 }).where(eq(accounts.id, s.accounts.a1Instagram));
  await db.update(accounts).set({ createdAt: new Date('2025-11-01T08:00:00Z') }).where(eq(accounts.id, a2Account.id));
  for (const month of ['2025-03', '2025-04']) await prepareEvaluations(sys, { month });
  const evaluationOf = async (account: string, month: string) =>
    (await db.select().from(evaluations).where(and(eq(evaluations.accountId, account), eq(evaluations.month, `${month}-01`))))[0]!.id;
  const evaluator = await s.as('evaluator');
  await updateEvaluation(evaluator, await evaluationOf(s.accounts.a1Instagram, '2025-03'), { hoursSpent: 5 });
  const april = await evaluationOf(s.accounts.a1Instagram, '2025-04');
  await updateEvaluation(evaluator, april, { hoursSpent: 7, assessment: 'Steady.', decision: 'keep' });
  await signEvaluation(evaluator, april);
  return { s, a2: a2.id, a2Account: a2Account.id };
}

forEachDatabase('reports', (fresh) => {
  test('the organisation’s annual report: every account in use, the roll-up summed (null where nothing is planned or documented), per top unit', async () => {
    await using t = await fresh();
    const { s } = await world(t.db);
    const r = await buildAnnualReport(await s.as('admin'), { year: '2025' });
    assert.deepEqual([r.kind, r.scope, r.year, r.generatedAt], ['annual', { kind: 'organisation', name: 'Testuniversitetet' }, '2025', NOW.toISOString()]);
    assert.deepEqual(r.accounts.map((a) => [a.account.slug, a.status, a.figures.resources.monthsInUse]), [
      ['a1-pa-instagram', 'draft', 10],
      ['a2-on-facebook', 'draft', 2],
      ['b-on-tiktok', 'draft', 10],
    ]);
    assert.deepEqual(r.summary.resources, {
      plannedHours: 100,
      documentedHours: 12,
      hoursMonths: 2,
      plannedMoneyNok: 2_000,
      documentedMoneyNok: null,
      moneyMonths: 0,
      accountMonthsInUse: 22,
    });
    assert.equal(r.summary.accounts, 3);
    assert.deepEqual(r.summary.reports, { signed: 0, upcoming: 0, due: 3, overdue: 0 });
    assert.deepEqual(r.summary.decisions, { continue: 0, continue_with_changes: 0, close: 0, undecided: 3 });
    const suggested = r.accounts.map((a) => a.figures.recommendation.suggestion);
    for (const key of ['continue', 'continue_with_changes', 'close'] as const) assert.equal(r.summary.suggestions[key], suggested.filter((x) => x === key).length);
    assert.deepEqual(r.summary.audience, { fit: 0, misfit: 0, broad: 0, unknown: 3 });
    // The administrator's top unit is the whole tree.
    assert.deepEqual(r.byUnit.map((u) => [u.unit.name, u.summary.accounts]), [['Testuniversitetet', 3]]);
  });

  test('a unit’s annual report rolls up per direct child; a signed report brings its decision and frozen figures', async () => {
    await using t = await fresh();
    const { s } = await world(t.db);
    const evaluator = await s.as('evaluator');
    await updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { decision: 'continue', reasoning: 'It works.' });
    await signAnnualReport(evaluator, 'a1-pa-instagram', '2025');
    const r = await buildAnnualReport(await s.as('viewer'), { unit: 'faculty-a', year: '2025' });
    assert.deepEqual(r.scope, { kind: 'unit', unit: { id: s.units.facultyA, slug: 'faculty-a', name: 'Faculty A' } });
    assert.deepEqual(r.accounts.map((a) => [a.account.slug, a.status, a.figuresFrozen]), [
      ['a1-pa-instagram', 'signed', true],
      ['a2-on-facebook', 'draft', false],
    ]);
    assert.deepEqual(r.summary.decisions, { continue: 1, continue_with_changes: 0, close: 0, undecided: 1 });
    assert.deepEqual(r.summary.reports, { signed: 1, upcoming: 0, due: 1, overdue: 0 });
    assert.deepEqual(
      r.byUnit.map((u) => [u.unit.slug, u.summary.accounts, u.summary.resources.plannedHours, u.summary.resources.documentedHours, u.summary.resources.plannedMoneyNok]),
      [
        ['department-a1', 1, 100, 12, null],
        ['department-a2', 1, null, null, 2_000],
      ],
    );

    const one = await buildAnnualReport(await s.as('viewer'), { account: 'a1-pa-instagram', year: '2025' });
    assert.deepEqual([one.scope.kind, one.byUnit, one.accounts.length, one.summary.accounts, one.accounts[0]!.decision], ['account', [], 1, 1, 'continue']);
    // A manager of Faculty A sees the organisation as Faculty A.
    const managed = await buildAnnualReport(await s.as('manager'), { year: '2025' });
    assert.deepEqual(managed.byUnit.map((u) => [u.unit.slug, u.summary.accounts]), [['faculty-a', 2]]);
    assert.deepEqual(managed.accounts.map((a) => a.account.slug), ['a1-pa-instagram', 'a2-on-facebook']);
  });

  test('who may read which annual report: an outsider gets not_found for Faculty A and its accounts, and sees only Faculty B', async () => {
    await using t = await fresh();
    const { s } = await world(t.db);
    const outsider = await s.as('outsider');
    await expectAppError(buildAnnualReport(outsider, { unit: 'faculty-a', year: '2025' }), 'not_found');
    await expectAppError(buildAnnualReport(outsider, { account: 'a1-pa-instagram', year: '2025' }), 'not_found');
    await expectAppError(buildMonthlyReport(outsider, { unit: 'faculty-a', month: '2025-04' }), 'not_found');
    await expectAppError(buildMonthlyReport(outsider, { account: s.accounts.a1Instagram, month: '2025-04' }), 'not_found');
    const own = await buildAnnualReport(outsider, { year: '2025' });
    assert.deepEqual(own.accounts.map((a) => a.account.slug), ['b-on-tiktok']);
    assert.deepEqual(own.byUnit.map((u) => u.unit.slug), ['faculty-b']);
    // A unit's own accounts are a row of the unit itself, before its children's rows.
    await createUnit(await s.system(), { name: 'B1', parent: s.units.facultyB });
    const b = await buildAnnualReport(await s.as('outsider'), { unit: 'faculty-b', year: '2025' });
    assert.deepEqual(b.byUnit.map((u) => [u.unit.slug, u.summary.accounts]), [['faculty-b', 1], ['b1', 0]]);
    await expectAppError(buildAnnualReport(outsider, { unit: 'no-such-unit', year: '2025' }), 'not_found');
    const admin = await s.as('admin');
    await expectAppError(buildAnnualReport(admin, { year: '2025-01' }), 'validation_failed', ['year']);
    await expectAppError(buildAnnualReport(admin, { year: '2027' }), 'validation_failed', ['year']);
    await expectAppError(buildAnnualReport(admin, { account: 'a2-on-facebook', year: '2024' }), 'validation_failed', ['year']);
    await expectAppError(buildAnnualReport(admin, { account: 'a2-on-facebook', unit: 'faculty-a', year: '2025' }), 'validation_failed', ['unit']);
  });

  test('the monthly report: the month’s evaluations (signed frozen, drafts live), states, hours, and accounts in use without one', async () => {
    await using t = await fresh();
    const { s } = await world(t.db);
    const admin = await s.as('admin');
    const april = await buildMonthlyReport(admin, { month: '2025-04' });
    assert.deepEqual([april.kind, april.month, april.scope.kind, april.generatedAt], ['monthly', '2025-04', 'organisation', NOW.toISOString()]);
    assert.deepEqual(april.evaluations.map((e) => [e.account.slug, e.status, e.state, e.figuresFrozen, e.hoursSpent, e.assessment, e.figures.month]), [
      ['a1-pa-instagram', 'signed', 'signed', true, 7, 'Steady.', '2025-04'],
      ['b-on-tiktok', 'draft', 'overdue', false, null, '', '2025-04'],
    ]);
    assert.deepEqual(april.states, { signed: 1, upcoming: 0, due: 0, overdue: 1 });
    assert.deepEqual(april.counts, { met: 0, on_track: 0, at_risk: 0, missed: 0, not_measured: 0 });
    assert.deepEqual(april.missing, []);

    // November: nobody prepared it; A2 came into use that month.
    const november = await buildMonthlyReport(admin, { unit: 'faculty-a', month: '2025-11' });
    assert.deepEqual(november.evaluations, []);
    assert.deepEqual(november.missing.map((a) => a.slug), ['a1-pa-instagram', 'a2-on-facebook']);
    // February: before any account was in use.
    assert.deepEqual((await buildMonthlyReport(admin, { month: '2025-02' })).missing, []);

    const viewer = await buildMonthlyReport(await s.as('viewer'), { account: 'a1-pa-instagram', month: '2025-03' });
    assert.deepEqual(viewer.evaluations.map((e) => [e.account.slug, e.state, e.hoursSpent]), [['a1-pa-instagram', 'overdue', 5]]);
    assert.deepEqual(viewer.scope, { kind: 'account', account: { id: s.accounts.a1Instagram, slug: 'a1-pa-instagram', name: 'A1 på Instagram', platform: 'instagram' }, unit: { id: s.units.departmentA1, slug: 'department-a1', name: 'Department A1' } });

    await expectAppError(buildMonthlyReport(admin, { month: '2026-02' }), 'validation_failed', ['month']);
    await expectAppError(buildMonthlyReport(admin, { month: '2025-13' }), 'validation_failed', ['month']);
  });
});
