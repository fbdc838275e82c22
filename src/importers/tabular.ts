/**
 * Shared steps of the column-matched CSV importers (TikTok, YouTube, X): read the file as one
 * header row plus data rows, match the header to catalogue metrics by name (trimmed,
 * case-insensitive, whitespace collapsed; never by position), read each measured cell, and
 * assemble the ParsedExport. Cells that say "not measured" (`-`, `--`, `NAN`, `undefined`, empty)
 * are left out and counted, never stored as 0. Pure.
 */
import { readCsv, type CsvRow } from './parse/csv.ts';
import { parseDuration, parseNumber, parsePercent } from './parse/numbers.ts';
import { type DateOptions, parseDate } from './parse/dates.ts';
import { matchColumns, normaliseHeader } from './parse/headers.ts';
import { ImportError } from './errors.ts';
import { isMetricKey } from '../core/metrics/catalogue.ts';
import type { Platform } from '../core/platforms.ts';
import type { DecodedText, InputFile, ParsedAudience, ParsedExport, ParsedObservation, ParsedPost } from './types.ts';

/** How a metric column's cells are written. */
export type CellKind = 'number' | 'fraction_to_percent' | 'duration_s';

export interface MetricColumn {
  metric: string;
  /** Header names in every language we know (compared normalised). */
  names: readonly string[];
  kind?: CellKind;
}

export interface Table {
  file: string;
  header: string[];
  headerLine: number;
  rows: CsvRow[];
  /** ',' for a semicolon file (a copy re-saved by a spreadsheet in a decimal-comma locale). */
  decimal?: ',';
}

export const norm = normaliseHeader;

/** The first line's cells, for detection (cheap, never throws). */
export function firstLineCells(text: DecodedText | null): string[] | null {
  if (!text) return null;
  const head = text.text.slice(0, 8192);
  const end = head.search(/\r\n|\n|\r/);
  try {
    const first = readCsv(end === -1 ? head : head.slice(0, end)).rows[0];
    return first ? first.cells.map((c) => c.replace(/^\uFEFF/, '').trim()) : null;
  } catch {
    return null;
  }
}

/** A few data rows after the header, for detection (never throws). */
export function sampleRows(text: DecodedText | null, count = 5): string[][] {
  if (!text) return [];
  const head = text.text.slice(0, 16384);
  const lastBreak = head.search(/[\r\n][^\r\n]*$/);
  try {
    return readCsv(lastBreak > 0 ? head.slice(0, lastBreak) : head)
      .rows.slice(1, 1 + count)
      .map((r) => r.cells.map((c) => c.trim()));
  } catch {
    return [];
  }
}

/** Index of the first header among `names` (normalised comparison), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const wanted = new Set(names.map(norm));
  return header.findIndex((h) => wanted.has(norm(h)));
}

export function hasColumns(header: readonly string[] | null, ...groups: (readonly string[])[]): boolean {
  return header !== null && groups.every((names) => findColumn(header, names) !== -1);
}

/** Reads the whole file: refuses binary and empty files (a header without rows gives no values). */
export function readTable(file: InputFile, text: DecodedText | null): Table {
  if (!text) throw new ImportError({ file: file.name }, 'this is not a text (CSV) file');
  const { rows, delimiter } = readCsv(text.text, { file: file.name });
  const head = rows[0];
  if (!head) throw new ImportError({ file: file.name }, 'the file is empty');
  const header = head.cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  return { file: file.name, header, headerLine: head.line, rows: rows.slice(1), ...(delimiter === ';' ? { decimal: ',' as const } : {}) };
}

/** Refuses a row with fewer cells than the header (a truncated or damaged line). */
export function checkRowLength(table: Table, row: CsvRow, needed: readonly number[]): void {
  for (const i of needed) {
    if (i >= row.cells.length) {
      throw new ImportError(
        { file: table.file, row: row.line, column: table.header[i] ?? i + 1 },
        `the row has ${row.cells.length} of the header's ${table.header.length} columns (the file may be cut off or damaged)`,
      );
    }
  }
}

export interface MatchedColumn extends MetricColumn {
  header: string;
  index: number;
  /** Later columns with the very same header (a duplicated header): their cells must agree with this one's. */
  twins?: readonly number[];
}

/**
 * Matches metric columns (parse/headers.ts: by name, first of a duplicated header wins); every
 * other column not in `structural` is listed as ignored. A metric whose key is not (yet) in the
 * catalogue is left unmatched, and so listed as ignored.
 */
export function matchMetricColumns(
  header: readonly string[],
  specs: readonly MetricColumn[],
  structural: readonly (readonly string[])[],
): { matched: MatchedColumn[]; ignored: string[] } {
  const spec: Record<string, readonly string[]> = {};
  structural.forEach((names, i) => (spec[`#${i}`] = names));
  const byMetric = new Map<string, MetricColumn>();
  for (const s of specs) {
    if (!isMetricKey(s.metric) || byMetric.has(s.metric)) continue;
    byMetric.set(s.metric, s);
    spec[s.metric] = s.names;
  }
  const match = matchColumns(header, spec);
  const matched = match.recognised.flatMap((r) => {
    const s = byMetric.get(r.key);
    if (!s) return [];
    const twins = header.flatMap((h, i) => (i > r.index && norm(h) === norm(r.header) ? [i] : []));
    return [{ ...s, header: r.header, index: r.index, ...(twins.length > 0 ? { twins } : {}) }];
  });
  return { matched, ignored: match.ignored };
}

