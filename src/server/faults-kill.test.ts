/**
 * Fault: `kill -9` of the server during an import (issue #7, "Proof"). The real server runs as a
 * child process on a database that outlives it (a PGlite data directory, or a PostgreSQL
 * database when TEST_DATABASE_URL is set). One file is imported fully; then a large import is
 * started and the process is killed with SIGKILL while it runs. Afterwards the database opens
 * (PGlite: the dead process's lock is taken over), the committed import is intact with every
 * value, the killed import is either wholly there or wholly absent (no values without their
 * import row, no original file without an import), a restarted server answers and the large file
 * imports again.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/client.ts';
import { testDatabaseKinds } from '../db/testing.ts';
import { createPostgresDatabase, startServerProcess, type ServerDatabase, type ServerProcess } from '../testing/server-process.ts';
import { createAccountOverHttp, daysFrom, importOverHttp, ok, setUpOverHttp, signInOverHttp, templateCsv, FAULT_PASSWORD } from '../testing/server-api.ts';

const METRICS = ['reach', 'impressions', 'views', 'likes', 'comments', 'shares', 'saves', 'link_clicks', 'profile_views', 'engagements', 'new_followers', 'video_views'];
const LAST_DAY = '2026-01-31';

/** A small file: 60 days × 4 metrics. */
const smallValues = daysFrom('2025-11-01', 60).flatMap((day, d) => METRICS.slice(0, 4).map((metric, m) => ({ day, metric, value: 1000 + d * 10 + m })));
const small = templateCsv('committed.csv', smallValues);
const asLines = (vs: readonly { day: string; metric: string; value: number }[]) => vs.map((v) => `${v.day} ${v.metric} ${v.value}`).sort();
/** A large file: about 24 years × 12 metrics ≈ 105,000 values, on days the small file does not touch. */
const bigValues = daysFrom('2001-01-01', 8700).flatMap((day, d) => METRICS.map((metric, m) => ({ day, metric, value: (d * 7 + m * 13) % 5000 })));
const big = templateCsv('large.csv', bigValues);

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
async function scalar(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<Record<string, unknown>>(await db.db.execute(query));
  return Number(Object.values(row ?? {})[0]);
}

/** What a database holds after the kill: the import rows, and every consistency check's count. */
async function inspect(db: Database) {
  const imports = rowsOf<{ id: string; file_name: string; added: number }>(
    await db.db.execute(sql`select id::text as id, file_name, (counts->>'added')::int as added from imports order by created_at`),
  );
  const perImport = new Map<string, number>();
  for (const r of rowsOf<{ import_id: string; n: number }>(await db.db.execute(sql`select import_id::text as import_id, count(*)::int as n from observations group by import_id`))) {
    perImport.set(r.import_id, r.n);
  }
  return {
    imports,
    perImport,
    orphanValues: await scalar(db, sql`select count(*) from observations o where o.import_id is null or not exists (select 1 from imports i where i.id = o.import_id)`),
    orphanFiles: await scalar(db, sql`select count(*) from stored_files f where not exists (select 1 from imports i where i.file_id = f.id)`),
    importsWithoutFile: await scalar(db, sql`select count(*) from imports i where i.file_id is null or not exists (select 1 from stored_files f where f.id = i.file_id)`),
    committedValues: rowsOf<{ day: string; metric: string; value: number }>(
      await db.db.execute(sql`select to_char(o.day, 'YYYY-MM-DD') as day, o.metric, o.value from observations o join imports i on i.id = o.import_id where i.file_name = 'committed.csv' order by o.day, o.metric`),
    ),
  };
}

/** Newest modification time of the files under a directory (PGlite's pg_wal: its transactions write there). */
function newestWrite(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    try {
      const s = statSync(join(dir, name));
      if (s.isFile() && s.mtimeMs > newest) newest = s.mtimeMs;
    } catch {
      // removed meanwhile
    }
  }
  return newest;
}

/** Polls until `check` holds (true) or the time is up (false). */
async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, stepMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return false;
}

