/**
 * `maalbar mapping list|show` and `maalbar import --mapping NAME` as child processes, on a database
 * seeded in this process with one saved column mapping. Embedded and, when TEST_DATABASE_URL is
 * set, PostgreSQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import type { ColumnMappingList, ColumnMappingOut } from '../../contract/column-mappings.ts';
import type { FileReportList } from '../../contract/statistics.ts';
import { seed } from '../../testing/seed.ts';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../../testing/cli.ts';
import { createColumnMapping } from '../../services/column-mappings/create-mapping.ts';

for (const kind of cliDatabaseKinds) {
  describe(`maalbar mapping [${kind}]`, () => {
    let db: CliDatabase;
    let cwd = '';
    let env: Record<string, string> = {};
    let account = '';

    before(async () => {
      db = await cliDatabase(kind, 'mapping-cli');
      cwd = db.cwd;
      env = kind === 'postgres' ? db.env : { MAALBAR_DATA_DIR: join(cwd, 'data') };
      const database = await openDatabase(
        kind === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir: env.MAALBAR_DATA_DIR!, command: 'mapping test' },
      );
      try {
        await database.migrate();
        const s = await seed(database.db);
        account = s.accounts.bTiktok;
        await createColumnMapping(await s.as('admin'), {
          name: 'tiktok-norsk',
          headers: ['Dag', 'Avspillinger', 'Merknad'],
          mapping: {
            platform: 'tiktok',
            granularity: 'day',
            date: { header: 'Dag', format: 'DD.MM.YYYY' },
            columns: [
              { header: 'Avspillinger', target: { kind: 'metric', metric: 'views' } },
              { header: 'Merknad', target: { kind: 'ignore' } },
            ],
          },
        });
      } finally {
        await database.close();
      }
    });

    after(() => db.dispose());

    test('list and show saved mappings, as text and JSON', async () => {
      const list = await json<ColumnMappingList>(['mapping', 'list'], { env, cwd });
      assert.deepEqual(list.mappings.map((m) => [m.name, m.version, m.createdBy?.name]), [['tiktok-norsk', 1, 'Ada Admin']]);
      const text = await maalbar(['mapping', 'list'], { env, cwd });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /tiktok-norsk\s+tiktok\s+day\s+1\s+1/);
      const one = await json<ColumnMappingOut>(['mapping', 'show', 'tiktok-norsk'], { env, cwd });
      assert.deepEqual(one.mapping.date, { header: 'Dag', format: 'DD.MM.YYYY' });
      const shown = await maalbar(['mapping', 'show', 'tiktok-norsk'], { env, cwd });
      assert.match(shown.stdout, /date: "Dag" as DD\.MM\.YYYY/);
      assert.match(shown.stdout, /Avspillinger\s+views/);
      const missing = await maalbar(['mapping', 'show', 'finnes-ikke'], { env, cwd });
      assert.notEqual(missing.code, 0);
      assert.match(missing.stderr, /No column mapping "finnes-ikke"/);
    });

    test('import --mapping NAME reads a file no importer knows; the same file again is unchanged', async () => {
      const file = join(cwd, 'egen.csv');
      writeFileSync(file, 'Dag,Avspillinger,Merknad\n01.03.2026,10,\n02.03.2026,-,ok\n');
      const first = await json<FileReportList>(['import', file, '--account', account, '--mapping', 'tiktok-norsk'], { env, cwd });
      assert.equal(first.files[0]!.status, 'imported', first.files[0]!.error ?? '');
      assert.deepEqual(first.files[0]!.mapping?.appliedMapping?.name, 'tiktok-norsk');
      assert.deepEqual([first.files[0]!.added, first.files[0]!.notMeasured], [1, 1]);
      const again = await json<FileReportList>(['import', file, '--account', account], { env, cwd });
      assert.equal(again.files[0]!.status, 'unchanged');

      const other = join(cwd, 'annen.csv');
      writeFileSync(other, 'Når,Tall\n01.03.2026,10\n');
      const refused = await maalbar(['import', other, '--account', account], { env, cwd });
      assert.equal(refused.code, 2);
      assert.match(refused.stdout, /not a known export, but it has a column of dates \("Når"\)/);
      assert.match(refused.stdout, /columns: Når \(01\.03\.2026\), Tall \(10\)/);
      const unknown = await maalbar(['import', other, '--account', account, '--mapping', 'nope'], { env, cwd });
      assert.notEqual(unknown.code, 0);
      assert.match(unknown.stderr, /No column mapping "nope"/);
    });
  });
}
