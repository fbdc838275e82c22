/**
 * How well a month is documented, for a monthly evaluation's figures: the days on which the
 * platform's core account-level metrics were expected and documented, and the gaps. Pure: the
 * documented runs (services/coverage/documented-core-days.ts) and `today` are arguments.
 *
 * The account starts, as for the due watchdog (coverage/due.ts), on the earlier of the day it was
 * registered and its first documented day (history imported from before registration counts).
 * - Daily platforms: the expected days run from the later of the month's first day and the
 *   account's start to the earlier of the month's last day and yesterday (today's statistics are
 *   not out yet); documented days and gaps are counted within those days.
 * - Monthly platforms (no export: one manual entry per month, stored on its last day): a month is
 *   expected once it has ended, from the later of its first day and the account's start (a monthly
 *   entry covers its whole month, so the start counts from the first day of the month of the first
 *   entry); any core value in the month documents all of its expected days, otherwise those days
 *   are one gap.
 */
import { addDays, dayNumber, maxDay, minDay, monthEnd, monthStart, type Day } from '../period/days.ts';
import type { Cadence } from '../coverage/history-windows.ts';
import { clip, gaps, normalise, totalDays, type DayRange, type DayRangeIn } from '../coverage/ranges.ts';

export interface MonthDocumentationInput {
  cadence: Cadence;
  /** Any day of the month. */
  month: Day;
  /** The day the account was registered in Målbar. */
  createdDay: Day;
  /** Documented days of the platform's core account-level metrics (any order, any span). */
  documented: readonly DayRangeIn[];
  today: Day;
}

export interface MonthDocumentation {
  documentedDays: number;
  expectedDays: number;
  gaps: DayRange[];
}

const nothing = (): MonthDocumentation => ({ documentedDays: 0, expectedDays: 0, gaps: [] });

export function monthDocumentation(input: MonthDocumentationInput): MonthDocumentation {
  const documented = normalise(input.documented);
  const first = documented[0]?.[0] ?? null;
  const start = monthStart(input.month);
  const end = monthEnd(input.month);
  if (input.cadence === 'monthly') {
    const accountStart = first ? minDay(input.createdDay, monthStart(first)) : input.createdDay;
    const from = maxDay(start, accountStart);
    // The month's values are entered after it ends; a month not yet ended expects nothing.
    if (dayNumber(end) >= dayNumber(input.today) || dayNumber(from) > dayNumber(end)) return nothing();
    const expectedDays = dayNumber(end) - dayNumber(from) + 1;
    const any = clip(documented, start, end).length > 0;
    return any ? { documentedDays: expectedDays, expectedDays, gaps: [] } : { documentedDays: 0, expectedDays, gaps: [[from, end]] };
  }
  const accountStart = first ? minDay(input.createdDay, first) : input.createdDay;
  const from = maxDay(start, accountStart);
  const to = minDay(end, addDays(input.today, -1));
  if (dayNumber(from) > dayNumber(to)) return nothing();
  return {
    documentedDays: totalDays(clip(documented, from, to)),
    expectedDays: dayNumber(to) - dayNumber(from) + 1,
    gaps: gaps(documented, from, to),
  };
}
