/**
 * An index over documented statistics for quick lookups by metric and day, by post, and of
 * audience snapshots. Rules:
 * - account-level observations: one value per metric and day; when the same metric and day
 *   come twice, the later one in the input wins (the caller passes them in import order);
 * - post-level observations (`postId` set) are merged into the posts, dated by the post's
 *   publication day (a PostRecord's `date`, or the observation's date when the post is not
 *   otherwise known); values of a PostRecord are overridden by later observations;
 * - non-finite values are ignored: they are not measurements;
 * - 'engagements' is read as documented, or else computed per day or post from its parts by the
 *   platform's rule (metrics/engagement.ts).
 */
import { engagementRules, engagementsOf } from '../metrics/engagement.ts';
import type { Platform } from '../platforms.ts';
import { type Day, addDays, compareDays, eachDay } from '../period/days.ts';
import { type Period, contains, periodLength } from '../period/periods.ts';
import type { AudienceSnapshot, Statistics, TraceItem } from './types.ts';

export interface PostEntry {
  id: string;
  date: Day;
  metrics: Map<string, TraceItem>;
}

export interface Dataset {
  daily: Map<string, Map<Day, TraceItem>>;
  posts: PostEntry[];
  audience: AudienceSnapshot[];
}

export interface DayValue {
  date: Day;
  value: number;
  used: TraceItem[];
}

/** How far back a follower count may be taken for "followers on the day posted" or at a period's start. */
export const FOLLOWER_LOOKBACK_DAYS = 31;

export function indexStatistics(stats: Statistics): Dataset {
  const daily = new Map<string, Map<Day, TraceItem>>();
  const posts = new Map<string, PostEntry>();
  for (const p of stats.posts ?? []) {
    const entry: PostEntry = { id: p.id, date: p.date, metrics: new Map() };
    for (const [metric, value] of Object.entries(p.metrics)) {
      if (Number.isFinite(value)) entry.metrics.set(metric, { metric, date: p.date, value, postId: p.id });
    }
    posts.set(p.id, entry);
  }
  for (const o of stats.observations) {
    if (!Number.isFinite(o.value)) continue;
    if (o.postId !== undefined) {
      let entry = posts.get(o.postId);
      if (!entry) {
        entry = { id: o.postId, date: o.date, metrics: new Map() };
        posts.set(o.postId, entry);
      }
      entry.metrics.set(o.metric, { metric: o.metric, date: entry.date, value: o.value, postId: o.postId });
      continue;
    }
    let byDay = daily.get(o.metric);
    if (!byDay) {
      byDay = new Map();
      daily.set(o.metric, byDay);
    }
    byDay.set(o.date, { metric: o.metric, date: o.date, value: o.value });
  }
  const sortedPosts = [...posts.values()].sort((a, b) => compareDays(a.date, b.date) || a.id.localeCompare(b.id));
  const audience = [...(stats.audience ?? [])].sort((a, b) => compareDays(a.date, b.date));
  return { daily, posts: sortedPosts, audience };
}

/** A metric's value on one day, computing engagements from parts when not documented as such. */
export function dayValue(ds: Dataset, metric: string, day: Day, platform: Platform): DayValue | null {
  const direct = ds.daily.get(metric)?.get(day);
  if (direct) return { date: day, value: direct.value, used: [direct] };
  if (metric !== 'engagements') return null;
  const rule = engagementRules[platform];
  const parts: Record<string, number> = {};
  const used: TraceItem[] = [];
  for (const key of [...rule.required, ...rule.optional]) {
    const item = ds.daily.get(key)?.get(day);
    if (item) {
      parts[key] = item.value;
      used.push(item);
    }
  }
  const value = engagementsOf(platform, parts);
  return value === null ? null : { date: day, value, used };
}

/** Days in the window with a documented value of the metric, in order. */
export function documentedDays(ds: Dataset, metric: string, window: Period, platform: Platform): DayValue[] {
  const candidates = new Set<Day>();
  const sources = metric === 'engagements' ? ['engagements', ...engagementRules[platform].required] : [metric];
  const length = periodLength(window);
  for (const source of sources) {
    const byDay = ds.daily.get(source);
    if (!byDay) continue;
    // Walk whichever is shorter: the window's days or the metric's documented days.
    if (length < byDay.size) {
      for (const day of eachDay(window.start, window.end)) if (byDay.has(day)) candidates.add(day);
    } else {
      for (const day of byDay.keys()) if (contains(window, day)) candidates.add(day);
    }
  }
  const out: DayValue[] = [];
  for (const day of [...candidates].sort(compareDays)) {
    const v = dayValue(ds, metric, day, platform);
    if (v) out.push(v);
  }
  return out;
}

/** The last documented value on or before `day`, not earlier than `notBefore`. */
export function latestOnOrBefore(
  ds: Dataset,
  metric: string,
  day: Day,
  notBefore: Day,
  platform: Platform,
): DayValue | null {
  const days = documentedDays(ds, metric, { start: notBefore, end: day }, platform);
  return days.at(-1) ?? null;
}

/** The follower count on a day: that day's, or the latest within the lookback before it. */
export function followersOn(ds: Dataset, day: Day, platform: Platform): DayValue | null {
  return latestOnOrBefore(ds, 'followers', day, addDays(day, -FOLLOWER_LOOKBACK_DAYS), platform);
}

export function postsIn(ds: Dataset, window: Period): PostEntry[] {
  return ds.posts.filter((p) => contains(window, p.date));
}

/** A base metric's value for one post (engagements from parts by the platform's rule). */
export function postValue(post: PostEntry, metric: string, platform: Platform): DayValue | null {
  const direct = post.metrics.get(metric);
  if (direct) return { date: post.date, value: direct.value, used: [direct] };
  if (metric !== 'engagements') return null;
  const parts: Record<string, number> = {};
  const used: TraceItem[] = [];
  for (const [key, item] of post.metrics) {
    parts[key] = item.value;
    if (engagementRules[platform].required.includes(key) || engagementRules[platform].optional.includes(key)) {
      used.push(item);
    }
  }
  const value = engagementsOf(platform, parts);
  return value === null ? null : { date: post.date, value, used };
}
