/**
 * `maalbar backup -o FILE [--organisation SLUG]` and `maalbar restore FILE`: one organisation's
 * data and original import files as one consistent, versioned file (services/backup), and back
 * into an empty database. Both work on the embedded database (taking its lock, so not while the
 * server runs on it) and on PostgreSQL (a backup may run while the server writes).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { createBackup, type BackupSummary } from '../../services/backup/create-backup.ts';
import { restoreBackup } from '../../services/backup/restore-backup.ts';
import { plural } from '../format.ts';
import { action, output, withDatabase, type GlobalOptions } from '../run.ts';

const number = new Intl.NumberFormat('en-GB');

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${number.format(Math.ceil(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function summaryText(verb: string, s: BackupSummary, seconds: number): string {
  return (
    `${verb} "${s.organisation.name}" (${s.organisation.slug}): ${plural(s.tables, 'table')}, ${number.format(s.rows)} rows, ` +
    `${plural(s.files, 'original import file')}; ${s.file} is ${megabytes(s.bytes)} (migration ${s.migration}, ${seconds.toFixed(1)} s).`
  );
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description("write one organisation's data and original import files to a backup file (one consistent snapshot)")
    .requiredOption('-o, --output <file>', 'the backup file to write (must not exist yet), e.g. maalbar-2026-03-15.backup')
    .option('--organisation <slug>', 'the organisation (needed when the database holds more than one)')
    .action(
      action(async (opts: { output: string; organisation?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const started = performance.now();
        // Said before the database is opened (the service checks again).
        if (existsSync(resolve(opts.output))) throw new AppError('conflict', `${resolve(opts.output)} already exists: choose another name or remove it first.`);
        const summary = await withDatabase('backup', (database) =>
          createBackup(database, { file: resolve(opts.output), organisation: opts.organisation ?? options.org, now: new Date() }),
        );
        output(options, summary, (s) => summaryText('Backed up', s, (performance.now() - started) / 1000));
      }),
    );

  program
    .command('restore')
    .description('load a backup file into an empty database at the same migration (checked whole before anything is written)')
    .argument('<file>', 'a file written by `maalbar backup`')
    .action(
      action(async (file: string, _opts: unknown, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const started = performance.now();
        const summary = await withDatabase('restore', (database) => restoreBackup(database, { file: resolve(file) }));
        output(options, summary, (s) => summaryText('Restored', s, (performance.now() - started) / 1000) + ' People sign in again.');
      }),
    );
}
