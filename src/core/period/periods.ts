/**
 * Periods: closed ranges of calendar days, `start` and `end` both included. Goals, evaluation
 * months, quarters and annual reports are periods; a period may span a year boundary.
 */
import { AppError } from '../errors.ts';
import {
  type Day,
  compareDays,
  daysInclusive,
  daysInMonth,
  eachDay,
  formatDay,
  maxDay,
  minDay,
  monthEnd,
  monthStart,
  addDays,
} from './days.ts';

export interface Period {
  start: Day;
  end: Day;
}

/** A period, or AppError('validation_failed') when `end` is before `start`. */
export function period(start: Day, end: Day): Period {
  if (compareDays(end, start) < 0) {
    throw new AppError('validation_failed', `Period ends (${end}) before it starts (${start})`, [
      { path: 'end', message: 'Must be on or after the start' },
    ]);
  }
  return { start, end };
}

export function periodLength(p: Period): number {
  return daysInclusive(p.start, p.end);
}

export function contains(p: Period, day: Day): boolean {
  return compareDays(p.start, day) <= 0 && compareDays(day, p.end) <= 0;
}

/** The days two periods share, or null when they share none. */
export function intersect(a: Period, b: Period): Period | null {
  const start = maxDay(a.start, b.start);
  const end = minDay(a.end, b.end);
  return compareDays(start, end) <= 0 ? { start, end } : null;
}

export function periodDays(p: Period): Day[] {
  return eachDay(p.start, p.end);
}

export function monthPeriod(year: number, month: number): Period {
  return { start: formatDay(year, month, 1), end: formatDay(year, month, daysInMonth(year, month)) };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { start: formatDay(year, firstMonth, 1), end: monthPeriod(year, firstMonth + 2).end };
}

export function yearPeriod(year: number): Period {
  return { start: formatDay(year, 1, 1), end: formatDay(year, 12, 31) };
}

export type PeriodKind = 'month' | 'quarter' | 'year';

/** The month, quarter or year a day falls in. */
export function periodContaining(day: Day, kind: PeriodKind): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (kind === 'month') return { start: monthStart(day), end: monthEnd(day) };
  if (kind === 'quarter') return quarterPeriod(year, (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4);
  return yearPeriod(year);
}

/**
 * The calendar months that overlap `p`, each clipped to `p`, in order. `clipped` is true when
 * the piece is not the whole calendar month (a goal starting on the 15th, say).
 */
export function monthsIn(p: Period): { month: string; period: Period; clipped: boolean }[] {
  const out: { month: string; period: Period; clipped: boolean }[] = [];
  let cursor = monthStart(p.start);
  while (compareDays(cursor, p.end) <= 0) {
    const whole = { start: cursor, end: monthEnd(cursor) };
    const piece = intersect(whole, p);
    if (piece) {
      out.push({
        month: cursor.slice(0, 7),
        period: piece,
        clipped: piece.start !== whole.start || piece.end !== whole.end,
      });
    }
    cursor = addDays(whole.end, 1);
  }
  return out;
}

/** The period of equal length that ends the day before `p` starts (for period-on-period change). */
export function previousPeriod(p: Period): Period {
  const length = periodLength(p);
  return { start: addDays(p.start, -length), end: addDays(p.start, -1) };
}
