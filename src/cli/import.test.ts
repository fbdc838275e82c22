/**
 * `maalbar import`, `imports`, `undo-import` and `observations` as child processes on the demo
 * organisation, on a fresh embedded database (and PostgreSQL when TEST_DATABASE_URL is set).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../testing/cli.ts';
import type { FileReportList, ImportOut } from '../contract/statistics.ts';
import { fixturesDir } from '../importers/fixture-files.ts';

type Row = { metric: string; date: string; value: number; post: string | null };

for (const kind of cliDatabaseKinds) {
  describe(`maalbar import and observations [${kind}]`, () => {
    let db: CliDatabase;
    let cwd = '';
    let env: Record<string, string> = {};

    before(async () => {
      db = await cliDatabase(kind, 'import-cli');
      cwd = db.cwd;
      env = kind === 'postgres' ? db.env : { MAALBAR_DATA_DIR: join(cwd, 'data-demo') };
      const loaded = await maalbar(['demo', '--load-only', '--json'], { env, cwd });
      assert.equal(loaded.code, 0, loaded.stderr);
      copyFileSync(fileURLToPath(new URL('tiktok-studio/Overview.csv', fixturesDir)), join(cwd, 'Overview.csv'));
      writeFileSync(join(cwd, 'broken.csv'), 'date,metric,value\n2026-01-01,reach,12\n2026-01-02,reach,abc\n');
    });

    after(() => db.dispose());

    test('imports a TikTok Studio export, then reports it unchanged; values read back as the file says; undo puts the earlier ones back', async () => {
      const before = await json<Row[]>(['observations', '--account', 'studier-tiktok', '--metric', 'views', '--from', '2025-12-31', '--to', '2026-01-01'], { env, cwd });
      const first = await json<FileReportList>(['import', 'Overview.csv', '--account', 'studier-tiktok', '--last-day', '2026-02-27'], { env, cwd });
      assert.equal(first.files.length, 1);
      const f = first.files[0]!;
      assert.deepEqual(
        { file: f.file, platform: f.platform, kind: f.kind, from: f.from, to: f.to, rows: f.rows, status: f.status, error: f.error },
        { file: 'Overview.csv', platform: 'tiktok', kind: 'tiktok_overview', from: '2025-02-28', to: '2026-02-27', rows: 365, status: 'imported', error: null },
      );
      assert.equal(f.added + f.changed + f.unchanged, 365 * 5);

      const views = await json<Row[]>(['observations', '--account', 'studier-tiktok', '--metric', 'views', '--from', '2025-12-31', '--to', '2026-01-01'], { env, cwd });
      assert.deepEqual(views, [
        { metric: 'views', date: '2025-12-31', value: 9768, post: null },
        { metric: 'views', date: '2026-01-01', value: 28710, post: null },
      ]);

      const again = await json<FileReportList>(['import', 'Overview.csv', '--account', 'studier-tiktok', '--last-day', '2026-02-27'], { env, cwd });
      assert.equal(again.files[0]!.status, 'unchanged');
      assert.equal(again.files[0]!.importId, f.importId);

      const history = await json<ImportOut[]>(['imports', '--account', 'studier-tiktok'], { env, cwd });
      assert.equal(history[0]!.id, f.importId);
      assert.equal(history[0]!.fileName, 'Overview.csv');

      await json(['undo-import', f.importId!], { env, cwd });
      const restored = await json<Row[]>(['observations', '--account', 'studier-tiktok', '--metric', 'views', '--from', '2025-12-31', '--to', '2026-01-01'], { env, cwd });
      assert.deepEqual(restored, before, 'the demo values of those days are back');
    });

    test('a refused file (wrong platform, a bad number) exits 2 and names the file, row and column; a missing file is reported', async () => {
      const r = await maalbar(['import', 'Overview.csv', 'broken.csv', 'missing.csv', '--account', 'studier-instagram', '--last-day', '2026-02-27', '--json'], { env, cwd });
      assert.equal(r.code, 2, r.stderr);
      const out = JSON.parse(r.stdout) as FileReportList;
      assert.deepEqual(out.files.map((f) => f.status), ['refused', 'refused', 'refused']);
      assert.match(out.files[0]!.error!, /TikTok.*Instagram/);
      assert.match(out.files[1]!.error!, /broken\.csv, row 3, column "value"/);
      assert.match(out.files[2]!.error!, /missing\.csv: cannot be read \(ENOENT\)/);
      const text = await maalbar(['import', 'broken.csv', '--account', 'studier-instagram'], { env, cwd });
      assert.equal(text.code, 2);
      assert.match(text.stdout, /1 file of 1 refused/);
    });
  });
}
