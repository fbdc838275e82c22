/**
 * The period picker's pure side (issue #5): reading `?period=` and `?compare=`, switching between
 * month, quarter, year and custom, stepping to the previous or next period, checking a custom
 * range, and the period in words ("1.–31. oktober 2026", "Q3 2026"). The arithmetic is the
 * core's (core/period/period-choice.ts); `today` and the language are arguments.
 */
import {
  addDays,
  addMonths,
  compareDays,
  dayParts,
  daysInclusive,
  formatDay,
  isDay,
  monthEnd,
  monthIndex,
  monthStart,
  type Day,
} from '../../../src/core/period/days.ts';
import {
  MAX_CUSTOM_DAYS,
  MIN_YEAR,
  choicePeriod,
  formatPeriodParam,
  readPeriodParam,
  resolvePeriodChoice,
  type PeriodChoice,
  type PeriodChoiceKind,
  type ResolvedPeriodChoice,
} from '../../../src/core/period/period-choice.ts';
import type { Period } from '../../../src/core/period/periods.ts';

export type PickerLanguage = 'nb' | 'en';

export const compareChoices = ['previous', 'last_year', 'none'] as const;
export type CompareChoice = (typeof compareChoices)[number];

/** `?compare=`: previous period unless it says otherwise. */
export function readCompare(value: string | null | undefined): CompareChoice {
  return (compareChoices as readonly string[]).includes(value ?? '') ? (value as CompareChoice) : 'previous';
}

/** The running month: the default period. */
export function defaultPeriodParam(today: Day): string {
  return today.slice(0, 7);
}

/** `?period=` read: the value if canonical, else the running month and the reason it was refused. */
export function readPeriodOrDefault(value: string | null | undefined, today: Day): { param: string; invalid: string | null } {
  if (value === null || value === undefined || value === '') return { param: defaultPeriodParam(today), invalid: null };
  const r = readPeriodParam(value);
  if (r.ok) return { param: formatPeriodParam(r.choice), invalid: null };
  return { param: defaultPeriodParam(today), invalid: r.message };
}

/** A param known to be valid, read into a choice (the running month if it is not). */
export function choiceOf(param: string): PeriodChoice {
  const r = readPeriodParam(param);
  if (r.ok) return r.choice;
  throw new Error(r.message);
}

/** Resolves a param against today; null if it is not a valid period. */
export function resolveParam(param: string, today: Day): ResolvedPeriodChoice | null {
  const r = readPeriodParam(param);
  return r.ok ? resolvePeriodChoice(r.choice, today) : null;
}

/** What the controls show for a period: its kind, year, month, quarter, and first and last day. */
export interface PickerParts {
  kind: PeriodChoiceKind;
  year: number;
  month: number;
  quarter: number;
  start: Day;
  end: Day;
}

export function partsOf(param: string): PickerParts {
  const choice = choiceOf(param);
  const p = choicePeriod(choice);
  const start = dayParts(p.start);
  const year = start?.year ?? MIN_YEAR;
  const month = start?.month ?? 1;
  return { kind: choice.kind, year, month, quarter: Math.floor((month - 1) / 3) + 1, start: p.start, end: p.end };
}

/** The param for a month, quarter or year given by its number(s). */
export function monthParam(year: number, month: number): string {
  return formatPeriodParam({ kind: 'month', anchor: formatDay(year, month, 1) });
}
export function quarterParam(year: number, quarter: number): string {
  return formatPeriodParam({ kind: 'quarter', anchor: formatDay(year, (quarter - 1) * 3 + 1, 1) });
}
export function yearParam(year: number): string {
  return formatPeriodParam({ kind: 'year', anchor: formatDay(year, 1, 1) });
}

/**
 * Another kind of period around the same time: the month, quarter or year the current period
 * starts in, or (to custom) the current period's days.
 */
export function switchKind(param: string, kind: PeriodChoiceKind): string {
  const p = choicePeriod(choiceOf(param));
  if (kind === 'custom') return formatPeriodParam({ kind: 'custom', start: p.start, end: p.end });
  return formatPeriodParam({ kind, anchor: p.start });
}

/**
 * The previous (-1) or next (+1) period of the same kind; a custom range moves by its own
 * length (in months when `wholeMonths` and it is whole months, so it stays whole months). null
 * when that period cannot be chosen (before year 0002).
 */
export function stepPeriod(param: string, direction: -1 | 1, wholeMonths = false): string | null {
  try {
    const choice = choiceOf(param);
    const p = choicePeriod(choice);
    if (choice.kind === 'custom' && wholeMonths && isWholeMonths(param)) {
      const months = monthIndex(p.end) - monthIndex(p.start) + 1;
      const start = addMonths(p.start, direction * months);
      return formatPeriodParam({ kind: 'custom', start, end: monthEnd(addMonths(monthStart(p.end), direction * months)) });
    }
    if (choice.kind === 'custom') {
      const length = daysInclusive(p.start, p.end);
      const shift = direction * length;
      const next: PeriodChoice = { kind: 'custom', start: addDays(p.start, shift), end: addDays(p.end, shift) };
      return formatPeriodParam(next);
    }
    const anchor = direction < 0 ? addDays(p.start, -1) : addDays(p.end, 1);
    return formatPeriodParam({ kind: choice.kind, anchor });
  } catch {
    return null;
  }
}

