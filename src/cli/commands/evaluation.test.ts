/**
 * `maalbar evaluation` as a child process, on a database prepared in this process (the seeded
 * organisation with its accounts registered in January 2026), embedded and, when
 * TEST_DATABASE_URL is set, PostgreSQL. The CLI runs on today's clock, so every 2026 month
 * before today is overdue.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import type { EvaluationDetail, EvaluationList, EvaluationPrepareOut } from '../../contract/evaluations.ts';
import { seed } from '../../testing/seed.ts';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../../testing/cli.ts';

for (const kind of cliDatabaseKinds) {
  describe(`maalbar evaluation [${kind}]`, () => {
    let db: CliDatabase;
    let cwd = '';
    let env: Record<string, string> = {};

    before(async () => {
      db = await cliDatabase(kind, 'evaluation-cli');
      cwd = db.cwd;
      env = kind === 'postgres' ? db.env : { MAALBAR_DATA_DIR: join(cwd, 'data') };
      const database = await openDatabase(
        kind === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir: env.MAALBAR_DATA_DIR!, command: 'evaluation test' },
      );
      try {
        await database.migrate();
        const s = await seed(database.db);
        await database.db.update(accounts).set({ createdAt: new Date('2026-01-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
      } finally {
        await database.close();
      }
    });

    after(() => db.dispose());

    test('prepare is idempotent; list filters; show gives the figures and the history', async () => {
      assert.deepEqual(await json<EvaluationPrepareOut>(['evaluation', 'prepare', '--month', '2026-02'], { env, cwd }), { month: '2026-02', created: 2, existing: 0 });
      const again = await maalbar(['evaluation', 'prepare', '--month', '2026-02'], { env, cwd });
      assert.equal(again.code, 0, again.stderr);
      assert.equal(again.stdout.trim(), '2026-02: 0 drafts prepared, 2 already there.');

      const list = await json<EvaluationList>(['evaluation', 'list', '--unit', 'faculty-a', '--state', 'overdue'], { env, cwd });
      assert.deepEqual(list.items.map((i) => [i.month, i.account.slug, i.state, i.dueOn]), [['2026-02', 'a1-pa-instagram', 'overdue', '2026-03-15']]);
      assert.deepEqual(list.counts, { signed: 0, upcoming: 0, due: 0, overdue: 1 });

      const text = await maalbar(['evaluation', 'list', '--month', '2026-02'], { env, cwd });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^Evaluations as of \d{4}-\d{2}-\d{2}: 0 signed, 0 upcoming, 0 due, 2 overdue\.$/m);
      assert.match(text.stdout, /^2026-02\s+OVERDUE\s+a1-pa-instagram\s+department-a1\s+2026-03-15\s+Evaluator Person\s+[0-9a-f-]{36}$/m);

      const id = list.items[0]!.id;
      const detail = await json<EvaluationDetail>(['evaluation', 'show', id], { env, cwd });
      assert.deepEqual([detail.status, detail.figuresFrozen, detail.figures.month, detail.events.map((e) => [e.action, e.person])], ['draft', false, '2026-02', [['prepared', null]]]);
      const shown = await maalbar(['evaluation', 'show', id], { env, cwd });
      assert.equal(shown.code, 0, shown.stderr);
      assert.match(shown.stdout, /^A1 på Instagram \(a1-pa-instagram, Department A1\) — 2026-02: overdue, due 2026-03-15$/m);
      assert.match(shown.stdout, /^ {2}\S+ prepared by Målbar$/m);
    });

    test('bad input and unknown ids give clear errors and non-zero exit codes', async () => {
      const badMonth = await maalbar(['evaluation', 'prepare', '--month', '2026-13'], { env, cwd });
      assert.equal(badMonth.code, 2);
      assert.match(badMonth.stderr, /--month: a month as YYYY-MM/);
      const badState = await maalbar(['evaluation', 'list', '--state', 'late'], { env, cwd });
      assert.equal(badState.code, 2);
      assert.match(badState.stderr, /--state: "late" is not allowed; choose one of: signed, upcoming, due, overdue/);
      const unknown = await maalbar(['evaluation', 'show', crypto.randomUUID()], { env, cwd });
      assert.equal(unknown.code, 3);
      assert.match(unknown.stderr, /No such evaluation/);
    });
  });
}
