/** The server's hourly schedule: last month's drafts in every organisation, idempotent; reminders and subscribed reports (e-mailed over a local SMTP server); the rollups vacuumed on PGlite only; failures logged, never thrown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accounts, evaluations, notifications, reportDeliveries } from '../db/schema/index.ts';
import { createSmtpMailer } from '../mail/send-mail.ts';
import { createSubscription } from '../services/subscriptions/create-subscription.ts';
import { startTestSmtp } from '../testing/smtp.ts';
import { forEachDatabase } from '../testing/database.ts';
import { seed } from '../testing/seed.ts';
import { createLogger } from './logger.ts';
import { deliverReportsEverywhere, prepareLastMonthEverywhere, remindEverywhere, startSchedule, vacuumRollupsLogged } from './schedule.ts';

function capture() {
  const lines: { level: string; msg: string; month?: string; created?: number; emailed?: number; sent?: number; smtp?: string; error?: unknown }[] = [];
  return { lines, logger: createLogger('info', (l) => lines.push(JSON.parse(l) as (typeof lines)[number])) };
}

const lastVacuum = async (db: Db) =>
  ((await db.execute(sql`select last_vacuum is not null as vacuumed from pg_stat_user_tables where relname = 'metric_months'`)) as { rows: { vacuumed: boolean }[] }).rows[0]?.vacuumed;

forEachDatabase('schedule', (fresh, kind) => {
  test('on the first of the month, last month’s drafts are prepared once; later rounds find nothing to do', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    await t.db.update(accounts).set({ createdAt: new Date('2026-01-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
    const { lines, logger } = capture();
    const firstOfApril = new Date('2026-04-01T00:30:00Z');
    assert.deepEqual(await prepareLastMonthEverywhere(t.db, firstOfApril, logger), [{ organisation: 'testuniversitetet', month: '2026-03', created: 2, existing: 0 }]);
    assert.deepEqual(await prepareLastMonthEverywhere(t.db, new Date('2026-04-01T01:30:00Z'), logger), [{ organisation: 'testuniversitetet', month: '2026-03', created: 0, existing: 2 }]);
    assert.deepEqual(lines.map((l) => [l.level, l.msg, l.month, l.created]), [['info', 'evaluation drafts prepared', '2026-03', 2]]);
    const rows = await t.db.select({ month: evaluations.month, status: evaluations.status }).from(evaluations);
    assert.deepEqual(rows, [{ month: '2026-03-01', status: 'draft' }, { month: '2026-03-01', status: 'draft' }]);
  });

  test('the schedule runs a round at start and stop() waits for it', async () => {
    await using t = await fresh();
    await seed(t.db);
    const { lines, logger } = capture();
    const schedule = startSchedule(t, logger, () => new Date('2026-04-02T12:00:00Z'));
    await schedule.stop();
    // PGlite has no autovacuum: the round vacuums the rollups; PostgreSQL's autovacuum does it there.
    assert.equal(await lastVacuum(t.db), kind === 'pglite');
    // The seeded accounts were registered in March 2026 (the seed's day): both get March drafts.
    assert.equal((await t.db.select().from(evaluations)).length, 2);
    // … and the same round reminds the evaluator of Faculty A of the new draft (no SMTP: in the app only).
    assert.deepEqual(lines.map((l) => l.msg), ['evaluation drafts prepared', 'reminders made']);
    assert.deepEqual((await t.db.select({ kind: notifications.kind, emailedAt: notifications.emailedAt }).from(notifications)), [{ kind: 'evaluation_due', emailedAt: null }]);
  });

  test('with SMTP the round e-mails the reminders and, from the 16th, the subscribed reports; once', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    await createSubscription({ ...(await s.as('viewer')), now: new Date('2026-04-02T10:00:00Z') }, { unit: s.units.facultyA, language: 'en' });
    await using smtp = await startTestSmtp();
    const { lines, logger } = capture();
    const options = { mailer: createSmtpMailer(smtp.mail), publicUrl: 'https://maalbar.example.no' };
    await startSchedule(t, logger, () => new Date('2026-04-16T05:00:00Z'), 60 * 60_000, options).stop();
    const mails = await smtp.waitFor(2);
    assert.deepEqual(mails.map((m) => [m.to[0], m.subject]).sort(), [
      ['evaluator@test.example', 'Målbar: Overdue: monthly evaluation of A1 på Instagram for March 2026'],
      ['viewer@test.example', 'Målbar: monthly report of Faculty A, March 2026'],
    ]);
    assert.deepEqual(lines.map((l) => l.msg), ['evaluation drafts prepared', 'reminders made', 'subscribed reports sent']);
    await startSchedule(t, logger, () => new Date('2026-04-16T06:00:00Z'), 60 * 60_000, options).stop();
    assert.equal(smtp.received.length, 2, 'nothing twice');
    assert.equal((await t.db.select().from(reportDeliveries)).length, 1);
  });

  test('a failing reminder round or SMTP server is logged, without the SMTP password, and never thrown', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    await createSubscription({ ...(await s.as('viewer')), now: new Date('2026-04-02T10:00:00Z') }, { unit: s.units.facultyA });
    const { lines, logger } = capture();
    const mailer = createSmtpMailer({ url: 'smtp://maalbar:hunter2@127.0.0.1:1', from: 'm@test.example' }, { timeoutMs: 2000 });
    const at = new Date('2026-04-16T05:00:00Z');
    await prepareLastMonthEverywhere(t.db, at, logger);
    assert.deepEqual(await remindEverywhere(t.db, at, logger, { mailer }), [{ organisation: 'testuniversitetet', created: 1, emailed: 0, emailFailed: 1 }]);
    assert.deepEqual(await deliverReportsEverywhere(t.db, at, logger, { mailer }), [{ organisation: 'testuniversitetet', period: '2026-03', sent: 0, failed: 1, gaveUp: 0 }]);
    assert.deepEqual(lines.map((l) => [l.level, l.msg]), [
      ['info', 'evaluation drafts prepared'],
      ['info', 'reminders made'],
      ['warn', 'reminder e-mails failed'],
      ['warn', 'subscribed reports failed'],
    ]);
    assert.equal(lines[2]!.smtp, 'smtp://127.0.0.1:1');
    await t.db.execute(sql`drop table notifications cascade`);
    assert.deepEqual(await remindEverywhere(t.db, at, logger), []);
    assert.deepEqual(lines.at(-1)!.msg, 'the reminder round failed');
    const all = JSON.stringify(lines) + JSON.stringify(await t.db.select().from(reportDeliveries));
    assert.doesNotMatch(all, /hunter2/);
  });

  test('a failure is logged as a warning and does not throw', async () => {
    await using t = await fresh();
    await seed(t.db);
    await t.db.execute(sql`drop table evaluation_events`);
    const { lines, logger } = capture();
    assert.deepEqual(await prepareLastMonthEverywhere(t.db, new Date('2026-04-01T00:30:00Z'), logger), []);
    assert.deepEqual(lines.map((l) => [l.level, l.msg, l.month]), [['warn', 'preparing evaluation drafts failed', '2026-03']]);
    assert.equal((await t.db.select().from(evaluations)).length, 0, 'the transaction rolled back');
  });

  test('a failed VACUUM is logged as a warning and does not throw', async () => {
    await using t = await fresh();
    const { lines, logger } = capture();
    assert.equal(await vacuumRollupsLogged(t.db, logger), true);
    assert.equal(await lastVacuum(t.db), true);
    await t.db.execute(sql`drop table metric_months`);
    assert.equal(await vacuumRollupsLogged(t.db, logger), false);
    assert.deepEqual(lines.map((l) => [l.level, l.msg]), [['warn', 'vacuuming the rollups failed']]);
  });
});