function readRaw(table: Table, row: CsvRow, col: MatchedColumn, raw: string): number | null {
  const ctx = { file: table.file, row: row.line, column: col.header };
  const options = table.decimal ? { decimal: table.decimal } : {};
  if (col.kind === 'duration_s') return parseDuration(raw, ctx);
  if (col.kind === 'fraction_to_percent') return parsePercent(raw, ctx, { ...options, fraction: true });
  return parseNumber(raw, ctx, options);
}

/**
 * A metric cell's value (null: not measured). A duplicated header's cells must hold the same
 * value (Meta's two `Views` do): when they differ, which one is meant cannot be told, and the
 * row is refused rather than read from the first.
 */
export function readCell(table: Table, row: CsvRow, col: MatchedColumn): number | null {
  const raw = row.cells[col.index] ?? '';
  const value = readRaw(table, row, col, raw);
  for (const twin of col.twins ?? []) {
    const other = row.cells[twin];
    if (other === undefined || other.trim() === raw.trim()) continue;
    if (readRaw(table, row, col, other) !== value) {
      throw new ImportError(
        { file: table.file, row: row.line, column: col.header },
        `the header has "${col.header}" twice (columns ${col.index + 1} and ${twin + 1}), and this row has different values in them ("${raw.trim()}" and "${other.trim()}"): which one is meant cannot be told`,
      );
    }
  }
  return value;
}

/** Accumulates what one file yields. */
export class ExportBuilder {
  readonly observations: ParsedObservation[] = [];
  readonly posts: ParsedPost[] = [];
  readonly audience: ParsedAudience[] = [];
  readonly warnings: string[] = [];
  notMeasured = 0;
  rows = 0;
  private from: string | null = null;
  private to: string | null = null;

  private readonly importer: string;
  private readonly platform: Platform | null;
  private readonly kind: string;

  constructor(importer: string, platform: Platform | null, kind: string) {
    this.importer = importer;
    this.platform = platform;
    this.kind = kind;
  }

  covers(date: string): void {
    if (this.from === null || date < this.from) this.from = date;
    if (this.to === null || date > this.to) this.to = date;
  }

  /** Reads every matched metric cell of a row into observations dated `date`. */
  addRow(table: Table, row: CsvRow, columns: readonly MatchedColumn[], date: string, postId?: string): void {
    checkRowLength(table, row, columns.map((c) => c.index));
    this.covers(date);
    for (const col of columns) {
      const value = readCell(table, row, col);
      if (value === null) {
        this.notMeasured++;
        continue;
      }
      this.observations.push(postId === undefined ? { metric: col.metric, date, value } : { metric: col.metric, date, value, postId });
    }
  }

  build(matched: readonly MatchedColumn[], ignored: readonly string[]): ParsedExport {
    return {
      importer: this.importer,
      platform: this.platform,
      kind: this.kind,
      from: this.from,
      to: this.to,
      observations: this.observations,
      posts: this.posts,
      audience: this.audience,
      columns: { recognised: matched.map((c) => ({ header: c.header, metric: c.metric })), ignored: [...ignored] },
      stats: { rows: this.rows, notMeasured: this.notMeasured },
      warnings: this.warnings,
    };
  }
}

/** A post text cut to at most 280 characters of plain text. */
export function excerpt(text: string | undefined): string | undefined {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  if (t === '') return undefined;
  return t.length <= 280 ? t : `${t.slice(0, 279)}…`;
}

/**
 * Net follower change (gained − lost, can be negative: YouTube's `Subscribers`, TikTok's
 * difference from the day before and `Net growth`) is the catalogue's `net_followers`, never
 * the gross `new_followers`.
 */
export const NET_FOLLOWER_METRIC = 'net_followers';

/**
 * A dated cell with a year (parse/dates.ts), also `YYYY/MM/DD` as TikTok's business export and
 * some spreadsheets write it.
 */
export function parseFullDate(raw: string, ctx: { file: string; row: number; column: string }, options: DateOptions = {}): string {
  const slashed = /^\s*(\d{4})\/(\d{1,2})\/(\d{1,2})\s*$/.exec(raw);
  return parseDate(slashed ? `${slashed[1]}-${slashed[2]}-${slashed[3]}` : raw, ctx, options);
}

/** Refuses a day listed twice in a one-row-per-day file. */
export function onceADay(seen: Set<string>, date: string, at: { file: string; row: number; column: string }): void {
  if (seen.has(date)) throw new ImportError(at, `${date} is listed twice`);
  seen.add(date);
}
