/**
 * Accounts compared on a metric over a period (issue #5, "Comparison"): every account the actor
 * may read whose platform reports the metric, ranked within its platform with percentiles by
 * core/compare/compare.ts. Fed from the monthly rollups: the metric over the period by its
 * aggregation with coverage; followers at the period's end = the last documented value of
 * 'followers' in the period; posts = posts published in the period (from the posts table; null
 * for an account with no post documented at all, since then posts were never imported, which is
 * not the same as none published).
 */
import { sql } from 'drizzle-orm';
import { compareAccounts as rank, type Normalisation } from '../../core/compare/compare.ts';
import type { Platform } from '../../core/platforms.ts';
import { periodLength } from '../../core/period/periods.ts';
import type { CompareOut, CompareQuery } from '../../contract/dashboards.ts';
import type { Context } from '../context.ts';
import { accountRef } from '../coverage/account-ref.ts';
import { metricOf, monthlyPeriods, valueOf } from './monthly.ts';
import { organisationAccounts } from './organisation-accounts.ts';
import { readBuckets } from './read-rollups.ts';

/** Names in Norwegian order; one collator (localeCompare with a locale builds one per call). */
const byName = new Intl.Collator('nb');

const normalisationOf: Record<CompareQuery['normalise'], Normalisation> = {
  raw: 'raw',
  per_follower: 'per_1000_followers',
  per_post: 'per_post',
};

export async function compareAccounts(ctx: Context, query: CompareQuery): Promise<CompareOut> {
  const orgId = ctx.actor.organisationId;
  const { def, aggregation } = metricOf(query.metric);
  const full = monthlyPeriods(query.period, ctx.now);
  const p = { ...full, previous: null, sameLastYear: null };
  const days = periodLength(p.period);
  const rows = (await organisationAccounts(ctx.db, orgId, def.platforms, { names: true })).filter((a) => ctx.actor.access.can('read', a.unitId));
  rows.sort((x, y) => byName.compare(x.name, y.name));
  const ids = rows.map((a) => a.id);
  const normalisation = normalisationOf[query.normalise];

  const only = ['period'];
  const values = (await readBuckets(ctx.db, orgId, query.metric, ids, p, { latest: aggregation === 'latest', only })).get('period');
  const followers =
    normalisation === 'per_1000_followers' ? (await readBuckets(ctx.db, orgId, 'followers', ids, p, { only })).get('period') : undefined;
  const posts = normalisation === 'per_post' ? await postsInPeriod(ctx, ids, p.period) : new Map<string, number | null>();

  const inputs = rows.map((a) => {
    const part = values?.get(a.id);
    return {
      accountId: a.id,
      platform: a.platform as Platform,
      value: valueOf(part, aggregation),
      followersAtEnd: followers?.get(a.id)?.lastValue ?? null,
      posts: posts.get(a.id) ?? null,
      coverage: part ? part.days / days : 0,
    };
  });
  const result = rank(inputs, { metric: query.metric, normalisation });
  const byId = new Map(rows.map((a) => [a.id, a]));
  const inputOf = new Map(inputs.map((i) => [i.accountId, i]));
  return {
    metric: query.metric,
    aggregation,
    normalise: query.normalise,
    basis: result.basis,
    per: result.per,
    minCoverage: result.minCoverage,
    higherIsBetter: result.higherIsBetter,
    period: p.period,
    platforms: result.platforms.map((b) => ({
      platform: b.platform,
      n: b.n,
      percentiles: b.percentiles,
      ranked: b.ranked.map((r) => ({
        account: accountRef(byId.get(r.accountId)!),
        value: r.value,
        normalised: r.normalised,
        percentileRank: r.percentileRank,
        coverage: r.coverage,
        followersAtEnd: normalisation === 'per_1000_followers' ? (inputOf.get(r.accountId)?.followersAtEnd ?? null) : null,
        posts: normalisation === 'per_post' ? (inputOf.get(r.accountId)?.posts ?? null) : null,
      })),
      notComparable: b.notComparable.map((n) => ({ account: accountRef(byId.get(n.accountId)!), value: n.value, coverage: n.coverage, reason: n.reason })),
    })),
  };
}

/** Posts published in the period per account; null for an account with no post documented at all. */
async function postsInPeriod(ctx: Context, ids: readonly string[], period: { start: string; end: string }): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  if (ids.length === 0) return out;
  const result = await ctx.db.execute(sql`
    select account_id::text as account, count(*) filter (where published_on between ${period.start}::date and ${period.end}::date)::int as n
    from posts where organisation_id = ${ctx.actor.organisationId}::uuid and account_id = any(${`{${ids.join(',')}}`}::uuid[])
    group by account_id`);
  for (const r of (result as unknown as { rows: { account: string; n: number | string }[] }).rows) out.set(r.account, Number(r.n));
  return out;
}
