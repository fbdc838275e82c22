/**
 * Numbers, days and months for charts and their tables in bokmål or English, and the few fixed
 * words a chart needs (the rest arrives translated in the spec). Days are calendar days: formatted
 * in UTC so no time zone shifts them. Pure.
 */
import type { ChartLocale, ChartUnit } from './spec.ts';

export const chartLabels = {
  nb: {
    notMeasured: 'ikke målt',
    day: 'Dato',
    month: 'Måned',
    category: 'Kategori',
    lower: 'nedre',
    upper: 'øvre',
    inTarget: 'i målgruppen',
    yes: 'ja',
    no: 'nei',
  },
  en: {
    notMeasured: 'not measured',
    day: 'Date',
    month: 'Month',
    category: 'Category',
    lower: 'lower',
    upper: 'upper',
    inTarget: 'in the target group',
    yes: 'yes',
    no: 'no',
  },
} as const satisfies Record<ChartLocale, Record<string, string>>;

export function localeTag(locale: ChartLocale): string {
  return locale === 'en' ? 'en-GB' : 'nb-NO';
}

/**
 * 12 345,6 / 12,345.6 with the unit (12,5 % · 3 t · 120 kr); null → "ikke målt". A table shows up
 * to two decimals; an axis rounds large numbers and shortens from 10 000 (12k, 1,2 mill.).
 */
export function formatChartValue(value: number | null | undefined, unit: ChartUnit, locale: ChartLocale, style: 'table' | 'axis' = 'table'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return chartLabels[locale].notMeasured;
  const abs = Math.abs(value);
  const digits = style === 'table' || unit === 'percent' ? 2 : abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const options: Intl.NumberFormatOptions =
    style === 'axis' && abs >= 10_000 ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: digits };
  const n = new Intl.NumberFormat(localeTag(locale), options).format(value);
  switch (unit) {
    case 'percent':
      return `${n} %`;
    case 'hours':
      return locale === 'nb' ? `${n} t` : `${n} h`;
    case 'seconds':
      return `${n} s`;
    case 'nok':
      return locale === 'nb' ? `${n} kr` : `NOK ${n}`;
    default:
      return n;
  }
}

function utc(at: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(at);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1)) : null;
}

/** A day as "31. okt. 2026" / "31 Oct 2026", or "31.10" / "31 Oct" when short. */
export function formatChartDay(day: string, locale: ChartLocale, short = false): string {
  const d = utc(day);
  if (!d) return day;
  const options: Intl.DateTimeFormatOptions = short ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(localeTag(locale), options).format(d);
}

/** A month 'YYYY-MM' as "oktober 2026" / "October 2026", or "okt. 2026" / "Oct 2026" when short. */
export function formatChartMonth(month: string, locale: ChartLocale, short = false): string {
  const d = utc(month.slice(0, 7));
  if (!d) return month;
  return new Intl.DateTimeFormat(localeTag(locale), { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
