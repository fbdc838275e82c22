/**
 * An account's coverage calendar (core/coverage/calendar.ts) over `[from, to]`, by default the
 * 365 days up to yesterday. Two queries, both on the observations (organisation, account,
 * metric, day) index: the documented (metric, day) pairs in the range, and each metric's first
 * and last documented day. Anyone who may read the account may read its coverage.
 */
import { and, between, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { coverageCalendar } from '../../core/coverage/calendar.ts';
import { historyWindowDefaults } from '../../core/coverage/history-windows.ts';
import { addDays, daysInclusive, type Day } from '../../core/period/days.ts';
import type { Platform } from '../../core/platforms.ts';
import { MAX_COVERAGE_DAYS, type CoverageOut, type CoverageQuery } from '../../contract/coverage.ts';
import { observations } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { accountRef, dayOfNow, readableAccount } from './account-ref.ts';

/** Days in the default calendar. */
export const DEFAULT_COVERAGE_DAYS = 365;

export async function getCoverage(ctx: Context, accountIdOrSlug: string, query: CoverageQuery = {}): Promise<CoverageOut> {
  const account = await readableAccount(ctx, accountIdOrSlug);
  const to: Day = query.to ?? addDays(dayOfNow(ctx.now), -1);
  const from: Day = query.from ?? addDays(to, -(DEFAULT_COVERAGE_DAYS - 1));
  if (from > to) {
    throw new AppError('validation_failed', `from (${from}) is after to (${to}).`, [{ path: 'from', message: 'must not be after `to`' }]);
  }
  if (daysInclusive(from, to) > MAX_COVERAGE_DAYS) {
    throw new AppError('validation_failed', `At most ${MAX_COVERAGE_DAYS} days at a time (asked for ${daysInclusive(from, to)}).`, [
      { path: 'from', message: `at most ${MAX_COVERAGE_DAYS} days before \`to\`` },
    ]);
  }
  const orgId = ctx.actor.organisationId;
  const mine = and(eq(observations.organisationId, orgId), eq(observations.accountId, account.id));
  const [cells, extents] = await Promise.all([
    ctx.db
      .select({ metric: observations.metric, day: observations.day })
      .from(observations)
      .where(and(mine, between(observations.day, from, to)))
      .groupBy(observations.metric, observations.day),
    ctx.db
      .select({
        metric: observations.metric,
        first: sql<string>`min(${observations.day})::text`,
        last: sql<string>`max(${observations.day})::text`,
      })
      .from(observations)
      .where(mine)
      .groupBy(observations.metric),
  ]);
  const platform = account.platform as Platform;
  const calendar = coverageCalendar({ platform, from, to, cells, extents });
  return { account: accountRef(account), cadence: historyWindowDefaults[platform].cadence, ...calendar };
}
