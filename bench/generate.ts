/**
 * Invented export files for the import benchmark: for each account a year of daily values of
 * about twenty metrics, as the files a reporter would download or fill in:
 *
 * - every account: the Målbar template CSV (long format, one value per row);
 * - TikTok accounts: in addition TikTok Studio's `Overview.csv` layout (year-less dates, one row
 *   per day: video views, profile views, likes, comments, shares), the template carrying the
 *   account's other metrics.
 *
 * The numbers are invented (a seeded PRNG: deterministic per account), nothing comes from real
 * exports. Besides the files the generator returns every value as a plain row, for the raw COPY
 * comparison and to check what the import stored.
 */
import { metricsForPlatform, getMetric } from '../src/core/metrics/catalogue.ts';
import { addDays } from '../src/core/period/days.ts';
import type { Platform } from '../src/core/platforms.ts';
import type { InputFile } from '../src/importers/types.ts';

/** How many accounts of each platform out of 500 (scaled for other counts). */
export const PLATFORM_MIX: readonly (readonly [Platform, number])[] = [
  ['facebook', 90],
  ['instagram', 110],
  ['linkedin', 60],
  ['tiktok', 60],
  ['youtube', 50],
  ['x', 40],
  ['threads', 40],
  ['snapchat', 50],
];

export const METRICS_PER_ACCOUNT = 20;
/** The metrics TikTok Studio's Overview.csv carries, in its column order. */
export const TIKTOK_OVERVIEW: readonly (readonly [string, string])[] = [
  ['views', 'Video Views'],
  ['profile_views', 'Profile Views'],
  ['likes', 'Likes'],
  ['comments', 'Comments'],
  ['shares', 'Shares'],
];

export interface BenchAccount {
  index: number;
  name: string;
  slug: string;
  platform: Platform;
  metrics: string[];
}

export interface BenchValue {
  metric: string;
  day: string;
  value: number;
}

/** The accounts: `count` of them, the platforms in PLATFORM_MIX's proportions. */
export function benchAccounts(count: number): BenchAccount[] {
  const total = PLATFORM_MIX.reduce((s, [, n]) => s + n, 0);
  const list: BenchAccount[] = [];
  // Largest-remainder split, then round-robin so a small run still has every platform.
  const quotas = PLATFORM_MIX.map(([p, n]) => ({ p, q: (n / total) * count }));
  const whole = quotas.map((x) => ({ p: x.p, n: Math.floor(x.q), r: x.q - Math.floor(x.q) }));
  let left = count - whole.reduce((s, x) => s + x.n, 0);
  for (const x of [...whole].sort((a, b) => b.r - a.r)) if (left-- > 0) x.n++;
  for (const { p, n } of whole) {
    for (let i = 0; i < n; i++) {
      const index = list.length;
      list.push({ index, platform: p, name: `Benchmark ${p} ${i + 1}`, slug: `bench-${p}-${i + 1}`, metrics: metricsOf(p) });
    }
  }
  return list;
}

/** Twenty metrics the platform provides (its own first, then web analytics and listening). */
function metricsOf(platform: Platform): string[] {
  const all = metricsForPlatform(platform).filter((m) => m.unit !== 'percent' && m.key !== 'net_followers');
  const own = all.filter((m) => m.source === 'platform').map((m) => m.key);
  const other = all.filter((m) => m.source !== 'platform').map((m) => m.key);
  const keys = [...own, ...other];
  if (platform === 'tiktok') {
    // The Overview file's five first, so every TikTok account has them.
    const overview = TIKTOK_OVERVIEW.map(([k]) => k);
    return [...overview, ...keys.filter((k) => !overview.includes(k))].slice(0, METRICS_PER_ACCOUNT);
  }
  return keys.slice(0, METRICS_PER_ACCOUNT);
}

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An invented value: a level per account and metric, a weekly rhythm and noise; hours with one decimal. */
function valueOf(account: BenchAccount, metric: string, dayIndex: number, rand: () => number, level: number): number {
  const weekly = 1 + 0.15 * Math.sin((dayIndex / 7) * 2 * Math.PI);
  const v = level * weekly * (0.7 + 0.6 * rand());
  const unit = getMetric(metric)?.unit;
  if (unit === 'hours' || unit === 'score') return Math.round(v * 10) / 10;
  if (metric === 'followers') return Math.round(level * (1 + dayIndex / 3650));
  return Math.round(v);
}

/**
 * The values of one account for `days` days ending `lastDay`; `revise` changes that share of
 * them (a newer export that corrected its numbers), seeded apart from the originals.
 */
