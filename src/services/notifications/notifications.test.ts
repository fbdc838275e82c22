/**
 * The reminder round on a seeded organisation: notifications made once per person and key,
 * e-mailed over a real (local) SMTP server in the person's language, the e-mail setting, failed
 * e-mails recorded without stopping the round, a dry run, and reading and marking as read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq, inArray } from 'drizzle-orm';
import { annualReports, evaluations, notifications, people } from '../../db/schema/index.ts';
import { createSmtpMailer } from '../../mail/send-mail.ts';
import { forEachDatabase, type TestDb } from '../../testing/database.ts';
import { seed, type Seed } from '../../testing/seed.ts';
import { startTestSmtp } from '../../testing/smtp.ts';
import type { Context } from '../context.ts';
import { prepareEvaluations } from '../evaluations/prepare-evaluations.ts';
import { loadSystemActor } from '../load-actor.ts';
import { grantRole } from '../people/role-grants.ts';
import { listNotifications } from './list-notifications.ts';
import { makeReminders } from './make-reminders.ts';
import { markNotificationsRead } from './mark-read.ts';
import { getNotificationSettings, updateNotificationSettings } from './notification-settings.ts';

const at = async (t: TestDb, iso: string): Promise<Context> => ({ db: t.db, now: new Date(iso), actor: await loadSystemActor(t.db) });
const as = async (s: Seed, who: Parameters<Seed['as']>[0], iso: string): Promise<Context> => ({ ...(await s.as(who)), now: new Date(iso) });

/** Seed + March drafts; the evaluator (Faculty A) speaks bokmål, the viewer is also evaluator of Faculty B (English). */
async function world(t: TestDb) {
  const s = await seed(t.db);
  await t.db.update(people).set({ locale: 'nb' }).where(eq(people.id, s.people.evaluator.id));
  await grantRole(await s.system(), { person: s.people.viewer.id, role: 'evaluator', unit: s.units.facultyB });
  await prepareEvaluations(await at(t, '2026-04-01T00:30:00Z'), { month: '2026-03' });
  const evaluationOf = async (account: string) => (await t.db.select().from(evaluations).where(eq(evaluations.accountId, account)))[0]!.id;
  return { s, evaluation: { a: await evaluationOf(s.accounts.a1Instagram), b: await evaluationOf(s.accounts.bTiktok) } };
}

