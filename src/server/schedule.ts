/**
 * The server's monthly evaluation drafts: at start and then every hour, last month's drafts are
 * prepared for every organisation (services/evaluations/prepare-evaluations.ts, idempotent and
 * one read when nothing is missing), so on the first day of a month the drafts appear within
 * the hour. A failure is logged and tried again on the next round; it never stops the server.
 */
import { lastMonth } from '../core/evaluations/months.ts';
import type { Db } from '../db/client.ts';
import { organisations } from '../db/schema/index.ts';
import { dayOfNow } from '../services/coverage/account-ref.ts';
import { prepareEvaluations } from '../services/evaluations/prepare-evaluations.ts';
import { loadSystemActor } from '../services/load-actor.ts';
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

export interface Schedule {
  stop(): Promise<void>;
}

/** Runs the preparation now and every `everyMs` (an hour); `stop` waits for a round in progress. */
export function startEvaluationSchedule(db: Db, logger: Logger, clock: () => Date = () => new Date(), everyMs = 60 * 60_000): Schedule {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const round = () => {
    if (stopped) return;
    running ??= prepareLastMonthEverywhere(db, clock(), logger)
      .catch((error: unknown) => logger.warn('preparing evaluation drafts failed', { error }))
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
