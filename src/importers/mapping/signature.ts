/**
 * A file's header signature: the sha256 (hex) of its header row, each header normalised the way
 * columns are matched (parse/headers.ts: trimmed, case-insensitive, whitespace collapsed, BOM and
 * quotes dropped), empty trailing headers left out, joined with a unit separator. Two files with
 * the same columns in the same order have the same signature, whatever their rows; a saved column
 * mapping is found by it. Pure (hashing is deterministic).
 */
import { createHash } from 'node:crypto';
import { normaliseHeader } from '../parse/headers.ts';

/** The headers as compared: normalised, trailing empty ones dropped. */
export function normalisedHeaderRow(headers: readonly string[]): string[] {
  const row = headers.map(normaliseHeader);
  while (row.length > 0 && row[row.length - 1] === '') row.pop();
  return row;
}

export function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(normalisedHeaderRow(headers).join('\u001f'), 'utf8').digest('hex');
}
