/**
 * Running the real `maalbar` command line as a child process in tests, with a clean environment
 * (none of the test process's own database settings), and a fresh database for it: an embedded
 * one in a temporary folder, or a new PostgreSQL database when TEST_DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env: Record<string, string>;
  cwd: string;
  timeoutMs?: number;
}

/** The environment without any database settings of the test process itself. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'MAALBAR_DATA_DIR', 'PORT', 'NODE_TEST_CONTEXT', 'NODE_OPTIONS']) delete env[key];
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

export function maalbar(args: string[], opts: CliOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: opts.cwd, env: cleanEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a command that must succeed and parses its --json output. */
export async function maalbarJson<T>(args: string[], opts: CliOptions): Promise<T> {
  const r = await maalbar([...args, '--json'], opts);
  assert.equal(r.code, 0, `maalbar ${args.join(' ')} failed (${r.code}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export const cliDatabaseKinds = process.env.TEST_DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

export interface CliDatabase {
  /** A temporary working directory for the CLI. */
  cwd: string;
  /** DATABASE_URL for PostgreSQL; empty for PGlite (the caller chooses MAALBAR_DATA_DIR or the demo's default). */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** A temporary folder, and for PostgreSQL a new empty database, for one test suite. */
export async function cliDatabase(kind: 'pglite' | 'postgres', prefix: string): Promise<CliDatabase> {
  const cwd = mkdtempSync(join(tmpdir(), `maalbar-${prefix}-`));
  let dbName = '';
  let env: Record<string, string> = {};
  if (kind === 'postgres') {
    dbName = `maalbar_${prefix.replace(/\W/g, '')}_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${dbName}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${dbName}`;
    env = { DATABASE_URL: url.toString() };
  }
  return {
    cwd,
    env,
    async dispose() {
      rmSync(cwd, { recursive: true, force: true });
      if (dbName) await adminQuery(`drop database if exists ${dbName}`);
    },
  };
}
