/**
 * The server's hourly jobs, at start and then every hour:
 * - last month's evaluation drafts are prepared for every organisation
 *   (services/evaluations/prepare-evaluations.ts, idempotent and one read when nothing is
 *   missing), so on the first day of a month the drafts appear within the hour;
 * - on PGlite, which runs no autovacuum, the monthly rollups are vacuumed
 *   (services/statistics/vacuum-rollups.ts) so the dashboards' index-only scans stay index-only;
 *   on PostgreSQL autovacuum does it;
 * - the reminder round in every organisation (services/notifications/make-reminders.ts): new
 *   notifications (evaluations, documentation, annual reports due), e-mailed when SMTP is
 *   configured — after the drafts, so a month's drafts are reminded in the round that made them;
 * - from the 16th, last month's subscribed reports as PDF by e-mail
 *   (services/subscriptions/send-subscribed-reports.ts), retried on the next round after a failure.
 * - records of which transactions changed the overview's tables, older than two hours, are removed
 *   (services/dashboards/overview-cache.ts: no overview kept in memory can still need them);
 * A failure is logged and tried again on the next round; it never stops the server.
 */
import { lastMonth } from '../core/evaluations/months.ts';
import type { Database, Db } from '../db/client.ts';
import { organisations } from '../db/schema/index.ts';
import { dayOfNow } from '../services/coverage/account-ref.ts';
import { prepareEvaluations } from '../services/evaluations/prepare-evaluations.ts';
import { loadSystemActor } from '../services/load-actor.ts';
import { vacuumRollups } from '../services/statistics/vacuum-rollups.ts';
import { pruneDashboardChanges } from '../services/dashboards/overview-cache.ts';
import type { Mailer } from '../mail/send-mail.ts';
import { makeReminders } from '../services/notifications/make-reminders.ts';
import { sendSubscribedReports } from '../services/subscriptions/send-subscribed-reports.ts';
import type { Logger } from './logger.ts';

export interface ScheduleOptions {
  /** E-mail (from MAALBAR_SMTP_URL); without it reminders stay in the app and no reports are sent. */
  mailer?: Mailer | null;
  /** MAALBAR_PUBLIC_URL, for links in e-mails. */
  publicUrl?: string | null;
}

export interface PreparedMonth {
  organisation: string;
  month: string;
  created: number;
  existing: number;
}

/** Prepares last month's drafts in every organisation; an organisation that fails is logged and the others still run. */
export async function prepareLastMonthEverywhere(db: Db, now: Date, logger: Logger): Promise<PreparedMonth[]> {
  const month = lastMonth(dayOfNow(now));
  const done: PreparedMonth[] = [];
  for (const org of await db.select({ slug: organisations.slug }).from(organisations)) {
    try {
      const actor = { ...(await loadSystemActor(db, org.slug)), scheduled: true };
      const result = await prepareEvaluations({ db, actor, now }, { month });
      done.push({ organisation: org.slug, ...result });
      if (result.created > 0) logger.info('evaluation drafts prepared', { organisation: org.slug, month, created: result.created });
    } catch (error) {
      logger.warn('preparing evaluation drafts failed', { organisation: org.slug, month, error });
    }
  }
  return done;
}

/** Vacuums the rollups; a failure is logged as a warning, never thrown. True when it ran. */
export async function vacuumRollupsLogged(db: Db, logger: Logger): Promise<boolean> {
  try {
    await vacuumRollups(db);
    return true;
  } catch (error) {
    logger.warn('vacuuming the rollups failed', { error });
    return false;
  }
}

export interface RemindedOrganisation {
  organisation: string;
  created: number;
  emailed: number;
  emailFailed: number;
}

/** The reminder round in every organisation; one that fails is logged and the others still run. */
export async function remindEverywhere(db: Db, now: Date, logger: Logger, options: ScheduleOptions = {}): Promise<RemindedOrganisation[]> {
  const done: RemindedOrganisation[] = [];
  for (const org of await db.select({ slug: organisations.slug }).from(organisations)) {
    try {
      const actor = await loadSystemActor(db, org.slug);
      const round = await makeReminders({ db, actor, now }, { mailer: options.mailer ?? null, publicUrl: options.publicUrl ?? null });
      done.push({ organisation: org.slug, created: round.created, emailed: round.emailed, emailFailed: round.emailFailed });
      if (round.created > 0) logger.info('reminders made', { organisation: org.slug, created: round.created, emailed: round.emailed, emailFailed: round.emailFailed });
      if (round.emailFailed > 0) logger.warn('reminder e-mails failed', { organisation: org.slug, failed: round.emailFailed, smtp: options.mailer?.server });
    } catch (error) {
      logger.warn('the reminder round failed', { organisation: org.slug, error });
    }
  }
  return done;
}

export interface DeliveredOrganisation {
  organisation: string;
  period: string | null;
  sent: number;
  failed: number;
  gaveUp: number;
}

/** Subscribed reports in every organisation (only with a mailer); failures logged, never thrown. */
export async function deliverReportsEverywhere(db: Db, now: Date, logger: Logger, options: ScheduleOptions = {}): Promise<DeliveredOrganisation[]> {
  const mailer = options.mailer;
  if (!mailer) return [];
  const done: DeliveredOrganisation[] = [];
  for (const org of await db.select({ slug: organisations.slug }).from(organisations)) {
    try {
      const actor = await loadSystemActor(db, org.slug);
      const round = await sendSubscribedReports({ db, actor, now }, { mailer, publicUrl: options.publicUrl ?? null });
      done.push({ organisation: org.slug, ...round });
      if (round.sent > 0) logger.info('subscribed reports sent', { organisation: org.slug, month: round.period, sent: round.sent });
      if (round.failed + round.gaveUp > 0) {
        logger.warn('subscribed reports failed', { organisation: org.slug, month: round.period, failed: round.failed, gaveUp: round.gaveUp, smtp: mailer.server });
      }
    } catch (error) {
      logger.warn('sending subscribed reports failed', { organisation: org.slug, error });
    }
  }
  return done;
}

export interface Schedule {
  stop(): Promise<void>;
}

/** Runs the jobs now and every `everyMs` (an hour); `stop` waits for a round in progress. */
export function startSchedule(
  database: Pick<Database, 'db' | 'kind'>,
  logger: Logger,
  clock: () => Date = () => new Date(),
  everyMs = 60 * 60_000,
  options: ScheduleOptions = {},
): Schedule {
  const { db } = database;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const round = () => {
    if (stopped) return;
    running ??= prepareLastMonthEverywhere(db, clock(), logger)
      .catch((error: unknown) => logger.warn('preparing evaluation drafts failed', { error }))
      .then(() => remindEverywhere(db, clock(), logger, options))
      .catch((error: unknown) => logger.warn('the reminder round failed', { error }))
      .then(() => deliverReportsEverywhere(db, clock(), logger, options))
      .catch((error: unknown) => logger.warn('sending subscribed reports failed', { error }))
      .then(() => pruneDashboardChanges(db, clock()))
      .catch((error: unknown) => logger.warn('pruning dashboard change records failed', { error }))
      .then(() => database.kind === 'pglite' && vacuumRollupsLogged(db, logger))
      .finally(() => (running = null));
  };
  round();
  const timer = setInterval(round, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
