/**
 * `maalbar detect FILE... [--last-day YYYY-MM-DD] [--json]`: what Målbar makes of export files,
 * without storing anything and without a database (the command never opens or locks one). Each
 * file is read, detected by content and parsed in full; per file the platform, export kind,
 * importer, date range, counts, metrics recognised and columns ignored, or why it was refused.
 * Exit code 2 when any file was refused.
 *
 * Files that do not say their download day (TikTok Studio's year-less dates, Meta's undated
 * Audience file) are read with `--last-day`, by default the file's modification date (local
 * day), which the output names.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { detectFile, parseFile } from '../../importers/registry.ts';
import { decodeText } from '../../importers/parse/decode.ts';
import { expandUpload } from '../../importers/expand.ts';
import type { InputFile } from '../../importers/types.ts';
import { toAppError } from '../../server/problem.ts';
import { plural, table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, output, type GlobalOptions } from '../run.ts';

export interface DetectedFile {
  file: string;
  platform: string | null;
  kind: string | null;
  importer: string | null;
  from: string | null;
  to: string | null;
  rows: number;
  observations: number;
  posts: number;
  audience: number;
  notMeasured: number;
  recognised: { header: string; metric: string }[];
  ignored: string[];
  warnings: string[];
  /** The download day the file was read with, and where it came from. */
  lastDay: string | null;
  lastDaySource: 'option' | 'file modification date' | null;
  status: 'recognised' | 'refused';
  error: string | null;
}

/** Importers whose files need the download day (see ParseOptions.lastDay). */
const needsLastDay = (importer: string | null) => importer !== null && (importer.startsWith('tiktok-') || importer === 'meta-audience');

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function blank(file: string): DetectedFile {
  return {
    file,
    platform: null,
    kind: null,
    importer: null,
    from: null,
    to: null,
    rows: 0,
    observations: 0,
    posts: 0,
    audience: 0,
    notMeasured: 0,
    recognised: [],
    ignored: [],
    warnings: [],
    lastDay: null,
    lastDaySource: null,
    status: 'refused',
    error: null,
  };
}

const errorText = (file: string, error: unknown) => {
  const appError = toAppError(error);
  return appError.code === 'internal' ? `${file}: unexpected error: ${(error as Error).message ?? String(error)}` : appError.message;
};

function detectEntry(file: InputFile, lastDay: string, lastDaySource: DetectedFile['lastDaySource']): DetectedFile {
  const result = blank(file.name);
  try {
    const detection = detectFile(file, decodeText(file.bytes));
    if (detection) {
      result.platform = detection.platform;
      result.kind = detection.kind;
      result.importer = detection.importer;
    }
    if (needsLastDay(result.importer)) {
      result.lastDay = lastDay;
      result.lastDaySource = lastDaySource;
    }
    const parsed = parseFile(file, { lastDay });
    Object.assign(result, {
      platform: parsed.platform,
      kind: parsed.kind,
      importer: parsed.importer,
      from: parsed.from,
      to: parsed.to,
      rows: parsed.stats.rows,
      observations: parsed.observations.length,
      posts: parsed.posts.length,
      audience: parsed.audience.length,
      notMeasured: parsed.stats.notMeasured,
      recognised: parsed.columns.recognised,
      ignored: parsed.columns.ignored,
      warnings: parsed.warnings,
      status: 'recognised',
    });
  } catch (error) {
    result.error = errorText(file.name, error);
  }
  return result;
}

/** One result per file, or per entry of a ZIP archive ("archive.zip › entry.csv"). */
export function detectPath(path: string, lastDayOption: string | undefined): DetectedFile[] {
  let bytes: Uint8Array;
  let lastDay: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    bytes = new Uint8Array(readFileSync(path));
    lastDay = lastDayOption ?? localDay(stat.mtime);
  } catch (error) {
    return [{ ...blank(path), error: `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }];
  }
  // Messages name the file by its base name; `file` is the path as given (an entry: "path › entry").
  const name = basename(path);
  let files: InputFile[];
  try {
    files = expandUpload({ name, bytes });
  } catch (error) {
    return [{ ...blank(path), error: errorText(name, error) }];
  }
  return files.map((f) => ({
    ...detectEntry(f, lastDay, lastDayOption ? 'option' : 'file modification date'),
    file: f.name === name ? path : `${path}${f.name.slice(name.length)}`,
  }));
}

function text(files: readonly DetectedFile[]): string {
  const dash = (s: string | null) => s ?? '-';
  const rows = files.map((f) => [
    f.file,
    f.status,
    dash(f.platform),
    dash(f.kind),
    f.from && f.to ? `${f.from}..${f.to}` : '-',
    String(f.rows),
    String(f.observations),
    String(f.posts),
    String(f.audience),
  ]);
  const lines = table(rows, ['FILE', 'STATUS', 'PLATFORM', 'KIND', 'DAYS', 'ROWS', 'VALUES', 'POSTS', 'AUDIENCE']).split('\n');
  const out = [lines[0]!];
  files.forEach((f, i) => {
    out.push(lines[i + 1]!);
    if (f.error) out.push(`  error: ${f.error}`);
    if (f.status === 'recognised' && f.recognised.length > 0) {
      out.push(`  recognised: ${[...new Set(f.recognised.map((r) => r.metric))].join(', ')}`);
    }
    if (f.ignored.length > 0) out.push(`  ignored: ${f.ignored.join(', ')}`);
    if (f.notMeasured > 0) out.push(`  not measured: ${plural(f.notMeasured, 'cell')}`);
    if (f.lastDay && f.status === 'recognised') out.push(`  last day: ${f.lastDay} (${f.lastDaySource === 'option' ? '--last-day' : "the file's modification date; give --last-day if it is not the download day"})`);
    for (const w of f.warnings) out.push(`  warning: ${w}`);
  });
  const refused = files.filter((f) => f.status === 'refused').length;
  out.push(refused === 0 ? `${plural(files.length, 'file')} recognised.` : `${plural(refused, 'file')} of ${files.length} refused.`);
  return out.join('\n');
}

export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('what Målbar reads from export files (platform, kind, days, values), without storing anything')
    .argument('<files...>', 'export files (CSV, XLSX, XLS, ZIP archives of them, or the Målbar CSV template)')
    .option('--last-day <date>', "the day the exports were downloaded, YYYY-MM-DD (default: each file's modification date)")
    .action(
      action(async (files: string[], opts: { lastDay?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(
          z.object({ lastDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the day as YYYY-MM-DD').optional() }),
          { lastDay: opts.lastDay },
        );
        const result = files.flatMap((f) => detectPath(f, input.lastDay));
        output(options, { files: result }, (r) => text(r.files));
        if (result.some((f) => f.status === 'refused')) process.exitCode = 2;
      }),
    );
}
