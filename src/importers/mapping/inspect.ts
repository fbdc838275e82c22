/**
 * What a file needing (or offering) a column mapping looks like, for the import preview: its
 * header signature, each column with a few sample values and a suggested metric (only from an
 * exact header name a built-in export reads, or the importer's own recognition; never guessed),
 * the date column and format when exactly one format fits every value, and per day or per post.
 *
 * When does a file need a mapping? A tabular file no importer recognises needs one when it has a
 * column of dates (every non-empty value fits one of the mapping's date formats) or a column of
 * links (post permalinks): 'unknown_layout'. Anything else stays refused as "not a known export".
 * A file a built-in importer reads, with columns it ignored, may be mapped ('unknown_columns'):
 * the built-in importer still imports it as before (keeping its quirks: yearless TikTok days,
 * twin columns, fractions), and a mapping the user chooses to make reads the whole file instead,
 * pre-filled from what the importer recognised. Pure.
 */
import { dateFormats, type DateFormat, type FileMapping, type MappingColumn } from '../../contract/column-mappings.ts';
import type { Platform } from '../../core/platforms.ts';
import { normaliseHeader } from '../parse/headers.ts';
import { knownMetricOf } from '../header-sets/index.ts';
import type { ParsedExport } from '../types.ts';
import { fitsFormat } from './date-formats.ts';
import { headerSignature } from './signature.ts';
import type { AnyTable } from './tabular-file.ts';

const SAMPLE_ROWS = 200;
const SAMPLES = 3;

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

function values(table: AnyTable, index: number): string[] {
  const out: string[] = [];
  for (const row of table.rows.slice(0, SAMPLE_ROWS)) {
    const v = (row.cells[index] ?? '').trim();
    if (v !== '') out.push(v);
  }
  return out;
}

/** The formats that read every value of a column (workbook serials count for dated formats). */
function formatsOf(table: AnyTable, vals: readonly string[]): DateFormat[] {
  if (vals.length === 0) return [];
  const serial = table.workbook && vals.every((v) => /^\d{5}(?:\.\d+)?$/.test(v));
  if (serial) return ['YYYY-MM-DD'];
  return dateFormats.filter((f) => fitsFormat(vals, f));
}

const isLink = (v: string) => /^https?:\/\/\S+$/i.test(v);

export interface Inspection extends Omit<FileMapping, 'reason' | 'appliedMapping'> {
  /** A column of dates (in any of the formats), or of links: the file can be mapped. */
  mappable: boolean;
}

export function inspectTable(table: AnyTable, platform: Platform | null, parsed?: ParsedExport | null): Inspection {
  const recognised = new Map((parsed?.columns.recognised ?? []).map((r) => [normaliseHeader(r.header), r.metric]));
  let suggestedDate: { header: string; format: DateFormat } | null = null;
  let dateColumns = 0;
  let linkColumn = false;
  let repeatedDays = false;
  const columns: MappingColumn[] = [];
  table.header.forEach((header, index) => {
    if (header.trim() === '') return;
    const vals = values(table, index);
    const formats = formatsOf(table, vals);
    if (formats.length > 0) {
      dateColumns++;
      if (suggestedDate === null && formats.length === 1) {
        suggestedDate = { header: header.trim(), format: formats[0]! };
        repeatedDays = new Set(vals).size < vals.length;
      }
    }
    if (vals.length > 0 && vals.every(isLink)) linkColumn = true;
    const suggestion = recognised.get(normaliseHeader(header)) ?? (platform ? knownMetricOf(platform, header) : null);
    columns.push({ header: header.trim(), index, samples: vals.slice(0, SAMPLES).map(clip), suggestion: formats.length > 0 ? null : suggestion });
  });
  const suggestedGranularity = linkColumn || repeatedDays ? 'post' : suggestedDate ? 'day' : null;
  return {
    signature: headerSignature(table.header),
    headers: table.header.map((h) => h.trim()),
    columns,
    suggestedDate,
    suggestedGranularity,
    mappable: dateColumns > 0 || linkColumn,
  };
}
