/**
 * Annual reports through the services, on both databases: a report exists for every account in
 * use during the year (before anything is written), saving creates the row and records events
 * (saving the same text records nothing), signing needs an ended year, a decision and the
 * reasoning and freezes the figures (a signed report keeps its numbers whatever is imported
 * later, a draft follows), locking, reopening by a manager with a reason, who may do what, and
 * the list of a year with its states and filters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray } from 'drizzle-orm';
import { annualDecisions as contractDecisions } from '../../contract/reports.ts';
import { annualDecisions } from '../../core/reports/annual-rules.ts';
import { accounts, annualReportEvents, annualReports } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import type { Context } from '../context.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createUnit } from '../units/create-unit.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { getAnnualReport } from './get-annual-report.ts';
import { listAnnualReports } from './list-annual-reports.ts';
import { reopenAnnualReport } from './reopen-annual-report.ts';
import { signAnnualReport } from './sign-annual-report.ts';
import { updateAnnualReport } from './update-annual-report.ts';

/** 20 January 2026: the report on 2025 is due (by 31 January), 2026's is upcoming. */
const NOW = new Date('2026-01-20T10:00:00Z');
const at = (ctx: Context, iso: string): Context => ({ ...ctx, now: new Date(iso) });

/** The seeded accounts, registered on 1 March 2025. */
async function world(db: Db) {
  const s = await seed(db, NOW);
  await db.update(accounts).set({ createdAt: new Date('2025-03-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
  return s;
}

const reachOf = (r: { figures: { metrics: { metric: string; year: number | null }[] } }) => r.figures.metrics.find((m) => m.metric === 'reach')?.year ?? null;

test('the core and the contract offer the same decisions', () => {
  assert.deepEqual([...annualDecisions], [...contractDecisions]);
});

forEachDatabase('annual reports', (fresh) => {
  test('an account in use during the year has a report before anything is written; other years and other units’ accounts do not', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const evaluator = await s.as('evaluator');
    const r = await getAnnualReport(evaluator, 'a1-pa-instagram', '2025');
    assert.deepEqual(
      [r.id, r.status, r.state, r.dueOn, r.decision, r.reasoning, r.figuresFrozen, r.events, r.signedBy, r.canWrite, r.canReopen],
      [null, 'draft', 'due', '2026-01-31', null, '', false, [], null, true, false],
    );
    assert.deepEqual([r.account.slug, r.unit.slug, r.year, r.figures.year, r.figures.asOf], ['a1-pa-instagram', 'department-a1', '2025', '2025', '2025-12-31']);
    assert.deepEqual(r.evaluators.map((e) => e.name), ['Evaluator Person']);
    assert.equal(r.figures.resources.monthsInUse, 10);
    // By id as well as by slug.
    assert.equal((await getAnnualReport(evaluator, s.accounts.a1Instagram, '2025')).account.id, s.accounts.a1Instagram);
    assert.equal((await getAnnualReport(evaluator, 'a1-pa-instagram', '2026')).state, 'upcoming');

    const before = await expectAppError(getAnnualReport(evaluator, 'a1-pa-instagram', '2024'), 'validation_failed', ['year']);
    assert.match(before.message, /was not in use that year; it came into use on 2025-03-01/);
    // Statistics documented for 2024 bring the account into use that year.
    await recordObservations(await s.system(), s.accounts.a1Instagram, { observations: [{ metric: 'reach', date: '2024-11-05', value: 40 }] });
    assert.equal((await getAnnualReport(evaluator, 'a1-pa-instagram', '2024')).state, 'overdue');

    await expectAppError(getAnnualReport(evaluator, 'a1-pa-instagram', '2027'), 'validation_failed', ['year']);
    await expectAppError(getAnnualReport(evaluator, 'a1-pa-instagram', '25'), 'validation_failed', ['year']);
    await expectAppError(getAnnualReport(evaluator, 'b-on-tiktok', '2025'), 'not_found');
    await expectAppError(getAnnualReport(await s.as('outsider'), 'a1-pa-instagram', '2025'), 'not_found');
    await expectAppError(getAnnualReport(evaluator, 'no-such-account', '2025'), 'not_found');
  });

  test('saving creates the report with an edited event; saving the same text again records nothing; viewers and outsiders may not', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const evaluator = await s.as('evaluator');
    // Nothing to save: no row is made.
    await updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', {});
    await updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { reasoning: '', decision: null });
    assert.equal((await t.db.select().from(annualReports)).length, 0);

    const saved = await updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { decision: 'continue_with_changes' });
    assert.ok(saved.id);
    assert.deepEqual([saved.status, saved.decision, saved.reasoning], ['draft', 'continue_with_changes', '']);
    assert.deepEqual(saved.events.map((e) => [e.action, e.person?.name ?? null]), [['edited', 'Evaluator Person']]);
    const again = await updateAnnualReport(at(evaluator, '2026-01-21T10:00:00Z'), 'a1-pa-instagram', '2025', { decision: 'continue_with_changes' });
    assert.equal(again.events.length, 1);
    const more = await updateAnnualReport(evaluator, s.accounts.a1Instagram, '2025', { reasoning: 'Reach grew; the audience is older than planned.' });
    assert.equal(more.id, saved.id);
    assert.deepEqual([more.decision, more.reasoning, more.events.length], ['continue_with_changes', 'Reach grew; the audience is older than planned.', 2]);
    const [row] = await t.db.select().from(annualReports);
    assert.deepEqual([row!.year, row!.status, row!.figures, row!.updatedBy], [2025, 'draft', null, s.people.evaluator.id]);

    // Two first saves at once (another account): one row, both changes, two events.
    const admin = await s.as('admin');
    await Promise.all([
      updateAnnualReport(evaluator, 'a1-pa-instagram', '2026', { decision: 'close' }),
      updateAnnualReport(admin, 'a1-pa-instagram', '2026', { reasoning: 'Too early to say.' }),
    ]);
    const both = await getAnnualReport(evaluator, 'a1-pa-instagram', '2026');
    assert.deepEqual([both.decision, both.reasoning, both.events.length], ['close', 'Too early to say.', 2]);
    assert.equal((await t.db.select().from(annualReports)).length, 2);

    await expectAppError(updateAnnualReport(await s.as('viewer'), 'a1-pa-instagram', '2025', { reasoning: 'x' }), 'forbidden');
    await expectAppError(updateAnnualReport(await s.as('editor'), 'a1-pa-instagram', '2025', { reasoning: 'x' }), 'forbidden');
    await expectAppError(updateAnnualReport(await s.as('outsider'), 'a1-pa-instagram', '2025', { reasoning: 'x' }), 'not_found');
    await expectAppError(updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { decision: 'stop' as never }), 'validation_failed', ['decision']);
    assert.equal((await t.db.select().from(annualReportEvents)).length, 4);
  });

  test('signing needs an ended year, a decision and the reasoning; it freezes the figures, locks the text, and a draft follows new statistics', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const evaluator = await s.as('evaluator');
    const sys = await s.system();
    await recordObservations(sys, s.accounts.a1Instagram, { observations: [{ metric: 'reach', date: '2025-05-10', value: 100 }] });
    await recordObservations(sys, s.accounts.bTiktok, { observations: [{ metric: 'reach', date: '2025-05-10', value: 7 }] });

    await expectAppError(signAnnualReport(evaluator, 'a1-pa-instagram', '2025'), 'validation_failed', ['decision', 'reasoning']);
    await updateAnnualReport(evaluator, 'a1-pa-instagram', '2026', { decision: 'continue', reasoning: 'Early.' });
    await expectAppError(signAnnualReport(evaluator, 'a1-pa-instagram', '2026'), 'validation_failed', ['year']);
    await updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { decision: 'continue' });
    await expectAppError(signAnnualReport(evaluator, 'a1-pa-instagram', '2025'), 'validation_failed', ['reasoning']);
    await updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { reasoning: 'It works.' });
    await expectAppError(signAnnualReport(await s.as('viewer'), 'a1-pa-instagram', '2025'), 'forbidden');
    await expectAppError(signAnnualReport(await s.as('outsider'), 'a1-pa-instagram', '2025'), 'not_found');

    const signed = await signAnnualReport(evaluator, 'a1-pa-instagram', '2025');
    assert.deepEqual(
      [signed.status, signed.state, signed.signedBy?.name, signed.signedAt, signed.figuresFrozen, signed.canWrite, signed.canReopen],
      ['signed', 'signed', 'Evaluator Person', NOW.toISOString(), true, false, false],
    );
    assert.deepEqual(signed.events.map((e) => e.action), ['edited', 'edited', 'signed']);
    assert.equal(reachOf(signed), 100);
    const [row] = await t.db.select().from(annualReports).where(eq(annualReports.year, 2025));
    assert.equal((row!.figures as { computedAt: string }).computedAt, NOW.toISOString());

    // Statistics imported later: the signed report keeps its numbers, the draft (B) follows them.
    const later = at(sys, '2026-02-01T10:00:00Z');
    await recordObservations(later, s.accounts.a1Instagram, { observations: [{ metric: 'reach', date: '2025-06-10', value: 50 }] });
    await recordObservations(later, s.accounts.bTiktok, { observations: [{ metric: 'reach', date: '2025-06-10', value: 5 }] });
    const kept = await getAnnualReport(at(evaluator, '2026-02-01T11:00:00Z'), 'a1-pa-instagram', '2025');
    assert.deepEqual([reachOf(kept), kept.figures.computedAt, kept.figuresFrozen], [100, NOW.toISOString(), true]);
    const draft = await getAnnualReport(at(await s.as('admin'), '2026-02-01T11:00:00Z'), 'b-on-tiktok', '2025');
    assert.deepEqual([reachOf(draft), draft.state], [12, 'overdue']);

    await expectAppError(updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { reasoning: 'Changed my mind.' }), 'conflict');
    await expectAppError(signAnnualReport(evaluator, 'a1-pa-instagram', '2025'), 'conflict');
    assert.equal((await t.db.select().from(annualReportEvents)).length, 4);
  });

  test('reopening: a manager with a reason; the signature and the frozen figures go, the text and the history stay', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const evaluator = await s.as('evaluator');
    const manager = await s.as('manager');
    await expectAppError(reopenAnnualReport(manager, 'a1-pa-instagram', '2025', { reason: 'No row yet.' }), 'conflict');
    await updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { decision: 'close', reasoning: 'Nobody reads it.' });
    await expectAppError(reopenAnnualReport(manager, 'a1-pa-instagram', '2025', { reason: 'A draft.' }), 'conflict');
    await signAnnualReport(evaluator, 'a1-pa-instagram', '2025');

    await expectAppError(reopenAnnualReport(evaluator, 'a1-pa-instagram', '2025', { reason: 'Mine.' }), 'forbidden');
    await expectAppError(reopenAnnualReport(await s.as('outsider'), 'a1-pa-instagram', '2025', { reason: 'Theirs.' }), 'not_found');
    await expectAppError(reopenAnnualReport(manager, 'a1-pa-instagram', '2025', { reason: '  ' }), 'validation_failed', ['reason']);

    const reopened = await reopenAnnualReport(at(manager, '2026-01-22T09:00:00Z'), 'a1-pa-instagram', '2025', { reason: 'The board wants it kept.' });
    assert.deepEqual(
      [reopened.status, reopened.state, reopened.decision, reopened.reasoning, reopened.signedBy, reopened.signedAt, reopened.figuresFrozen],
      ['draft', 'due', 'close', 'Nobody reads it.', null, null, false],
    );
    assert.deepEqual(
      reopened.events.map((e) => [e.action, e.person?.name, e.reason]),
      [
        ['edited', 'Evaluator Person', null],
        ['signed', 'Evaluator Person', null],
        ['reopened', 'Manager Person', 'The board wants it kept.'],
      ],
    );
    const [row] = await t.db.select().from(annualReports);
    assert.deepEqual([row!.figures, row!.signedBy, row!.signedAt], [null, null, null]);
    // Editable and signable again.
    await updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { decision: 'continue_with_changes', reasoning: 'Kept, with a new plan.' });
    assert.equal((await signAnnualReport(evaluator, 'a1-pa-instagram', '2025')).decision, 'continue_with_changes');
  });

  test('the list of a year: every account in use (written or not), states and counts, filters by unit and state, only what the actor may read', async () => {
    await using t = await fresh();
    const s = await world(t.db);
    const sys = await s.system();
    // Registered in 2026: not in use in 2025.
    await createAccount(sys, { unit: s.units.departmentA1, platform: 'youtube', name: 'A1 on YouTube' });
    const a2 = await createUnit(sys, { name: 'Department A2', parent: s.units.facultyA });
    const a2Account = await createAccount(sys, { unit: a2.id, platform: 'facebook', name: 'A2 on Facebook' });
    await t.db.update(accounts).set({ createdAt: new Date('2025-11-01T00:00:00Z') }).where(eq(accounts.id, a2Account.id));
    const evaluator = await s.as('evaluator');
    await updateAnnualReport(evaluator, 'a1-pa-instagram', '2025', { decision: 'continue', reasoning: 'Fine.' });
    await signAnnualReport(evaluator, 'a1-pa-instagram', '2025');

    const admin = await listAnnualReports(await s.as('admin'), { year: '2025' });
    assert.deepEqual([admin.year, admin.asOf, admin.counts], ['2025', '2026-01-20', { signed: 1, upcoming: 0, due: 2, overdue: 0 }]);
    assert.deepEqual(
      admin.items.map((i) => [i.account.slug, i.state, i.id === null, i.decision, i.signedBy?.name ?? null]),
      [
        ['a1-pa-instagram', 'signed', false, 'continue', 'Evaluator Person'],
        ['a2-on-facebook', 'due', true, null, null],
        ['b-on-tiktok', 'due', true, null, null],
      ],
    );
    const due = await listAnnualReports(await s.as('admin'), { year: '2025', unit: 'faculty-a', state: 'due' });
    assert.deepEqual(due.items.map((i) => i.account.slug), ['a2-on-facebook']);
    assert.deepEqual(due.counts, { signed: 1, upcoming: 0, due: 1, overdue: 0 });
    const outsider = await listAnnualReports(await s.as('outsider'), { year: '2025' });
    assert.deepEqual(outsider.items.map((i) => i.account.slug), ['b-on-tiktok']);
    await expectAppError(listAnnualReports(await s.as('outsider'), { year: '2025', unit: 'faculty-a' }), 'not_found');
    const later = await listAnnualReports(at(await s.as('viewer'), '2026-02-01T10:00:00Z'), { year: '2025' });
    assert.deepEqual(later.counts, { signed: 1, upcoming: 0, due: 0, overdue: 1 });
    assert.equal((await listAnnualReports(await s.as('admin'), { year: '2026' })).counts.upcoming, 4);
    await expectAppError(listAnnualReports(await s.as('admin'), { year: '2025x' }), 'validation_failed', ['year']);
  });
});
