/**
 * What every CLI command shares: the configured database (opened with the data-directory lock,
 * so a running server is detected and never opened twice), the operator's context, output as
 * text or `--json`, and errors on stderr with a non-zero exit code.
 */
import { AppError, type ErrorCode } from '../core/errors.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { openConfiguredDatabase } from '../server/serve.ts';
import { loadSystemActor } from '../services/load-actor.ts';
import type { Context } from '../services/context.ts';
import { toAppError } from '../server/problem.ts';

export interface GlobalOptions {
  json?: boolean;
  org?: string;
}

const exitCodes: Partial<Record<ErrorCode, number>> = {
  validation_failed: 2,
  not_found: 3,
  conflict: 4,
  forbidden: 5,
  database_locked: 6,
  setup_required: 7,
  invalid_config: 78,
};

export function exitCodeFor(error: AppError): number {
  return exitCodes[error.code] ?? 1;
}

/** Prints a result: pretty JSON with --json, otherwise the text the command makes of it. */
export function output<T>(options: GlobalOptions, value: T, text: (value: T) => string): void {
  process.stdout.write(options.json ? JSON.stringify(value, null, 2) + '\n' : text(value) + '\n');
}

export function reportError(error: unknown, options: GlobalOptions): number {
  const appError = toAppError(error);
  if (appError.code === 'internal') {
    process.stderr.write(`maalbar: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  } else if (options.json) {
    process.stderr.write(JSON.stringify({ error: { code: appError.code, message: appError.message, issues: appError.issues } }) + '\n');
  } else {
    process.stderr.write(`maalbar: ${appError.message}\n`);
    if (appError.code === 'validation_failed') {
      for (const issue of appError.issues) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
    }
  }
  return exitCodeFor(appError);
}

/** Opens the database for one command and always closes it again. */
export async function withDatabase<T>(command: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig(), `maalbar ${command}`);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Opens the database and acts as the operator (administrator rights) in the organisation. */
export async function withOperator<T>(command: string, options: GlobalOptions, fn: (ctx: Context) => Promise<T>): Promise<T> {
  return withDatabase(command, async (database) => {
    const actor = await loadSystemActor(database.db, options.org);
    return fn({ db: database.db, actor, now: new Date() });
  });
}

/** Wraps a command action: runs it, turns errors into messages and exit codes. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    try {
      await fn(...args);
    } catch (error) {
      const cmd = args[args.length - 1] as { optsWithGlobals?: () => GlobalOptions } | undefined;
      process.exitCode = reportError(error, cmd?.optsWithGlobals?.() ?? {});
    }
  };
}

export function fail(code: ErrorCode, message: string): never {
  throw new AppError(code, message);
}
