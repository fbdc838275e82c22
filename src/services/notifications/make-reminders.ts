/**
 * The reminder round for one organisation as of `ctx.now` (the hourly schedule and
 * `maalbar reminders run`): the rules' drafts (core/reminders/due-reminders.ts) are stored as
 * notifications, once per (person, key) — ON CONFLICT DO NOTHING, so rounds never repeat
 * themselves — and the new ones are e-mailed, when a Mailer is given, to active people who keep
 * e-mail reminders on, in their own language: one e-mail per person and round (several new
 * reminders make one digest). Each e-mail's outcome is recorded (`emailed_at`
 * or `email_error`); one failed e-mail never stops the others or the round, and a failed one
 * is tried again on each round for a day.
 */
import { and, eq, gte, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Locale } from '../../contract/common.ts';
import type { NotificationKind } from '../../contract/notifications.ts';
import { dueReminders, type ReminderDraft } from '../../core/reminders/due-reminders.ts';
import type { Day } from '../../core/period/days.ts';
import type { Db } from '../../db/client.ts';
import { notifications, people } from '../../db/schema/index.ts';
import { reminderDigestMail } from '../../mail/mail-text.ts';
import type { Mailer } from '../../mail/send-mail.ts';
import { requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { loadReminderInput } from './reminder-inputs.ts';
import { pruneNotifications } from './prune-notifications.ts';

/** A reminder whose e-mail failed is e-mailed again on each round for this long. */
export const RETRY_EMAIL_FOR_MS = 24 * 60 * 60_000;

export interface ReminderOptions {
  /** Sends the new notifications by e-mail; without it they stay in the app only. */
  mailer?: Mailer | null;
  /** MAALBAR_PUBLIC_URL, for links in the e-mails. */
  publicUrl?: string | null;
  /** Work out what would be made without storing or sending anything. */
  dryRun?: boolean;
}

export interface ReminderRoundItem {
  personId: string;
  person: string;
  kind: NotificationKind;
  key: string;
  dueOn: Day | null;
  link: string;
}

export interface ReminderRound {
  asOf: Day;
  dryRun: boolean;
  /** Notifications made in this round (in a dry run: that would be made). */
  created: number;
  /** Notifications e-mailed (new ones, and earlier failures tried again), and those whose e-mail failed; one e-mail per person, a digest when several. */
  emailed: number;
  emailFailed: number;
  /** Old notifications removed in this round (prune-notifications.ts; none in a dry run). */
  pruned: number;
  items: ReminderRoundItem[];
}

/** Drafts that are not stored yet (one query for the people concerned). */
async function unstored(db: Db, drafts: ReminderDraft[]): Promise<ReminderDraft[]> {
  if (drafts.length === 0) return [];
  const ids = [...new Set(drafts.map((d) => d.personId))];
  const keys = [...new Set(drafts.map((d) => d.key))];
  const existing = await db
    .select({ personId: notifications.personId, key: notifications.key })
    .from(notifications)
    .where(and(inArray(notifications.personId, ids), inArray(notifications.key, keys)));
  const seen = new Set(existing.map((e) => `${e.personId} ${e.key}`));
  return drafts.filter((d) => !seen.has(`${d.personId} ${d.key}`));
}

export async function makeReminders(ctx: Context, options: ReminderOptions = {}): Promise<ReminderRound> {
  requireAdmin(ctx);
  const asOf = dayOfNow(ctx.now);
  const drafts = dueReminders(await loadReminderInput(ctx, asOf));
  // E-mails that failed in an earlier round are tried again for a day (the SMTP server may have been away).
  const retries = options.mailer && !options.dryRun ? await failedRecently(ctx) : [];
  const names = new Map<string, { name: string; email: string; locale: string; notifyByEmail: boolean; active: boolean }>();
  const personIds = [...new Set([...drafts, ...retries.map((r) => r.draft)].map((d) => d.personId))];
  if (personIds.length > 0) {
    const rows = await ctx.db
      .select({ id: people.id, name: people.name, email: people.email, locale: people.locale, notifyByEmail: people.notifyByEmail, active: people.active })
      .from(people)
      .where(and(eq(people.organisationId, ctx.actor.organisationId), inArray(people.id, personIds)));
    for (const r of rows) names.set(r.id, r);
  }
  const item = (d: ReminderDraft): ReminderRoundItem => ({ personId: d.personId, person: names.get(d.personId)?.name ?? '', kind: d.kind, key: d.key, dueOn: d.dueOn, link: d.link });

  if (options.dryRun) {
    const fresh = await unstored(ctx.db, drafts);
    return { asOf, dryRun: true, created: fresh.length, emailed: 0, emailFailed: 0, pruned: 0, items: fresh.map(item) };
  }

  const inserted =
    drafts.length === 0
      ? []
      : await ctx.db
          .insert(notifications)
          .values(
            drafts.map((d) => ({
              id: crypto.randomUUID(),
              organisationId: ctx.actor.organisationId,
              personId: d.personId,
              kind: d.kind,
              key: d.key,
              params: d.params,
              link: d.link,
              dueOn: d.dueOn,
              createdAt: ctx.now,
            })),
          )
          .onConflictDoNothing({ target: [notifications.personId, notifications.key] })
          .returning({ id: notifications.id, personId: notifications.personId, key: notifications.key });
  const byKey = new Map(drafts.map((d) => [`${d.personId} ${d.key}`, d]));
  const created = inserted.map((r) => ({ id: r.id, draft: byKey.get(`${r.personId} ${r.key}`)! }));

  let emailed = 0;
  let emailFailed = 0;
  if (options.mailer) {
    // One e-mail per person and round: a single reminder as it is, several as a digest.
    const perPerson = new Map<string, { id: string; draft: ReminderDraft }[]>();
    for (const c of [...retries, ...created]) {
      const person = names.get(c.draft.personId);
      if (!person || !person.active || !person.notifyByEmail) continue;
      perPerson.set(c.draft.personId, [...(perPerson.get(c.draft.personId) ?? []), c]);
    }
    for (const [personId, list] of perPerson) {
      const person = names.get(personId)!;
      const sent = await sendMail(ctx.db, options.mailer, list.map((c) => c.id), person.email, person.locale as Locale, list.map((c) => c.draft), options.publicUrl ?? null, ctx.now);
      if (sent) emailed += list.length;
      else emailFailed += list.length;
    }
  }
  const pruned = await pruneNotifications(ctx.db, ctx.actor.organisationId, ctx.now);
  return { asOf, dryRun: false, created: created.length, emailed, emailFailed, pruned, items: created.map((c) => item(c.draft)) };
}

/** Notifications of the organisation whose e-mail failed within the last day and has not gone out since. */
async function failedRecently(ctx: Context): Promise<{ id: string; draft: ReminderDraft }[]> {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.organisationId, ctx.actor.organisationId),
        isNull(notifications.emailedAt),
        isNotNull(notifications.emailError),
        gte(notifications.createdAt, new Date(ctx.now.getTime() - RETRY_EMAIL_FOR_MS)),
      ),
    )
    .orderBy(notifications.createdAt);
  return rows.map((r) => ({ id: r.id, draft: { personId: r.personId, kind: r.kind as NotificationKind, key: r.key, params: r.params, link: r.link, dueOn: r.dueOn } }));
}

/** Sends one person's e-mail for these notifications and records the outcome on each; never throws for the e-mail. */
async function sendMail(db: Db, mailer: Mailer, ids: string[], to: string, locale: Locale, drafts: ReminderDraft[], publicUrl: string | null, now: Date): Promise<boolean> {
  const text = reminderDigestMail(drafts, locale === 'en' ? 'en' : 'nb', publicUrl);
  try {
    await mailer.send({ to, ...text });
    await db.update(notifications).set({ emailedAt: now, emailError: null }).where(inArray(notifications.id, ids));
    return true;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await db.update(notifications).set({ emailError: message }).where(inArray(notifications.id, ids));
    return false;
  }
}
