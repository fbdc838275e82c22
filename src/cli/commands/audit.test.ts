/**
 * `maalbar audit list` and `maalbar audit export` as a child process, on a seeded database (whose
 * own set-up is already in the trail: units, people, roles and accounts made by the operator),
 * embedded and, when TEST_DATABASE_URL is set, PostgreSQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import type { AuditEventList } from '../../contract/audit.ts';
import { seed } from '../../testing/seed.ts';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../../testing/cli.ts';
import { updateAccount } from '../../services/accounts/update-account.ts';

for (const kind of cliDatabaseKinds) {
  describe(`maalbar audit [${kind}]`, () => {
    let db: CliDatabase;
    let cwd = '';
    let env: Record<string, string> = {};

    before(async () => {
      db = await cliDatabase(kind, 'audit-cli');
      cwd = db.cwd;
      env = kind === 'postgres' ? db.env : { MAALBAR_DATA_DIR: join(cwd, 'data') };
      const database = await openDatabase(
        kind === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir: env.MAALBAR_DATA_DIR!, command: 'audit test' },
      );
      try {
        await database.migrate();
        const s = await seed(database.db);
        // A minute after the seed's changes (which all share one time), so that it is the newest.
        const editor = await s.as('editor');
        await updateAccount({ ...editor, now: new Date(editor.now.getTime() + 60_000) }, s.accounts.a1Instagram, { name: '=A1 renamed' });
      } finally {
        await database.close();
      }
    });

    after(() => db.dispose());

    test('audit list --json filters by entity and unit, newest first', async () => {
      const accounts = await json<AuditEventList>(['audit', 'list', '--entity', 'account', '--json'], { env, cwd });
      assert.deepEqual(accounts.events.map((e) => e.action), ['account.update', 'account.create', 'account.create']);
      const renamed = accounts.events[0]!;
      assert.equal(renamed.actor.name, 'Editor Person');
      assert.deepEqual(renamed.changes, [{ field: 'name', before: 'A1 på Instagram', after: '=A1 renamed' }]);
      const b = await json<AuditEventList>(['audit', 'list', '--unit', 'faculty-b', '--entity', 'account', '--json'], { env, cwd });
      assert.deepEqual(b.events.map((e) => e.label), ['B on TikTok']);
      const paged = await json<AuditEventList>(['audit', 'list', '--limit', '2', '--json'], { env, cwd });
      assert.equal(paged.events.length, 2);
      assert.ok(paged.nextCursor);
    });

    test('audit list prints who changed what; bad input is refused', async () => {
      const text = await maalbar(['audit', 'list', '--entity', 'account'], { env, cwd });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /Editor Person {2}account\.update {2}=A1 renamed \[Department A1\]\n {4}name: A1 på Instagram → =A1 renamed/);
      assert.match(text.stdout, /CLI operator {2}account\.create {2}B on TikTok \[Faculty B\]/);
      const bad = await maalbar(['audit', 'list', '--since', 'yesterday'], { env, cwd });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--since/);
      const wrongEntity = await maalbar(['audit', 'list', '--entity', 'spaceship'], { env, cwd });
      assert.equal(wrongEntity.code, 2);
    });

    test('audit export writes CSV (formula-guarded) and XLSX', async () => {
      const out = join(cwd, 'audit.csv');
      const run = await maalbar(['audit', 'export', '-o', out, '--entity', 'account', '--lang', 'en'], { env, cwd });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Wrote 3 changes as CSV/);
      const csv = readFileSync(out, 'utf8');
      assert.ok(csv.includes("'=A1 renamed"), 'the label is quote-prefixed');
      const xlsx = join(cwd, 'audit.xlsx');
      const run2 = await maalbar(['audit', 'export', '-o', xlsx, '--json'], { env, cwd });
      assert.equal(run2.code, 0, run2.stderr);
      assert.equal((JSON.parse(run2.stdout) as { format: string }).format, 'xlsx');
      assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), 'PK');
    });
  });
}
