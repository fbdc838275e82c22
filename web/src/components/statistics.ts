/**
 * Shared pieces of the statistics pages: metric and export-kind names in the interface language,
 * calendar days and months formatted for the locale (days are 'YYYY-MM-DD' strings, never shifted
 * by the browser's time zone), file sizes, and reading numbers typed the Norwegian way.
 */
import type { TFunction } from 'i18next';
import { getMetric } from '../../../src/core/metrics/catalogue.ts';
import { platformNames, type Platform } from '../../../src/core/platforms.ts';
import { currentLanguage, formatNumber, localeTag } from '../i18n/index.ts';

/** The catalogue name of a metric key in the current language (the key itself when unknown). */
export function metricName(key: string): string {
  return getMetric(key)?.name[currentLanguage()] ?? key;
}

export function platformName(platform: string | null | undefined): string {
  if (!platform) return '';
  return Object.hasOwn(platformNames, platform) ? platformNames[platform as Platform] : platform;
}

/** The kinds of export the importers recognise (src/importers, `kind`), by their translation key. */
const exportKinds = [
  'meta_posts',
  'meta_daily',
  'meta_audience',
  'facebook_legacy_posts',
  'linkedin_content',
  'linkedin_followers',
  'linkedin_visitors',
  'tiktok_overview',
  'tiktok_content',
  'tiktok_viewers',
  'tiktok_follower_history',
  'tiktok_follower_gender',
  'tiktok_follower_territories',
  'tiktok_follower_activity',
  'tiktok_business_overview',
  'youtube_table',
  'youtube_chart',
  'youtube_totals',
  'x_account_overview',
  'x_content',
  'x_tweet_activity',
  'maalbar_template',
] as const;
type ExportKind = (typeof exportKinds)[number];

/** "Overview (daily values)" for 'tiktok_overview'; an unknown kind is shown as it is. */
export function exportKindLabel(t: TFunction, kind: string | null | undefined): string {
  if (!kind) return '';
  return (exportKinds as readonly string[]).includes(kind) ? t(`exportKind.${kind as ExportKind}`) : kind;
}

function utcDate(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(day);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
}

/** A calendar day 'YYYY-MM-DD' as "31. okt. 2026" / "31 Oct 2026". */
export function formatDay(day: string | null | undefined, style: 'medium' | 'long' = 'medium'): string {
  if (!day) return '';
  const date = utcDate(day);
  if (!date) return day;
  return new Intl.DateTimeFormat(localeTag(), { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/** A month 'YYYY-MM' (or any day in it) as "oktober 2026" / "October 2026". */
export function formatMonth(month: string, short = false): string {
  const date = utcDate(month.slice(0, 7));
  if (!date) return month;
  return new Intl.DateTimeFormat(localeTag(), { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "1. mar. 2026 – 28. feb. 2027"; one day when both ends are the same; '' without dates. */
export function formatDayRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return '';
  if (!from || !to || from === to) return formatDay(from ?? to);
  return `${formatDay(from)} – ${formatDay(to)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, { maximumFractionDigits: 1 })} kB`;
  return `${formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
}

/** Today as 'YYYY-MM-DD' in the browser's own time zone (the day the person downloads on). */
export function todayLocal(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * A number as people type it: "1 234,5", "1234.5", "12,5", "1.234,5" → 1234.5. null when empty,
 * NaN when it is not a number (a letter, two decimal separators).
 */
export function parseDecimal(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  let normal = compact;
  if (compact.includes(',') && compact.includes('.')) {
    // The last separator is the decimal one; the other groups thousands.
    normal = compact.lastIndexOf(',') > compact.lastIndexOf('.') ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
  } else if (compact.includes(',')) {
    normal = (compact.match(/,/g) ?? []).length > 1 ? compact.replace(/,/g, '') : compact.replace(',', '.');
  } else if ((compact.match(/\./g) ?? []).length > 1) {
    normal = compact.replace(/\./g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normal)) return Number.NaN;
  return Number(normal);
}
