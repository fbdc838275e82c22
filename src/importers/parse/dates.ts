/**
 * Dates as exports write them, to 'YYYY-MM-DD' in the export's own time (never shifted by a
 * time zone: `2025-01-01T01:00:00` and `2025-04-14T00:00:00+02:00` are taken as written):
 * ISO with or without time and offset (`2017-04-04 00:00 +0000`), `MM/DD/YYYY` with time and
 * AM/PM, `DD.MM.YYYY` and `DD-MM-YYYY`, month names in English, bokmål and a few neighbours
 * (`Sat, Aug 15, 2026`, `Aug 28, 2025`, `28. februar 2025`), and dates without a year
 * (`February 28`, `28. februar`) which resolveYearless places in years. Pure.
 */
import { ImportError } from '../errors.ts';
import type { CellContext } from './numbers.ts';

/** Order of day and month in numeric dates with the year last. */
export type DayOrder = 'mdy' | 'dmy';

export interface DateOptions {
  /**
   * For `NN/NN/YYYY`, `NN-NN-YYYY`, `NN.NN.YYYY`. Default: 'mdy' for `/` (US exports), 'dmy'
   * for `.` and `-`. Use guessDayOrder over a whole column when a file may be either.
   */
  order?: DayOrder;
}

export interface DateTime {
  date: string;
  /** 'HH:MM:SS' (24 h) when the value has a time. */
  time?: string;
}

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['jan', 'january', 'januar', 'januari', 'janv', 'janvier', 'enero', 'ene']],
  [2, ['feb', 'february', 'februar', 'februari', 'févr', 'fevr', 'février', 'febrero']],
  [3, ['mar', 'march', 'mars', 'marts', 'märz', 'marzo', 'mär']],
  [4, ['apr', 'april', 'avr', 'avril', 'abril', 'abr']],
  [5, ['may', 'mai', 'maj', 'mayo']],
  [6, ['jun', 'june', 'juni', 'juin', 'junio']],
  [7, ['jul', 'july', 'juli', 'juil', 'juillet', 'julio']],
  [8, ['aug', 'august', 'augusti', 'août', 'aout', 'agosto', 'ago']],
  [9, ['sep', 'sept', 'september', 'septembre', 'septiembre']],
  [10, ['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre']],
  [11, ['nov', 'november', 'novembre', 'noviembre']],
  [12, ['dec', 'december', 'des', 'desember', 'dezember', 'dez', 'décembre', 'diciembre', 'dic']],
];
for (const [n, names] of monthNames) for (const name of names) MONTHS[name] = n;

const WEEKDAYS = new Set(
  'mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday man mandag tir tirsdag ons onsdag tor torsdag fre fredag lør lørdag søn søndag'.split(' '),
);

/** The month (1–12) for a month name or abbreviation in the languages above, else null. */
export function monthFromName(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number, ctx: CellContext, raw: string): string {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ImportError(ctx, `"${raw}" is not a valid date`);
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function clock(h: string, m: string, s: string | undefined, ampm: string | undefined, ctx: CellContext, raw: string): string {
  let hour = Number(h);
  if (ampm) {
    if (hour < 1 || hour > 12) throw new ImportError(ctx, `"${raw}" has an invalid time`);
    const pm = ampm.toLowerCase() === 'pm';
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (hour > 23 || Number(m) > 59 || Number(s ?? 0) > 59) throw new ImportError(ctx, `"${raw}" has an invalid time`);
  return `${pad(hour)}:${m}:${s ?? '00'}`;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ ,T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?$/;
const TIME_TOKEN = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Parses a dated value; throws ImportError for anything that is not a date with a year. */
export function parseDateTime(raw: string, ctx: CellContext, options: DateOptions = {}): DateTime {
  const s = raw.trim();
  if (s === '') throw new ImportError(ctx, 'the date is missing');
  let m = ISO.exec(s);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]), ctx, raw);
    return m[4] ? { date, time: clock(m[4], m[5]!, m[6], undefined, ctx, raw) } : { date };
  }
  m = NUMERIC.exec(s);
  if (m) {
    const order = options.order ?? (m[2] === '/' ? 'mdy' : 'dmy');
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    const date = isoDate(fullYear(m[4]!), month, day, ctx, raw);
    const ampm = m[8]?.replace(/\./g, '');
    return m[5] ? { date, time: clock(m[5], m[6]!, m[7], ampm, ctx, raw) } : { date };
  }
  const named = parseNamed(s, ctx, raw);
  if (named.year === undefined) {
    throw new ImportError(ctx, `"${raw}" has no year`);
  }
  return { date: isoDate(named.year, named.month, named.day, ctx, raw), ...(named.time ? { time: named.time } : {}) };
}

