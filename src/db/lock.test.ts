import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, type LockOwner } from './lock.ts';
import { openDatabase } from './client.ts';
import { AppError } from '../core/errors.ts';

function tempDir(): { path: string; [Symbol.dispose](): void } {
  const path = mkdtempSync(join(tmpdir(), 'maalbar-lock-'));
  return { path, [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }) };
}

const lockFile = (dir: string) => join(dir, 'maalbar.lock');
const readLock = (dir: string) => JSON.parse(readFileSync(lockFile(dir), 'utf8')) as LockOwner;

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(child.stdout);
  assert.ok(pid > 0);
  return pid;
}

function isLocked(e: unknown): boolean {
  return e instanceof AppError && e.code === 'database_locked';
}

test('the lock file names its owner; a second acquire is refused with database_locked; release removes it', () => {
  using dir = tempDir();
  const data = join(dir.path, 'data'); // created on demand
  const lock = acquireDataDirLock(data, 'maalbar serve');
  const owner = readLock(data);
  assert.equal(owner.pid, process.pid);
  assert.equal(owner.host, hostname());
  assert.equal(owner.command, 'maalbar serve');
  assert.ok(!Number.isNaN(Date.parse(owner.since)));

  assert.throws(() => acquireDataDirLock(data, 'maalbar migrate'), (e: unknown) => {
    assert.ok(isLocked(e));
    assert.match((e as Error).message, new RegExp(`pid ${process.pid}`));
    assert.match((e as Error).message, /maalbar serve/);
    return true;
  });
  assert.equal(readLock(data).command, 'maalbar serve', 'the refused attempt left the lock alone');

  lock.release();
  assert.equal(existsSync(lockFile(data)), false);
  lock.release(); // twice is harmless

  const again = acquireDataDirLock(data, 'maalbar migrate');
  assert.equal(readLock(data).command, 'maalbar migrate');
  again.release();
});

test('a stale lock (its process is gone) is taken over', () => {
  using dir = tempDir();
  const pid = deadPid();
  writeFileSync(lockFile(dir.path), JSON.stringify({ pid, host: hostname(), command: 'maalbar serve', since: '2026-01-01T00:00:00Z' }));
  const lock = acquireDataDirLock(dir.path, 'maalbar demo');
  assert.equal(readLock(dir.path).pid, process.pid);
  assert.equal(readLock(dir.path).command, 'maalbar demo');
  lock.release();
  assert.equal(existsSync(lockFile(dir.path)), false);
});

test('an unreadable lock file is taken over', () => {
  using dir = tempDir();
  writeFileSync(lockFile(dir.path), 'not json');
  const lock = acquireDataDirLock(dir.path, 'maalbar serve');
  assert.equal(readLock(dir.path).pid, process.pid);
  lock.release();
});

test("a lock held from another host is respected: its process can't be checked from here", () => {
  using dir = tempDir();
  const foreign = { pid: deadPid(), host: `not-${hostname()}`, command: 'maalbar serve', since: '2026-01-01T00:00:00Z' };
  writeFileSync(lockFile(dir.path), JSON.stringify(foreign));
  assert.throws(() => acquireDataDirLock(dir.path, 'maalbar serve'), isLocked);
  assert.deepEqual(readLock(dir.path), foreign);
});

test('a live process on this host holds its lock', () => {
  using dir = tempDir();
  // pid 1 is always alive (it may belong to another user: still alive).
  writeFileSync(lockFile(dir.path), JSON.stringify({ pid: 1, host: hostname(), command: 'maalbar serve', since: '2026-01-01T00:00:00Z' }));
  assert.throws(() => acquireDataDirLock(dir.path, 'maalbar serve'), isLocked);
});

test('release never removes a lock that another process has taken since', () => {
  using dir = tempDir();
  const lock = acquireDataDirLock(dir.path, 'maalbar serve');
  const other = { pid: 1, host: hostname(), command: 'maalbar serve', since: '2026-01-01T00:00:00Z' };
  writeFileSync(lockFile(dir.path), JSON.stringify(other));
  lock.release();
  assert.deepEqual(readLock(dir.path), other);
});

test('openDatabase takes the lock, refuses a locked directory without opening it, and close releases it', async () => {
  using dir = tempDir();
  const held = acquireDataDirLock(dir.path, 'maalbar serve');
  await assert.rejects(openDatabase({ kind: 'pglite', dataDir: dir.path, command: 'maalbar migrate' }), isLocked);
  assert.equal(existsSync(join(dir.path, 'pgdata')), false, 'the database was not opened');
  assert.equal(readLock(dir.path).command, 'maalbar serve');
  held.release();

  const database = await openDatabase({ kind: 'pglite', dataDir: dir.path, command: 'maalbar serve' });
  try {
    assert.equal(readLock(dir.path).command, 'maalbar serve');
    assert.equal(readLock(dir.path).pid, process.pid);
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir: dir.path, command: 'maalbar migrate' }), isLocked);
    await database.ping();
  } finally {
    await database.close();
  }
  assert.equal(existsSync(lockFile(dir.path)), false);
});
