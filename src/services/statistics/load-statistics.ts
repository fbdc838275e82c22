/**
 * Documented statistics of some accounts over a window of days, in the shape the KPI engine
 * reads (core/kpi/types.ts Statistics), one query per table:
 * - observations: account-level values with `day` in [from, to], and per-post values (with a
 *   post_id) of posts published in [from, to] read on or before `to`; per-post values carry the
 *   platform's post id and are dated by the post's publication day (the engine merges them into
 *   the posts). Ordered by day, so a later reading of the same post and metric wins;
 * - posts: published in [from, to] (PostRecord with the platform post id and publication day);
 * - audience_snapshots: documented in [from, to].
 * No authorisation here: callers decide which accounts the actor may read. `metrics` (optional)
 * reads only those metrics' observations (posts and audience snapshots are read whatever it says).
 */
import { and, asc, between, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { AgeGroup } from '../../core/platforms.ts';
import type { AudienceSnapshot, Observation, PostRecord, Statistics } from '../../core/kpi/types.ts';
import type { Day } from '../../core/period/days.ts';
import type { Db } from '../../db/client.ts';
import { audienceSnapshots, observations, posts } from '../../db/schema/index.ts';

interface Mutable {
  observations: Observation[];
  posts: PostRecord[];
  audience: AudienceSnapshot[];
}

export async function loadStatistics(
  db: Db,
  organisationId: string,
  accountIds: readonly string[],
  from: Day,
  to: Day,
  metrics?: readonly string[],
): Promise<Map<string, Statistics>> {
  const out = new Map<string, Mutable>();
  const ids = [...new Set(accountIds)];
  for (const id of ids) out.set(id, { observations: [], posts: [], audience: [] });
  if (ids.length === 0) return out;

  // In turn, not Promise.all: inside a transaction the three share one connection, and pg refuses overlapping queries there.
  const [obsRows, postRows, audienceRows] = await inTurn([
    db
      .select({
        accountId: observations.accountId,
        metric: observations.metric,
        day: observations.day,
        value: observations.value,
        platformPostId: posts.platformPostId,
        publishedOn: posts.publishedOn,
      })
      .from(observations)
      .leftJoin(posts, eq(posts.id, observations.postId))
      .where(
        and(
          eq(observations.organisationId, organisationId),
          inArray(observations.accountId, ids),
          metrics ? (metrics.length > 0 ? inArray(observations.metric, [...metrics]) : sql`false`) : undefined,
          or(
            and(isNull(observations.postId), between(observations.day, from, to)),
            and(isNotNull(observations.postId), between(posts.publishedOn, from, to), lte(observations.day, to)),
          ),
        ),
      )
      .orderBy(asc(observations.day), asc(observations.createdAt)),
    db
      .select({ accountId: posts.accountId, platformPostId: posts.platformPostId, publishedOn: posts.publishedOn })
      .from(posts)
      .where(
        and(eq(posts.organisationId, organisationId), inArray(posts.accountId, ids), gte(posts.publishedOn, from), lte(posts.publishedOn, to)),
      )
      .orderBy(asc(posts.publishedOn)),
    db
      .select({ accountId: audienceSnapshots.accountId, day: audienceSnapshots.day, distribution: audienceSnapshots.ageDistribution })
      .from(audienceSnapshots)
      .where(
        and(
          eq(audienceSnapshots.organisationId, organisationId),
          inArray(audienceSnapshots.accountId, ids),
          between(audienceSnapshots.day, from, to),
        ),
      )
      .orderBy(asc(audienceSnapshots.day)),
  ]);

  for (const p of postRows) out.get(p.accountId)?.posts.push({ id: p.platformPostId, date: p.publishedOn, metrics: {} });
  for (const o of obsRows) {
    const stats = out.get(o.accountId);
    if (!stats) continue;
    if (o.platformPostId !== null && o.publishedOn !== null) {
      stats.observations.push({ metric: o.metric, date: o.publishedOn, value: o.value, postId: o.platformPostId });
    } else {
      stats.observations.push({ metric: o.metric, date: o.day, value: o.value });
    }
  }
  for (const a of audienceRows) {
    const distribution: Partial<Record<AgeGroup, number>> = {};
    for (const [group, value] of Object.entries(a.distribution ?? {})) {
      if (typeof value === 'number' && Number.isFinite(value)) distribution[group as AgeGroup] = value;
    }
    out.get(a.accountId)?.audience.push({ date: a.day, distribution });
  }
  return out;
}

/** Awaits lazy queries (Drizzle builders run when awaited) one after another. */
async function inTurn<T extends readonly unknown[]>(queries: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const out: unknown[] = [];
  for (const q of queries) out.push(await q);
  return out as { -readonly [K in keyof T]: Awaited<T[K]> };
}
