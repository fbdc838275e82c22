/**
 * The best and weakest posts of an account by each per-post metric of its goals' KPIs: posts
 * published in the period, each by its latest reading of the metric up to `asOf` (one query).
 * "Best" follows the metric's direction: the highest values, or the lowest where lower is better.
 */
import { sql } from 'drizzle-orm';
import { getMetric } from '../../core/metrics/catalogue.ts';
import { kpiMetric } from '../../core/metrics/derived.ts';
import type { Day } from '../../core/period/days.ts';
import type { AccountDashboardOut, RankedPost } from '../../contract/overview.ts';
import type { Db } from '../../db/client.ts';

export const RANKED = 5;

interface Row {
  metric: string;
  post_id: string;
  value: number | string;
  platform_post_id: string;
  published_on: string;
  post_type: string | null;
  permalink: string | null;
  excerpt: string | null;
}

export async function rankPosts(
  db: Db,
  organisationId: string,
  accountId: string,
  metrics: readonly string[],
  period: { start: Day; end: Day },
  asOf: Day,
): Promise<AccountDashboardOut['posts']> {
  const base = [...new Set(metrics)].filter((m) => getMetric(m) !== undefined).sort();
  if (base.length === 0) return [];
  const result = await db.execute(sql`
    select distinct on (o.metric, o.post_id) o.metric, o.post_id::text as post_id, o.value, p.platform_post_id,
           p.published_on::text as published_on, p.post_type, p.permalink, p.excerpt
    from posts p
    join observations o on o.account_id = p.account_id and o.post_id = p.id
    where p.organisation_id = ${organisationId}::uuid and p.account_id = ${accountId}::uuid
      and p.published_on between ${period.start}::date and ${period.end}::date
      and o.metric = any(${`{${base.join(',')}}`}::text[]) and o.day <= ${asOf}::date
    order by o.metric, o.post_id, o.day desc, o.updated_at desc`);
  const byMetric = new Map<string, RankedPost[]>();
  for (const r of (result as unknown as { rows: Row[] }).rows) {
    const value = Number(r.value);
    if (!Number.isFinite(value)) continue;
    const list = byMetric.get(r.metric) ?? [];
    list.push({
      postId: r.post_id,
      platformPostId: r.platform_post_id,
      publishedOn: r.published_on,
      postType: r.post_type,
      permalink: r.permalink,
      excerpt: r.excerpt,
      value,
    });
    byMetric.set(r.metric, list);
  }
  return base.flatMap((metric) => {
    const list = byMetric.get(metric);
    if (!list || list.length === 0) return [];
    return [rankedPosts(metric, list)];
  });
}

/** One metric's posts ranked: the best and the weakest RANKED posts by the metric's direction (annual reports use it too). */
export function rankedPosts(metric: string, list: readonly RankedPost[]): AccountDashboardOut['posts'][number] {
  const info = kpiMetric(metric);
  const lowerIsBetter = info?.higherIsBetter === false;
  // Ties: the newer post first, then the platform's id, so the order is stable.
  const tie = (a: RankedPost, b: RankedPost) => b.publishedOn.localeCompare(a.publishedOn) || a.platformPostId.localeCompare(b.platformPostId);
  const best = [...list].sort((a, b) => (lowerIsBetter ? a.value - b.value : b.value - a.value) || tie(a, b));
  const weakest = [...list].sort((a, b) => (lowerIsBetter ? b.value - a.value : a.value - b.value) || tie(a, b));
  return {
    metric,
    name: info?.name ?? { nb: metric, en: metric },
    unit: info?.unit ?? 'count',
    count: list.length,
    best: best.slice(0, RANKED),
    weakest: weakest.slice(0, RANKED),
  };
}
