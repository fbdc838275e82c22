/**
 * What every CLI command shares: the configured database (opened with the data-directory lock,
 * so a running server is detected and never opened twice), the operator's context, output as
 * text or `--json`, and errors on stderr with a non-zero exit code.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, type ErrorCode } from '../core/errors.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { loadSystemActor } from '../services/load-actor.ts';
import type { Context } from '../services/context.ts';
import { toAppError } from '../server/problem.ts';

export interface GlobalOptions {
  json?: boolean;
  org?: string;
}

const exitCodes: Partial<Record<ErrorCode, number>> = {
  validation_failed: 2,
  too_large: 2,
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

/** Advice for a person at the terminal (stderr, so that stdout stays clean for --json). */
export function hint(message: string): void {
  process.stderr.write(message + '\n');
}

export function reportError(error: unknown, options: GlobalOptions): number {
  const appError = toAppError(error);
  if (appError.code === 'internal') {
    process.stderr.write(`maalbar: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  } else if (options.json) {
    process.stderr.write(JSON.stringify({ error: { code: appError.code, message: appError.message, issues: appError.issues } }) + '\n');
  } else {
    process.stderr.write(`maalbar: ${appError.message}\n`);
    // Issues the message already spells out are not repeated.
    for (const issue of appError.issues) {
      if (!appError.message.includes(issue.message)) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
    }
  }
  return exitCodeFor(appError);
}

/** Where the configured database is, for messages. */
export function describeDatabase(config: Config): string {
  return config.database.kind === 'postgres' ? 'the PostgreSQL database in DATABASE_URL' : `the embedded database in ${config.database.dataDir}`;
}

/**
 * Opens the database for one command and always closes it again. On the embedded database the
 * data directory's lock is taken before anything is opened, so a running server is reported
 * (code database_locked) without touching its files.
 */
export async function withDatabase<T>(command: string, fn: (database: Database) => Promise<T>, config: Config = loadConfig()): Promise<T> {
  // Loaded on use: commands that fail on their input answer without loading the database engine.
  const { openConfiguredDatabase } = await import('../server/serve.ts');
  const database = await openConfiguredDatabase(config, `maalbar ${command}`);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** The demo keeps its data in ./data-demo; a hint when someone looks for it in ./data. */
export const DEMO_DATA_DIR = 'data-demo';

/** Opens the database and acts as the operator (administrator rights) in the organisation. */
export async function withOperator<T>(command: string, options: GlobalOptions, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const config = loadConfig();
  return withDatabase(
    command,
    async (database) => {
      let actor;
      try {
        actor = await loadSystemActor(database.db, options.org);
      } catch (error) {
        if (error instanceof AppError && error.code === 'setup_required') throw setupRequired(config);
        throw error;
      }
      return fn({ db: database.db, actor, now: new Date() });
    },
    config,
  );
}

function setupRequired(config: Config): AppError {
  let message = `No organisation exists yet in ${describeDatabase(config)}: open the web app to set one up.`;
  const demoDir = resolve(DEMO_DATA_DIR);
  if (config.database.kind === 'pglite' && config.database.dataDir !== demoDir && existsSync(demoDir)) {
    message += ` The demo's data is in ./${DEMO_DATA_DIR}; to use it, set MAALBAR_DATA_DIR=${DEMO_DATA_DIR}.`;
  } else {
    message += ' To try Målbar with a demo organisation, run `maalbar demo`.';
  }
  return new AppError('setup_required', message);
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
