/**
 * The months of monthly evaluations (issue #6): a month is written 'YYYY-MM' and stored as its
 * first day. A month's draft is prepared on the first day of the next month and is due on the
 * 15th of that next month. Pure: days are 'YYYY-MM-DD' strings (core/period/days.ts), `today`
 * is an argument.
 */
import { AppError } from '../errors.ts';
import { addMonths, dayParts, formatDay, monthEnd, monthKey, monthStart, type Day } from '../period/days.ts';

/** A month as 'YYYY-MM'. */
export type Month = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH_PATTERN.test(value) && Number(value.slice(0, 4)) >= 1;
}

/** The month's first day ('2026-10' → '2026-10-01'); validation_failed for anything but YYYY-MM. */
export function monthFirstDay(month: Month): Day {
  if (!isMonth(month)) {
    throw new AppError('validation_failed', `"${month}" is not a month (YYYY-MM)`, [{ path: 'month', message: 'Expected a month as YYYY-MM' }]);
  }
  return `${month}-01`;
}

export function monthLastDay(month: Month): Day {
  return monthEnd(monthFirstDay(month));
}

/** The month a day falls in. */
export function monthOfDay(day: Day): Month {
  return monthKey(monthStart(day));
}

/** The month `n` months after (negative: before) `month`. */
export function shiftMonth(month: Month, n: number): Month {
  return monthKey(addMonths(monthFirstDay(month), n));
}

/** The month before the one `today` falls in: the month the first day's drafts are prepared for. */
export function lastMonth(today: Day): Month {
  return shiftMonth(monthOfDay(today), -1);
}

/** When the month's evaluation should be signed: the 15th of the following month. */
export function evaluationDueOn(month: Month): Day {
  const next = dayParts(monthFirstDay(shiftMonth(month, 1)))!;
  return formatDay(next.year, next.month, 15);
}

/** Has the month ended by `today` (today is after its last day)? */
export function monthHasEnded(month: Month, today: Day): boolean {
  return today > monthLastDay(month);
}
