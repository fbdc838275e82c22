/**
 * A spreadsheet workbook read into rows of text cells, the same row shape as readCsv so the
 * importers share their code: `line` is the 1-based spreadsheet row, `cells` the 0-based columns
 * (a missing cell is ''). Numbers are kept as their text (a date serial stays a number); the
 * importer decides what a cell means. `readWorkbook` picks the reader by content. Pure.
 */
import type { CsvRow } from './csv.ts';
import { ImportError } from '../errors.ts';

export interface Sheet {
  name: string;
  rows: CsvRow[];
}

export interface Workbook {
  sheets: Sheet[];
}

/** Largest number of cells a sheet may hold (a hostile file must not exhaust memory). */
export const MAX_CELLS = 5_000_000;

/** Puts a cell at a 0-based row/column into a sparse row list kept in row order. */
export class RowCollector {
  private readonly rows = new Map<number, string[]>();
  private cells = 0;
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  set(row: number, col: number, value: string): void {
    if (row < 0 || col < 0 || row > 1_048_575 || col > 16_383) {
      throw new ImportError({ file: this.file }, `a cell lies outside the sheet (row ${row + 1}, column ${col + 1}): the workbook is damaged`);
    }
    if (value === '') return;
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = []));
    // counted with the gaps a row is padded with, so a few far-apart cells cannot exhaust memory
    this.cells += Math.max(1, col + 1 - cells.length);
    if (this.cells > MAX_CELLS) throw new ImportError({ file: this.file }, `a sheet has more than ${MAX_CELLS} cells`);
    while (cells.length < col) cells.push('');
    cells[col] = value;
  }

  /** Rows with at least one non-empty cell, in row order. */
  finish(): CsvRow[] {
    return [...this.rows.entries()]
      .filter(([, cells]) => cells.some((c) => c !== ''))
      .sort((a, b) => a[0] - b[0])
      .map(([row, cells]) => ({ line: row + 1, cells }));
  }
}
