/**
 * `maalbar backup` and `maalbar restore` as child processes: a seeded database is backed up and
 * restored into a fresh one (embedded data directory, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set), and restoring again into the now non-empty database is refused.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import type { BackupSummary } from '../../services/backup/create-backup.ts';
import { seed } from '../../testing/seed.ts';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../../testing/cli.ts';
import { recordObservations } from '../../services/statistics/record-observations.ts';

for (const kind of cliDatabaseKinds) {
  describe(`maalbar backup and restore [${kind}]`, () => {
    let source: CliDatabase;
    let target: CliDatabase;
    let sourceEnv: Record<string, string> = {};
    let targetEnv: Record<string, string> = {};

    before(async () => {
      source = await cliDatabase(kind, 'backup-cli');
      target = await cliDatabase(kind, 'restore-cli');
      sourceEnv = kind === 'postgres' ? source.env : { MAALBAR_DATA_DIR: join(source.cwd, 'data') };
      targetEnv = kind === 'postgres' ? target.env : { MAALBAR_DATA_DIR: join(target.cwd, 'data') };
      const database = await openDatabase(
        kind === 'postgres' ? { kind: 'postgres', url: sourceEnv.DATABASE_URL! } : { kind: 'pglite', dataDir: sourceEnv.MAALBAR_DATA_DIR!, command: 'backup test' },
      );
      try {
        await database.migrate();
        const s = await seed(database.db);
        await recordObservations(await s.system(), s.accounts.a1Instagram, { observations: [{ metric: 'reach', date: '2026-02-10', value: 60.5 }] });
      } finally {
        await database.close();
      }
    });

    after(async () => {
      await source.dispose();
      await target.dispose();
    });

    test('backup, restore into a fresh database, refuse a second restore', async () => {
      const file = join(source.cwd, 'org.backup');
      const made = await json<BackupSummary>(['backup', '-o', file], { env: sourceEnv, cwd: source.cwd });
      assert.equal(made.organisation.slug, 'testuniversitetet');
      assert.ok(made.rows > 10 && made.bytes > 0 && existsSync(file));
      assert.equal(made.perTable.find((t) => t.name === 'observations')?.rows, 1);

      const text = await maalbar(['restore', file], { env: targetEnv, cwd: target.cwd });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, new RegExp(`Restored "Testuniversitetet" \\(testuniversitetet\\): ${made.tables} tables, ${made.rows} rows, 0 original import files`));

      const again = await json<BackupSummary>(['backup', '-o', join(target.cwd, 'copy.backup')], { env: targetEnv, cwd: target.cwd });
      assert.deepEqual(again.perTable, made.perTable);

      const refused = await maalbar(['restore', file], { env: targetEnv, cwd: target.cwd });
      assert.equal(refused.code, 4, refused.stderr);
      assert.match(refused.stderr, /already holds an organisation: restore needs an empty database/);

      const exists = await maalbar(['backup', '-o', file], { env: sourceEnv, cwd: source.cwd });
      assert.equal(exists.code, 4);
      assert.match(exists.stderr, /already exists/);
    });
  });
}
