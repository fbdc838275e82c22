/**
 * Runs of calendar days: the compact form in which coverage travels. A range is `[from, to]`,
 * both days included. Pure; all arithmetic on day numbers (core/period/days.ts).
 */
import { addDays, dayNumber, fromDayNumber, type Day } from '../period/days.ts';

export type DayRange = [from: Day, to: Day];
/** Any range given as input (a readonly tuple is fine). */
export type DayRangeIn = readonly [from: Day, to: Day];

/** Number of days in a range (`to` before `from` counts 0). */
export function rangeLength([from, to]: DayRangeIn): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

export function totalDays(ranges: readonly DayRangeIn[]): number {
  return ranges.reduce((sum, r) => sum + rangeLength(r), 0);
}

/** Runs of consecutive days, from day numbers in any order (duplicates allowed). */
export function runsOfDayNumbers(numbers: Iterable<number>): DayRange[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: DayRange[] = [];
  let start: number | undefined;
  let prev = 0;
  for (const n of sorted) {
    if (start === undefined) {
      start = n;
    } else if (n !== prev + 1) {
      out.push([fromDayNumber(start), fromDayNumber(prev)]);
      start = n;
    }
    prev = n;
  }
  if (start !== undefined) out.push([fromDayNumber(start), fromDayNumber(prev)]);
  return out;
}

/** Runs of consecutive days, from days in any order (duplicates allowed). */
export function toRanges(days: Iterable<Day>): DayRange[] {
  return runsOfDayNumbers([...days].map(dayNumber));
}

/**
 * Sorted, non-overlapping, non-adjacent ranges from ranges in any order (overlapping or
 * touching ranges are merged).
 */
export function normalise(ranges: readonly DayRangeIn[]): DayRange[] {
  const spans = ranges
    .map(([a, b]) => [dayNumber(a), dayNumber(b)] as [number, number])
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out.map(([a, b]) => [fromDayNumber(a), fromDayNumber(b)]);
}

/** The parts of `ranges` inside `[from, to]`. */
export function clip(ranges: readonly DayRangeIn[], from: Day, to: Day): DayRange[] {
  const lo = dayNumber(from);
  const hi = dayNumber(to);
  const out: DayRange[] = [];
  for (const [a, b] of normalise(ranges)) {
    const s = Math.max(lo, dayNumber(a));
    const e = Math.min(hi, dayNumber(b));
    if (s <= e) out.push([fromDayNumber(s), fromDayNumber(e)]);
  }
  return out;
}

/** The days of `[from, to]` not in `ranges`: the gaps. Empty when `to` is before `from`. */
export function gaps(ranges: readonly DayRangeIn[], from: Day, to: Day): DayRange[] {
  if (dayNumber(to) < dayNumber(from)) return [];
  const out: DayRange[] = [];
  let cursor = from;
  for (const [a, b] of clip(ranges, from, to)) {
    if (dayNumber(a) > dayNumber(cursor)) out.push([cursor, addDays(a, -1)]);
    cursor = addDays(b, 1);
  }
  if (dayNumber(cursor) <= dayNumber(to)) out.push([cursor, to]);
  return out;
}

/** Is `day` inside one of the ranges? */
export function covers(ranges: readonly DayRangeIn[], day: Day): boolean {
  const n = dayNumber(day);
  return ranges.some(([a, b]) => dayNumber(a) <= n && n <= dayNumber(b));
}