export type CustomRangeProblem = 'missing_start' | 'missing_end' | 'end_before_start' | 'too_long' | 'too_early';

/** Why two typed days are not a period (null: they are). */
export function customRangeProblem(start: string, end: string): CustomRangeProblem | null {
  if (!isDay(start)) return 'missing_start';
  if (!isDay(end)) return 'missing_end';
  if (compareDays(end, start) < 0) return 'end_before_start';
  if ((dayParts(start)?.year ?? 0) < MIN_YEAR) return 'too_early';
  if (daysInclusive(start, end) > MAX_CUSTOM_DAYS) return 'too_long';
  return null;
}

export function customParam(start: Day, end: Day): string {
  return formatPeriodParam({ kind: 'custom', start, end });
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Whole months typed as 'YYYY-MM' (an <input type="month">) → the days from the first's 1st to the last's end. */
export function monthRangeDays(startMonth: string, endMonth: string): { start: string; end: string } {
  return {
    start: MONTH.test(startMonth) ? `${startMonth}-01` : '',
    end: MONTH.test(endMonth) ? monthEnd(`${endMonth}-01`) : '',
  };
}

/** Why two typed months are not a period (null: they are). */
export function monthRangeProblem(startMonth: string, endMonth: string): CustomRangeProblem | null {
  const d = monthRangeDays(startMonth, endMonth);
  return customRangeProblem(d.start, d.end);
}

/** Whether a period is whole months (what the monthly dashboards need). */
export function isWholeMonths(param: string): boolean {
  const r = readPeriodParam(param);
  if (!r.ok) return false;
  const p = choicePeriod(r.choice);
  return p.start.endsWith('-01') && p.end === monthEnd(p.end);
}

/** The years offered in the year selects: ten back, one ahead, and always the chosen one. */
export function yearOptions(selected: number, today: Day): number[] {
  const thisYear = dayParts(today)?.year ?? selected;
  const from = Math.max(MIN_YEAR, Math.min(selected, thisYear - 10));
  const to = Math.max(selected, thisYear + 1);
  const out: number[] = [];
  for (let y = to; y >= from; y--) out.push(y);
  return out;
}

const tags: Record<PickerLanguage, string> = { nb: 'nb-NO', en: 'en-GB' };

/** "oktober" / "October". */
export function monthName(month: number, lang: PickerLanguage): string {
  return new Intl.DateTimeFormat(tags[lang], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

function dayText(day: Day, lang: PickerLanguage, withYear: boolean, withMonth = true): string {
  const d = dayParts(day);
  if (!d) return day;
  if (!withMonth) return lang === 'nb' ? `${d.day}.` : `${d.day}`;
  const month = monthName(d.month, lang);
  const base = lang === 'nb' ? `${d.day}. ${month}` : `${d.day} ${month}`;
  return withYear ? `${base} ${d.year}` : base;
}

/**
 * Days in words, as short as stays clear: "1.–31. oktober 2026" / "1–31 October 2026",
 * "1. juli – 30. september 2026", "15. desember 2025 – 15. januar 2026", one day alone.
 */
export function describeRange(p: Period, lang: PickerLanguage): string {
  if (p.start === p.end) return dayText(p.start, lang, true);
  const a = dayParts(p.start);
  const b = dayParts(p.end);
  if (!a || !b) return `${p.start} – ${p.end}`;
  if (a.year === b.year && a.month === b.month) return `${dayText(p.start, lang, false, false)}–${dayText(p.end, lang, true)}`;
  if (a.year === b.year) return `${dayText(p.start, lang, false)} – ${dayText(p.end, lang, true)}`;
  return `${dayText(p.start, lang, true)} – ${dayText(p.end, lang, true)}`;
}

/** The period's name: "oktober 2026", "Q3 2026", "2026", or the custom range in words. */
export function periodName(param: string, lang: PickerLanguage): string {
  const parts = partsOf(param);
  switch (parts.kind) {
    case 'month':
      return `${monthName(parts.month, lang)} ${parts.year}`;
    case 'quarter':
      return `Q${parts.quarter} ${parts.year}`;
    case 'year':
      return String(parts.year);
    case 'custom':
      return describeRange({ start: parts.start, end: parts.end }, lang);
  }
}

/**
 * The period to compare with: the previous period or the same period last year; while the
 * period runs, only as many days as have finished (like with like). null for 'none'.
 */
export function comparisonPeriod(resolved: ResolvedPeriodChoice, compare: CompareChoice): Period | null {
  if (compare === 'none') return null;
  if (resolved.toDate) return compare === 'previous' ? resolved.toDate.previous : resolved.toDate.sameLastYear;
  return compare === 'previous' ? resolved.previous : resolved.sameLastYear;
}
