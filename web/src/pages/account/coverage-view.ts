/**
 * The coverage calendar as the account page draws it: one row per month with a cell per day
 * (how many metrics are documented that day, as a level 0–4 of the metrics the platform provides),
 * the days with nothing documented as ranges (for the text list), and the last documented day.
 * Pure, from the API's CoverageOut (perDay[i] is day `from + i`). Tested in coverage-view.test.ts.
 */
import { addDays, dayNumber, fromDayNumber, monthKey } from '../../../../src/core/period/days.ts';
import type { CoverageOut } from '../../../../src/contract/coverage.ts';

export interface DayCell {
  day: string;
  /** Metrics documented on the day. */
  count: number;
  /** 0: nothing documented; 1–4: a quarter, half, most, all of the provided metrics (or more). */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface MonthRow {
  /** 'YYYY-MM' */
  month: string;
  /** Index 0 is the 1st; null for days before `from`, after `to`, or past the month's end. */
  cells: (DayCell | null)[];
  /** Days of the month inside the calendar, and how many of them have anything documented. */
  daysInRange: number;
  documentedDays: number;
}

export function level(count: number, provided: number): DayCell['level'] {
  if (count <= 0) return 0;
  if (provided <= 0) return 4;
  const share = count / provided;
  if (share >= 1) return 4;
  if (share >= 0.5) return 3;
  if (share >= 0.25) return 2;
  return 1;
}

type Calendar = Pick<CoverageOut, 'from' | 'to' | 'perDay' | 'providedMetrics'>;

export function monthRows(c: Calendar): MonthRow[] {
  const rows: MonthRow[] = [];
  const start = dayNumber(c.from);
  const end = dayNumber(c.to);
  let row: MonthRow | null = null;
  for (let n = start; n <= end; n++) {
    const day = fromDayNumber(n);
    const month = monthKey(day);
    if (!row || row.month !== month) {
      row = { month, cells: new Array<DayCell | null>(31).fill(null), daysInRange: 0, documentedDays: 0 };
      rows.push(row);
    }
    const count = c.perDay[n - start] ?? 0;
    row.cells[Number(day.slice(8, 10)) - 1] = { day, count, level: level(count, c.providedMetrics) };
    row.daysInRange += 1;
    if (count > 0) row.documentedDays += 1;
  }
  return rows;
}

/** Runs of days in the calendar on which no metric is documented, oldest first. */
export function undocumentedRanges(c: Pick<CoverageOut, 'from' | 'perDay'>): [string, string][] {
  const out: [string, string][] = [];
  let open: string | null = null;
  c.perDay.forEach((count, i) => {
    const day = addDays(c.from, i);
    if (count === 0 && open === null) open = day;
    if (count > 0 && open !== null) {
      out.push([open, addDays(day, -1)]);
      open = null;
    }
  });
  if (open !== null) out.push([open, addDays(c.from, c.perDay.length - 1)]);
  return out;
}

/** The newest day any metric is documented on (also outside the calendar), or null. */
export function lastDocumentedDay(c: Pick<CoverageOut, 'metrics'>): string | null {
  let last: string | null = null;
  for (const m of c.metrics) if (m.lastDay && (last === null || m.lastDay > last)) last = m.lastDay;
  return last;
}

/** Days from `day` to `today` (0 when the same day). */
export function daysSince(day: string, today: string): number {
  return dayNumber(today) - dayNumber(day);
}
