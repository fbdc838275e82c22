/** The e-mails' words (nb/en, links or the note about MAALBAR_PUBLIC_URL) and sending them over real SMTP, with failures that never show the password. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../server/logger.ts';
import { startTestSmtp } from '../testing/smtp.ts';
import { reminderDigestMail, reminderMail, reportMail, testMail } from './mail-text.ts';
import { createSmtpMailer, MailError } from './send-mail.ts';

const overdue = {
  kind: 'evaluation_overdue' as const,
  params: { account: 'A1 på Instagram', unit: 'Department A1', month: '2026-03', dueOn: '2026-04-15', evaluationId: 'e1' },
  link: '/evaluations/e1',
};

test('a reminder in bokmål and English, with a link from the public URL', () => {
  const nb = reminderMail(overdue, 'nb', 'https://maalbar.example.no');
  assert.equal(nb.subject, 'Målbar: Forfalt: månedsevaluering av A1 på Instagram for mars 2026');
  assert.match(nb.text, /skulle vært signert innen 15\. april 2026/);
  assert.match(nb.text, /Åpne: https:\/\/maalbar\.example\.no\/evaluations\/e1/);
  assert.match(nb.html, /<a href="https:\/\/maalbar\.example\.no\/evaluations\/e1">/);
  const en = reminderMail(overdue, 'en', 'https://maalbar.example.no/sub/');
  assert.equal(en.subject, 'Målbar: Overdue: monthly evaluation of A1 på Instagram for March 2026');
  assert.match(en.text, /was due on 15 April 2026/);
  assert.match(en.text, /https:\/\/maalbar\.example\.no\/sub\/evaluations\/e1/);
});

test('without MAALBAR_PUBLIC_URL the e-mail gives the path and says why there is no link', () => {
  const en = reminderMail(overdue, 'en', null);
  assert.match(en.text, /go to \/evaluations\/e1 \(the server's address is not configured, MAALBAR_PUBLIC_URL/);
  assert.doesNotMatch(en.html, /<a /);
  assert.match(reminderMail(overdue, 'nb', null).text, /serverens adresse er ikke satt opp, MAALBAR_PUBLIC_URL/);
});

test('HTML is escaped; documentation and annual reminders say what and by when', () => {
  const html = reminderMail({ ...overdue, params: { ...overdue.params, account: '<script>x</script>' } }, 'en', null).html;
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;script&gt;/);
  const doc = reminderMail(
    { kind: 'documentation_overdue', params: { account: 'B', unit: 'U', toCoverDays: 12, lostDays: 1, deadline: '2026-04-20', cadence: 'daily' }, link: '/accounts/b/import' },
    'nb',
    null,
  );
  assert.match(doc.text, /12 dager med statistikk for B \(U\) er ikke dokumentert; den eldste forsvinner fra plattformens historikk 20\. april 2026\./);
  assert.match(doc.text, /1 dag er allerede tapt\./);
  const annual = reminderMail({ kind: 'annual_report_due', params: { account: 'B', unit: 'U', year: '2026', dueOn: '2027-01-31', stage: 'soon' }, link: '/annual-reports/b/2026' }, 'en', null);
  assert.equal(annual.subject, 'Målbar: Annual report for 2026: B, due 31 January 2027');
  assert.match(reportMail({ scope: 'Faculty A', month: '2026-03', fileName: 'x.pdf' }, 'nb', null).subject, /månedsrapport for Faculty A, mars 2026/);
});

test('a digest of several reminders numbers them, each with its path; one reminder is not a digest', () => {
  const other = { ...overdue, params: { ...overdue.params, account: 'B on TikTok', evaluationId: 'e2' }, link: '/evaluations/e2' };
  const digest = reminderDigestMail([overdue, other], 'en', null);
  assert.equal(digest.subject, 'Målbar: 2 reminders');
  assert.match(digest.text, /^You have 2 new reminders in Målbar:\n\n1\. Overdue: monthly evaluation of A1 på Instagram for March 2026\n/);
  assert.match(digest.text, /2\. Overdue: monthly evaluation of B on TikTok for March 2026\n.*\n   Open Målbar and go to \/evaluations\/e2/);
  assert.match(digest.html, /<ol><li>/);
  assert.deepEqual(reminderDigestMail([overdue], 'nb', null), reminderMail(overdue, 'nb', null));
});

test('sent over SMTP with authentication: recipient, sender, subject, text, HTML and an attachment arrive', async () => {
  await using smtp = await startTestSmtp({ user: 'maalbar', password: 's3cret-pass' });
  const mailer = createSmtpMailer(smtp.mail);
  assert.equal(mailer.server, `smtp://127.0.0.1:${smtp.port}`);
  const m = testMail(mailer.server, 'nb');
  await mailer.send({ to: 'eva@test.example', ...m, attachments: [{ filename: 'r.pdf', content: new TextEncoder().encode('%PDF-1.7 x'), contentType: 'application/pdf' }] });
  const [got] = await smtp.waitFor(1);
  assert.deepEqual(got!.to, ['eva@test.example']);
  assert.equal(got!.from, 'maalbar@test.example');
  assert.equal(got!.subject, 'Målbar: testmelding');
  assert.match(got!.text, /Dette er en testmelding fra Målbar/);
  assert.match(got!.html, /testmelding/);
  assert.equal(got!.attachments[0]!.filename, 'r.pdf');
  assert.equal(got!.attachments[0]!.content.subarray(0, 4).toString(), '%PDF');
});

test('a refused login or an unreachable server is a MailError that never carries the password, even once logged', async () => {
  await using smtp = await startTestSmtp({ user: 'maalbar', password: 's3cret-pass' });
  const wrong = createSmtpMailer({ url: `smtp://maalbar:hunter2-wrong@127.0.0.1:${smtp.port}`, from: 'm@test.example' });
  const lines: string[] = [];
  const logger = createLogger('info', (l) => lines.push(l));
  await assert.rejects(wrong.send({ to: 'x@test.example', ...testMail('x') }), (e: unknown) => {
    assert.ok(e instanceof MailError);
    assert.doesNotMatch(e.message, /hunter2/);
    assert.match(e.message, new RegExp(`smtp://127\\.0\\.0\\.1:${smtp.port}`));
    logger.warn('sending failed', { error: e, smtp: wrong.server });
    return true;
  });
  const closed = createSmtpMailer({ url: 'smtp://user:hunter2@127.0.0.1:1', from: 'm@test.example' }, { timeoutMs: 2000 });
  await assert.rejects(closed.send({ to: 'x@test.example', ...testMail('x') }), (e: unknown) => {
    assert.ok(e instanceof MailError);
    logger.warn('sending failed', { error: e });
    return true;
  });
  assert.equal(lines.length, 2);
  for (const l of lines) assert.doesNotMatch(l, /hunter2/);
});

test('a temporary failure (451) fails the send', async () => {
  await using smtp = await startTestSmtp();
  smtp.failNext(1);
  const mailer = createSmtpMailer(smtp.mail);
  await assert.rejects(mailer.send({ to: 'x@test.example', ...testMail('x') }), /451/);
  await mailer.send({ to: 'x@test.example', ...testMail('x') });
  assert.equal((await smtp.waitFor(1)).length, 1);
});