/** 'YYYY-MM-DD' of a dated value (see parseDateTime). */
export function parseDate(raw: string, ctx: CellContext, options: DateOptions = {}): string {
  return parseDateTime(raw, ctx, options).date;
}

interface Named {
  year?: number;
  month: number;
  day: number;
  time?: string;
}

/** Dates written with a month name, with or without weekday, year and time. */
function parseNamed(s: string, ctx: CellContext, raw: string): Named {
  const tokens = s.split(/[\s,]+/).filter((t) => t !== '');
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  let time: string | undefined;
  let ampm: string | undefined;
  let timeParts: RegExpExecArray | undefined;
  const bad = () => new ImportError(ctx, `"${raw}" is not a date`);
  for (const token of tokens) {
    const word = token.toLowerCase().replace(/\.$/, '');
    const t = TIME_TOKEN.exec(token);
    if (t) {
      timeParts = t;
      continue;
    }
    if (word === 'am' || word === 'pm') {
      ampm = word;
      continue;
    }
    if (/^\d{1,2}\.?$/.test(token) && day === undefined) {
      day = Number(word);
      continue;
    }
    if (/^\d{4}$/.test(token) && year === undefined) {
      year = Number(token);
      continue;
    }
    const mo = monthFromName(word);
    if (mo !== null && month === undefined) {
      month = mo;
      continue;
    }
    if (WEEKDAYS.has(word)) continue;
    throw bad();
  }
  if (month === undefined || day === undefined) throw bad();
  if (timeParts) time = clock(timeParts[1]!, timeParts[2]!, timeParts[3], ampm, ctx, raw);
  return { month, day, ...(year !== undefined ? { year } : {}), ...(time ? { time } : {}) };
}

/** A day without a year (`February 28`, `28. februar`, `Feb 28`); a year, if written, is refused. */
export function parseMonthDay(raw: string, ctx: CellContext): { month: number; day: number } {
  const named = parseNamed(raw.trim(), ctx, raw);
  if (named.year !== undefined) throw new ImportError(ctx, `"${raw}" has a year where none was expected`);
  if (named.day > daysInMonth(2024, named.month)) throw new ImportError(ctx, `"${raw}" is not a valid date`);
  return { month: named.month, day: named.day };
}

/**
 * Places yearless days in years, counting back from the export's last day. `days` are in the
 * file's order, oldest first (or newest first with `order: 'descending'`); the last (newest)
 * one is in the year of `lastDay`, or the year before when its month/day comes after
 * `lastDay`'s; going back, the year decreases each time the month/day sequence wraps (a
 * 365-day file from March crosses New Year once). 29 February in a year without it is refused.
 */
export function resolveYearless(
  days: readonly { month: number; day: number }[],
  lastDay: string,
  options: { file?: string; order?: 'ascending' | 'descending'; rows?: readonly number[] } = {},
): string[] {
  const last = /^(\d{4})-(\d{2})-(\d{2})$/.exec(lastDay);
  if (!last) throw new ImportError({ file: options.file ?? 'file' }, `"${lastDay}" is not a YYYY-MM-DD date`);
  const key = (d: { month: number; day: number }) => d.month * 100 + d.day;
  const descending = options.order === 'descending';
  const n = days.length;
  const out = new Array<string>(n);
  let year = Number(last[1]);
  let next = Number(last[2]) * 100 + Number(last[3]);
  for (let k = 0; k < n; k++) {
    const i = descending ? k : n - 1 - k; // newest first
    const d = days[i]!;
    if (key(d) > next) year--;
    const ctx = { file: options.file ?? 'file', ...(options.rows?.[i] !== undefined ? { row: options.rows[i] } : {}) };
    out[i] = isoDate(year, d.month, d.day, ctx, `${pad(d.month)}-${pad(d.day)} (resolved to ${year})`);
    next = key(d);
  }
  return out;
}

/**
 * For a column of numeric dates that may be day-first or month-first: 'mdy' or 'dmy' when some
 * value settles it (a first number above 12 means day first), null when every value fits both.
 */
export function guessDayOrder(values: readonly string[]): DayOrder | null {
  let mdy = true;
  let dmy = true;
  for (const v of values) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(v);
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12) mdy = false;
    if (b > 12) dmy = false;
  }
  if (mdy && !dmy) return 'mdy';
  if (dmy && !mdy) return 'dmy';
  return null;
}

/** Adds days to a 'YYYY-MM-DD' date (pure calendar arithmetic, no time zones). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
