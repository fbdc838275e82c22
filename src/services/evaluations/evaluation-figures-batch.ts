/**
 * The figures of many monthly evaluations at once (one account's year of months, or many
 * accounts' one month): exactly what evaluationFigures returns for each request, with the reads
 * shared. evaluationFigures reads each account's goals, two statistics windows, the audience
 * snapshot, the documented runs and the history-window overrides per call (about 20 ms on the
 * demo); here each is read once for all requests (the statistics once per account, over the
 * union of the windows the months need, then cut to each window as loadStatistics would read
 * it; the posts' readings once per account, ranked per month as rankPosts ranks them).
 * No authorisation here: the caller has decided the accounts may be read.
 */
import { and, asc, eq, inArray, sql, between } from 'drizzle-orm';
import type { EvaluationFigures } from '../../contract/evaluations.ts';
import { AppError } from '../../core/errors.ts';
import { indexStatistics, type Dataset } from '../../core/kpi/dataset.ts';
import type { Observation, Statistics } from '../../core/kpi/types.ts';
import { compareDays, type Day, maxDay, minDay } from '../../core/period/days.ts';
import type { AgeGroup } from '../../core/platforms.ts';
import type { Db } from '../../db/client.ts';
import { accounts, audienceSnapshots, posts } from '../../db/schema/index.ts';
import { loadWindowOverrides } from '../coverage/history-window-rows.ts';
import { cachedDocumentedRuns } from '../dashboards/due-watch.ts';
import { rankedPosts } from '../dashboards/post-rankings.ts';
import type { RankedPost } from '../../contract/overview.ts';
import { getMetric } from '../../core/metrics/catalogue.ts';
import { assembleFigures, figuresPeriod, type FiguresAccount } from './evaluation-figures.ts';
import { type EvaluationMemo, goalsOfAccounts, kpiFiguresFrom, kpiGoals, rankedMetrics, ranDuring, statisticsWindowOf, type StatisticsWindow } from './evaluation-figures-kpis.ts';

export interface FiguresRequest {
  account: FiguresAccount;
  /** 'YYYY-MM' */
  month: string;
  /** When the figures are computed (as evaluationFigures' `now`: signing time, or now for a draft). */
  now: Date;
}

interface ObservationRow {
  metric: string;
  day: Day;
  value: number;
  platformPostId: string | null;
  publishedOn: Day | null;
}

/** One account's statistics over the union of windows, kept so that any window inside can be cut out as loadStatistics reads it. */
interface Loaded {
  observations: ObservationRow[];
  posts: { platformPostId: string; publishedOn: Day }[];
  audience: { day: Day; distribution: Record<string, unknown> | null }[];
}

const within = (day: Day, from: Day, to: Day) => compareDays(day, from) >= 0 && compareDays(day, to) <= 0;

/** The statistics loadStatistics(db, org, [account], w.from, w.to, w.metrics) returns, cut from a wider read. */
function cut(loaded: Loaded, w: StatisticsWindow): Statistics {
  const metrics = w.metrics ? new Set(w.metrics) : null;
  const obs: Observation[] = [];
  for (const o of loaded.observations) {
    if (metrics && !metrics.has(o.metric)) continue;
    if (o.platformPostId !== null && o.publishedOn !== null) {
      if (within(o.publishedOn, w.from, w.to) && compareDays(o.day, w.to) <= 0) obs.push({ metric: o.metric, date: o.publishedOn, value: o.value, postId: o.platformPostId });
    } else if (within(o.day, w.from, w.to)) {
      obs.push({ metric: o.metric, date: o.day, value: o.value });
    }
  }
  return {
    observations: obs,
    posts: loaded.posts.filter((p) => within(p.publishedOn, w.from, w.to)).map((p) => ({ id: p.platformPostId, date: p.publishedOn, metrics: {} })),
    audience: loaded.audience
      .filter((a) => within(a.day, w.from, w.to))
      .map((a) => {
        const distribution: Partial<Record<AgeGroup, number>> = {};
        for (const [group, value] of Object.entries(a.distribution ?? {})) {
          if (typeof value === 'number' && Number.isFinite(value)) distribution[group as AgeGroup] = value;
        }
        return { date: a.day, distribution };
      }),
  };
}

