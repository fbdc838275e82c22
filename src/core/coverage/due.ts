/**
 * The "due" watchdog for one account: which undocumented days are still inside the platform's
 * history window (to be downloaded now), when the oldest of them leaves it, and how many have
 * already left it (lost). Pure: `today` is an argument.
 *
 * Daily platforms (a window of W days). On `today` the platform still shows the days from
 * `today − W` to yesterday, so a day d leaves the window on `d + W + 1`.
 * - to cover: undocumented days from `today − W` (or the account's start, if later) to yesterday,
 *   where the account starts on the earlier of its creation day and its first documented day
 *   (gaps inside a history imported from before the account was registered are shown too);
 * - lost: undocumented days before `today − W`, counted from the later of the creation day and
 *   the first documented day (the rule: days before documentation began are not counted);
 * - status: 'overdue' when anything is lost; 'due' when the oldest day to cover leaves the window
 *   within DUE_WITHIN_DAYS days; otherwise 'ok'. A lifetime window (W = null) loses nothing.
 *
 * Monthly platforms (no export: Snapchat, Threads). Each complete month from the account's start
 * must be entered by the MONTHLY_DUE_DAY of the next month. An undocumented month is 'lost' once
 * its last day has left the in-app window, 'overdue' after its due day, otherwise 'due'.
 */
import { addDays, addMonths, dayNumber, maxDay, minDay, monthEnd, monthKey, monthStart, type Day } from '../period/days.ts';
import type { Cadence } from './history-windows.ts';
import { clip, gaps, normalise, totalDays, type DayRange, type DayRangeIn } from './ranges.ts';

/** A day to cover that leaves the window within this many days makes the account 'due'. */
export const DUE_WITHIN_DAYS = 14;
/** Monthly values are due by this day of the following month. */
export const MONTHLY_DUE_DAY = 10;

export type DueStatus = 'overdue' | 'due' | 'ok';
export type MonthState = 'lost' | 'overdue' | 'due';

export interface UndocumentedMonth {
  /** 'YYYY-MM'. */
  month: string;
  dueBy: Day;
  state: MonthState;
}

export interface DueInput {
  cadence: Cadence;
  /** The window in force (override or default); null: the platform keeps everything. */
  windowDays: number | null;
  /** The day the account was registered in Målbar. */
  createdDay: Day;
  /** Documented days of the platform's core account-level metrics (any order; merged here). */
  documented: readonly DayRangeIn[];
  today: Day;
}

export interface DueAssessment {
  status: DueStatus;
  /** First day the platform still shows (today − window), null for a lifetime window. */
  windowStart: Day | null;
  /** Undocumented days still to be documented, oldest first. */
  toCover: DayRange[];
  toCoverDays: number;
  /**
   * Daily: the day the oldest day to cover leaves the window. Monthly: the due day of the oldest
   * month still to enter (may be past). null when there is nothing to cover, or nothing ever leaves.
   */
  deadline: Day | null;
  /** deadline − today in days (negative when past). */
  daysLeft: number | null;
  /**
   * The day the oldest undocumented day still inside the window leaves it (daily: the deadline;
   * monthly: when the last day of the oldest month still to enter leaves the in-app window), and
   * how many days until then. The sort order uses it: what is about to be lost comes first.
   */
  leavesWindowOn: Day | null;
  daysUntilLost: number | null;
  /** Undocumented days that can no longer be downloaded. */
  lostDays: number;
  /** Monthly cadence: every undocumented complete month; empty for daily platforms. */
  months: UndocumentedMonth[];
  firstDocumented: Day | null;
}

const rank: Record<DueStatus, number> = { overdue: 0, due: 1, ok: 2 };

/** Most urgent first: status, then what leaves the window soonest, the nearest deadline, the most lost and most to cover. */
export function compareDue(a: DueAssessment, b: DueAssessment): number {
  return (
    rank[a.status] - rank[b.status] ||
    (a.daysUntilLost ?? Infinity) - (b.daysUntilLost ?? Infinity) ||
    (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) ||
    b.lostDays - a.lostDays ||
    b.toCoverDays - a.toCoverDays
  );
}

