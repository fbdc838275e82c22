/**
 * What the Meta importers share: the account-level files of Meta Business Suite (`sep=,` line,
 * a title line, then a table or blocks), telling Facebook from Instagram by content, and
 * the `Lifetime` marker of per-post totals. Pure.
 */
import { readCsv, readCsvHead, type CsvRow } from './parse/csv.ts';
import { normaliseHeader } from './parse/headers.ts';
import { ImportError } from './errors.ts';
import type { Platform } from '../core/platforms.ts';
import type { DecodedText, InputFile } from './types.ts';

/** `Date` of a per-post row that holds totals over the post's lifetime, not a day. */
export const LIFETIME = new Set(['lifetime', 'levetid', 'hele levetiden', 'total']);

/** A Meta account-level file: its title (`Facebook reach`, `Age & gender`) and the rows after it. */
export interface TitledFile {
  title: string;
  titleLine: number;
  rows: CsvRow[];
}

/**
 * Reads a file that starts (after an optional `sep=` line) with a one-cell title line. null when
 * the text does not look like that (for detection); rows keep their empty lines (block breaks).
 */
export function readTitled(text: DecodedText | null, fileName: string, limit?: number): TitledFile | null {
  if (!text) return null;
  const rows =
    limit === undefined
      ? readCsv(text.text, { file: fileName, keepEmpty: true }).rows
      : readCsvHead(text.text, limit, { keepEmpty: true });
  const first = rows.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  const head = rows[first];
  if (!head || head.cells.filter((c) => c.trim() !== '').length !== 1 || head.cells[0]!.trim() === '') return null;
  return { title: head.cells[0]!.trim(), titleLine: head.line, rows: rows.slice(first + 1) };
}

/** The first rows of a decoded file, for detection (see readCsvHead); [] for binary files. */
export function headRows(text: DecodedText | null, maxChars = 65536): CsvRow[] {
  return text ? readCsvHead(text.text, maxChars) : [];
}

/** Which Meta platform a title, header or value names: 'facebook', 'instagram' or null. */
export function metaPlatformIn(textValue: string): 'facebook' | 'instagram' | null {
  const t = textValue.toLowerCase();
  const ig = /\binstagram\b|^ig /.test(t) || t.includes('instagram.com');
  const fb = /\bfacebook\b/.test(t) || t.includes('facebook.com') || t.includes('fb.com') || t.includes('fb.watch');
  if (ig && !fb) return 'instagram';
  if (fb && !ig) return 'facebook';
  return null;
}

/** The account's platform when the file cannot tell, if it is a Meta platform. */
export function metaFallback(platform: Platform | undefined): 'facebook' | 'instagram' | null {
  return platform === 'facebook' || platform === 'instagram' ? platform : null;
}

export function requireText(file: InputFile, text: DecodedText | null): DecodedText {
  if (!text) throw new ImportError({ file: file.name }, 'this is not a text (CSV) file');
  return text;
}

export function isBlank(row: CsvRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

export { normaliseHeader };
