/**
 * The real server as a child process for fault tests (`node src/cli/main.ts serve`), on a given
 * database (MAALBAR_DATA_DIR for PGlite, DATABASE_URL for PostgreSQL) that outlives it, so a
 * test can kill it (SIGKILL) and start another on the same data. Also: a fresh PostgreSQL
 * database for such a server (from TEST_DATABASE_URL), dropped afterwards.
 *
 *   const server = await startServerProcess({ kind: 'pglite', dataDir });
 *   … server.kill('SIGKILL'); await server.exited; …
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ServerDatabase = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface ServerProcess {
  url: string;
  pid: number;
  /** The child's stdout and stderr so far (the last 50 kB), for failure messages. */
  output(): string;
  /** Resolves when the child has exited (with its exit code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM (graceful stop), SIGKILL after 15 s; resolves when it has exited. */
  stop(): Promise<void>;
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServerProcess(
  database: ServerDatabase,
  options: { env?: Record<string, string>; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...options.env };
  delete env.DATABASE_URL;
  delete env.MAALBAR_DATA_DIR;
  if (database.kind === 'pglite') env.MAALBAR_DATA_DIR = database.dataDir;
  else env.DATABASE_URL = database.url;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'src/cli/main.ts'), 'serve', '--port', String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-50_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  const killOnExit = () => child.kill('SIGKILL'); // never leave a server behind a dead test
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };

  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!running() || child.pid === undefined) {
      await exited;
      throw new Error(`the server exited before /healthz answered:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`the server gave no 200 on /healthz within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid, output: () => out, exited, kill: (signal) => void child.kill(signal), stop };
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database on TEST_DATABASE_URL's server (the server migrates it). */
export async function createPostgresDatabase(prefix = 'maalbar_fault'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
