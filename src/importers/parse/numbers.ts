/**
 * Numbers as platforms and spreadsheets write them: `29.0`, `1,234`, `1 234` (also with
 * no-break or narrow no-break spaces), `12,5`, `12,5 %`, `-3`, `1.2E+3`. Markers of no value
 * (`-`, `--`, `NAN`, `undefined`, empty, …) are null: "not measured", never 0. Text that is not a
 * number is refused with file, row and column, and so is a number a spreadsheet turned into a
 * date (`12.05.2025`, `2025-05-12`, `12. mai`, `5-Dec`). Pure.
 */
import { ImportError, type ImportLocation } from '../errors.ts';

/** Where a value sits, for error messages. */
export type CellContext = ImportLocation;

export interface NumberOptions {
  /**
   * The file's decimal separator when the importer knows it (e.g. ',' for a semicolon file
   * re-saved by a Norwegian spreadsheet). Without it, a single `,` followed by exactly three
   * digits (`1,234`) is a thousands separator and any other single `,` is a decimal comma.
   */
  decimal?: ',' | '.';
}

const NO_VALUE = new Set(['', '-', '--', '---', '–', '—', 'nan', 'undefined', 'null', 'none', 'n/a', 'na', '#n/a', '(not set)']);

/** True for the markers exports use for "no value" (compare case-insensitively after trimming). */
export function isNoValue(raw: string): boolean {
  return NO_VALUE.has(trimAll(raw).toLowerCase());
}

const SPACES = /[\s\u00A0\u2007\u2009\u202F]/g;

function trimAll(raw: string): string {
  return raw.replace(/^[\s\u00A0\u2007\u2009\u202F\uFEFF]+|[\s\u00A0\u2007\u2009\u202F]+$/g, '');
}

const MONTH_WORD =
  '(?:jan|feb|mar|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|des|januar|februar|mars|april|juni|juli|august|september|oktober|november|desember|january|february|march|june|july|october|december)';

const DATE_LIKE = [
  /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/, // 12.05.2025, 05/12/2025, 12-05-25
  /^\d{4}[./-]\d{1,2}[./-]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/, // 2025-05-12
  new RegExp(`^\\d{1,2}[.\\-/ ]+${MONTH_WORD}\\.?(?:[.\\-/ ]+\\d{2,4})?$`, 'i'), // 12. mai, 5-Dec, 12-May-2025
  new RegExp(`^${MONTH_WORD}\\.?[.\\-/ ]+\\d{1,4}$`, 'i'), // Dec-05, mai.12
  /^\d{1,2}:\d{2}(?::\d{2})?$/, // 12:30 (a duration is read by parseDuration, not here)
];

function looksLikeDate(s: string): boolean {
  return DATE_LIKE.some((re) => re.test(s));
}

/** Groups of exactly three digits after the first group of 1–3: `1,234,567` with sep ','. */
function isGrouped(intPart: string, sep: string): boolean {
  const groups = intPart.split(sep);
  return /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * Reads a number; null for a marker of no value. Throws ImportError for anything else that is
 * not a number, with a reason that names a date when a spreadsheet has turned it into one.
 */
export function parseNumber(raw: string, ctx: CellContext, options: NumberOptions = {}): number | null {
  let s = trimAll(raw);
  if (NO_VALUE.has(s.toLowerCase())) return null;
  if (looksLikeDate(s)) {
    throw new ImportError(
      ctx,
      `"${raw}" is a date where a number was expected: a spreadsheet has probably turned the number into a date; download the export again and import it without opening it in a spreadsheet`,
    );
  }
  const notNumber = () => new ImportError(ctx, `"${raw}" is not a number`);
  if (s.endsWith('%')) s = trimAll(s.slice(0, -1));
  let sign = 1;
  if (/^[-−]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  let spaced = false;
  if (/[\s\u00A0\u2007\u2009\u202F]/.test(s)) {
    // Spaces only as thousands separators: `1 234`, `12 345,6`.
    if (!/^\d{1,3}(?:[\s\u00A0\u2007\u2009\u202F]\d{3})+(?:[.,]\d+)?$/.test(s)) throw notNumber();
    s = s.replace(SPACES, '').replace(',', '.');
    spaced = true; // the grouping was by spaces, so a remaining separator is the decimal one
  }
  let exponent = '';
  const exp = /^(.*?)[eE]([+-]?\d{1,3})$/.exec(s);
  if (exp && /\d/.test(exp[1]!)) {
    s = exp[1]!;
    exponent = `e${exp[2]}`;
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) throw notNumber();
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let normal: string;
  if (commas > 0 && dots > 0) {
    // The later separator is the decimal one; the other groups thousands.
    const decimalSep = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const groupSep = decimalSep === ',' ? '.' : ',';
    const at = s.lastIndexOf(decimalSep);
    const intPart = s.slice(0, at);
    if (s.split(decimalSep).length - 1 !== 1 || !isGrouped(intPart, groupSep)) throw notNumber();
    normal = `${intPart.split(groupSep).join('')}.${s.slice(at + 1)}`;
  } else if (commas > 0 || dots > 0) {
    const sep = commas > 0 ? ',' : '.';
    const count = commas + dots;
    const decimal = spaced ? '.' : (options.decimal ?? '.');
    const [intPart, frac] = [s.slice(0, s.lastIndexOf(sep)), s.slice(s.lastIndexOf(sep) + 1)];
    if (count > 1) {
      if (!isGrouped(s, sep)) throw notNumber();
      normal = s.split(sep).join('');
    } else if (sep === decimal) {
      normal = `${intPart === '' ? '0' : intPart}.${frac}`;
    } else if (options.decimal !== undefined && !spaced) {
      // The importer says this separator groups thousands.
      if (!isGrouped(s, sep)) throw notNumber();
      normal = s.split(sep).join('');
    } else if (sep === ',' && /^\d{3}$/.test(frac) && /^[1-9]\d{0,2}$/.test(intPart)) {
      normal = `${intPart}${frac}`; // 1,234
    } else {
      normal = `${intPart === '' ? '0' : intPart}.${frac}`; // 12,5 or 29.0
    }
    if (frac === '') throw notNumber();
  } else {
    normal = s;
  }
  const value = sign * Number(normal + exponent);
  if (!Number.isFinite(value)) throw notNumber();
  return value === 0 ? 0 : value; // no -0
}

/** Rounds away binary noise from ×100 (0.123 × 100 = 12.299999…). */
function clean(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/**
 * A percentage as percent (0..100). With `fraction: true` the file holds fractions (0.125 for
 * 12.5 %), which are multiplied by 100; a value written with `%` is always taken as percent.
 */
export function parsePercent(
  raw: string,
  ctx: CellContext,
  options: NumberOptions & { fraction?: boolean } = {},
): number | null {
  const n = parseNumber(raw, ctx, options);
  if (n === null) return null;
  if (raw.includes('%')) return n;
  return options.fraction ? clean(n * 100) : n;
}

/**
 * A duration in seconds from `H:MM:SS`, `M:SS` or plain seconds (`12.5`). null for no value.
 */
export function parseDuration(raw: string, ctx: CellContext): number | null {
  const s = trimAll(raw);
  if (NO_VALUE.has(s.toLowerCase())) return null;
  const m = /^(-)?(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(s);
  if (m) {
    const seconds = Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4]);
    return m[1] ? -seconds : seconds;
  }
  if (/^-?\d+(?:[.,]\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  throw new ImportError(ctx, `"${raw}" is not a duration (expected H:MM:SS, M:SS or seconds)`);
}
