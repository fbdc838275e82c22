/**
 * The period picker's arithmetic (issue #5: "Period picker (month, quarter, year, custom; compare
 * with the previous period and the same period last year)"). Pure: `today` is an argument.
 *
 * A choice is a month, quarter or year (given by any day inside it, the anchor) or a custom range
 * of days. Resolving it against `today` gives:
 * - `period`: the chosen days, both ends included;
 * - `previous`: the previous month, quarter or year (calendar periods, so March's previous is all
 *   of February); for a custom range, the same number of days immediately before it;
 * - `sameLastYear`: the same period one year earlier: the same month, quarter or year; a custom
 *   range has each end moved back a year, with 29 February becoming 28 February;
 * - `state`: 'complete' when the period ended before today, 'running' when today is inside it,
 *   'upcoming' when it starts after today;
 * - `toDate` (only while running): the finished days so far, from the start through yesterday
 *   (today's statistics are not final until the day is over), and the same number of days from
 *   the start of `previous` and of `sameLastYear`, so that a running month is compared like with
 *   like ("1–14 November" with "1–14 October"). Those are clipped to their period's end: on
 *   31 March, March 1–30 is compared with all of February. On the first day of a period there is
 *   no finished day yet and `toDate` is null.
 *
 * The URL form is stable and canonical: `2026-10` (month), `2026-Q3` (quarter), `2026` (year),
 * `2026-03-01..2026-04-15` (custom, both days included). `parsePeriodParam` accepts exactly
 * these forms (no spaces, capital Q, zero-padded) and refuses anything else with a message.
 */
import { AppError } from '../errors.ts';
import { type Day, addDays, addMonths, compareDays, dayParts, daysInclusive, formatDay, isDay, minDay } from './days.ts';
import { type Period, periodContaining, periodLength, previousPeriod } from './periods.ts';

export const periodChoiceKinds = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodChoiceKind = (typeof periodChoiceKinds)[number];

export type PeriodChoice =
  | { kind: 'month' | 'quarter' | 'year'; anchor: Day }
  | { kind: 'custom'; start: Day; end: Day };

/** A custom range may span at most this many days (ten years and a few leap days). */
export const MAX_CUSTOM_DAYS = 3660;
/** The earliest year a period may start in (its previous period and year before must exist). */
export const MIN_YEAR = 2;

export type PeriodState = 'complete' | 'running' | 'upcoming';

export interface PeriodToDate {
  /** Finished days of the period: start through yesterday. */
  period: Period;
  days: number;
  /** The same number of days from the start of `previous` (clipped to its end). */
  previous: Period;
  /** The same number of days from the start of `sameLastYear` (clipped to its end). */
  sameLastYear: Period;
}

export interface ResolvedPeriodChoice {
  kind: PeriodChoiceKind;
  /** The canonical URL form, e.g. '2026-Q3'. */
  param: string;
  period: Period;
  days: number;
  previous: Period;
  sameLastYear: Period;
  state: PeriodState;
  /** Only while running and at least one day has finished; null otherwise. */
  toDate: PeriodToDate | null;
}

/** The days of a choice (a month, quarter or year containing the anchor, or the custom range). */
export function choicePeriod(choice: PeriodChoice): Period {
  let p: Period;
  if (choice.kind === 'custom') {
    checkCustom(choice.start, choice.end);
    p = { start: choice.start, end: choice.end };
  } else {
    if (!isDay(choice.anchor)) throw invalid(`"${choice.anchor}" is not a calendar day (YYYY-MM-DD)`);
    p = periodContaining(choice.anchor, choice.kind);
  }
  checkYear(p);
  return p;
}

/** One year earlier; 29 February becomes 28 February. */
function yearBefore(day: Day): Day {
  return addMonths(day, -12);
}

function previousOf(choice: PeriodChoice, p: Period): Period {
  switch (choice.kind) {
    case 'month':
      return periodContaining(addMonths(p.start, -1), 'month');
    case 'quarter':
      return periodContaining(addMonths(p.start, -3), 'quarter');
    case 'year':
      return periodContaining(yearBefore(p.start), 'year');
    case 'custom':
      return previousPeriod(p);
  }
}

function sameLastYearOf(choice: PeriodChoice, p: Period): Period {
  if (choice.kind === 'custom') return { start: yearBefore(p.start), end: yearBefore(p.end) };
  return periodContaining(yearBefore(p.start), choice.kind);
}

/** The first `days` days of `p`, or all of it when it is shorter. */
function firstDays(p: Period, days: number): Period {
  return { start: p.start, end: minDay(addDays(p.start, days - 1), p.end) };
}

