/**
 * The server's hourly jobs, at start and then every hour:
 * - last month's evaluation drafts are prepared for every organisation
 *   (services/evaluations/prepare-evaluations.ts, idempotent and one read when nothing is
 *   missing), so on the first day of a month the drafts appear within the hour;
 * - on PGlite, which runs no autovacuum, the monthly rollups are vacuumed
 *   (services/statistics/vacuum-rollups.ts) so the dashboards' index-only scans stay index-only;
 *   on PostgreSQL autovacuum does it.
 * A failure is logged and tried again on the next round; it never stops the server.
 */
import { lastMonth } from '../core/evaluations/months.ts';
import type { Database, Db } from '../db/client.ts';
import { organisations } from '../db/schema/index.ts';
import { dayOfNow } from '../services/coverage/account-ref.ts';
import { prepareEvaluations } from '../services/evaluations/prepare-evaluations.ts';
import { loadSystemActor } from '../services/load-actor.ts';
import { vacuumRollups } from '../services/statistics/vacuum-rollups.ts';
import type { Logger } from './logger.ts';

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
      const actor = await loadSystemActor(db, org.slug);
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

export interface Schedule {
  stop(): Promise<void>;
}

/** Runs the jobs now and every `everyMs` (an hour); `stop` waits for a round in progress. */
export function startSchedule(database: Pick<Database, 'db' | 'kind'>, logger: Logger, clock: () => Date = () => new Date(), everyMs = 60 * 60_000): Schedule {
  const { db } = database;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const round = () => {
    if (stopped) return;
    running ??= prepareLastMonthEverywhere(db, clock(), logger)
      .catch((error: unknown) => logger.warn('preparing evaluation drafts failed', { error }))
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
