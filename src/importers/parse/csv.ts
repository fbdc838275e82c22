/**
 * A small RFC 4180 CSV reader: quoted fields (with delimiters, line breaks and "" escapes
 * inside), CRLF/LF/CR line ends, a leading BOM, Excel's `sep=;` first line, and the delimiter
 * sniffed among comma, semicolon and tab when not given. Rows carry the 1-based line where they
 * start, for error messages. Lines with nothing on them are left out unless `keepEmpty`. Pure.
 */
import { ImportError } from '../errors.ts';

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  cells: string[];
}

export interface CsvOptions {
  /** One character; sniffed from the first line when not given. */
  delimiter?: string;
  /** The file's name for error messages. */
  file?: string;
  /** Keep rows for empty lines (as `cells: ['']`): some exports separate blocks by them. */
  keepEmpty?: boolean;
}

export const delimiters = [',', ';', '\t'] as const;

const SEP_LINE = /^"?sep=(.)"?[ \t]*(?:\r\n|\n|\r|$)/i;

/** Counts each candidate delimiter outside quotes on the first non-empty line. */
export function sniffDelimiter(text: string): string {
  let start = 0;
  while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
  const counts = new Map<string, number>(delimiters.map((d) => [d, 0]));
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: string = ',';
  let bestCount = 0;
  for (const d of delimiters) {
    const n = counts.get(d)!;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

export function readCsv(text: string, options: CsvOptions = {}): { delimiter: string; rows: CsvRow[] } {
  const file = options.file ?? 'file';
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let delimiter = options.delimiter;
  const sep = SEP_LINE.exec(text.slice(pos, pos + 16));
  if (sep) {
    delimiter ??= sep[1]!;
    pos += sep[0].length;
    line = 2;
  }
  delimiter ??= sniffDelimiter(text.slice(pos));
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new ImportError({ file }, `cannot use ${JSON.stringify(delimiter)} as a CSV delimiter`);
  }
  const d = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const rows: CsvRow[] = [];
  const n = text.length;

  let cells: string[] = [];
  let rowLine = line;
  let rowHasContent = false;

  const endRow = () => {
    if (rowHasContent || cells.length > 1 || (cells[0] ?? '') !== '' || options.keepEmpty) rows.push({ line: rowLine, cells });
    cells = [];
    rowHasContent = false;
  };

  while (pos <= n) {
    if (pos === n) {
      // End of text: a pending row only when something was started on this line.
      if (cells.length > 0) endRow();
      break;
    }
    if (cells.length === 0) rowLine = line;
    let c = text.charCodeAt(pos);
    let value: string;
    if (c === QUOTE) {
      const quoteLine = line;
      pos++;
      let parts = '';
      let from = pos;
      for (;;) {
        const q = text.indexOf('"', pos);
        if (q === -1) {
          throw new ImportError(
            { file, row: quoteLine },
            `a quoted field opened on line ${quoteLine} is never closed (the file may be cut off or damaged)`,
          );
        }
        // Count line breaks inside the quoted part (CRLF counts once).
        for (let i = pos; i < q; i++) {
          const ch = text.charCodeAt(i);
          if (ch === LF) line++;
          else if (ch === CR && text.charCodeAt(i + 1) !== LF) line++;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts += text.slice(from, q + 1);
          pos = q + 2;
          from = pos;
          continue;
        }
        parts += text.slice(from, q);
        pos = q + 1;
        break;
      }
      // Lenient: text between the closing quote and the delimiter is kept (`"a"b` → `ab`).
      let end = pos;
      while (end < n) {
        const ch = text.charCodeAt(end);
        if (ch === d || ch === LF || ch === CR) break;
        end++;
      }
      value = end > pos ? parts + text.slice(pos, end) : parts;
      pos = end;
      rowHasContent = true;
    } else {
      let end = pos;
      while (end < n) {
        const ch = text.charCodeAt(end);
        if (ch === d || ch === LF || ch === CR) break;
        end++;
      }
      value = text.slice(pos, end);
      pos = end;
    }
    cells.push(value);
    if (pos >= n) {
      endRow();
      break;
    }
    c = text.charCodeAt(pos);
    if (c === d) {
      pos++;
      rowHasContent = true;
      if (pos === n) {
        cells.push('');
        endRow();
        break;
      }
      continue;
    }
    // Line break.
    pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
    line++;
    endRow();
  }
  return { delimiter, rows };
}

/**
 * The first rows of a possibly long text, for detection: the text is cut at a line end after
 * `maxChars`, and a row cut inside a quoted field (there, or where the file ends) is dropped.
 * Never throws ([] when nothing parses).
 */
export function readCsvHead(text: string, maxChars = 65536, options: Omit<CsvOptions, 'file'> = {}): CsvRow[] {
  let cut = text;
  if (text.length > maxChars) {
    cut = text.slice(0, maxChars);
    const lastBreak = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('\r'));
    if (lastBreak > 0) cut = cut.slice(0, lastBreak);
  }
  try {
    return readCsv(cut, options).rows;
  } catch (e) {
    // Drop the row whose quoted field was cut (by `maxChars`, or because the file itself is cut
    // off): parse the lines before it, so a truncated export is still recognised and its
    // importer can say where it ends.
    const line = e instanceof ImportError ? e.location.row : undefined;
    if (line === undefined || line <= 1) return [];
    const breaks = /\r\n|\n|\r/g;
    let seen = 1;
    let end = 0;
    while (seen < line && breaks.exec(cut)) {
      seen++;
      end = breaks.lastIndex;
    }
    try {
      return readCsv(cut.slice(0, end), options).rows;
    } catch {
      return [];
    }
  }
}
