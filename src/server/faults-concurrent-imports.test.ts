/**
 * Fault: concurrent imports into one account over HTTP (issue #7, "Proof"), against the real
 * server as a child process (PGlite data directory; PostgreSQL when TEST_DATABASE_URL is set).
 * Several different files, overlapping in days, and the same file three times, all uploaded at
 * once to one account, end with exactly the values the same files give imported one after
 * another into a second account; the same file lands once (one import, the others report it
 * 'unchanged' with that import's id). The service-level test of two overlapping imports is in
 * src/services/imports/import-files.test.ts.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '../db/testing.ts';
import { createPostgresDatabase, startServerProcess, type ServerProcess } from '../testing/server-process.ts';
import { createAccountOverHttp, daysFrom, importOverHttp, ok, setUpOverHttp, templateCsv, type HttpSession } from '../testing/server-api.ts';
import type { FileReport } from '../contract/statistics.ts';

const LAST_DAY = '2026-06-30';
/** Every file gives a (metric, day) the same value, so the end state does not depend on the order. */
const valueOf = (metric: string, day: string) => (Date.parse(`${day}T00:00:00Z`) / 86_400_000 + metric.length * 101) % 9973;
const file = (name: string, metric: string, first: string, days: number) =>
  templateCsv(name, daysFrom(first, days).map((day) => ({ day, metric, value: valueOf(metric, day) })));

const files = [
  file('reach-a.csv', 'reach', '2025-01-01', 200),
  file('reach-b.csv', 'reach', '2025-04-11', 200), // overlaps reach-a by 100 days
  file('reach-c.csv', 'reach', '2025-09-01', 150), // overlaps reach-b
  file('likes.csv', 'likes', '2025-01-01', 365),
  file('impressions.csv', 'impressions', '2025-03-01', 300),
];
const same = file('same.csv', 'comments', '2025-02-01', 250);

async function values(s: HttpSession, account: string): Promise<string[]> {
  const rows = await ok<{ metric: string; date: string; value: number; post: string | null }[]>(s, 'GET', `/accounts/${account}/observations`);
  return rows.map((r) => `${r.metric} ${r.date} ${r.value} ${r.post ?? ''}`).sort();
}

for (const kind of testDatabaseKinds()) {
  describe(`concurrent imports into one account over HTTP [${kind}]`, () => {
    let server: ServerProcess | null = null;
    let dataDir: string | null = null;
    let pgDb: Awaited<ReturnType<typeof createPostgresDatabase>> | null = null;
    after(async () => {
      if (server) {
        server.kill('SIGKILL');
        await server.exited;
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await pgDb?.drop();
    });

    test('different files and the same file at once end as a sequential import; the same file lands once', { timeout: 120_000 }, async (t) => {
      if (kind === 'pglite') {
        dataDir = mkdtempSync(join(tmpdir(), 'maalbar-fault-concurrent-'));
        server = await startServerProcess({ kind: 'pglite', dataDir });
      } else {
        pgDb = await createPostgresDatabase();
        server = await startServerProcess({ kind: 'postgres', url: pgDb.url });
      }
      const admin = await setUpOverHttp(server.url);
      const parallel = await createAccountOverHttp(admin, 'Concurrent account');
      const sequential = await createAccountOverHttp(admin, 'Sequential account');

      const uploads = [...files, same, same, same];
      const reports = await Promise.all(uploads.map((f) => importOverHttp(admin, parallel, [f], { lastDay: LAST_DAY })));
      const byFile = reports.map((r) => {
        assert.equal(r.length, 1);
        return r[0]!;
      });
      for (const r of byFile.slice(0, files.length)) assert.equal(r.status, 'imported', `${r.file}: ${r.error ?? ''}`);
      const sameReports = byFile.slice(files.length);
      const imported = sameReports.filter((r) => r.status === 'imported');
      assert.equal(imported.length, 1, `the same file lands once: ${sameReports.map((r) => r.status).join(', ')}`);
      for (const r of sameReports.filter((r) => r !== imported[0])) {
        assert.equal(r.status, 'unchanged', r.error ?? '');
        assert.equal(r.importId, imported[0]!.importId, 'and the others name that import');
      }
      t.diagnostic(`${kind}: ${byFile.map((r: FileReport) => `${r.file} ${r.status} +${r.added} ~${r.changed} =${r.unchanged}`).join('; ')}`);

      for (const f of [...files, same]) {
        const [r] = await importOverHttp(admin, sequential, [f], { lastDay: LAST_DAY });
        assert.equal(r?.status, 'imported', r?.error ?? '');
      }
      const got = await values(admin, parallel);
      const want = await values(admin, sequential);
      assert.equal(got.length, want.length);
      assert.deepEqual(got, want, 'the concurrent imports end with the sequential import\u2019s values');
      // And the values are what the files say: every (metric, day) of any file, once.
      const expected = new Set<string>();
      for (const f of [...files, same]) {
        for (const line of new TextDecoder().decode(f.bytes).trim().split('\n').slice(1)) {
          const [day, metric, value] = line.split(',');
          expected.add(`${metric} ${day} ${value} `);
        }
      }
      assert.deepEqual(got, [...expected].sort());
      const history = await ok<{ fileName: string | null }[]>(admin, 'GET', `/accounts/${parallel}/imports`);
      assert.equal(history.length, files.length + 1, 'one import per distinct file');
      // Each overlap was written once as new, the rest reported unchanged: added sums to the distinct values.
      const added = byFile.reduce((sum, r) => sum + r.added, 0);
      assert.equal(added, expected.size);
      assert.equal(byFile.reduce((sum, r) => sum + r.changed, 0), 0, 'equal values never count as changed');
    });
  });
}