export function accountValues(account: BenchAccount, firstDay: string, days: number, options: { revise?: number; seed?: number } = {}): BenchValue[] {
  const out: BenchValue[] = [];
  const base = prng(0x5eed + account.index * 7919);
  const levels = account.metrics.map(() => 10 + Math.floor(base() * 5000));
  const revise = options.revise ?? 0;
  const reviseRand = prng((options.seed ?? 1) * 104729 + account.index);
  for (let d = 0; d < days; d++) {
    const day = addDays(firstDay, d);
    const dayIndex = daysSinceEpoch(day);
    const rand = prng(account.index * 1_000_003 + dayIndex);
    account.metrics.forEach((metric, i) => {
      let value = valueOf(account, metric, dayIndex, rand, levels[i]!);
      if (revise > 0 && reviseRand() < revise) value = Math.round(value * 1.03 + 1);
      out.push({ metric, day, value });
    });
  }
  return out;
}

function daysSinceEpoch(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The Målbar template CSV for the values (full header, `\n` or `\r\n` line ends). */
export function templateFile(name: string, platform: Platform, values: readonly BenchValue[], eol = '\n'): InputFile {
  const lines = ['date,month,metric,value,platform,post_id,post_date,post_url,post_text,note'];
  for (const v of values) lines.push(`${v.day},,${v.metric},${v.value},${platform},,,,,`);
  return { name, bytes: new TextEncoder().encode(lines.join(eol) + eol) };
}

/** TikTok Studio Overview.csv for the values of its five metrics (oldest first, year-less dates). */
export function tiktokOverviewFile(name: string, values: readonly BenchValue[], eol = '\n'): InputFile {
  const byDay = new Map<string, Map<string, number>>();
  for (const v of values) {
    let row = byDay.get(v.day);
    if (!row) byDay.set(v.day, (row = new Map()));
    row.set(v.metric, v.value);
  }
  const lines = [['Date', ...TIKTOK_OVERVIEW.map(([, h]) => h)].map((c) => `"${c}"`).join(',')];
  for (const day of [...byDay.keys()].sort()) {
    const [, m, d] = day.split('-').map(Number) as [number, number, number];
    const row = byDay.get(day)!;
    lines.push([`${MONTHS[m - 1]} ${d}`, ...TIKTOK_OVERVIEW.map(([k]) => String(row.get(k) ?? ''))].map((c) => `"${c}"`).join(','));
  }
  return { name, bytes: new TextEncoder().encode(lines.join(eol) + eol) };
}

/** The export files of one account for the values: the Overview for TikTok's five, the template for the rest. */
export function accountFiles(account: BenchAccount, values: readonly BenchValue[], label: string, eol = '\n'): InputFile[] {
  if (account.platform !== 'tiktok') return [templateFile(`${account.slug}-${label}.csv`, account.platform, values, eol)];
  const overview = new Set(TIKTOK_OVERVIEW.map(([k]) => k));
  return [
    tiktokOverviewFile(`Overview-${account.slug}-${label}.csv`, values.filter((v) => overview.has(v.metric)), eol),
    templateFile(`${account.slug}-${label}.csv`, account.platform, values.filter((v) => !overview.has(v.metric)), eol),
  ];
}

/**
 * Three posts a week for a year from `postFrom`, each read a week after publication (or on its
 * day, when that week is not over by `today`) for the account's first three metrics: CSV rows for
 * COPY into posts (id, organisation_id, account_id, platform_post_id, published_on, post_type)
 * and observations (organisation_id, account_id, metric, day, post_id, value, source).
 */
export function postRows(account: BenchAccount, organisationId: string, accountId: string, postFrom: string, today: string): { posts: string; readings: string; count: number } {
  const posts: string[] = [];
  const readings: string[] = [];
  for (let d = 0, n = 0; d < 365; d += d % 7 === 4 ? 3 : 2, n++) {
    const day = addDays(postFrom, d);
    const postId = crypto.randomUUID();
    posts.push(`${postId},${organisationId},${accountId},post-${account.index}-${n},${day},image\n`);
    const readOn = addDays(day, 7) < today ? addDays(day, 7) : day;
    account.metrics.slice(0, 3).forEach((metric, m) => {
      readings.push(`${organisationId},${accountId},${metric},${readOn},${postId},${(account.index * 31 + n * 17 + m * 7) % 997},import\n`);
    });
  }
  return { posts: posts.join(''), readings: readings.join(''), count: readings.length };
}
