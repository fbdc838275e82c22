/**
 * What the TikTok Studio importers share. TikTok Studio exports one CSV per section, UTF-8 with
 * BOM, every field quoted, headers and month names in the user's language (English and bokmål
 * header sets here), and days without a year (`"February 28"`, `"28. februar"`).
 *
 * The year. The export's last day is its last row (Overview, Viewers, FollowerHistory and
 * FollowerActivity are oldest first; the fixture's end the day before its Content.csv `Time`).
 * The file does not say which year that is, so the caller passes `options.lastDay`: any day
 * from the export's last day up to a year after it — the day the file was downloaded, or the
 * day it is imported when that is soon after (a `lastDay` more than a year late would place the
 * whole file a year too late: the import service should default it to the download day the user
 * confirms). The last row is placed in the latest year that puts it on or before `lastDay`;
 * earlier rows go back one year each time the days wrap (a 365-day file crosses New Year once).
 * Rows must be strictly later than the row before, and span at most 366 days (TikTok Studio
 * keeps 365): a shuffled or doubled file is refused rather than spread over wrong years.
 * Without `lastDay` a yearless file is refused: its dates are never guessed. Per-post dates in
 * Content.csv are exact without it, from the year encoded in each video's id; the undated
 * FollowerGender/FollowerTopTerritories snapshots are dated `lastDay` itself.
 */
import { parseMonthDay, resolveYearless } from './parse/dates.ts';
import { ImportError } from './errors.ts';
import type { CsvRow } from './parse/csv.ts';
import { names } from './header-sets/types.ts';
import { tiktokOverviewHeaders } from './header-sets/tiktok.ts';
import type { Detection, Importer, ParsedExport, ParseOptions } from './types.ts';
import {
  type MetricColumn,
  type Table,
  ExportBuilder,
  checkRowLength,
  findColumn,
  firstLineCells,
  hasColumns,
  matchMetricColumns,
  readTable,
  sampleRows,
} from './tabular.ts';

/** `lastDay` ('YYYY-MM-DD') is a day on or after the export's last day, less than a year after it (see above). */
export type TikTokOptions = ParseOptions;

export const DATE = names(tiktokOverviewHeaders, 'date');

/** The year-less dates of a table's date column, placed in years (oldest-first files). */
export function resolveRowDates(table: Table, dateIndex: number, options: TikTokOptions): string[] {
  const column = table.header[dateIndex]!;
  const days = table.rows.map((row) => {
    checkRowLength(table, row, [dateIndex]);
    return parseMonthDay(row.cells[dateIndex]!, { file: table.file, row: row.line, column });
  });
  if (days.length === 0) return [];
  const lastDay = requireLastDay(table, options, table.rows[table.rows.length - 1]!, column);
  const dates = resolveYearless(days, lastDay, { file: table.file, rows: table.rows.map((r) => r.line) });
  // Each row must be a later day than the one before: a shuffled or doubled file would otherwise
  // be placed in wrong years without a word.
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]! <= dates[i - 1]!) {
      const row = table.rows[i]!;
      throw new ImportError(
        { file: table.file, row: row.line, column },
        `"${row.cells[dateIndex]}" does not follow the day before it (${dates[i - 1]}): the days must be in order, oldest first`,
      );
    }
  }
  // TikTok Studio exports at most 365 days: a longer span means rows out of place (which the
  // year placement cannot notice on its own). Point at the largest jump.
  const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;
  if (dayNumber(dates[dates.length - 1]!) - dayNumber(dates[0]!) > 366) {
    let at = 1;
    for (let i = 2; i < dates.length; i++) {
      if (dayNumber(dates[i]!) - dayNumber(dates[i - 1]!) > dayNumber(dates[at]!) - dayNumber(dates[at - 1]!)) at = i;
    }
    const row = table.rows[at]!;
    throw new ImportError(
      { file: table.file, row: row.line, column },
      `the days span more than a year, which TikTok Studio never exports: "${row.cells[dateIndex]}" is out of place (placed at ${dates[at]}, after ${dates[at - 1]})`,
    );
  }
  return dates;
}

