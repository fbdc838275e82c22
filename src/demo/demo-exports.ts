/**
 * The demo's statistics as the files a reporter would import: the invented values of
 * demo-statistics.ts written out as export files, so the demo documents them through the same
 * import code as real users (importFiles), and its import history shows people and files.
 *
 * - Every account: the Målbar CSV template (maalbar-template.ts), one value per row, with its
 *   posts (`post_id`, `post_date`, `post_text`) and their per-post values. A post without values
 *   (older than POST_VALUES_DAYS) is listed with an empty value: "not measured", never 0.
 * - TikTok accounts: TikTok Studio's `Overview.csv` layout (year-less days, oldest first, at most
 *   365 days) for the daily video views, likes, comments and shares of the last year; the
 *   template carries the rest.
 * - X accounts: the account overview layout (`account_overview_analytics.csv`, newest first,
 *   `Tue, Feb 18, 2025` dates) for daily impressions, likes, replies, reposts and bookmarks.
 * - Facebook and Instagram: each audience snapshot as a Meta `Audience.csv` (UTF-16, `sep=,`,
 *   an `Age & gender` block; each age group's share split between two gender columns that add
 *   up to it), imported with the snapshot's day as the download day. Other
 *   platforms' snapshots have no export layout here and are returned to be recorded directly.
 *
 * Columns of a native layout the demo has no values for are left empty (not measured). The
 * values are exactly those of generateStatistics (demo-exports.test.ts reads the files back).
 * Pure and deterministic.
 */
import { platformProvides } from '../core/metrics/catalogue.ts';
import type { Day } from '../core/period/days.ts';
import type { AgeGroup, Platform } from '../core/platforms.ts';
import type { InputFile } from '../importers/types.ts';
import type { DemoStatistics } from './demo-statistics.ts';

export interface DemoExport {
  /** The files of one import (imported together, with `lastDay` as the download day). */
  files: InputFile[];
  lastDay: Day;
}

export interface DemoExports {
  /** In import order. */
  imports: DemoExport[];
  /** Audience snapshots no export layout carries (recorded through recordObservations). */
  audience: DemoStatistics['audience'];
}

const TEMPLATE_HEADER = 'date,month,metric,value,platform,post_id,post_date,post_url,post_text,note';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** TikTok Studio Overview.csv: the metric behind each column ('' = a column the demo leaves empty). */
const TIKTOK_OVERVIEW: readonly (readonly [string, string])[] = [
  ['Video Views', 'views'],
  ['Profile Views', ''],
  ['Likes', 'likes'],
  ['Comments', 'comments'],
  ['Shares', 'shares'],
];
/** X account overview (a subset of its columns, in its order). */
const X_OVERVIEW: readonly (readonly [string, string])[] = [
  ['Impressions', 'impressions'],
  ['Likes', 'likes'],
  ['Engagements', ''],
  ['Bookmarks', 'saves'],
  ['Shares', ''],
  ['New follows', ''],
  ['Unfollows', ''],
  ['Replies', 'comments'],
  ['Reposts', 'shares'],
  ['Profile visits', ''],
];

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const encode = (text: string) => new TextEncoder().encode(text);
/** UTF-16 LE with a byte order mark, as Meta Business Suite writes its CSV files. */
function utf16(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
}

