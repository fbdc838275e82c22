/**
 * For importer tests: the real platform exports in ../shared/fixtures/exports/ (read as
 * published, never edited), synthetic files written in a test, and the decode + detect + parse
 * round trip. Test support only; fails clearly when the fixtures are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeText } from './parse/decode.ts';
import { ImportError } from './errors.ts';
import type { Importer, InputFile, ParsedExport, ParseOptions } from './types.ts';

export const fixturesDir = new URL('../../../shared/fixtures/exports/', import.meta.url);

export function fixture(path: string, name = path.split('/').pop()!): InputFile {
  const url = new URL(path, fixturesDir);
  const file = fileURLToPath(url);
  if (!existsSync(file)) {
    throw new Error(`fixture ${path} is missing: expected ${file} (the shared export fixtures, see its README.md)`);
  }
  return { name, bytes: new Uint8Array(readFileSync(file)) };
}

/** The published fixture's text (for hand checks against the parsed values). */
export function fixtureText(path: string): string {
  return decodeText(fixture(path).bytes)!.text;
}

export function synthetic(name: string, text: string, bom = false): InputFile {
  const bytes = new TextEncoder().encode(text);
  if (!bom) return { name, bytes };
  const out = new Uint8Array(bytes.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(bytes, 3);
  return { name, bytes: out };
}

export function detect(importer: Importer, file: InputFile) {
  return importer.detect(file, decodeText(file.bytes));
}

export function parse(importer: Importer, file: InputFile, options: ParseOptions & Record<string, unknown> = {}): ParsedExport {
  return importer.parse(file, decodeText(file.bytes), options);
}

/** The value of one observation, undefined when there is none. */
export function valueOf(result: ParsedExport, metric: string, date: string, postId?: string): number | undefined {
  return result.observations.find((o) => o.metric === metric && o.date === date && o.postId === postId)?.value;
}

/** The same bytes under another name: detection must not depend on it. */
export function renamed(file: InputFile, name = 'export (1).csv'): InputFile {
  return { name, bytes: file.bytes };
}

/** Runs `fn` and checks it throws an ImportError at this row and column, with a reason matching `reason`. */
export function expectImportError(fn: () => unknown, where: { row?: number; column?: string | number; reason?: RegExp }): ImportError {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(e)}`);
    if (where.row !== undefined && e.location.row !== where.row) throw new Error(`expected row ${where.row}: ${e.message}`);
    if (where.column !== undefined && e.location.column !== where.column) throw new Error(`expected column ${where.column}: ${e.message}`);
    if (where.reason && !where.reason.test(e.message)) throw new Error(`expected a reason matching ${where.reason}: ${e.message}`);
    return e;
  }
  throw new Error('expected an ImportError, but nothing was thrown');
}

/** `count` consecutive days from `first` ('YYYY-MM-DD'), as ISO dates. */
export function daysFrom(first: string, count: number): string[] {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10));
}
