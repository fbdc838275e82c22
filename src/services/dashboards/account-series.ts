/**
 * An account's monthly series of a metric over a period (the account dashboard's charts), with
 * coverage per month, the whole period, the previous period and the same period last year, read
 * from the monthly rollups (one statement). Unreadable accounts are not_found.
 */
import type { AccountSeriesOut, SeriesQuery } from '../../contract/dashboards.ts';
import type { Context } from '../context.ts';
import { accountRef, readableAccount } from '../coverage/account-ref.ts';
import { covered, metricOf, monthlyPeriods } from './monthly.ts';
import { readBuckets } from './read-rollups.ts';

export async function accountSeries(ctx: Context, accountIdOrSlug: string, query: SeriesQuery): Promise<AccountSeriesOut> {
  const account = await readableAccount(ctx, accountIdOrSlug);
  const { aggregation } = metricOf(query.metric);
  const p = monthlyPeriods(query.period, ctx.now);
  const buckets = await readBuckets(ctx.db, ctx.actor.organisationId, query.metric, [account.id], p, { latest: aggregation === 'latest' });
  return {
    account: accountRef(account),
    metric: query.metric,
    aggregation,
    periods: { period: p.period, previous: p.previous, sameLastYear: p.sameLastYear },
    ...covered(buckets, [account.id], aggregation, p),
  };
}