/** Resolves a choice against `today`: the period, what to compare it with, and how far it has run. */
export function resolvePeriodChoice(choice: PeriodChoice, today: Day): ResolvedPeriodChoice {
  if (!isDay(today)) throw invalid(`today: "${today}" is not a calendar day (YYYY-MM-DD)`);
  const p = choicePeriod(choice);
  const previous = previousOf(choice, p);
  const sameLastYear = sameLastYearOf(choice, p);
  const state: PeriodState =
    compareDays(p.end, today) < 0 ? 'complete' : compareDays(p.start, today) > 0 ? 'upcoming' : 'running';
  let toDate: PeriodToDate | null = null;
  if (state === 'running') {
    const finished = daysInclusive(p.start, addDays(today, -1));
    if (finished > 0) {
      toDate = {
        period: firstDays(p, finished),
        days: finished,
        previous: firstDays(previous, finished),
        sameLastYear: firstDays(sameLastYear, finished),
      };
    }
  }
  return {
    kind: choice.kind,
    param: formatPeriodParam(choice),
    period: p,
    days: periodLength(p),
    previous,
    sameLastYear,
    state,
    toDate,
  };
}

/** The canonical URL form of a choice. */
export function formatPeriodParam(choice: PeriodChoice): string {
  const p = choicePeriod(choice);
  const year = p.start.slice(0, 4);
  switch (choice.kind) {
    case 'month':
      return p.start.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.floor((Number(p.start.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return year;
    case 'custom':
      return `${p.start}..${p.end}`;
  }
}

export type PeriodParamResult = { ok: true; choice: PeriodChoice } | { ok: false; message: string };

const YEAR_TOO_EARLY = `the year must be ${String(MIN_YEAR).padStart(4, '0')} or later`;
const EXPECTED = 'expected a month (2026-10), a quarter (2026-Q3), a year (2026) or days (2026-03-01..2026-04-15)';

/** Reads the URL form; never throws. The month/quarter/year choice is anchored on its first day. */
export function readPeriodParam(text: string): PeriodParamResult {
  if (typeof text !== 'string') return { ok: false, message: `period: ${EXPECTED}` };
  // The value is echoed in the message, cut short so a hostile address cannot flood a log.
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const fail = (why: string): PeriodParamResult => ({ ok: false, message: `period "${shown}": ${why}` });
  let m = /^(\d{4})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    if (year < MIN_YEAR) return fail(YEAR_TOO_EARLY);
    return { ok: true, choice: { kind: 'year', anchor: formatDay(year, 1, 1) } };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (year < MIN_YEAR) return fail(YEAR_TOO_EARLY);
    if (month < 1 || month > 12) return fail('the month must be 01 to 12');
    return { ok: true, choice: { kind: 'month', anchor: formatDay(year, month, 1) } };
  }
  m = /^(\d{4})-Q(\d)$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const quarter = Number(m[2]);
    if (year < MIN_YEAR) return fail(YEAR_TOO_EARLY);
    if (quarter < 1 || quarter > 4) return fail('the quarter must be Q1 to Q4');
    return { ok: true, choice: { kind: 'quarter', anchor: formatDay(year, (quarter - 1) * 3 + 1, 1) } };
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m) {
    const start = m[1] ?? '';
    const end = m[2] ?? '';
    if (!isDay(start)) return fail(`"${start}" is not a calendar day`);
    if (!isDay(end)) return fail(`"${end}" is not a calendar day`);
    if (compareDays(end, start) < 0) return fail('the last day is before the first');
    if (Number(start.slice(0, 4)) < MIN_YEAR) return fail(YEAR_TOO_EARLY);
    const days = daysInclusive(start, end);
    if (days > MAX_CUSTOM_DAYS) return fail(`at most ${MAX_CUSTOM_DAYS} days, this is ${days}`);
    return { ok: true, choice: { kind: 'custom', start, end } };
  }
  return fail(EXPECTED);
}

/** Reads the URL form, or throws AppError('validation_failed') with the reason. */
export function parsePeriodParam(text: string, field = 'period'): PeriodChoice {
  const r = readPeriodParam(text);
  if (!r.ok) throw new AppError('validation_failed', r.message, [{ path: field, message: r.message }]);
  return r.choice;
}

function checkCustom(start: Day, end: Day): void {
  if (!isDay(start)) throw invalid(`start: "${start}" is not a calendar day (YYYY-MM-DD)`);
  if (!isDay(end)) throw invalid(`end: "${end}" is not a calendar day (YYYY-MM-DD)`);
  if (compareDays(end, start) < 0) throw invalid(`the period ends (${end}) before it starts (${start})`);
  if (daysInclusive(start, end) > MAX_CUSTOM_DAYS) throw invalid(`a custom period spans at most ${MAX_CUSTOM_DAYS} days`);
}

/** The period before and the year before must be calendar days too: year 0001 has none. */
function checkYear(p: Period): void {
  const year = dayParts(p.start)?.year ?? 0;
  if (year < MIN_YEAR) throw invalid(`the period must start in year ${MIN_YEAR} or later`);
}

function invalid(message: string): AppError {
  return new AppError('validation_failed', message, [{ path: 'period', message }]);
}
