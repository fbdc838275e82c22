/**
 * `maalbar reminders run` and `maalbar mail test` as child processes, against a local SMTP
 * server, on an embedded database and (with TEST_DATABASE_URL) PostgreSQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import { seed } from '../../testing/seed.ts';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../../testing/cli.ts';
import { startTestSmtp, type TestSmtp } from '../../testing/smtp.ts';
import { prepareEvaluations } from '../../services/evaluations/prepare-evaluations.ts';
import { loadSystemActor } from '../../services/load-actor.ts';
import type { ReminderRound } from '../../services/notifications/make-reminders.ts';

for (const kind of cliDatabaseKinds) {
  describe(`maalbar reminders [${kind}]`, () => {
    let db: CliDatabase;
    let smtp: TestSmtp;
    let cwd = '';
    let env: Record<string, string> = {};

    before(async () => {
      db = await cliDatabase(kind, 'reminders-cli');
      cwd = db.cwd;
      env = kind === 'postgres' ? db.env : { MAALBAR_DATA_DIR: join(cwd, 'data') };
      smtp = await startTestSmtp({ user: 'maalbar', password: 'pw-hunter2' });
      const database = await openDatabase(
        kind === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir: env.MAALBAR_DATA_DIR!, command: 'reminders test' },
      );
      try {
        await database.migrate();
        await seed(database.db);
        await prepareEvaluations({ db: database.db, now: new Date('2026-04-01T00:30:00Z'), actor: await loadSystemActor(database.db) }, { month: '2026-03' });
      } finally {
        await database.close();
      }
    });

    after(async () => {
      await smtp[Symbol.asyncDispose]();
      await db.dispose();
    });

    test('a dry run lists and stores nothing; the run stores and e-mails; the next run finds nothing new', async () => {
      const mailEnv = { ...env, MAALBAR_SMTP_URL: smtp.url, MAALBAR_MAIL_FROM: 'Målbar <maalbar@test.example>', MAALBAR_PUBLIC_URL: 'https://maalbar.example.no' };
      const dry = await json<ReminderRound>(['reminders', 'run', '--dry-run', '--at', '2026-04-02'], { env: mailEnv, cwd });
      assert.deepEqual([dry.dryRun, dry.created, dry.items.map((i) => [i.person, i.kind, i.dueOn])], [true, 1, [['Evaluator Person', 'evaluation_due', '2026-04-15']]]);
      assert.equal(smtp.received.length, 0);
      const text = await maalbar(['reminders', 'run', '--at', '2026-04-02'], { env: mailEnv, cwd });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, new RegExp(`Made 1 reminder as of 2026-04-02; 1 e-mailed through smtp://127\\.0\\.0\\.1:${smtp.port}\\.`));
      assert.match(text.stdout, /Evaluator Person\s+evaluation_due\s+2026-04-15\s+\/evaluations\//);
      assert.doesNotMatch(text.stdout + text.stderr, /hunter2/);
      const [mail] = await smtp.waitFor(1);
      assert.deepEqual(mail!.to, ['evaluator@test.example']);
      assert.equal(mail!.subject, 'Målbar: Monthly evaluation ready: A1 på Instagram, March 2026');
      assert.match(mail!.text, /https:\/\/maalbar\.example\.no\/evaluations\//);
      const again = await json<ReminderRound>(['reminders', 'run', '--at', '2026-04-02'], { env: mailEnv, cwd });
      assert.equal(again.created, 0);
      // Without SMTP the reminders are made in the app only, and the text says so.
      const noMail = await maalbar(['reminders', 'run', '--at', '2026-04-13'], { env, cwd });
      assert.match(noMail.stdout, /Made 1 reminder as of 2026-04-13; e-mail is off \(MAALBAR_SMTP_URL is not set\)\./);
      assert.equal(smtp.received.length, 1);
    });

    test('mail test: sent through the configured server; unset or refused names MAALBAR_SMTP_URL without the password', async () => {
      const before = smtp.received.length;
      const ok = await maalbar(['mail', 'test', '--to', 'ops@test.example'], { env: { MAALBAR_SMTP_URL: smtp.url }, cwd });
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /Sent a test e-mail to ops@test\.example through smtp:\/\/127\.0\.0\.1:\d+ \(from Målbar <maalbar@localhost>\)\./);
      const mails = await smtp.waitFor(before + 1);
      assert.equal(mails.at(-1)!.subject, 'Målbar: test message');
      const unset = await maalbar(['mail', 'test', '--to', 'ops@test.example'], { env: {}, cwd });
      assert.equal(unset.code, 78);
      assert.match(unset.stderr, /E-mail is not configured: set MAALBAR_SMTP_URL/);
      const refused = await maalbar(['mail', 'test', '--to', 'ops@test.example'], { env: { MAALBAR_SMTP_URL: `smtp://maalbar:wrong-hunter2@127.0.0.1:${smtp.port}` }, cwd });
      assert.equal(refused.code, 78);
      assert.match(refused.stderr, /The SMTP server in MAALBAR_SMTP_URL did not take the message/);
      assert.doesNotMatch(refused.stderr, /hunter2/);
      const bad = await maalbar(['mail', 'test', '--to', 'not-an-address'], { env: { MAALBAR_SMTP_URL: smtp.url }, cwd });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--to/);
    });
  });
}
