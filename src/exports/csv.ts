/**
 * CSV for downloads: UTF-8 with a byte order mark (so Excel reads æøå), `;` (Norwegian Excel's
 * list separator, numbers with a decimal comma) or `,` (decimal point), CRLF line ends, fields
 * quoted when they hold the delimiter, a quote or a line break. Protected against formula
 * injection: text starting with =, +, -, @, tab or CR gets a leading `'`; numbers (also negative
 * ones) stay numbers. null is an empty field (not measured, never 0). Pure.
 */
import { isFormulaLike, type Cell } from './cells.ts';

export interface CsvOptions {
  delimiter?: ';' | ',';
  /** Decimal separator of numbers: ',' with ';' and '.' with ',' unless given. */
  decimal?: ',' | '.';
  /** A UTF-8 byte order mark first (default true). */
  bom?: boolean;
}

/** A number as plain digits (no grouping), with the decimal separator. */
function numberText(n: number, decimal: ',' | '.'): string {
  if (!Number.isFinite(n)) return '';
  const s = plainDigits(String(n));
  return decimal === ',' ? s.replace('.', ',') : s;
}

/** "1e-7" → "0.0000001", "1.5e+21" → "1500000000000000000000": the same number without an exponent. */
function plainDigits(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', exp] = m;
  const digits = `${lead}${rest}`;
  const point = 1 + Number(exp); // where the decimal point goes in `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function csvField(cell: Cell, delimiter: ';' | ',', decimal: ',' | '.'): string {
  let text: string;
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell, decimal);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'object') text = cell.date;
  else text = isFormulaLike(cell) ? `'${cell}` : cell;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
  const body = rows.map((row) => row.map((c) => csvField(c, delimiter, decimal)).join(delimiter)).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

/** The CSV as UTF-8 bytes (the BOM included unless `bom: false`). */
export function writeCsv(rows: readonly (readonly Cell[])[], options: CsvOptions = {}): Uint8Array {
  return new TextEncoder().encode(csvText(rows, options));
}
