/**
 * Any tabular file as one header row plus data rows, for column mappings: a CSV (or TSV, `sep=`,
 * any encoding parse/decode.ts reads) through tabular.ts readTable, or an .xlsx/.xls workbook's
 * first sheet that has rows (its header is the first row with at least two non-empty cells among
 * the first five, so a note line above the header is skipped). Rows with no value at all are left
 * out. null when the file is neither (a PDF, an archive). Pure.
 */
import { sniffBinary } from '../parse/decode.ts';
import { workbookOf } from '../linkedin-common.ts';
import { readTable, type Table } from '../tabular.ts';
import { ImportError } from '../errors.ts';
import type { DecodedText, InputFile } from '../types.ts';

export interface AnyTable extends Table {
  /** Read from a spreadsheet (date cells may be serial numbers). */
  workbook: boolean;
}

const HEADER_SEARCH = 5;

function nonEmpty(cells: readonly string[]): number {
  return cells.filter((c) => c.trim() !== '').length;
}

/** The file as a table; throws ImportError when it cannot be read as one. */
export function readAnyTable(file: InputFile, text: DecodedText | null): AnyTable {
  const binary = sniffBinary(file.bytes);
  if (binary === null) {
    const table = readTable(file, text);
    return { ...table, rows: table.rows.filter((r) => nonEmpty(r.cells) > 0), workbook: false };
  }
  const workbook = workbookOf(file);
  for (const sheet of workbook.sheets) {
    const at = sheet.rows.slice(0, HEADER_SEARCH).findIndex((r) => nonEmpty(r.cells) >= 2);
    if (at === -1) continue;
    const head = sheet.rows[at]!;
    return {
      file: workbook.sheets.length > 1 ? `${file.name} (sheet "${sheet.name}")` : file.name,
      header: head.cells.map((c) => c.trim()),
      headerLine: head.line,
      rows: sheet.rows.slice(at + 1),
      workbook: true,
    };
  }
  throw new ImportError({ file: file.name }, 'the workbook has no sheet with a header row');
}

/**
 * The first `rows` data rows of a text file read as a table (a large export is not parsed whole
 * just to see its header and samples); the whole file when the cut lands inside a quoted cell.
 */
function headOf(file: InputFile, text: DecodedText | null, rows: number): AnyTable {
  if (text && sniffBinary(file.bytes) === null) {
    let at = -1;
    for (let n = 0; n <= rows; n++) {
      at = text.text.indexOf('\n', at + 1);
      if (at === -1) break;
    }
    if (at !== -1) {
      try {
        return readAnyTable(file, { ...text, text: text.text.slice(0, at + 1) });
      } catch {
        // a quoted cell spans the cut: read the whole file
      }
    }
  }
  return readAnyTable(file, text);
}

/** The table (at most `rows` data rows of a text file) when the file reads as one, else null (never throws). */
export function maybeTable(file: InputFile, text: DecodedText | null, rows = 200): AnyTable | null {
  try {
    const table = headOf(file, text, rows);
    return nonEmpty(table.header) >= 2 ? table : null;
  } catch {
    return null;
  }
}