for (const kind of testDatabaseKinds()) {
  describe(`kill -9 during an import [${kind}]`, () => {
    let dataDir: string | null = null;
    let pgDb: Awaited<ReturnType<typeof createPostgresDatabase>> | null = null;
    const servers: ServerProcess[] = [];
    after(async () => {
      for (const s of servers) {
        s.kill('SIGKILL');
        await s.exited;
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await pgDb?.drop();
    });

    test('nothing half-imported, nothing committed lost; the server restarts on the same data and the file imports again', { timeout: 120_000 }, async (t) => {
      let target: ServerDatabase;
      if (kind === 'pglite') {
        dataDir = mkdtempSync(join(tmpdir(), 'maalbar-fault-kill-'));
        target = { kind: 'pglite', dataDir };
      } else {
        pgDb = await createPostgresDatabase();
        target = { kind: 'postgres', url: pgDb.url };
      }
      const open = () => (target.kind === 'pglite' ? openDatabase({ kind: 'pglite', dataDir: target.dataDir, command: 'faults test' }) : openDatabase({ kind: 'postgres', url: target.url, poolSize: 1 }));

      const first = await startServerProcess(target);
      servers.push(first);
      const admin = await setUpOverHttp(first.url);
      const account = await createAccountOverHttp(admin, 'Fault account');
      const [committed] = await importOverHttp(admin, account, [small], { lastDay: LAST_DAY });
      assert.equal(committed?.status, 'imported', committed?.error ?? '');
      assert.equal(committed.added, 240);

      // The large import, killed while it runs.
      let watcher: pg.Client | null = null;
      if (target.kind === 'postgres') {
        watcher = new pg.Client({ connectionString: target.url });
        await watcher.connect();
      }
      const wal = target.kind === 'pglite' ? join(target.dataDir, 'pgdata', 'pg_wal') : null;
      let lastWrite = wal ? newestWrite(wal) : 0;
      let writesSeen = 0;
      const sentAt = Date.now();
      const upload = importOverHttp(admin, account, [big], { lastDay: LAST_DAY }).then(
        (reports) => ({ answered: true as const, reports }),
        (error: unknown) => ({ answered: false as const, error }),
      );
      let answered = false;
      void upload.then((r) => (answered = r.answered));
      // PostgreSQL: kill as soon as a transaction of the server has written (it holds a transaction id)
      // to the import's tables and the import is not answered. PGlite: once its write-ahead log is being
      // written to continuously (the import's transaction; a full import of this file takes ~4 s on a
      // loaded 2-thread machine, its bulk WAL writes begin after ~1.5 s).
      const writing = await waitFor(
        async () => {
          if (answered) return true;
          if (watcher) {
            const r = await watcher.query(
              `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null
                 and query ~* '(observations|stored_files|imports|posts)'`,
            );
            return (r.rows[0] as { n: number }).n > 0;
          }
          // Three polls that each find a newer write: sustained writing (the import's rows), not one
          // small write such as a session's last-seen time.
          const newest = newestWrite(wal!);
          if (newest > lastWrite) writesSeen++;
          lastWrite = newest;
          return writesSeen >= 3;
        },
        30_000,
        kind === 'pglite' ? 50 : 10,
      );
      const killedAfterMs = Date.now() - sentAt;
      first.kill('SIGKILL');
      const exit = await first.exited;
      assert.equal(exit.signal, 'SIGKILL');
      await watcher?.end();
      const outcome = await upload;
      t.diagnostic(
        `${kind}: killed ${killedAfterMs} ms after the upload began; ` +
          (outcome.answered ? 'the import had already answered (it committed before the kill)' : writing ? 'while the import was writing' : 'without seeing it write'),
      );

      // PGlite: the dead server's lock file is still there; the next open must take it over.
      if (target.kind === 'pglite') assert.ok(existsSync(join(target.dataDir, 'maalbar.lock')), 'the killed server left its lock file');
      const database = await open();
      let state;
      try {
        state = await inspect(database);
      } finally {
        await database.close();
      }
      assert.equal(state.orphanValues, 0, 'no values without their import row');
      assert.equal(state.orphanFiles, 0, 'no original file without its import');
      assert.equal(state.importsWithoutFile, 0, 'no import without its original file');
      const byName = new Map(state.imports.map((i) => [i.file_name, i]));
      const kept = byName.get('committed.csv');
      assert.ok(kept, 'the committed import is still there');
      assert.equal(state.perImport.get(kept.id), 240);
      assert.deepEqual(asLines(state.committedValues), asLines(smallValues), 'every committed value is intact');
      const killed = byName.get('large.csv');
      if (killed) {
        assert.equal(state.perImport.get(killed.id), bigValues.length, 'the killed import is there in full');
        assert.equal(killed.added, bigValues.length);
      } else {
        assert.equal(state.imports.length, 1, 'the killed import is wholly absent');
        assert.equal([...state.perImport.values()].reduce((a, b) => a + b, 0), 240, 'and none of its values');
      }
      if (outcome.answered) assert.ok(killed, 'an answered import is committed');
      t.diagnostic(`${kind}: the killed import is ${killed ? 'wholly present' : 'wholly absent'}`);

      // A new server on the same data: sign-in works, the values read back, the large file imports again.
      const second = await startServerProcess(target);
      servers.push(second);
      const again = await signInOverHttp(second.url, 'admin@faults.example', FAULT_PASSWORD);
      const read = await ok<{ date: string; value: number }[]>(again, 'GET', `/accounts/${account}/observations?metric=reach&from=2025-11-01&to=2025-12-31`);
      assert.equal(read.length, 60);
      assert.equal(read.find((o) => o.date === '2025-11-02')?.value, 1010);
      const [reimport] = await importOverHttp(again, account, [big], { lastDay: LAST_DAY });
      assert.equal(reimport?.status, killed ? 'unchanged' : 'imported', reimport?.error ?? '');
      if (!killed) assert.equal(reimport.added, bigValues.length);
      const history = await ok<{ fileName: string | null }[]>(again, 'GET', `/accounts/${account}/imports`);
      assert.deepEqual(history.map((i) => i.fileName).sort(), ['committed.csv', 'large.csv']);
      const ready = await fetch(`${second.url}/readyz`);
      assert.equal(ready.status, 200, await ready.text());
      await second.stop();
      assert.equal((await second.exited).code, 0, second.output());

      const reopened = await open();
      try {
        const final = await inspect(reopened);
        assert.equal(final.orphanValues, 0);
        assert.equal([...final.perImport.values()].reduce((a, b) => a + b, 0), 240 + bigValues.length);
      } finally {
        await reopened.close();
      }
    });
  });
}