function dayParts(day: Day): { y: number; m: number; d: number; weekday: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/** A daily layout: one row per day, the columns' values (empty where the demo has none). */
function dailyTable(
  values: Map<string, Map<string, number>>,
  days: readonly Day[],
  columns: readonly (readonly [string, string])[],
  dateCell: (day: Day) => string,
): string {
  const lines = [['Date', ...columns.map(([h]) => h)].map((c) => `"${c}"`).join(',')];
  for (const day of days) {
    const row = values.get(day);
    lines.push([dateCell(day), ...columns.map(([, metric]) => (metric && row?.has(metric) ? String(row.get(metric)) : ''))].map((c) => `"${c}"`).join(','));
  }
  return lines.join('\n') + '\n';
}

function audienceFile(distribution: Partial<Record<AgeGroup, number>>, index: number): InputFile {
  const lines = ['sep=,', '"Age & gender"', '"","Women","Men"'];
  // Each age group's share split between two columns with two decimals (their sum is the share,
  // which the importer adds up again), a little differently in each snapshot: two snapshots of
  // an unchanged audience would otherwise be the same file, and the same file is imported once.
  const women = 0.52 + 0.01 * (index % 7);
  const two = (n: number) => Math.round(n * 100) / 100;
  for (const [group, share] of Object.entries(distribution) as [AgeGroup, number][]) {
    const w = two(share * women);
    lines.push(`"${group}","${w}","${two(share - w)}"`);
  }
  return { name: 'Audience.csv', bytes: utf16(lines.join('\n') + '\n') };
}

/**
 * The export files for one account's statistics, `today` being the demo's today (the download
 * day of the account-level files).
 */
export function demoExports(slug: string, platform: Platform, stats: DemoStatistics, today: Day): DemoExports {
  // Daily account-level values by day and metric, for the native layouts.
  const daily = new Map<string, Map<string, number>>();
  for (const o of stats.observations) {
    if (o.postId) continue;
    let row = daily.get(o.date);
    if (!row) daily.set(o.date, (row = new Map()));
    row.set(o.metric, o.value);
  }
  const documented = [...daily.keys()].sort();
  /** The days on which the platform's own layout has a value (values from outside it, such as mentions, are not in it). */
  const daysWith = (columns: readonly (readonly [string, string])[]) => documented.filter((day) => columns.some(([, m]) => m && daily.get(day)?.has(m)));
  const nativeFiles: InputFile[] = [];
  /** metric|day of values a native file carries. */
  const inNative = new Set<string>();
  const take = (days: readonly Day[], columns: readonly (readonly [string, string])[]) => {
    for (const day of days) for (const [, metric] of columns) if (metric && daily.get(day)?.has(metric)) inNative.add(`${metric}|${day}`);
  };
  const tiktokDays = platform === 'tiktok' ? daysWith(TIKTOK_OVERVIEW) : [];
  if (tiktokDays.length > 0) {
    // TikTok Studio keeps 365 days: the last year of the history, oldest first, without years.
    const days = tiktokDays.slice(-365);
    nativeFiles.push({
      name: 'Overview.csv',
      bytes: encode(dailyTable(daily, days, TIKTOK_OVERVIEW, (day) => `${MONTHS[dayParts(day).m - 1]} ${dayParts(day).d}`)),
    });
    take(days, TIKTOK_OVERVIEW);
  }
  const xDays = platform === 'x' ? daysWith(X_OVERVIEW) : [];
  if (xDays.length > 0) {
    const days = [...xDays].reverse(); // newest first
    nativeFiles.push({
      name: 'account_overview_analytics.csv',
      bytes: encode(
        dailyTable(daily, days, X_OVERVIEW, (day) => {
          const p = dayParts(day);
          return `${WEEKDAYS[p.weekday]}, ${MONTHS[p.m - 1]!.slice(0, 3)} ${p.d}, ${p.y}`;
        }),
      ),
    });
    take(days, X_OVERVIEW);
  }

  // The template: every value no native file carries, posts with their per-post values.
  const lines = [TEMPLATE_HEADER];
  const posts = new Map(stats.posts.map((p) => [p.platformPostId, p]));
  const listed = new Set<string>();
  const row = (date: string, metric: string, value: string, postId = '') => {
    let post = ',,,';
    if (postId && !listed.has(postId)) {
      const p = posts.get(postId)!;
      post = `${csvCell(postId)},${p.date},,${csvCell(p.excerpt)}`;
      listed.add(postId);
    } else if (postId) post = `${csvCell(postId)},,,`;
    lines.push(`${date},,${metric},${value},${platform},${post},`);
  };
  for (const o of stats.observations) {
    if (!o.postId && inNative.has(`${o.metric}|${o.date}`)) continue;
    row(o.date, o.metric, String(o.value), o.postId);
  }
  // Posts without values (published before per-post values were documented): listed, not measured.
  const listing = platformProvides(platform, 'reach') ? 'reach' : 'comments';
  for (const p of stats.posts) if (!listed.has(p.platformPostId)) row(p.date, listing, '', p.platformPostId);
  const first = documented[0] ?? today;
  const last = documented.at(-1) ?? today;
  const template: InputFile = { name: `${slug}-${first}-${last}.csv`, bytes: encode(lines.join('\n') + '\n') };

  const imports: DemoExport[] = [{ files: [template, ...nativeFiles], lastDay: today }];
  const meta = platform === 'facebook' || platform === 'instagram';
  (meta ? stats.audience : []).forEach((a, i) => imports.push({ files: [audienceFile(a.ageDistribution, i)], lastDay: a.date }));
  return { imports, audience: meta ? [] : stats.audience };
}
