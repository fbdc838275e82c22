/**
 * Reads a tabular file with a column mapping (contract/column-mappings.ts ColumnMappingSpec) into
 * the same ParsedExport the built-in importers give: one row per day (values for the account) or
 * one row per post (a post, and its values per post, dated on the post's day). Columns are found
 * by name (normalised as headers are matched), never by position; every column the mapping names
 * must be in the file. Values go through the shared number readers: no-value markers (`-`, `NAN`,
 * empty) are not measured (null, counted), never 0. Dates must fit the mapping's format; yearless
 * ones are placed back from `lastDay` (the download day), rows oldest first, as TikTok Studio's
 * are. Every refusal names the file, row, column and what was expected. Pure.
 */
import type { ColumnMappingSpec } from '../../contract/column-mappings.ts';
import { getMetric, isMetricKey, platformProvides } from '../../core/metrics/catalogue.ts';
import { platformNames } from '../../core/platforms.ts';
import { resolveYearless } from '../parse/dates.ts';
import { parseDuration, parseNumber, parsePercent } from '../parse/numbers.ts';
import { normaliseHeader } from '../parse/headers.ts';
import { ImportError } from '../errors.ts';
import { ExportBuilder, checkRowLength, excerpt } from '../tabular.ts';
import type { CsvRow } from '../parse/csv.ts';
import type { DecodedText, InputFile, ParsedExport, ParseOptions } from '../types.ts';
import { isYearless, readDay, type ReadDay } from './date-formats.ts';
import { readAnyTable, type AnyTable } from './tabular-file.ts';

export const MAPPED_IMPORTER = 'column-mapping';

type Cells = 'number' | 'percent' | 'fraction_to_percent' | 'duration_s';
interface MetricCol {
  header: string;
  index: number;
  metric: string;
  cells: Cells;
}

function columnOf(table: AnyTable, header: string, what: string): number {
  const wanted = normaliseHeader(header);
  const i = table.header.findIndex((h) => normaliseHeader(h) === wanted);
  if (i === -1) {
    throw new ImportError(
      { file: table.file, row: table.headerLine, column: header },
      `the mapping's ${what} column "${header}" is not in the file (its columns: ${table.header.filter((h) => h.trim() !== '').map((h) => `"${h}"`).join(', ')})`,
    );
  }
  return i;
}

/** Checks the mapping against the file and the catalogue before any row is read. */
function metricColumns(table: AnyTable, spec: ColumnMappingSpec): MetricCol[] {
  const out: MetricCol[] = [];
  for (const c of spec.columns) {
    if (c.target.kind !== 'metric') continue;
    const index = columnOf(table, c.header, 'metric');
    const at = { file: table.file, row: table.headerLine, column: c.header };
    if (!isMetricKey(c.target.metric)) throw new ImportError(at, `"${c.target.metric}" is not a metric in the catalogue`);
    if (!platformProvides(spec.platform, c.target.metric)) {
      throw new ImportError(at, `${getMetric(c.target.metric)?.name.en ?? c.target.metric} is not a metric ${platformNames[spec.platform]} provides`);
    }
    out.push({ header: table.header[index]!, index, metric: c.target.metric, cells: c.target.cells ?? 'number' });
  }
  if (out.length === 0) throw new ImportError({ file: table.file, row: table.headerLine }, 'the mapping maps no column to a metric');
  return out;
}

function readValue(table: AnyTable, row: CsvRow, col: MetricCol): number | null {
  const raw = row.cells[col.index] ?? '';
  const ctx = { file: table.file, row: row.line, column: col.header };
  const options = table.decimal ? { decimal: table.decimal } : {};
  if (col.cells === 'duration_s') return parseDuration(raw, ctx);
  if (col.cells === 'percent') return parsePercent(raw, ctx, options);
  if (col.cells === 'fraction_to_percent') return parsePercent(raw, ctx, { ...options, fraction: true });
  return parseNumber(raw, ctx, options);
}

