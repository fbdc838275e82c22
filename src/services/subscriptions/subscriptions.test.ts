/**
 * Report subscriptions: who may subscribe to what, personal listing and deleting, and the monthly
 * deliveries over a local SMTP server: the PDF attached, sent once, an SMTP failure retried on
 * the next round, given up after five attempts with the error kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { notifications, people, reportDeliveries } from '../../db/schema/index.ts';
import { createSmtpMailer } from '../../mail/send-mail.ts';
import { forEachDatabase, type TestDb } from '../../testing/database.ts';
import { seed, type Seed } from '../../testing/seed.ts';
import { startTestSmtp } from '../../testing/smtp.ts';
import type { Context } from '../context.ts';
import { prepareEvaluations } from '../evaluations/prepare-evaluations.ts';
import { loadSystemActor } from '../load-actor.ts';
import { createSubscription } from './create-subscription.ts';
import { deleteSubscription } from './delete-subscription.ts';
import { listSubscriptions } from './list-subscriptions.ts';
import { MAX_ATTEMPTS, sendSubscribedReports } from './send-subscribed-reports.ts';

const at = async (t: TestDb, iso: string): Promise<Context> => ({ db: t.db, now: new Date(iso), actor: await loadSystemActor(t.db) });
const as = async (s: Seed, who: Parameters<Seed['as']>[0], iso = '2026-04-02T10:00:00Z'): Promise<Context> => ({ ...(await s.as(who)), now: new Date(iso) });

forEachDatabase('report subscriptions', (fresh) => {
  test('subscribing needs read on the unit or account; others’ subscriptions are not found', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const viewer = await as(s, 'viewer');
    const unit = await createSubscription(viewer, { unit: s.units.facultyA, language: 'en' });
    assert.deepEqual(unit.scope, { kind: 'unit', id: s.units.facultyA, slug: 'faculty-a', name: 'Faculty A' });
    assert.equal(unit.language, 'en');
    assert.equal(unit.lastSent, null);
    const account = await createSubscription(viewer, { account: 'a1-pa-instagram' });
    assert.equal(account.scope.kind, 'account');
    assert.equal(account.language, 'nb');
    const organisation = await createSubscription(viewer, {});
    assert.deepEqual(organisation.scope, { kind: 'organisation', name: 'Testuniversitetet' });
    // The same again: the existing one, its language updated.
    const again = await createSubscription(viewer, { unit: 'faculty-a', language: 'nb' });
    assert.equal(again.id, unit.id);
    assert.equal(again.language, 'nb');
    await assert.rejects(createSubscription(viewer, { unit: s.units.facultyB }), { code: 'not_found' });
    await assert.rejects(createSubscription(viewer, { account: s.accounts.bTiktok }), { code: 'not_found' });
    await assert.rejects(createSubscription(viewer, { unit: s.units.facultyA, account: s.accounts.a1Instagram }), { name: 'ZodError' });
    assert.equal((await listSubscriptions(viewer)).items.length, 3);

    const outsider = await as(s, 'outsider');
    assert.deepEqual((await listSubscriptions(outsider)).items, []);
    await assert.rejects(deleteSubscription(outsider, unit.id), { code: 'not_found' });
    await assert.rejects(deleteSubscription(viewer, 'not-an-id'), { code: 'not_found' });
    await deleteSubscription(viewer, unit.id);
    await assert.rejects(deleteSubscription(viewer, unit.id), { code: 'not_found' });
    assert.deepEqual((await listSubscriptions(viewer)).items.map((i) => i.scope.kind).sort(), ['account', 'organisation']);
  });

  test('on the 16th the month’s report goes out as PDF, once; an SMTP failure is tried again next round', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    await prepareEvaluations(await at(t, '2026-04-01T00:30:00Z'), { month: '2026-03' });
    await t.db.update(people).set({ locale: 'nb' }).where(eq(people.id, s.people.viewer.id));
    const viewer = await as(s, 'viewer');
    const sub = await createSubscription(viewer, { unit: s.units.facultyA, language: 'nb' });
    // Made an hour later, so it comes second in the round (subscriptions are sent oldest first).
    await createSubscription(await as(s, 'outsider', '2026-04-02T11:00:00Z'), { account: s.accounts.bTiktok, language: 'en' });
    await using smtp = await startTestSmtp();
    const mailer = createSmtpMailer(smtp.mail);

    assert.deepEqual(await sendSubscribedReports(await at(t, '2026-04-15T12:00:00Z'), { mailer }), { period: null, sent: 0, failed: 0, gaveUp: 0 }, 'not before the 16th');
    smtp.failNext(1);
    const first = await sendSubscribedReports(await at(t, '2026-04-16T05:00:00Z'), { mailer, publicUrl: 'https://maalbar.example.no' });
    assert.deepEqual(first, { period: '2026-03', sent: 1, failed: 1, gaveUp: 0 });
    const deliveries = async () => (await t.db.select().from(reportDeliveries)).map((d) => ({ sub: d.subscriptionId, period: d.period, sent: d.sentAt !== null, attempts: d.attempts, error: d.error }));
    const failedOne = (await deliveries()).find((d) => !d.sent)!;
    assert.equal(failedOne.attempts, 1);
    assert.match(failedOne.error!, /451/);

    await smtp.waitFor(1);
    const second = await sendSubscribedReports(await at(t, '2026-04-16T06:00:00Z'), { mailer, publicUrl: 'https://maalbar.example.no' });
    assert.deepEqual(second, { period: '2026-03', sent: 1, failed: 0, gaveUp: 0 }, 'the failed one is retried; the sent one is not sent again');
    await smtp.waitFor(2);
    assert.deepEqual(await sendSubscribedReports(await at(t, '2026-04-16T07:00:00Z'), { mailer }), { period: '2026-03', sent: 0, failed: 0, gaveUp: 0 });
    assert.equal(smtp.received.length, 2);

    const toViewer = smtp.received.find((m) => m.to[0] === 'viewer@test.example')!;
    assert.equal(toViewer.subject, 'Målbar: månedsrapport for Faculty A, mars 2026');
    assert.match(toViewer.text, /Vedlagt er månedsrapporten for Faculty A for mars 2026 \(maalbar-monthly-2026-03-faculty-a\.pdf\)/);
    assert.equal(toViewer.attachments.length, 1);
    assert.equal(toViewer.attachments[0]!.filename, 'maalbar-monthly-2026-03-faculty-a.pdf');
    assert.equal(toViewer.attachments[0]!.content.subarray(0, 5).toString('latin1'), '%PDF-');
    const toOutsider = smtp.received.find((m) => m.to[0] === 'outsider@test.example')!;
    assert.equal(toOutsider.subject, 'Målbar: monthly report of B on TikTok, March 2026');
    assert.equal(toOutsider.attachments[0]!.content.subarray(0, 4).toString('latin1'), '%PDF');

    assert.deepEqual((await deliveries()).map((d) => [d.sent, d.error]), [[true, null], [true, null]]);
    // The viewer's subscription came first, so it met the failure and went out on the second round.
    assert.equal((await deliveries()).find((d) => d.sub === sub.id)!.attempts, 2);
    assert.equal((await deliveries()).find((d) => d.sub !== sub.id)!.attempts, 1);
    const delivered = await t.db.select().from(notifications).where(eq(notifications.kind, 'report_delivered'));
    assert.deepEqual(delivered.map((n) => n.key).sort(), [`report_delivered:${sub.id}:2026-03`, expect(delivered, sub.id)].sort());
    assert.deepEqual((await listSubscriptions(viewer)).items[0]!.lastSent, { period: '2026-03', at: '2026-04-16T06:00:00.000Z' });
  });

  test('after five failed attempts the month is given up with the error kept', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    await createSubscription(await as(s, 'viewer'), { unit: s.units.facultyA });
    await using smtp = await startTestSmtp();
    smtp.failNext(100);
    const mailer = createSmtpMailer(smtp.mail);
    const rounds = [];
    for (let hour = 0; hour < MAX_ATTEMPTS + 1; hour++) rounds.push(await sendSubscribedReports(await at(t, `2026-04-16T0${hour}:30:00Z`), { mailer }));
    assert.deepEqual(rounds.map((r) => [r.sent, r.failed, r.gaveUp]), [[0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0]]);
    const [d] = await t.db.select().from(reportDeliveries);
    assert.equal(d!.attempts, MAX_ATTEMPTS);
    assert.equal(d!.sentAt, null);
    assert.match(d!.error!, /451/);
    assert.equal(smtp.received.length, 0);
  });
});

/** The other subscription's delivered key (the outsider's). */
function expect(delivered: { key: string }[], own: string): string {
  return delivered.map((n) => n.key).find((k) => !k.includes(own))!;
}
