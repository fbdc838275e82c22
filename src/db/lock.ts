/**
 * An exclusive lock on the embedded database's data directory. PGlite does not lock its own
 * directory, and two processes writing one directory lose committed data, so the server and the
 * CLI take this lock before opening it. A lock whose owner process is gone is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../core/errors.ts';

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

const LOCK_FILE = 'maalbar.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          const current = readOwner(path);
          if (current?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readOwner(path);
      const stale = holder === null || (holder.host === owner.host && !processAlive(holder.pid));
      if (stale && attempt === 0) {
        rmSync(path, { force: true });
        continue;
      }
      throw new AppError(
        'database_locked',
        `The embedded database in ${dataDir} is in use by another Målbar process` +
          (holder ? ` (pid ${holder.pid}, "${holder.command}", since ${holder.since})` : '') +
          '. Stop that process first, or use the running server through its API.',
      );
    }
  }
  throw new AppError('database_locked', `Could not lock ${path}.`);
}