/** Every row's day, yearless ones placed back from lastDay (oldest first, strictly later each row). */
function rowDays(table: AnyTable, spec: ColumnMappingSpec, dateAt: number, options: ParseOptions): string[] {
  const column = table.header[dateAt]!;
  const read: ReadDay[] = table.rows.map((row) => {
    checkRowLength(table, row, [dateAt]);
    return readDay(row.cells[dateAt]!, spec.date.format, { file: table.file, row: row.line, column }, { workbook: table.workbook });
  });
  if (!isYearless(spec.date.format)) return read.map((d) => (d as { date: string }).date);
  if (read.length === 0) return [];
  if (options.lastDay === undefined) {
    throw new ImportError({ file: table.file, column }, `the dates (${spec.date.format}) have no year: give the day the export was downloaded so they can be placed`);
  }
  const days = read as { month: number; day: number }[];
  if (spec.granularity === 'post') {
    // Posts are in no particular order: each is the latest such day on or before the download day.
    return days.map((d, i) => resolveYearless([d], options.lastDay!, { file: table.file, rows: [table.rows[i]!.line] })[0]!);
  }
  const dates = resolveYearless(days, options.lastDay, { file: table.file, rows: table.rows.map((r) => r.line) });
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]! <= dates[i - 1]!) {
      const row = table.rows[i]!;
      throw new ImportError(
        { file: table.file, row: row.line, column },
        `"${row.cells[dateAt]}" does not follow the day before it (${dates[i - 1]}): days without a year must be in order, oldest first`,
      );
    }
  }
  // Days without a year can cover at most a year: a longer span means rows out of place.
  const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;
  if (dates.length > 1 && dayNumber(dates[dates.length - 1]!) - dayNumber(dates[0]!) > 366) {
    throw new ImportError(
      { file: table.file, row: table.rows[0]!.line, column },
      `the days without a year would span more than a year (from ${dates[0]} to ${dates[dates.length - 1]}): rows must be in order, oldest first, within one year`,
    );
  }
  return dates;
}

/** Reads a table with a mapping. */
export function readTableWithMapping(table: AnyTable, spec: ColumnMappingSpec, options: ParseOptions = {}): ParsedExport {
  const dateAt = columnOf(table, spec.date.header, 'date');
  const metrics = metricColumns(table, spec);
  const post = spec.granularity === 'post' ? spec.post : null;
  if (spec.granularity === 'post' && !post) throw new ImportError({ file: table.file }, 'a per-post mapping must name the post id column');
  const idAt = post ? columnOf(table, post.id, 'post id') : -1;
  const urlAt = post?.url ? columnOf(table, post.url, 'post link') : -1;
  const textAt = post?.text ? columnOf(table, post.text, 'post text') : -1;
  const typeAt = post?.type ? columnOf(table, post.type, 'post type') : -1;
  const used = new Set([dateAt, idAt, urlAt, textAt, typeAt, ...metrics.map((m) => m.index)]);

  const dates = rowDays(table, spec, dateAt, options);
  const builder = new ExportBuilder(MAPPED_IMPORTER, spec.platform, spec.granularity === 'post' ? 'mapped_posts' : 'mapped_daily');
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    builder.rows++;
    const date = dates[i]!;
    const at = { file: table.file, row: row.line };
    checkRowLength(table, row, metrics.map((m) => m.index));
    builder.covers(date);
    let postId: string | undefined;
    if (post) {
      checkRowLength(table, row, [idAt]);
      postId = row.cells[idAt]!.trim();
      if (postId === '') throw new ImportError({ ...at, column: table.header[idAt]! }, 'the post id is missing');
      if (postId.length > 200) throw new ImportError({ ...at, column: table.header[idAt]! }, 'the post id is longer than 200 characters');
      if (seen.has(postId)) throw new ImportError({ ...at, column: table.header[idAt]! }, `post "${postId}" is listed twice`);
      seen.add(postId);
      const cell = (k: number) => (k === -1 ? '' : (row.cells[k] ?? '').trim());
      const text = excerpt(cell(textAt));
      builder.posts.push({
        platformPostId: postId,
        date,
        ...(cell(urlAt) ? { permalink: cell(urlAt).slice(0, 2000) } : {}),
        ...(cell(typeAt) ? { postType: cell(typeAt).slice(0, 60) } : {}),
        ...(text ? { excerpt: text } : {}),
      });
    } else {
      if (seen.has(date)) throw new ImportError({ ...at, column: table.header[dateAt]! }, `${date} is listed twice (a per-day mapping reads one row per day)`);
      seen.add(date);
    }
    for (const col of metrics) {
      const value = readValue(table, row, col);
      if (value === null) {
        builder.notMeasured++;
        continue;
      }
      builder.observations.push(postId === undefined ? { metric: col.metric, date, value } : { metric: col.metric, date, value, postId });
    }
  });
  const ignored = table.header.filter((h, i) => !used.has(i) && h.trim() !== '').map((h) => h.trim());
  return builder.build(
    metrics.map((m) => ({ ...m, names: [m.header], kind: 'number' as const })),
    ignored,
  );
}

/** Reads a file with a mapping. */
export function readWithMapping(file: InputFile, text: DecodedText | null, spec: ColumnMappingSpec, options: ParseOptions = {}): ParsedExport {
  return readTableWithMapping(readAnyTable(file, text), spec, options);
}
