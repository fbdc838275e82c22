/**
 * Statistics from the command line, through the same services as the web app:
 * - `maalbar import FILE... --account SLUG [--last-day DATE] [--dry-run] [--json]`: imports export
 *   files (or ZIPs of them) into an account, each file all or nothing. JSON:
 *   `{"files": [{file, platform, kind, from, to, rows, observations, posts, status, error, ...}]}`
 *   with status imported | unchanged | refused (ready in a dry run). Exit code 2 when any file
 *   was refused. `--last-day` defaults to each file's modification date, as for `detect`.
 *   `--mapping NAME` reads the files with a saved column mapping (`maalbar mapping list`); a file
 *   with the headers of a saved mapping is read with it anyway.
 * - `maalbar imports --account SLUG [--json]`: the account's import history.
 * - `maalbar undo-import ID [--json]`: undoes an import as a whole.
 * - `maalbar observations --account SLUG [--metric KEY] [--from DATE] [--to DATE] [--json]`:
 *   documented values `[{metric, date, value, post}]` (catalogue keys, ISO dates, the platform's
 *   post id or null).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { Id, IdOrSlug } from '../../contract/common.ts';
import { Day, type FileReport, type ImportOut } from '../../contract/statistics.ts';
import { MappingName } from '../../contract/column-mappings.ts';
import { blankReport, importFiles } from '../../services/imports/import-files.ts';
import { listImports } from '../../services/imports/list-imports.ts';
import { undoImport } from '../../services/imports/undo-import.ts';
import { listObservations } from '../../services/statistics/list-observations.ts';
import { ENTRY_SEPARATOR } from '../../importers/expand.ts';
import { plural, table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function refusedRead(path: string, error: unknown): FileReport {
  return {
    ...blankReport(path),
    error: `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    errorCode: 'validation_failed',
  };
}

function reportText(files: readonly FileReport[]): string {
  const dash = (s: string | null) => s ?? '-';
  const lines = table(
    files.map((f) => [f.file, f.status, dash(f.platform), dash(f.kind), f.from && f.to ? `${f.from}..${f.to}` : '-', String(f.rows), String(f.added), String(f.changed), String(f.unchanged), String(f.posts)]),
    ['FILE', 'STATUS', 'PLATFORM', 'KIND', 'DAYS', 'ROWS', 'ADDED', 'CHANGED', 'UNCHANGED', 'POSTS'],
  ).split('\n');
  const out = [lines[0]!];
  files.forEach((f, i) => {
    out.push(lines[i + 1]!);
    if (f.error) out.push(`  error: ${f.error}`);
    if (f.mapping?.appliedMapping) out.push(`  mapping: ${f.mapping.appliedMapping.name} (version ${f.mapping.appliedMapping.version})`);
    if (f.errorCode === 'mapping_required' && f.mapping) {
      out.push(`  columns: ${f.mapping.columns.map((c) => `${c.header}${c.samples[0] !== undefined ? ` (${c.samples[0]})` : ''}`).join(', ')}`);
      out.push('  map it once in the web app (import preview), then import it again or use --mapping NAME');
    }
    if (f.columns.ignored.length > 0) out.push(`  ignored: ${f.columns.ignored.join(', ')}`);
    if (f.notMeasured > 0) out.push(`  not measured: ${plural(f.notMeasured, 'cell')}`);
    for (const w of f.warnings) out.push(`  warning: ${w}`);
    if (f.importId && f.status === 'imported') out.push(`  import: ${f.importId}`);
  });
  const refused = files.filter((f) => f.status === 'refused').length;
  out.push(refused === 0 ? `${plural(files.length, 'file')} done.` : `${plural(refused, 'file')} of ${files.length} refused.`);
  return out.join('\n');
}

function historyText(list: readonly ImportOut[]): string {
  if (list.length === 0) return 'No imports yet.';
  return table(
    list.map((i) => [
      i.id,
      i.createdAt.slice(0, 16).replace('T', ' '),
      i.origin,
      i.fileName ?? '-',
      i.from && i.to ? `${i.from}..${i.to}` : '-',
      [
        i.counts.added + i.counts.changed > 0 || i.counts.audience === 0 ? `+${i.counts.added} ~${i.counts.changed}` : '',
        i.counts.posts > 0 ? plural(i.counts.posts, 'post') : '',
        i.counts.audience > 0 ? plural(i.counts.audience, 'audience snapshot') : '',
      ]
        .filter(Boolean)
        .join(', '),
      i.undoneAt ? `undone ${i.undoneAt.slice(0, 10)}` : '',
    ]),
    ['ID', 'WHEN', 'ORIGIN', 'FILE', 'DAYS', 'WRITTEN', ''],
  );
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import export files (or ZIPs) into an account: each file all or nothing; the same file twice changes nothing')
    .argument('<files...>', 'export files, ZIP archives or Målbar template CSVs')
    .requiredOption('--account <slug>', 'the account (slug or id)')
    .option('--last-day <date>', "the day the exports were downloaded, YYYY-MM-DD (default: each file's modification date)")
    .option('--dry-run', 'read, check and write inside a transaction that is rolled back: what would happen')
    .option('--mapping <name>', 'read the files with this saved column mapping (name or id, see `maalbar mapping list`)')
    .action(
      action(async (paths: string[], opts: { account: string; lastDay?: string; dryRun?: boolean; mapping?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ account: IdOrSlug, lastDay: Day.optional(), mapping: MappingName.optional() }), { account: opts.account, lastDay: opts.lastDay, mapping: opts.mapping });
        const files = await withOperator('import', options, async (ctx) => {
          const reports: FileReport[] = [];
          for (const path of paths) {
            let bytes: Uint8Array;
            let lastDay: string;
            try {
              const stat = statSync(path);
              if (!stat.isFile()) throw new Error('not a file');
              bytes = new Uint8Array(readFileSync(path));
              lastDay = input.lastDay ?? localDay(stat.mtime);
            } catch (error) {
              reports.push(refusedRead(path, error));
              continue;
            }
            const name = basename(path);
            const result = await importFiles(ctx, input.account, [{ name, bytes }], { lastDay, dryRun: opts.dryRun === true, ...(input.mapping ? { mappingName: input.mapping } : {}) });
            // Report the path as given (the stored name is the base name: no local paths in the history).
            for (const r of result.files) reports.push({ ...r, file: r.file === name ? path : r.file.replace(`${name}${ENTRY_SEPARATOR}`, `${path}${ENTRY_SEPARATOR}`) });
          }
          return reports;
        });
        output(options, { files }, (r) => reportText(r.files));
        if (files.some((f) => f.status === 'refused')) process.exitCode = 2;
      }),
    );

  program
    .command('imports')
    .description("an account's import history, newest first")
    .requiredOption('--account <slug>', 'the account (slug or id)')
    .action(
      action(async (opts: { account: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ account: IdOrSlug }), { account: opts.account });
        const list = await withOperator('imports', options, (ctx) => listImports(ctx, input.account));
        output(options, list, historyText);
      }),
    );

  program
    .command('undo-import')
    .description('undo an import as a whole: its values go back to what was documented before it')
    .argument('<id>', 'the import id (see `maalbar imports`)')
    .action(
      action(async (id: string, _opts: unknown, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ id: Id }), { id });
        const result = await withOperator('undo-import', options, (ctx) => undoImport(ctx, input.id));
        output(options, result, (r) => `Undone: ${plural(r.removed, 'value')} removed, ${plural(r.restored, 'value')} put back to earlier imports.`);
      }),
    );

  program
    .command('observations')
    .description('documented values of an account: metric, date, value, post')
    .requiredOption('--account <slug>', 'the account (slug or id)')
    .option('--metric <key>', 'one catalogue metric key')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .action(
      action(async (opts: { account: string; metric?: string; from?: string; to?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ account: IdOrSlug, metric: z.string().min(1).max(60).optional(), from: Day.optional(), to: Day.optional() }), opts);
        const rows = await withOperator('observations', options, (ctx) => listObservations(ctx, input.account, input));
        const list = rows.map((r) => ({ metric: r.metric, date: r.date, value: r.value, post: r.post }));
        output(options, list, (l) =>
          l.length === 0 ? 'No values documented.' : table(l.map((r) => [r.metric, r.date, String(r.value), r.post ?? '']), ['METRIC', 'DATE', 'VALUE', 'POST']),
        );
      }),
    );
}


