/**
 * Shared steps of the LinkedIn page exports (.xls or .xlsx, told apart by content): read the
 * workbook once per file (detection and parsing share it), find a sheet by its header (LinkedIn's
 * native files put a note line above the header; a re-saved copy may not), turn it into the
 * `Table` the column-matched importers use (tabular.ts), and read its dates: text `MM/DD/YYYY`
 * as exported, or a spreadsheet date serial if a re-save turned the text into a date. Pure.
 */
import { sniffBinary } from './parse/decode.ts';
import { readWorkbook } from './parse/excel.ts';
import type { Sheet, Workbook } from './parse/workbook.ts';
import { ImportError } from './errors.ts';
import { hasColumns, parseFullDate, type Table } from './tabular.ts';
import type { InputFile } from './types.ts';

const cache = new WeakMap<Uint8Array, Workbook | ImportError>();

/** The file's workbook; throws ImportError when it is not one or is damaged. */
export function workbookOf(file: InputFile): Workbook {
  let found = cache.get(file.bytes);
  if (!found) {
    try {
      found = readWorkbook(file.bytes, file.name);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      found = e;
    }
    cache.set(file.bytes, found);
  }
  if (found instanceof ImportError) throw found;
  return found;
}

/** The workbook when the file is a readable .xls/.xlsx, else null (for detection: never throws). */
export function maybeWorkbook(file: InputFile): Workbook | null {
  if (sniffBinary(file.bytes) === null) return null;
  try {
    return workbookOf(file);
  } catch {
    return null;
  }
}

/** How many rows above the header a sheet may have (LinkedIn's note line, a title). */
const HEADER_SEARCH = 5;

/** The first sheet (preferring `names`) with a header row holding every group, as a Table. */
export function findTable(workbook: Workbook, file: string, names: readonly string[], groups: readonly (readonly string[])[]): Table | null {
  const wanted = names.map((n) => n.toLowerCase());
  const ordered = [...workbook.sheets].sort(
    (a, b) => Number(!wanted.includes(a.name.trim().toLowerCase())) - Number(!wanted.includes(b.name.trim().toLowerCase())),
  );
  for (const sheet of ordered) {
    const table = tableOf(sheet, file, groups);
    if (table) return table;
  }
  return null;
}

function tableOf(sheet: Sheet, file: string, groups: readonly (readonly string[])[]): Table | null {
  for (let i = 0; i < Math.min(HEADER_SEARCH, sheet.rows.length); i++) {
    const header = sheet.rows[i]!.cells.map((c) => c.trim());
    if (hasColumns(header, ...groups)) {
      return { file: `${file} (sheet "${sheet.name}")`, header, headerLine: sheet.rows[i]!.line, rows: sheet.rows.slice(i + 1) };
    }
  }
  return null;
}

/** 'YYYY-MM-DD' of a date cell: `MM/DD/YYYY` text (or ISO), or an Excel date serial (1900 system). */
export function sheetDate(raw: string, ctx: { file: string; row: number; column: string }): string {
  const s = raw.trim();
  if (/^[0-9]{5}(\.[0-9]+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial > 0 && serial < 2958466) return new Date(Date.UTC(1899, 11, 30 + serial)).toISOString().slice(0, 10);
  }
  return parseFullDate(s, ctx, { order: 'mdy' });
}

/** Throws the ImportError a sheet missing from the workbook deserves. */
export function missingSheet(file: string, what: string, workbook: Workbook): ImportError {
  const seen = workbook.sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
  return new ImportError({ file }, `no ${what} sheet was found (sheets: ${seen})`);
}
