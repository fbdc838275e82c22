// Starts the real app for end-to-end tests: `node src/cli/main.ts serve --port N` as a child
// process, on a free port of 127.0.0.1, with a fresh MAALBAR_DATA_DIR, and waits for
// GET /healthz to answer 200. Usage:
//   const server = await startTestServer();
//   try { await fetch(`${server.url}/healthz`); ... } finally { await server.stop(); }
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface TestServer {
  url: string; // e.g. http://127.0.0.1:41234 (no trailing slash)
  port: number;
  dataDir: string;
  output(): string; // the child's stdout+stderr so far, for failure messages
  stop(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>; // extra environment for the child
  args?: string[]; // extra arguments after `serve --port N`
  entry?: string; // defaults to src/cli/main.ts
  timeoutMs?: number; // how long to wait for /healthz (default 60 s)
  port?: number; // a port chosen beforehand (freePort()), e.g. for a redirect URI; default a free one
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

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'maalbar-e2e-'));
  const entry = opts.entry ?? join(ROOT, 'src/cli/main.ts');
  const child = spawn(process.execPath, [entry, 'serve', '--port', String(port), ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), MAALBAR_DATA_DIR: dataDir, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (e) => {
      spawnError = e;
      resolve();
    });
  });
  const killOnExit = () => child.kill('SIGKILL'); // never leave a server behind a dead test
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!spawnError && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`test server exited (${spawnError ?? child.exitCode ?? child.signalCode}) before /healthz answered:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`test server gave no 200 on ${url}/healthz within ${opts.timeoutMs ?? 60_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, dataDir, output: () => out, stop };
}