/** Each account's statistics over the union of its windows (one read per table per account). */
async function loadUnion(db: Db, organisationId: string, accountId: string, windows: readonly StatisticsWindow[]): Promise<Loaded> {
  const from = windows.map((w) => w.from).reduce(minDay);
  const to = windows.map((w) => w.to).reduce(maxDay);
  const all = windows.some((w) => w.metrics === null);
  const metrics = all ? null : [...new Set(windows.flatMap((w) => w.metrics ?? []))];
  // One row with the values as JSON (PGlite pays per result row; thousands of values per account).
  const metricFilter = metrics ? (metrics.length > 0 ? sql`and o.metric = any(${`{${metrics.join(',')}}`}::text[])` : sql`and false`) : sql``;
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(o.metric, o.day, o.value, p.platform_post_id, p.published_on) order by o.day, o.created_at), '[]')::text as values
    from observations o left join posts p on p.id = o.post_id
    where o.organisation_id = ${organisationId}::uuid and o.account_id = ${accountId}::uuid ${metricFilter}
      and ((o.post_id is null and o.day between ${from}::date and ${to}::date)
        or (o.post_id is not null and p.published_on between ${from}::date and ${to}::date and o.day <= ${to}::date))`);
  const [row] = (result as unknown as { rows: { values: string }[] }).rows;
  const obs = (JSON.parse(row?.values ?? '[]') as [string, Day, number, string | null, Day | null][]).map(
    ([metric, day, value, platformPostId, publishedOn]): ObservationRow => ({ metric, day, value, platformPostId, publishedOn }),
  );
  const postRows = await db
    .select({ platformPostId: posts.platformPostId, publishedOn: posts.publishedOn })
    .from(posts)
    .where(and(eq(posts.organisationId, organisationId), eq(posts.accountId, accountId), between(posts.publishedOn, from, to)))
    .orderBy(asc(posts.publishedOn));
  const audience = await db
    .select({ day: audienceSnapshots.day, distribution: audienceSnapshots.ageDistribution })
    .from(audienceSnapshots)
    .where(and(eq(audienceSnapshots.organisationId, organisationId), eq(audienceSnapshots.accountId, accountId), between(audienceSnapshots.day, from, to)))
    .orderBy(asc(audienceSnapshots.day));
  return { observations: obs, posts: postRows, audience: audience as Loaded['audience'] };
}

/** Every snapshot of the accounts up to `until`, newest first per account (for the newest on or before any day). */
async function snapshotsUntil(db: Db, organisationId: string, accountIds: readonly string[], until: Day) {
  const out = new Map<string, { day: string; age_distribution: Record<string, number> }[]>();
  if (accountIds.length === 0) return out;
  const result = await db.execute(sql`
    select account_id::text as account_id, day::text as day, age_distribution
    from audience_snapshots
    where organisation_id = ${organisationId}::uuid and account_id = any(${`{${accountIds.join(',')}}`}::uuid[]) and day <= ${until}::date
    order by account_id, day desc`);
  for (const r of (result as unknown as { rows: { account_id: string; day: string; age_distribution: Record<string, number> | string }[] }).rows) {
    const dist = typeof r.age_distribution === 'string' ? (JSON.parse(r.age_distribution) as Record<string, number>) : r.age_distribution;
    const list = out.get(r.account_id) ?? [];
    list.push({ day: r.day, age_distribution: dist });
    out.set(r.account_id, list);
  }
  return out;
}

interface PostReading {
  metric: string;
  post_id: string;
  value: number | string;
  day: string;
  platform_post_id: string;
  published_on: string;
  post_type: string | null;
  permalink: string | null;
  excerpt: string | null;
}

/** Every reading of the metrics of the account's posts published in [from, to], read up to `until`; newest first per metric and post. */
async function readPostReadings(db: Db, organisationId: string, accountId: string, metrics: readonly string[], from: Day, to: Day, until: Day) {
  const out = new Map<string, Map<string, PostReading[]>>();
  if (metrics.length === 0) return out;
  const result = await db.execute(sql`
    select o.metric, o.post_id::text as post_id, o.value, o.day::text as day, p.platform_post_id,
           p.published_on::text as published_on, p.post_type, p.permalink, p.excerpt
    from posts p
    join observations o on o.account_id = p.account_id and o.post_id = p.id
    where p.organisation_id = ${organisationId}::uuid and p.account_id = ${accountId}::uuid
      and p.published_on between ${from}::date and ${to}::date
      and o.metric = any(${`{${metrics.join(',')}}`}::text[]) and o.day <= ${until}::date
    order by o.metric, o.post_id, o.day desc, o.updated_at desc`);
  for (const r of (result as unknown as { rows: PostReading[] }).rows) {
    let byPost = out.get(r.metric);
    if (!byPost) out.set(r.metric, (byPost = new Map()));
    const list = byPost.get(r.post_id) ?? [];
    list.push(r);
    byPost.set(r.post_id, list);
  }
  return out;
}

/** What rankPosts(db, org, account, metrics, period, asOf) returns, from the readings read once. */
function rankFrom(readings: Map<string, Map<string, PostReading[]>>, metrics: readonly string[], period: { start: Day; end: Day }, asOf: Day): EvaluationFigures['posts'] {
  const base = [...new Set(metrics)].filter((m) => getMetric(m) !== undefined).sort();
  return base.flatMap((metric) => {
    const list: RankedPost[] = [];
    for (const posts of readings.get(metric)?.values() ?? []) {
      // The post's latest reading up to asOf (newest first); skipped, as rankPosts skips it, when not a number.
      const r = posts.find((x) => compareDays(x.day, asOf) <= 0);
      if (!r || !within(r.published_on, period.start, period.end)) continue;
      const value = Number(r.value);
      if (!Number.isFinite(value)) continue;
      list.push({ postId: r.post_id, platformPostId: r.platform_post_id, publishedOn: r.published_on, postType: r.post_type, permalink: r.permalink, excerpt: r.excerpt, value });
    }
    return list.length === 0 ? [] : [rankedPosts(metric, list)];
  });
}

/** The figures of every request, in the requests' order; each deep-equals evaluationFigures(db, org, account, month, now). */
export async function evaluationFiguresBatch(db: Db, organisationId: string, requests: readonly FiguresRequest[]): Promise<EvaluationFigures[]> {
  if (requests.length === 0) return [];
  const periods = requests.map((r) => figuresPeriod(r.month, r.now));
  const ids = [...new Set(requests.map((r) => r.account.id))];
  const rows = await db.select().from(accounts).where(and(eq(accounts.organisationId, organisationId), inArray(accounts.id, ids)));
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  if (rowOf.size !== ids.length) throw new AppError('not_found', 'No such account.');

  const latest = requests.map((r) => r.now).reduce((a, b) => (a.getTime() >= b.getTime() ? a : b));
  const goalsOf = await goalsOfAccounts(db, organisationId, ids);
  const runs = await cachedDocumentedRuns(db, organisationId, rows, latest);
  const overrides = await loadWindowOverrides(db, organisationId);
  const snapshots = await snapshotsUntil(db, organisationId, ids, periods.map((p) => p.asOf).reduce(maxDay));

  // What each request evaluates, and the statistics windows it needs.
  const plans = requests.map((r, i) => {
    const p = periods[i]!;
    const bundles = (goalsOf.get(r.account.id) ?? []).filter((b) => ranDuring(b.goal, p));
    const { withKpis, startedBefore } = kpiGoals(bundles, p.previousAsOf);
    const now = withKpis.length > 0 ? statisticsWindowOf(r.account, withKpis, p.asOf) : null;
    const before = withKpis.length > 0 && startedBefore.length > 0 ? statisticsWindowOf(r.account, startedBefore, p.previousAsOf) : null;
    return { bundles, withKpis, startedBefore, now, before };
  });

  // One account at a time: its statistics read once over the union of its windows, each window's
  // dataset indexed once (the month before's window is often the previous month's), then dropped.
  const out: EvaluationFigures[] = new Array(requests.length);
  for (const id of ids) {
    const mine = requests.flatMap((r, i) => (r.account.id === id ? [i] : []));
    const windows = mine.flatMap((i) => [plans[i]!.now, plans[i]!.before].filter((w): w is StatisticsWindow => w !== null));
    const loaded = windows.length > 0 ? await loadUnion(db, organisationId, id, windows) : null;
    const datasets = new Map<string, Dataset>();
    const memo: EvaluationMemo = new WeakMap();
    const datasetOf = (w: StatisticsWindow | null): Dataset => {
      const key = w === null ? 'none' : `${w.from}|${w.to}|${w.metrics?.join(',') ?? '*'}`;
      let ds = datasets.get(key);
      if (!ds) {
        ds = indexStatistics(w === null || !loaded ? { observations: [], posts: [], audience: [] } : cut(loaded, w));
        datasets.set(key, ds);
      }
      return ds;
    };
    // The posts' readings over all its months (each month's best and weakest posts are cut from them).
    const metrics = [...new Set(mine.flatMap((i) => rankedMetrics(plans[i]!.bundles)))].filter((m) => getMetric(m) !== undefined).sort();
    const readings = await readPostReadings(
      db,
      organisationId,
      id,
      metrics,
      mine.map((i) => periods[i]!.start).reduce(minDay),
      mine.map((i) => periods[i]!.end).reduce(maxDay),
      mine.map((i) => periods[i]!.asOf).reduce(maxDay),
    );
    for (const i of mine) {
      const r = requests[i]!;
      const p = periods[i]!;
      const plan = plans[i]!;
      const kpis =
        plan.withKpis.length === 0
          ? []
          : kpiFiguresFrom(r.account, plan.withKpis, datasetOf(plan.now), plan.startedBefore.length > 0 ? datasetOf(plan.before) : null, p.asOf, p.previousAsOf, memo);
      const snapshot = (snapshots.get(id) ?? []).find((s) => compareDays(s.day, p.asOf) <= 0) ?? null;
      const posts = rankFrom(readings, rankedMetrics(plan.bundles), { start: p.start, end: p.end }, p.asOf);
      out[i] = assembleFigures({ month: r.month, now: r.now, account: r.account, row: rowOf.get(id)!, kpis, snapshot, documented: runs.get(id) ?? [], overrides, posts });
    }
  }
  return out;
}
