/**
 * `maalbar due` as a child process, on a database prepared in this process (seeded organisation,
 * statistics through recordObservations, a shortened TikTok window), embedded and, when
 * TEST_DATABASE_URL is set, PostgreSQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { eachDay } from '../../core/period/days.ts';
import { openDatabase } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import type { DueList } from '../../contract/coverage.ts';
import { seed } from '../../testing/seed.ts';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../../testing/cli.ts';
import { recordObservations } from '../../services/statistics/record-observations.ts';
import { setHistoryWindow } from '../../services/coverage/set-history-window.ts';

const views = (from: string, to: string) => eachDay(from, to).map((date) => ({ metric: 'views', date, value: 100 }));

for (const kind of cliDatabaseKinds) {
  describe(`maalbar due [${kind}]`, () => {
    let db: CliDatabase;
    let cwd = '';
    let env: Record<string, string> = {};

    before(async () => {
      db = await cliDatabase(kind, 'due-cli');
      cwd = db.cwd;
      env = kind === 'postgres' ? db.env : { MAALBAR_DATA_DIR: join(cwd, 'data') };
      const database = await openDatabase(
        kind === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir: env.MAALBAR_DATA_DIR!, command: 'due test' },
      );
      try {
        await database.migrate();
        const s = await seed(database.db);
        const sys = await s.system();
        await database.db.update(accounts).set({ createdAt: new Date('2026-01-01T08:00:00Z') }).where(eq(accounts.id, s.accounts.bTiktok));
        await database.db.update(accounts).set({ createdAt: new Date('2026-03-01T08:00:00Z') }).where(eq(accounts.id, s.accounts.a1Instagram));
        await recordObservations(sys, s.accounts.bTiktok, { observations: [...views('2026-01-01', '2026-01-31'), ...views('2026-02-10', '2026-03-14')] });
        await setHistoryWindow(await s.as('admin'), 'tiktok', { days: 40 });
      } finally {
        await database.close();
      }
    });

    after(() => db.dispose());

    test('due --json lists every active account, most urgent first, with the days to cover and the lost days', async () => {
      const list = await json<DueList>(['due', '--at', '2026-03-15'], { env, cwd });
      assert.equal(list.asOf, '2026-03-15');
      assert.deepEqual(list.items.map((i) => [i.account.slug, i.status]), [['b-on-tiktok', 'overdue'], ['a1-pa-instagram', 'ok']]);
      const [tiktok, insta] = list.items;
      // 40 days back from 2026-03-15 is 2026-02-03: 1–2 February are lost, 3–9 February still to download,
      // and 3 February leaves the window on 2026-03-16.
      assert.deepEqual(
        [tiktok!.window, tiktok!.lostDays, tiktok!.toCover, tiktok!.deadline, tiktok!.daysLeft, tiktok!.reporters],
        [{ days: 40, overridden: true }, 2, [['2026-02-03', '2026-02-09']], '2026-03-16', 1, []],
      );
      assert.match(tiktok!.instruction.nb, /TikTok Studio/);
      assert.match(tiktok!.instruction.en, /TikTok Studio/);
      assert.deepEqual([insta!.toCover, insta!.deadline, insta!.reporters.map((r) => r.name)], [[['2026-03-01', '2026-03-14']], '2028-03-01', ['Reporter Person']]);

      const facultyA = await json<DueList>(['due', '--unit', 'faculty-a', '--at', '2026-03-15'], { env, cwd });
      assert.deepEqual(facultyA.items.map((i) => i.account.slug), ['a1-pa-instagram']);
    });

    test('the text table names the status, the days to cover and the export to download', async () => {
      const text = await maalbar(['due', '--at', '2026-03-15'], { env, cwd });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^OVERDUE\s+b-on-tiktok\s+tiktok\s+faculty-b\s+7 days\s+leaves 2026-03-16\s+2 days$/m);
      assert.match(text.stdout, /^ok\s+a1-pa-instagram\s+instagram\s+department-a1\s+14 days\s+leaves 2028-03-01\s+Reporter Person$/m);
      assert.match(text.stdout, /^b-on-tiktok: 2026-02-03…2026-02-09\n {2}Open TikTok Studio/m);
    });

    test('bad input: a wrong day and an unknown unit give clear errors and non-zero exit codes', async () => {
      const badDay = await maalbar(['due', '--at', '2026-02-30', '--json'], { env, cwd });
      assert.equal(badDay.code, 2);
      assert.match(badDay.stderr, /--at: not a day of the calendar/);
      const noUnit = await maalbar(['due', '--unit', 'no-such-unit'], { env, cwd });
      assert.equal(noUnit.code, 3);
      assert.match(noUnit.stderr, /No unit "no-such-unit"/);
    });
  });
}
