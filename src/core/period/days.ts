/**
 * Calendar days as ISO strings ('YYYY-MM-DD'), in the proleptic Gregorian calendar, with no
 * time of day and no time zone. Statistics are documented per day, and a day is the same day
 * everywhere in Målbar, so all arithmetic is on whole days: a day is turned into a day number
 * (days since 1970-01-01) with integer maths (H. Hinnant's civil-from-days), never through
 * `Date`, so daylight saving and the host's zone cannot shift it.
 */
import { AppError } from '../errors.ts';

/** A calendar day, 'YYYY-MM-DD'. Validate untrusted input with `parseDay` or `isDay`. */
export type Day = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month (1–12) and day of month of a valid day string; null when it is not one. */
export function dayParts(day: string): { year: number; month: number; day: number } | null {
  const m = DAY_PATTERN.exec(day);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const dom = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || dom < 1 || dom > daysInMonth(year, month)) return null;
  return { year, month, day: dom };
}

/** True for a real calendar day written as 'YYYY-MM-DD' ('2025-02-29' is false). */
export function isDay(value: unknown): value is Day {
  return typeof value === 'string' && dayParts(value) !== null;
}

/** The day itself, or an AppError('validation_failed') naming the bad value. */
export function parseDay(value: string, field = 'date'): Day {
  if (!isDay(value)) {
    throw new AppError('validation_failed', `${field}: "${value}" is not a calendar day (YYYY-MM-DD)`, [
      { path: field, message: 'Expected a calendar day as YYYY-MM-DD' },
    ]);
  }
  return value;
}

function parts(day: Day): { year: number; month: number; day: number } {
  const p = dayParts(day);
  if (!p) throw new AppError('validation_failed', `"${day}" is not a calendar day (YYYY-MM-DD)`);
  return p;
}

export function formatDay(year: number, month: number, day: number): Day {
  const y = String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(day: Day): number {
  const { year, month, day: d } = parts(day);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day with the given day number (inverse of `dayNumber`). */
export function fromDayNumber(n: number): Day {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatDay(year, month, d);
}

export function addDays(day: Day, n: number): Day {
  return fromDayNumber(dayNumber(day) + n);
}

/** `to` − `from` in days: 1 from one day to the next, negative when `to` is earlier. */
export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from);
}

/** Number of days from `start` to `end`, both counted; 0 when `end` is before `start`. */
export function daysInclusive(start: Day, end: Day): number {
  return Math.max(0, daysBetween(start, end) + 1);
}

/** Valid day strings compare correctly as strings; this also checks that they are days. */
export function compareDays(a: Day, b: Day): number {
  return dayNumber(a) - dayNumber(b);
}

export function minDay(a: Day, b: Day): Day {
  return compareDays(a, b) <= 0 ? a : b;
}

export function maxDay(a: Day, b: Day): Day {
  return compareDays(a, b) >= 0 ? a : b;
}

/** Every day from `start` to `end`, both included; empty when `end` is before `start`. */
export function eachDay(start: Day, end: Day): Day[] {
  const first = dayNumber(start);
  const last = dayNumber(end);
  const out: Day[] = [];
  for (let n = first; n <= last; n++) out.push(fromDayNumber(n));
  return out;
}

export function monthStart(day: Day): Day {
  const { year, month } = parts(day);
  return formatDay(year, month, 1);
}

export function monthEnd(day: Day): Day {
  const { year, month } = parts(day);
  return formatDay(year, month, daysInMonth(year, month));
}

/** The same day of month `n` months later (or earlier), clamped to the month's last day. */
export function addMonths(day: Day, n: number): Day {
  const { year, month, day: d } = parts(day);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDay(y, m, Math.min(d, daysInMonth(y, m)));
}

/** Months since year 0 (year × 12 + month − 1): consecutive months differ by 1. */
export function monthIndex(day: Day): number {
  const { year, month } = parts(day);
  return year * 12 + month - 1;
}

/** 'YYYY-MM' of a day. */
export function monthKey(day: Day): string {
  return day.slice(0, 7);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the ISO week the day falls in. */
export function weekStart(day: Day): Day {
  return addDays(day, 1 - isoWeekday(day));
}
