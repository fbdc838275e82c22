/**
 * `maalbar reminders run [--dry-run] [--at DATE]`: the reminder round now (what the server's
 * hourly schedule does): today's new notifications, e-mailed when MAALBAR_SMTP_URL is set; with
 * --dry-run only listed. `maalbar mail test --to ADDRESS`: a test e-mail through the configured
 * SMTP server, with a clear error when it is not configured or refuses.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { describeSmtp, loadConfig } from '../../config.ts';
import { Locale } from '../../contract/common.ts';
import { AppError } from '../../core/errors.ts';
import { testMail } from '../../mail/mail-text.ts';
import { createSmtpMailer, MailError } from '../../mail/send-mail.ts';
import { makeReminders, type ReminderRound } from '../../services/notifications/make-reminders.ts';
import { plural, table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, hint, output, withOperator, type GlobalOptions } from '../run.ts';
import { AtDay } from './goal.ts';

function roundText(r: ReminderRound, mail: string | null): string {
  const head = r.dryRun
    ? `Would make ${plural(r.created, 'reminder')} as of ${r.asOf} (dry run: nothing stored or sent).`
    : `Made ${plural(r.created, 'reminder')} as of ${r.asOf}; ${mail ? `${r.emailed} e-mailed through ${mail}${r.emailFailed > 0 ? `, ${r.emailFailed} failed` : ''}` : 'e-mail is off (MAALBAR_SMTP_URL is not set)'}.`;
  if (r.items.length === 0) return head;
  return `${head}\n${table(
    r.items.map((i) => [i.person, i.kind, i.dueOn ?? '', i.link]),
    ['PERSON', 'KIND', 'DUE', 'LINK'],
  )}`;
}

const Address = z.email('must be an e-mail address');

export function registerReminders(program: Command): void {
  const reminders = program.command('reminders').description('reminders of evaluations, documentation and annual reports due (in the app, and by e-mail when SMTP is configured)');
  reminders
    .command('run')
    .description("make today's reminders now and e-mail them (the server does this every hour)")
    .option('--dry-run', 'list what would be made; store and send nothing')
    .option('--at <date>', 'as of this day (YYYY-MM-DD); default today')
    .action(
      action(async (opts: { dryRun?: boolean; at?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ at: AtDay.optional() }), { at: opts.at });
        const config = loadConfig();
        const mailer = config.mail && !opts.dryRun ? createSmtpMailer(config.mail) : null;
        const round = await withOperator('reminders run', options, (ctx) =>
          makeReminders({ ...ctx, now: input.at ? new Date(`${input.at}T12:00:00Z`) : ctx.now }, { mailer, publicUrl: config.publicUrl, dryRun: opts.dryRun === true }),
        );
        output(options, round, (r) => roundText(r, mailer ? mailer.server : null));
        if (round.emailFailed > 0) hint('Some e-mails failed; the reasons are kept on the notifications (email_error). Try `maalbar mail test --to <you>`.');
      }),
    );

  const mail = program.command('mail').description('e-mail through the SMTP server in MAALBAR_SMTP_URL');
  mail
    .command('test')
    .description('send a test e-mail with the configured SMTP server')
    .requiredOption('--to <address>', 'the recipient')
    .option('--lang <nb|en>', 'language of the message', 'en')
    .action(
      action(async (opts: { to: string; lang: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ to: Address, lang: Locale }), { to: opts.to, lang: opts.lang }, { to: '--to', lang: '--lang' });
        const config = loadConfig();
        if (!config.mail) {
          throw new AppError('invalid_config', 'E-mail is not configured: set MAALBAR_SMTP_URL (smtp://user:password@host:587, or smtps://… for TLS from the start) and MAALBAR_MAIL_FROM.');
        }
        const mailer = createSmtpMailer(config.mail, { timeoutMs: 15_000 });
        try {
          await mailer.send({ to: input.to, ...testMail(mailer.server, input.lang) });
        } catch (error) {
          const reason = error instanceof MailError ? error.message : 'the message could not be sent';
          throw new AppError('invalid_config', `The SMTP server in MAALBAR_SMTP_URL did not take the message (${reason}). Check MAALBAR_SMTP_URL and MAALBAR_MAIL_FROM.`);
        }
        output(options, { sent: true, to: input.to, server: describeSmtp(config.mail.url), from: config.mail.from }, (r) => `Sent a test e-mail to ${r.to} through ${r.server} (from ${r.from}).`);
      }),
    );
}