export function assessDue(input: DueInput): DueAssessment {
  const documented = normalise(input.documented);
  const firstDocumented = documented[0]?.[0] ?? null;
  const created = input.createdDay;
  const earliest = firstDocumented ? minDay(created, firstDocumented) : created;
  const lostFrom = firstDocumented ? maxDay(created, firstDocumented) : created;
  const windowStart = input.windowDays === null ? null : addDays(input.today, -input.windowDays);
  const base = { windowStart, firstDocumented };
  return input.cadence === 'daily'
    ? daily(input, documented, earliest, lostFrom, base)
    : monthly(input, documented, earliest, lostFrom, base);
}

function daily(
  input: DueInput,
  documented: DayRange[],
  earliest: Day,
  lostFrom: Day,
  base: { windowStart: Day | null; firstDocumented: Day | null },
): DueAssessment {
  const { today, windowDays } = input;
  const yesterday = addDays(today, -1);
  const { windowStart } = base;
  const coverFrom = windowStart === null ? earliest : maxDay(earliest, windowStart);
  const toCover = gaps(documented, coverFrom, yesterday);
  const lost = windowStart === null ? [] : gaps(documented, lostFrom, addDays(windowStart, -1));
  const lostDays = totalDays(lost);
  const oldest = toCover[0]?.[0];
  const deadline = oldest !== undefined && windowDays !== null ? addDays(oldest, windowDays + 1) : null;
  const daysLeft = deadline === null ? null : dayNumber(deadline) - dayNumber(today);
  const status: DueStatus = lostDays > 0 ? 'overdue' : daysLeft !== null && daysLeft <= DUE_WITHIN_DAYS ? 'due' : 'ok';
  return { ...base, status, toCover, toCoverDays: totalDays(toCover), deadline, daysLeft, leavesWindowOn: deadline, daysUntilLost: daysLeft, lostDays, months: [] };
}

function monthly(
  input: DueInput,
  documented: DayRange[],
  earliest: Day,
  lostFrom: Day,
  base: { windowStart: Day | null; firstDocumented: Day | null },
): DueAssessment {
  const { today, windowDays } = input;
  const months: UndocumentedMonth[] = [];
  const toCover: DayRange[] = [];
  let lostDays = 0;
  const thisMonth = monthStart(today);
  for (let m = monthStart(earliest); dayNumber(m) < dayNumber(thisMonth); m = addMonths(m, 1)) {
    const end = monthEnd(m);
    const from = maxDay(m, earliest);
    if (clip(documented, from, end).length > 0) continue;
    const dueBy = addDays(addMonths(m, 1), MONTHLY_DUE_DAY - 1);
    const isLost = windowDays !== null && dayNumber(end) + windowDays + 1 <= dayNumber(today);
    if (isLost) {
      // Lost months count from the later of creation and the first documented day.
      const lostPart = dayNumber(end) - Math.max(dayNumber(from), dayNumber(lostFrom)) + 1;
      if (lostPart <= 0) continue;
      lostDays += lostPart;
      months.push({ month: monthKey(m), dueBy, state: 'lost' });
      continue;
    }
    months.push({ month: monthKey(m), dueBy, state: dayNumber(today) > dayNumber(dueBy) ? 'overdue' : 'due' });
    toCover.push([from, end]);
  }
  const open = months.filter((x) => x.state !== 'lost');
  const deadline = open[0]?.dueBy ?? null;
  const daysLeft = deadline === null ? null : dayNumber(deadline) - dayNumber(today);
  const status: DueStatus =
    lostDays > 0 || open.some((x) => x.state === 'overdue') ? 'overdue' : daysLeft !== null && daysLeft <= DUE_WITHIN_DAYS ? 'due' : 'ok';
  const merged = normalise(toCover);
  const oldestEnd = merged[0] ? monthEnd(merged[0][0]) : null;
  const leavesWindowOn = oldestEnd === null || windowDays === null ? null : addDays(oldestEnd, windowDays + 1);
  const daysUntilLost = leavesWindowOn === null ? null : dayNumber(leavesWindowOn) - dayNumber(today);
  return { ...base, status, toCover: merged, toCoverDays: totalDays(merged), deadline, daysLeft, leavesWindowOn, daysUntilLost, lostDays, months };
}

