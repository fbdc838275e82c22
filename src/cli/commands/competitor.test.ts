/**
 * `maalbar competitor` as a child process, on a database seeded in this process: register, enter
 * figures one by one and from a CSV file (refused whole with row and column; the same file twice
 * changes nothing), list, and share of voice. Embedded and, when TEST_DATABASE_URL is set, PostgreSQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import type { CompetitorOut, FigureBatchResult, FigureOut, ShareOfVoiceOut } from '../../contract/competitors.ts';
import { seed } from '../../testing/seed.ts';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../../testing/cli.ts';
import { recordObservations } from '../../services/statistics/record-observations.ts';

for (const kind of cliDatabaseKinds) {
  describe(`maalbar competitor [${kind}]`, () => {
    let db: CliDatabase;
    let cwd = '';
    let env: Record<string, string> = {};

    before(async () => {
      db = await cliDatabase(kind, 'competitor-cli');
      cwd = db.cwd;
      env = kind === 'postgres' ? db.env : { MAALBAR_DATA_DIR: join(cwd, 'data') };
      const database = await openDatabase(
        kind === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir: env.MAALBAR_DATA_DIR!, command: 'competitor test' },
      );
      try {
        await database.migrate();
        const s = await seed(database.db);
        // Own mentions of Department A1's account in February: 60.
        await recordObservations(await s.system(), s.accounts.a1Instagram, { observations: [{ metric: 'mentions', date: '2026-02-10', value: 60 }] });
      } finally {
        await database.close();
      }
    });

    after(() => db.dispose());

    test('add, enter figures, list them, and share of voice', async () => {
      const added = await json<CompetitorOut>(['competitor', 'add', '--unit', 'faculty-a', '--platform', 'instagram', '--name', 'Nordvik University', '--handle', '@nordvik'], { env, cwd });
      assert.deepEqual([added.slug, added.kind, added.handle], ['nordvik-university-instagram', 'competitor', '@nordvik']);
      await json(['competitor', 'add', '--unit', 'faculty-b', '--platform', 'tiktok', '--name', 'Peer B', '--kind', 'peer'], { env, cwd });

      const list = await json<CompetitorOut[]>(['competitor', 'list', '--unit', 'faculty-a'], { env, cwd });
      assert.deepEqual(list.map((c) => c.name), ['Nordvik University']);
      const text = await maalbar(['competitor', 'list', '--kind', 'peer'], { env, cwd });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /peer-b-tiktok\s+TikTok\s+peer\s+faculty-b\s+Peer B/);

      const one = await json<FigureBatchResult>(['competitor', 'figures', added.slug, '--metric', 'followers', '--date', '2026-03-01', '--value', '12500'], { env, cwd });
      assert.deepEqual(one, { added: 1, changed: 0, unchanged: 0 });

      const file = join(cwd, 'nordvik.csv');
      writeFileSync(file, 'date,metric,value,note\n2026-02,mentions,140,Meltwater\n2026-03-01,followers,12600,corrected\n');
      assert.deepEqual(await json<FigureBatchResult>(['competitor', 'figures', added.slug, '--file', file], { env, cwd }), { added: 1, changed: 1, unchanged: 0 });
      assert.deepEqual(await json<FigureBatchResult>(['competitor', 'figures', added.slug, '--file', file], { env, cwd }), { added: 0, changed: 0, unchanged: 2 });

      const bad = join(cwd, 'bad.csv');
      writeFileSync(bad, 'date,metric,value\n2026-01-01,mentions,5\n2026-01-02,reach,5\n');
      const refused = await maalbar(['competitor', 'figures', added.slug, '--file', bad], { env, cwd });
      assert.equal(refused.code, 2, refused.stderr);
      assert.match(refused.stderr, /bad\.csv, row 3, column "metric": "reach" is not one of/);

      const figures = await json<FigureOut[]>(['competitor', 'figures', added.slug], { env, cwd });
      assert.deepEqual(
        figures.map((f) => [f.date, f.metric, f.value, f.history.map((h) => h.value)]),
        [
          ['2026-03-01', 'followers', 12600, [12500]],
          ['2026-02-01', 'mentions', 140, []],
        ],
      );

      // 60 / (60 + 140) × 100 = 30
      const sov = await json<ShareOfVoiceOut>(['competitor', 'share-of-voice', '--unit', 'faculty-a', '--from', '2026-02-01', '--to', '2026-02-28'], { env, cwd });
      assert.equal(sov.share, 30);
      const sovText = await maalbar(['competitor', 'share-of-voice', '--unit', 'faculty-a', '--from', '2026-01-01', '--to', '2026-01-31'], { env, cwd });
      assert.match(sovText.stdout, /not measured \(mentions not documented both for the own side and a competitor\)/);
    });
  });
}
