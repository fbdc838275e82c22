/**
 * Columns are matched by name, never by position: trimmed, case-insensitive, whitespace
 * collapsed, a BOM or surrounding quotes dropped. Each key of a spec lists the header names it
 * accepts (English and bokmål at least). When the same key is matched twice (a duplicated
 * header such as Meta's two `Views`, or two accepted names both present) the first occurrence
 * wins and the later one is listed as ignored and as a duplicate. Unknown headers are ignored,
 * never guessed. Pure.
 */

export type ColumnSpec<K extends string> = Record<K, readonly string[]>;

export interface RecognisedColumn<K extends string> {
  /** The header as written in the file. */
  header: string;
  key: K;
  /** 0-based position in the row. */
  index: number;
}

export interface ColumnMatch<K extends string> {
  recognised: RecognisedColumn<K>[];
  /** Headers (as written) that matched no key, or matched a key already taken. Empty headers are left out. */
  ignored: string[];
  /** Headers ignored because an earlier column already gave their key. */
  duplicates: string[];
  /** key → 0-based column index, for reading rows. */
  index: Partial<Record<K, number>>;
}

/** The form headers are compared in. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .normalize('NFC')
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .trim()
    .toLowerCase();
}

export function matchColumns<K extends string>(headers: readonly string[], spec: ColumnSpec<K>): ColumnMatch<K> {
  const byName = new Map<string, K>();
  for (const key of Object.keys(spec) as K[]) {
    for (const name of spec[key]) {
      const norm = normaliseHeader(name);
      if (!byName.has(norm)) byName.set(norm, key);
    }
  }
  const result: ColumnMatch<K> = { recognised: [], ignored: [], duplicates: [], index: {} };
  headers.forEach((header, index) => {
    const norm = normaliseHeader(header);
    if (norm === '') return;
    const key = byName.get(norm);
    if (key === undefined) {
      result.ignored.push(header.trim());
    } else if (result.index[key] !== undefined) {
      result.ignored.push(header.trim());
      result.duplicates.push(header.trim());
    } else {
      result.index[key] = index;
      result.recognised.push({ header: header.trim(), key, index });
    }
  });
  return result;
}

/** The cell of `key` in a row, or undefined when the column is absent (or the row is short). */
export function cell<K extends string>(match: ColumnMatch<K>, cells: readonly string[], key: K): string | undefined {
  const i = match.index[key];
  return i === undefined ? undefined : cells[i];
}

/** How many of the spec's keys a header row matches (for detection by content). */
export function countMatches<K extends string>(headers: readonly string[], spec: ColumnSpec<K>): number {
  return matchColumns(headers, spec).recognised.length;
}