export function requireLastDay(table: Table, options: TikTokOptions, row?: CsvRow, column?: string): string {
  const lastDay = options.lastDay;
  if (lastDay === undefined) {
    throw new ImportError(
      { file: table.file, ...(row ? { row: row.line } : {}), ...(column ? { column } : {}) },
      'the dates in this TikTok Studio export have no year: give the day the export was downloaded so they can be placed',
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lastDay)) {
    throw new ImportError({ file: table.file }, `the export's last day "${lastDay}" is not a YYYY-MM-DD date`);
  }
  return lastDay;
}

export function dateColumn(table: Table): number {
  const i = findColumn(table.header, DATE);
  if (i === -1) throw new ImportError({ file: table.file, row: table.headerLine }, 'the header has no "Date" column');
  return i;
}

/** A TikTok video id from a video link (`…/video/7527623000473079054`), else undefined. */
export function videoIdFromLink(link: string): string | undefined {
  return /\/video\/(\d{6,25})/.exec(link)?.[1];
}

/**
 * The moment a TikTok video was posted, from its id (the id's upper 32 bits are the Unix time
 * in seconds). undefined when the id is not one of these.
 */
export function postedAtFromId(id: string): Date | undefined {
  if (!/^\d{15,20}$/.test(id)) return undefined;
  const seconds = Number(BigInt(id) >> 32n);
  // TikTok launched in 2016; anything outside 2016–2100 is not a timestamp id.
  if (seconds < 1451606400 || seconds > 4102444800) return undefined;
  return new Date(seconds * 1000);
}

/**
 * Places a yearless post day ("July 16") in the year the video id says, allowing the export's
 * own day to differ from the UTC day of the id by up to two days (time zones). undefined when
 * the id cannot place it.
 */
export function placeByVideoId(day: { month: number; day: number }, id: string): string | undefined {
  const at = postedAtFromId(id);
  if (!at) return undefined;
  const y0 = at.getUTCFullYear();
  for (const y of [y0, y0 - 1, y0 + 1]) {
    const t = Date.UTC(y, day.month - 1, day.day);
    if (new Date(t).getUTCDate() !== day.day) continue; // 29 February in a common year
    if (Math.abs(t - Date.UTC(y0, at.getUTCMonth(), at.getUTCDate())) <= 2 * 86400000) {
      return `${y}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
    }
  }
  return undefined;
}

export interface DailySeriesSpec {
  key: string;
  kind: string;
  metrics: readonly MetricColumn[];
  /** Columns (each one of several names) whose presence marks this export. */
  signature: readonly (readonly string[])[];
  /** Columns read but not stored as metrics (listed neither as recognised nor ignored). */
  structural?: readonly (readonly string[])[];
  /** Called once per file after the rows are read (warnings about columns). */
  note?: (builder: ExportBuilder, header: readonly string[]) => void;
}

/** A TikTok Studio section with one row per day and year-less dates (Overview, Viewers, FollowerHistory). */
export function yearlessDailyImporter(spec: DailySeriesSpec): Importer {
  return {
    key: spec.key,
    detect(_file, text): Detection | null {
      const header = firstLineCells(text);
      if (!header || !hasColumns(header, DATE, ...spec.signature)) return null;
      const first = sampleRows(text, 1)[0];
      const dateCell = first?.[findColumn(header, DATE)];
      if (first && (dateCell === undefined || !isMonthDay(dateCell))) return null;
      return { importer: spec.key, platform: 'tiktok', kind: spec.kind, confidence: 0.95 };
    },
    parse(file, text, options: TikTokOptions): ParsedExport {
      const table = readTable(file, text);
      const dateIndex = dateColumn(table);
      const { matched, ignored } = matchMetricColumns(table.header, spec.metrics, [DATE, ...(spec.structural ?? [])]);
      if (matched.length === 0) {
        throw new ImportError({ file: file.name, row: table.headerLine }, 'no column of this TikTok Studio export was recognised');
      }
      const dates = resolveRowDates(table, dateIndex, options);
      const builder = new ExportBuilder(spec.key, 'tiktok', spec.kind);
      table.rows.forEach((row, i) => {
        builder.rows++;
        builder.addRow(table, row, matched, dates[i]!);
      });
      spec.note?.(builder, table.header);
      return builder.build(matched, ignored);
    },
  };
}

export function isMonthDay(raw: string): boolean {
  try {
    parseMonthDay(raw, { file: '' });
    return true;
  } catch {
    return false;
  }
}
