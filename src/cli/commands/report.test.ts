/**
 * `maalbar report` and `maalbar annual-report` as child processes, on a database prepared in
 * this process (the seeded organisation with its accounts registered in March 2025), embedded
 * and, when TEST_DATABASE_URL is set, PostgreSQL. The CLI runs on today's clock, so 2025 has
 * ended and its annual reports are due or overdue.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import type { AnnualAccountReport, AnnualReport, AnnualReportList } from '../../contract/reports.ts';
import { seed } from '../../testing/seed.ts';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../../testing/cli.ts';
import type { WrittenReport } from './report.ts';

for (const kind of cliDatabaseKinds) {
  describe(`maalbar report and annual-report [${kind}]`, () => {
    let db: CliDatabase;
    let cwd = '';
    let env: Record<string, string> = {};

    before(async () => {
      db = await cliDatabase(kind, 'report-cli');
      cwd = db.cwd;
      env = kind === 'postgres' ? db.env : { MAALBAR_DATA_DIR: join(cwd, 'data') };
      const database = await openDatabase(
        kind === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir: env.MAALBAR_DATA_DIR!, command: 'report test' },
      );
      try {
        await database.migrate();
        const s = await seed(database.db);
        await database.db.update(accounts).set({ createdAt: new Date('2025-03-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
      } finally {
        await database.close();
      }
    });

    after(() => db.dispose());

    test('report writes the file in the format asked for (or the extension’s), and says what it wrote', async () => {
      const pdf = await maalbar(['report', 'annual', '--unit', 'faculty-a', '--period', '2025', '--format', 'pdf', '-o', 'a.pdf', '--lang', 'en'], { env, cwd });
      assert.equal(pdf.code, 0, pdf.stderr);
      assert.match(pdf.stdout, /^Wrote the annual report 2025 \(Faculty A, 1 account\) as PDF to .*a\.pdf \(\d+ bytes\)\.$/m);
      assert.equal(readFileSync(join(cwd, 'a.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');

      const written = await json<WrittenReport>(['report', 'monthly', '--account', 'a1-pa-instagram', '--period', '2025-04', '-o', 'm.csv'], { env, cwd });
      assert.deepEqual([written.format, written.name, written.contentType], ['csv', 'maalbar-monthly-2025-04-a1-pa-instagram.csv', 'text/csv; charset=utf-8']);
      assert.equal(readFileSync(join(cwd, 'm.csv')).length, written.bytes);

      const out = await maalbar(['report', 'annual', '--period', '2025', '--format', 'json', '-o', 'org.json'], { env, cwd });
      assert.equal(out.code, 0, out.stderr);
      const report = JSON.parse(readFileSync(join(cwd, 'org.json'), 'utf8')) as AnnualReport;
      assert.deepEqual([report.scope.kind, report.accounts.map((a) => a.account.slug)], ['organisation', ['a1-pa-instagram', 'b-on-tiktok']]);
      // JSON without a file is printed.
      const printed = await maalbar(['report', 'annual', '--account', 'b-on-tiktok', '--period', '2025'], { env, cwd });
      assert.equal(printed.code, 0, printed.stderr);
      assert.equal((JSON.parse(printed.stdout) as AnnualReport).scope.kind, 'account');
    });

    test('bad options are refused with a message naming them, before anything is written', async () => {
      const badPeriod = await maalbar(['report', 'annual', '--period', '2025-04', '-o', 'x.pdf'], { env, cwd });
      assert.equal(badPeriod.code, 2);
      assert.match(badPeriod.stderr, /--period: a year as YYYY/);
      const badMonth = await maalbar(['report', 'monthly', '--period', '2025-13', '-o', 'x.pdf'], { env, cwd });
      assert.equal(badMonth.code, 2);
      assert.match(badMonth.stderr, /--period: /);
      const badKind = await maalbar(['report', 'weekly', '--period', '2025', '-o', 'x.pdf'], { env, cwd });
      assert.equal(badKind.code, 2);
      assert.match(badKind.stderr, /KIND: "weekly" is not allowed; choose one of: annual, monthly/);
      const badFormat = await maalbar(['report', 'annual', '--period', '2025', '--format', 'docx', '-o', 'x.docx'], { env, cwd });
      assert.equal(badFormat.code, 2);
      assert.match(badFormat.stderr, /--format: "docx" is not allowed/);
      const noFile = await maalbar(['report', 'annual', '--period', '2025', '--format', 'pdf'], { env, cwd });
      assert.equal(noFile.code, 2);
      assert.match(noFile.stderr, /-o FILE/);
      const unknown = await maalbar(['report', 'annual', '--unit', 'no-such-unit', '--period', '2025', '-o', 'x.pdf'], { env, cwd });
      assert.equal(unknown.code, 3);
      assert.match(unknown.stderr, /No unit "no-such-unit"/);
      const notInUse = await maalbar(['report', 'annual', '--account', 'b-on-tiktok', '--period', '2024', '-o', 'x.pdf'], { env, cwd });
      assert.equal(notInUse.code, 2);
      assert.match(notInUse.stderr, /not in use that year/);
      assert.equal(existsSync(join(cwd, 'x.pdf')), false);
    });

    test('annual-report list and show', async () => {
      const list = await json<AnnualReportList>(['annual-report', 'list', '--year', '2025', '--unit', 'faculty-a'], { env, cwd });
      assert.deepEqual(list.items.map((i) => [i.account.slug, i.id, i.status]), [['a1-pa-instagram', null, 'draft']]);
      const text = await maalbar(['annual-report', 'list', '--year', '2025'], { env, cwd });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^Annual reports 2025 as of \d{4}-\d{2}-\d{2}: 0 signed, 0 upcoming, \d due, \d overdue\.$/m);
      assert.match(text.stdout, /a1-pa-instagram\s+department-a1\s+2026-01-31\s+Evaluator Person$/m);
      assert.match(text.stdout, /^2 annual reports$/m);

      const shown = await json<AnnualAccountReport>(['annual-report', 'show', 'a1-pa-instagram', '2025'], { env, cwd });
      assert.deepEqual([shown.year, shown.status, shown.figuresFrozen, shown.figures.resources.monthsInUse], ['2025', 'draft', false, 10]);
      const plain = await maalbar(['annual-report', 'show', 'a1-pa-instagram', '2025'], { env, cwd });
      assert.equal(plain.code, 0, plain.stderr);
      assert.match(plain.stdout, /^A1 på Instagram \(a1-pa-instagram, Department A1\) — 2025: (due|overdue), due 2026-01-31$/m);
      assert.match(plain.stdout, /^ {2}Hours: not documented \(0 of 10 months\); planned none$/m);

      const badYear = await maalbar(['annual-report', 'show', 'a1-pa-instagram', '25'], { env, cwd });
      assert.equal(badYear.code, 2);
      assert.match(badYear.stderr, /YEAR: a year as YYYY/);
      const unknown = await maalbar(['annual-report', 'show', 'nobody', '2025'], { env, cwd });
      assert.equal(unknown.code, 3);
    });
  });
}