forEachDatabase('reminders', (fresh) => {
  test('a round makes the evaluation reminders once and e-mails them in each person’s language', async () => {
    await using t = await fresh();
    const { s, evaluation } = await world(t);
    await using smtp = await startTestSmtp();
    const mailer = createSmtpMailer(smtp.mail);
    const options = { mailer, publicUrl: 'https://maalbar.example.no' };

    const first = await makeReminders(await at(t, '2026-04-01T06:00:00Z'), options);
    assert.deepEqual({ created: first.created, emailed: first.emailed, failed: first.emailFailed }, { created: 2, emailed: 2, failed: 0 });
    assert.deepEqual(first.items.map((i) => [i.person, i.key]).sort(), [
      ['Evaluator Person', `evaluation_due:${evaluation.a}:ready`],
      ['Viewer Person', `evaluation_due:${evaluation.b}:ready`],
    ]);
    const mails = await smtp.waitFor(2);
    const toEvaluator = mails.find((m) => m.to[0] === 'evaluator@test.example')!;
    assert.equal(toEvaluator.subject, 'Målbar: Månedsevaluering klar: A1 på Instagram, mars 2026');
    assert.match(toEvaluator.text, /utkastet til månedsevaluering av A1 på Instagram \(Department A1\) er klart/);
    assert.match(toEvaluator.text, /signer den innen 15\. april 2026/);
    assert.match(toEvaluator.text, new RegExp(`https://maalbar\\.example\\.no/evaluations/${evaluation.a}`));
    const toViewer = mails.find((m) => m.to[0] === 'viewer@test.example')!;
    assert.equal(toViewer.subject, 'Målbar: Monthly evaluation ready: B on TikTok, March 2026');
    assert.match(toViewer.text, /sign it by 15 April 2026/);
    assert.deepEqual(mails.map((m) => m.to.length), [1, 1], 'one recipient per e-mail');

    // The next hour: nothing new, nothing sent.
    const again = await makeReminders(await at(t, '2026-04-01T07:00:00Z'), options);
    assert.equal(again.created, 0);
    assert.equal(smtp.received.length, 2);
    // Three days before the 15th: the "soon" reminder; after the 15th, one overdue reminder however many rounds.
    assert.equal((await makeReminders(await at(t, '2026-04-12T06:00:00Z'), options)).created, 2);
    assert.equal((await makeReminders(await at(t, '2026-04-16T06:00:00Z'), options)).created, 2);
    assert.equal((await makeReminders(await at(t, '2026-04-17T06:00:00Z'), options)).created, 0);
    const rows = await t.db.select().from(notifications).where(eq(notifications.personId, s.people.evaluator.id)).orderBy(asc(notifications.createdAt));
    assert.deepEqual(rows.map((r) => [r.kind, r.key, r.dueOn, r.emailedAt !== null, r.link]), [
      ['evaluation_due', `evaluation_due:${evaluation.a}:ready`, '2026-04-15', true, `/evaluations/${evaluation.a}`],
      ['evaluation_due', `evaluation_due:${evaluation.a}:soon`, '2026-04-15', true, `/evaluations/${evaluation.a}`],
      ['evaluation_overdue', `evaluation_overdue:${evaluation.a}`, '2026-04-15', true, `/evaluations/${evaluation.a}`],
    ]);
    assert.equal(smtp.received.length, 6);
    assert.equal(smtp.received.at(-1)!.subject.startsWith('Målbar: '), true);
  });

  test('several new reminders for one person in a round make one e-mail, a digest in their language', async () => {
    await using t = await fresh();
    const { s, evaluation } = await world(t);
    await grantRole(await s.system(), { person: s.people.evaluator.id, role: 'evaluator', unit: s.units.facultyB });
    await using smtp = await startTestSmtp();
    const round = await makeReminders(await at(t, '2026-04-02T06:00:00Z'), { mailer: createSmtpMailer(smtp.mail), publicUrl: 'https://maalbar.example.no' });
    assert.deepEqual({ created: round.created, emailed: round.emailed }, { created: 3, emailed: 3 });
    const mails = await smtp.waitFor(2);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(smtp.received.length, 2, 'one e-mail each for the evaluator (two reminders) and the viewer');
    const digest = mails.find((m) => m.to[0] === 'evaluator@test.example')!;
    assert.equal(digest.subject, 'Målbar: 2 påminnelser');
    assert.match(digest.text, /Du har 2 nye påminnelser i Målbar:/);
    assert.match(digest.text, /Månedsevaluering klar: A1 på Instagram, mars 2026/);
    assert.match(digest.text, /Månedsevaluering klar: B on TikTok, mars 2026/);
    assert.match(digest.text, new RegExp(`https://maalbar\\.example\\.no/evaluations/${evaluation.a}`));
    assert.match(digest.text, new RegExp(`https://maalbar\\.example\\.no/evaluations/${evaluation.b}`));
    const rows = await t.db.select({ emailedAt: notifications.emailedAt }).from(notifications).where(eq(notifications.personId, s.people.evaluator.id));
    assert.deepEqual(rows.map((r) => r.emailedAt?.toISOString()), ['2026-04-02T06:00:00.000Z', '2026-04-02T06:00:00.000Z']);
  });

  test('e-mail turned off: in the app only (inactive people are named on no unit, so get none); a refused e-mail is recorded and the others still go', async () => {
    await using t = await fresh();
    const { s } = await world(t);
    await grantRole(await s.system(), { person: s.people.editor.id, role: 'evaluator', unit: s.units.facultyB });
    await t.db.update(people).set({ notifyByEmail: false }).where(eq(people.id, s.people.evaluator.id));
    await using smtp = await startTestSmtp();
    smtp.failNext(1);
    const round = await makeReminders(await at(t, '2026-04-02T06:00:00Z'), { mailer: createSmtpMailer(smtp.mail) });
    assert.deepEqual({ created: round.created, emailed: round.emailed, failed: round.emailFailed }, { created: 3, emailed: 1, failed: 1 });
    const rows = await t.db
      .select({ person: notifications.personId, emailedAt: notifications.emailedAt, error: notifications.emailError })
      .from(notifications)
      .where(inArray(notifications.personId, [s.people.evaluator.id, s.people.editor.id, s.people.viewer.id]));
    const byPerson = new Map(rows.map((r) => [r.person, r]));
    assert.equal(byPerson.get(s.people.evaluator.id)!.emailedAt, null, 'e-mail turned off');
    assert.equal(byPerson.get(s.people.evaluator.id)!.error, null);
    assert.equal(byPerson.get(s.people.editor.id)!.emailedAt, null);
    assert.match(byPerson.get(s.people.editor.id)!.error!, /451/);
    assert.notEqual(byPerson.get(s.people.viewer.id)!.emailedAt, null);
    assert.deepEqual(smtp.received.map((m) => m.to), [['viewer@test.example']]);
    // A mail link without MAALBAR_PUBLIC_URL says so.
    assert.match(smtp.received[0]!.text, /MAALBAR_PUBLIC_URL/);

    // The next round tries the failed e-mail again (nothing new is made); once sent, never again.
    const retry = await makeReminders(await at(t, '2026-04-02T07:00:00Z'), { mailer: createSmtpMailer(smtp.mail) });
    assert.deepEqual({ created: retry.created, emailed: retry.emailed, failed: retry.emailFailed }, { created: 0, emailed: 1, failed: 0 });
    await smtp.waitFor(2);
    assert.deepEqual(smtp.received[1]!.to, ['editor@test.example']);
    const [editorRow] = await t.db.select().from(notifications).where(eq(notifications.personId, s.people.editor.id));
    assert.equal(editorRow!.emailedAt?.toISOString(), '2026-04-02T07:00:00.000Z');
    assert.equal(editorRow!.emailError, null);
    assert.equal((await makeReminders(await at(t, '2026-04-02T08:00:00Z'), { mailer: createSmtpMailer(smtp.mail) })).emailed, 0);
  });

  test('a failed reminder e-mail is tried again for a day, then left with its error', async () => {
    await using t = await fresh();
    await world(t);
    await using smtp = await startTestSmtp();
    smtp.failNext(1000);
    const mailer = createSmtpMailer(smtp.mail);
    assert.equal((await makeReminders(await at(t, '2026-04-02T06:00:00Z'), { mailer })).emailFailed, 2);
    assert.equal((await makeReminders(await at(t, '2026-04-03T05:00:00Z'), { mailer })).emailFailed, 2, 'still within the day');
    const late = await makeReminders(await at(t, '2026-04-03T07:00:00Z'), { mailer });
    assert.deepEqual([late.created, late.emailed, late.emailFailed], [0, 0, 0]);
    assert.ok((await t.db.select().from(notifications)).every((n) => n.emailedAt === null && /451/.test(n.emailError ?? '')));
  });

  test('without a mailer the notifications are made in the app only; a dry run stores nothing', async () => {
    await using t = await fresh();
    await world(t);
    const dry = await makeReminders(await at(t, '2026-04-02T06:00:00Z'), { dryRun: true });
    assert.equal(dry.dryRun, true);
    assert.equal(dry.created, 2);
    assert.equal((await t.db.select().from(notifications)).length, 0);
    const real = await makeReminders(await at(t, '2026-04-02T06:00:00Z'));
    assert.deepEqual(real.items.map((i) => i.key).sort(), dry.items.map((i) => i.key).sort());
    assert.equal((await t.db.select().from(notifications)).filter((n) => n.emailedAt !== null).length, 0);
    assert.equal((await makeReminders(await at(t, '2026-04-02T07:00:00Z'), { dryRun: true })).created, 0);
  });

  test('documentation reminders go to the unit’s reporters when days are about to leave the window, once', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    // A1 on Instagram (730-day window) was registered on 2026-03-15 and nothing is documented: its first day leaves on 2028-03-15.
    const round = await makeReminders(await at(t, '2028-03-10T06:00:00Z'));
    const doc = round.items.filter((i) => i.kind.startsWith('documentation'));
    assert.deepEqual(doc.map((i) => [i.person, i.kind, i.key, i.dueOn, i.link]), [
      ['Reporter Person', 'documentation_due', `documentation_due:${s.accounts.a1Instagram}:2028-03-15`, '2028-03-15', '/accounts/a1-pa-instagram/import'],
    ]);
    assert.equal((await makeReminders(await at(t, '2028-03-11T06:00:00Z'))).items.filter((i) => i.kind.startsWith('documentation')).length, 0, 'not again the next day');
    // Days have been lost: the status changed, one more reminder.
    const lost = (await makeReminders(await at(t, '2028-03-16T06:00:00Z'))).items.filter((i) => i.kind.startsWith('documentation'));
    assert.deepEqual(lost.map((i) => [i.person, i.kind]), [['Reporter Person', 'documentation_overdue']]);
  });

  test('annual reports: last year’s report is reminded from 1 January to the evaluators, not once it is signed', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const round = await makeReminders(await at(t, '2027-01-02T06:00:00Z'));
    const annual = round.items.filter((i) => i.kind.startsWith('annual'));
    assert.deepEqual(annual.map((i) => [i.person, i.key, i.dueOn, i.link]), [
      ['Evaluator Person', `annual_report_due:${s.accounts.a1Instagram}:2026:ready`, '2027-01-31', '/annual-reports/a1-pa-instagram/2026'],
    ]);
    await t.db.insert(annualReports).values({ id: crypto.randomUUID(), organisationId: s.organisationId, accountId: s.accounts.a1Instagram, year: 2026, status: 'signed', decision: 'continue', reasoning: 'Fine.' });
    assert.equal((await makeReminders(await at(t, '2027-01-25T06:00:00Z'))).items.filter((i) => i.kind.startsWith('annual')).length, 0);
    assert.equal((await makeReminders(await at(t, '2027-02-02T06:00:00Z'))).items.filter((i) => i.kind.startsWith('annual')).length, 0);
  });

  test('old notifications are removed by a later round: read ones after 180 days, any after 400; a dry run removes none', async () => {
    await using t = await fresh();
    const { s } = await world(t);
    await makeReminders(await at(t, '2026-04-02T06:00:00Z'));
    const evaluator = await as(s, 'evaluator', '2026-04-02T07:00:00Z');
    const made = (await listNotifications(evaluator)).items;
    assert.equal(made.length, 1);
    await markNotificationsRead(evaluator, { all: true });
    const row = { organisationId: s.organisationId, personId: s.people.evaluator.id, kind: 'evaluation_due', params: {}, link: '/evaluations', dueOn: null };
    // An unread one made 300 days before the later round (kept), and one made 401 days before it (removed).
    await t.db.insert(notifications).values([
      { ...row, id: crypto.randomUUID(), key: 'old-unread-kept', createdAt: new Date('2026-01-28T06:00:00Z') },
      { ...row, id: crypto.randomUUID(), key: 'ancient-unread', createdAt: new Date('2025-10-19T06:00:00Z') },
    ]);
    const dry = await makeReminders(await at(t, '2026-11-24T06:00:00Z'), { dryRun: true });
    assert.equal(dry.pruned, 0);
    // 2026-04-02 read + 180 days = 2026-09-29: a round on 2026-11-24 removes it.
    const round = await makeReminders(await at(t, '2026-11-24T06:00:00Z'));
    assert.equal(round.pruned, 2);
    const left = await t.db.select({ id: notifications.id, key: notifications.key }).from(notifications).where(eq(notifications.personId, s.people.evaluator.id));
    assert.ok(left.some((n) => n.key === 'old-unread-kept'));
    assert.ok(!left.some((n) => n.key === 'ancient-unread' || n.id === made[0]!.id));
  });

  test('listing and marking read are personal; the e-mail setting is the person’s own', async () => {
    await using t = await fresh();
    const { s } = await world(t);
    await makeReminders(await at(t, '2026-04-02T06:00:00Z'));
    await makeReminders(await at(t, '2026-04-13T06:00:00Z'));
    const evaluator = await as(s, 'evaluator', '2026-04-13T07:00:00Z');
    const list = await listNotifications(evaluator);
    assert.equal(list.unread, 2);
    assert.deepEqual(list.items.map((n) => n.params.stage), ['soon', 'ready'], 'newest first');
    assert.equal(list.items[0]!.params.account, 'A1 på Instagram');
    const viewer = await as(s, 'viewer', '2026-04-13T07:00:00Z');
    // Another person's id is ignored.
    assert.deepEqual(await markNotificationsRead(viewer, { ids: [list.items[0]!.id] }), { unread: 2 });
    assert.deepEqual(await markNotificationsRead(evaluator, { ids: [list.items[0]!.id] }), { unread: 1 });
    assert.equal((await listNotifications(evaluator, { unread: 'true' })).items.length, 1);
    assert.deepEqual(await markNotificationsRead(evaluator, { all: true }), { unread: 0 });
    assert.equal((await listNotifications(viewer)).unread, 2);
    assert.deepEqual(await getNotificationSettings(evaluator, false), { email: true, emailAvailable: false, address: 'evaluator@test.example' });
    assert.deepEqual(await updateNotificationSettings(evaluator, { email: false }, true), { email: false, emailAvailable: true, address: 'evaluator@test.example' });
    assert.equal((await getNotificationSettings(viewer, true)).email, true);
    await assert.rejects(listNotifications(await at(t, '2026-04-13T07:00:00Z')), { code: 'forbidden' });
  });
});
