/**
 * Target suggestions for a KPI on an account (core/goals/targets.ts does the statistics):
 * - own history: the account's values of the metric as the KPI measures it, over the last
 *   365 days: each post's value (per post), each documented day's value (per day, base
 *   metrics), else each whole ended calendar month's value;
 * - other internal accounts: every other account on the same platform that the actor may
 *   read contributes one value, the mean of its own values measured the same way, with its
 *   latest follower count (for per-follower normalisation);
 * - competitors: the latest public figure of each competitor or peer entry of the account's
 *   unit (and the units above and below it) on the account's platform, and their median
 *   (competitorBasisFor says which KPIs such figures can inform).
 */
import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { type Day, addDays, compareDays } from '../../core/period/days.ts';
import { monthsIn } from '../../core/period/periods.ts';
import type { Platform } from '../../core/platforms.ts';
import { kpiMetric, type Measurement } from '../../core/metrics/derived.ts';
import { getMetric } from '../../core/metrics/catalogue.ts';
import { type Dataset, documentedDays, latestOnOrBefore } from '../../core/kpi/dataset.ts';
import { perDayValue, windowValue } from '../../core/kpi/aggregate.ts';
import { perPostValue, supportsPerPost } from '../../core/kpi/per-post.ts';
import { suggestTargets } from '../../core/goals/targets.ts';
import { median } from '../../core/compare/share-of-voice.ts';
import type { TargetSuggestions } from '../../contract/goals.ts';
import { type CompetitorMetric, competitorMetrics } from '../../contract/competitors.ts';
import { competitorTargetBasis } from '../competitors/competitor-target-basis.ts';
import { accounts } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';
import { datasetsFor, dayOf } from './kpi-evaluation.ts';

const HISTORY_DAYS = 365;

/** The account's past values of a metric, measured as the KPI measures it. */
export function ownValues(ds: Dataset, metric: string, measurement: Measurement, platform: Platform, asOf: Day): number[] {
  const window = { start: addDays(asOf, -HISTORY_DAYS), end: asOf };
  if (measurement === 'per_post' && supportsPerPost(metric)) {
    return (perPostValue(ds, metric, window, platform).posts ?? []).flatMap((p) => (p.value === null ? [] : [p.value]));
  }
  if (measurement === 'per_day' && getMetric(metric)) return documentedDays(ds, metric, window, platform).map((d) => d.value);
  const out: number[] = [];
  for (const m of monthsIn(window)) {
    if (m.clipped || compareDays(m.period.end, asOf) > 0) continue;
    const v =
      measurement === 'per_post'
        ? perPostValue(ds, metric, m.period, platform)
        : measurement === 'per_day'
          ? perDayValue(ds, metric, m.period, platform)
          : windowValue(ds, metric, m.period, platform);
    if (v.value !== null && Number.isFinite(v.value)) out.push(v.value);
  }
  return out;
}

/**
 * Which competitors' figures can inform a KPI, or null: a level metric (aggregation 'latest',
 * e.g. followers) measured any way but per post; engagement rate by post (engagements /
 * followers, the rate public tools report) measured any way but per post; and a summed metric
 * (views, likes, mentions, …) measured per month, against competitors' monthly figures only.
 */
export function competitorBasisFor(metric: string, measurement: Measurement): { metric: CompetitorMetric; monthlyOnly: boolean } | null {
  if (measurement === 'per_post') return null;
  if (metric === 'engagement_rate_post') return { metric: 'engagement_rate', monthlyOnly: false };
  if (!(competitorMetrics as readonly string[]).includes(metric)) return null;
  const info = getMetric(metric);
  if (!info) return null;
  if (info.aggregation === 'latest') return { metric: metric as CompetitorMetric, monthlyOnly: false };
  if (info.aggregation === 'sum' && measurement === 'per_month') return { metric: metric as CompetitorMetric, monthlyOnly: true };
  return null;
}

async function competitorValues(ctx: Context, unitId: string, platform: Platform, metric: string, measurement: Measurement): Promise<TargetSuggestions['competitors']> {
  const basis = competitorBasisFor(metric, measurement);
  if (!basis) return null;
  const found = await competitorTargetBasis(ctx, { metric: basis.metric, platform, unit: unitId });
  // A competitor whose latest figure is a day's is left out of a monthly total.
  const values = found.values
    .filter((v) => !basis.monthlyOnly || v.period === 'month')
    .map((v) => ({ competitorId: v.id, name: v.name, value: v.value, day: v.date }));
  if (values.length === 0) return null;
  return { values, median: median(values.map((v) => v.value)) };
}

const followersAt = (ds: Dataset, platform: Platform, asOf: Day): number | null =>
  latestOnOrBefore(ds, 'followers', asOf, addDays(asOf, -HISTORY_DAYS), platform)?.value ?? null;

export async function suggestTargetsFor(
  ctx: Context,
  accountRef: string,
  metric: string,
  measurement: Measurement,
): Promise<TargetSuggestions> {
  const orgId = ctx.actor.organisationId;
  const account = await findAccount(ctx.db, orgId, accountRef);
  if (!account || !ctx.actor.access.can('read', account.unitId)) throw new AppError('not_found', 'No such account.');
  if (!kpiMetric(metric)) throw new AppError('validation_failed', `Unknown metric "${metric}".`, [{ path: 'metric', message: 'unknown metric' }]);
  const platform = account.platform as Platform;
  const peers = (
    await ctx.db
      .select({ id: accounts.id, unitId: accounts.unitId })
      .from(accounts)
      .where(and(eq(accounts.organisationId, orgId), eq(accounts.platform, platform), ne(accounts.id, account.id)))
  ).filter((a) => ctx.actor.access.can('read', a.unitId));
  const asOf = dayOf(ctx.now);
  const datasets = await datasetsFor(ctx, [account.id, ...peers.map((p) => p.id)], { from: addDays(asOf, -HISTORY_DAYS - 31), to: asOf });
  const own = datasets.get(account.id)!;
  const peerValues = peers.flatMap((p) => {
    const ds = datasets.get(p.id)!;
    const values = ownValues(ds, metric, measurement, platform, asOf);
    if (values.length === 0) return [];
    return [{ accountId: p.id, value: values.reduce((a, b) => a + b, 0) / values.length, followers: followersAt(ds, platform, asOf) }];
  });
  const suggested = suggestTargets({
    metric,
    own: ownValues(own, metric, measurement, platform, asOf),
    ownFollowers: followersAt(own, platform, asOf),
    peers: peerValues,
  });
  return { ...suggested, competitors: await competitorValues(ctx, account.unitId, platform, metric, measurement) };
}
