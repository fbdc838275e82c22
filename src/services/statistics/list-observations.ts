/**
 * Documented values of one account as they stand, with where each came from (its import), for
 * the API, the CLI (`maalbar observations --json`) and the web. Ordered by metric, day, post.
 */
import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { ObservationOut } from '../../contract/statistics.ts';
import { AppError } from '../../core/errors.ts';
import { observations, posts } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';

export interface ObservationFilter {
  metric?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function listObservations(ctx: Context, accountRef: string, filter: ObservationFilter = {}): Promise<ObservationOut[]> {
  const account = await findAccount(ctx.db, ctx.actor.organisationId, accountRef);
  if (!account) throw new AppError('not_found', 'No such account.');
  authorize(ctx, 'read', account.unitId, 'account');
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('validation_failed', '"from" is after "to".', [{ path: 'from', message: 'must be on or before "to"' }]);
  }
  const where: SQL[] = [eq(observations.organisationId, ctx.actor.organisationId), eq(observations.accountId, account.id)];
  if (filter.metric) where.push(eq(observations.metric, filter.metric));
  if (filter.from) where.push(gte(observations.day, filter.from));
  if (filter.to) where.push(lte(observations.day, filter.to));
  const rows = await ctx.db
    .select({
      metric: observations.metric,
      date: observations.day,
      value: observations.value,
      post: posts.platformPostId,
      importId: observations.importId,
      source: observations.source,
    })
    .from(observations)
    .leftJoin(posts, eq(posts.id, observations.postId))
    .where(and(...where))
    .orderBy(asc(observations.metric), asc(observations.day), asc(posts.platformPostId));
  return rows.map((r) => ({ ...r, post: r.post ?? null }));
}
