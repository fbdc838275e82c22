/**
 * A cell of a data download (CSV, XLSX): text, a number, a boolean, a calendar day
 * (`{ date: 'YYYY-MM-DD' }`, a real date in XLSX, ISO text in CSV) or null (empty: not measured,
 * never 0). Pure.
 */
export type Cell = string | number | boolean | null | { date: string };

export interface SheetData {
  name: string;
  rows: Cell[][];
  /** The first row is a header (bold in XLSX). */
  header?: boolean;
}

/**
 * Text a spreadsheet would read as a formula (or as a command in old DDE-style attacks): starting
 * with =, +, -, @, a tab or a carriage return. Numbers are never text, so -3 stays -3.
 */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
