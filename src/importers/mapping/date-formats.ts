/**
 * Dates read by a column mapping's chosen format (contract/column-mappings.ts `dateFormats`, a
 * closed list): a value that does not fit the format is refused with file, row and column, never
 * read another way. Numeric formats may carry a time after the date (dropped). Workbook cells that
 * a spreadsheet stored as date serials (`45658`) are read as such for the formats with a year.
 * Yearless formats give month and day; the reader places them in years (parse/dates.ts
 * resolveYearless). Pure.
 */
import type { DateFormat } from '../../contract/column-mappings.ts';
import { monthFromName } from '../parse/dates.ts';
import { ImportError, type ImportLocation } from '../errors.ts';

export type ReadDay = { date: string } | { month: number; day: number };

const TIME = String.raw`(?:[ T,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const numeric = (body: string) => new RegExp(`^${body}${TIME}$`);

const PATTERNS: Record<DateFormat, { re: RegExp; parts: readonly ('y' | 'm' | 'd' | 'name')[]; example: string }> = {
  'YYYY-MM-DD': { re: numeric(String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`), parts: ['y', 'm', 'd'], example: '2026-03-31' },
  'YYYY/MM/DD': { re: numeric(String.raw`(\d{4})\/(\d{1,2})\/(\d{1,2})`), parts: ['y', 'm', 'd'], example: '2026/03/31' },
  'DD.MM.YYYY': { re: numeric(String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`), parts: ['d', 'm', 'y'], example: '31.03.2026' },
  'DD/MM/YYYY': { re: numeric(String.raw`(\d{1,2})\/(\d{1,2})\/(\d{4})`), parts: ['d', 'm', 'y'], example: '31/03/2026' },
  'MM/DD/YYYY': { re: numeric(String.raw`(\d{1,2})\/(\d{1,2})\/(\d{4})`), parts: ['m', 'd', 'y'], example: '03/31/2026' },
  'DD-MM-YYYY': { re: numeric(String.raw`(\d{1,2})-(\d{1,2})-(\d{4})`), parts: ['d', 'm', 'y'], example: '31-03-2026' },
  'D. MMMM YYYY': { re: /^(\d{1,2})\.?\s+(\p{L}+)\.?,?\s+(\d{4})$/u, parts: ['d', 'name', 'y'], example: '31. mars 2026' },
  'MMMM D, YYYY': { re: /^(?:\p{L}+,\s*)?(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u, parts: ['name', 'd', 'y'], example: 'March 31, 2026' },
  'D. MMMM': { re: /^(\d{1,2})\.?\s+(\p{L}+)\.?$/u, parts: ['d', 'name'], example: '31. mars' },
  'MMMM D': { re: /^(\p{L}+)\.?\s+(\d{1,2})$/u, parts: ['name', 'd'], example: 'March 31' },
};

export function isYearless(format: DateFormat): boolean {
  return !PATTERNS[format].parts.includes('y');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A day read with `format`; throws ImportError naming the format and an example when it does not fit. */
export function readDay(raw: string, format: DateFormat, at: ImportLocation, options: { workbook?: boolean } = {}): ReadDay {
  const s = raw.trim();
  const pattern = PATTERNS[format];
  if (s === '') throw new ImportError(at, 'the date is missing');
  if (options.workbook && !isYearless(format) && /^\d{5}(?:\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    return { date: new Date(Date.UTC(1899, 11, 30 + serial)).toISOString().slice(0, 10) };
  }
  const m = pattern.re.exec(s);
  const bad = () => new ImportError(at, `"${raw.trim()}" is not a date written as ${format} (e.g. ${pattern.example})`);
  if (!m) throw bad();
  let year: number | undefined;
  let month = 0;
  let day = 0;
  pattern.parts.forEach((part, i) => {
    const v = m[i + 1]!;
    if (part === 'y') year = Number(v);
    else if (part === 'd') day = Number(v);
    else if (part === 'm') month = Number(v);
    else month = monthFromName(v) ?? 0;
  });
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year ?? 2024, month)) throw bad();
  if (year === undefined) return { month, day };
  return { date: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** True when every value fits the format (for suggesting a date column's format; never throws). */
export function fitsFormat(values: readonly string[], format: DateFormat): boolean {
  if (values.length === 0) return false;
  return values.every((v) => {
    try {
      readDay(v, format, { file: '' });
      return true;
    } catch {
      return false;
    }
  });
}
