import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { imports, observationHistory, observations, storedFiles } from '../../db/schema/index.ts';
import { fixture } from '../../importers/fixture-files.ts';
import { listObservations } from '../statistics/list-observations.ts';
import { importFiles, previewImport } from './import-files.ts';
import { undoImport } from './undo-import.ts';
import { getImportFile, listImports } from './list-imports.ts';
import { sha256Hex } from '../statistics/write-statistics.ts';

const csv = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(`date,metric,value\n${lines.join('\n')}\n`) });
const values = async (ctx: Parameters<typeof listObservations>[0], account: string, metric = 'reach') =>
  Object.fromEntries((await listObservations(ctx, account, { metric })).map((o) => [o.date, o.value]));

forEachDatabase('importing files', (fresh) => {
  test('a TikTok Studio export imports with its values, once; the original file is kept with its checksum', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('outsider'); // editor of Faculty B, where the TikTok account is
    const overview = fixture('tiktok-studio/Overview.csv');
    const preview = await previewImport(ctx, s.accounts.bTiktok, [overview], { lastDay: '2026-02-27' });
    assert.equal(preview.files[0]!.status, 'ready');
    assert.equal(preview.files[0]!.observations, 365 * 5);
    assert.equal((await t.db.select().from(observations)).length, 0, 'a preview writes nothing');

    const first = await importFiles(ctx, s.accounts.bTiktok, [overview], { lastDay: '2026-02-27' });
    const report = first.files[0]!;
    assert.equal(report.status, 'imported', report.error ?? '');
    assert.deepEqual([report.platform, report.kind, report.from, report.to, report.rows], ['tiktok', 'tiktok_overview', '2025-02-28', '2026-02-27', 365]);
    assert.deepEqual([report.added, report.changed, report.unchanged], [365 * 5, 0, 0]);
    // Values read by hand from the file (as in tiktok-overview.test.ts).
    const views = await values(ctx, s.accounts.bTiktok, 'views');
    assert.equal(views['2025-12-31'], 9768);
    assert.equal(views['2026-01-01'], 28710);
    assert.equal(views['2025-02-28'], 0, 'a real zero stays zero');
    const [row] = await listObservations(ctx, s.accounts.bTiktok, { metric: 'likes', from: '2026-01-01', to: '2026-01-01' });
    assert.deepEqual(row, { metric: 'likes', date: '2026-01-01', value: 13, post: null, importId: report.importId, source: 'import' });

    const kept = await getImportFile(ctx, report.importId!);
    assert.deepEqual(Buffer.from(kept.bytes), Buffer.from(overview.bytes));
    assert.equal(kept.sha256, await sha256Hex(overview.bytes));
    assert.equal(report.sha256, kept.sha256);

    const again = await importFiles(ctx, s.accounts.bTiktok, [{ ...overview, name: 'renamed.csv' }], { lastDay: '2026-02-27' });
    assert.equal(again.files[0]!.status, 'unchanged');
    assert.equal(again.files[0]!.importId, report.importId);
    assert.equal((await t.db.select().from(imports)).length, 1);
    assert.equal((await t.db.select().from(storedFiles)).length, 1);
    // The same bytes downloaded a year earlier mean other days: not the same import.
    const earlier = await importFiles(ctx, s.accounts.bTiktok, [overview], { lastDay: '2025-02-27' });
    assert.equal(earlier.files[0]!.status, 'imported', earlier.files[0]!.error ?? '');
    assert.deepEqual([earlier.files[0]!.from, earlier.files[0]!.to], ['2024-02-28', '2025-02-27']);
    assert.equal((await values(ctx, s.accounts.bTiktok, 'views'))['2024-12-31'], 9768);
    await undoImport(ctx, earlier.files[0]!.importId!);
    const history = (await listImports(ctx, s.accounts.bTiktok)).filter((i) => !i.undoneAt);
    assert.equal(history.length, 1);
    assert.equal(history[0]!.createdBy?.name, 'Outsider Person');
    assert.equal(history[0]!.fileSize, overview.bytes.length);
  });

  test('a file for another platform is refused naming both; nothing is written', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('reporter');
    const result = await importFiles(ctx, s.accounts.a1Instagram, [fixture('tiktok-studio/Overview.csv')], { lastDay: '2026-02-27' });
    const r = result.files[0]!;
    assert.equal(r.status, 'refused');
    assert.equal(r.errorCode, 'validation_failed');
    assert.match(r.error!, /Overview\.csv: this is a TikTok export .*"A1 på Instagram" is on Instagram/);
    assert.equal((await t.db.select().from(imports)).length, 0);
    assert.equal((await t.db.select().from(observations)).length, 0);
  });

  test('overlapping exports merge: new days are added, changed values replace the old (kept in history), equal ones stay', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('reporter');
    const a = s.accounts.a1Instagram;
    const first = (await importFiles(ctx, a, [csv('march-1.csv', ['2026-03-01,reach,100', '2026-03-02,reach,200', '2026-03-03,reach,300'])])).files[0]!;
    assert.deepEqual([first.status, first.added], ['imported', 3]);
    const second = (await importFiles(ctx, a, [csv('march-2.csv', ['2026-03-02,reach,200', '2026-03-03,reach,333', '2026-03-04,reach,400'])])).files[0]!;
    assert.deepEqual([second.status, second.added, second.changed, second.unchanged], ['imported', 1, 1, 1]);
    assert.deepEqual(await values(ctx, a), { '2026-03-01': 100, '2026-03-02': 200, '2026-03-03': 333, '2026-03-04': 400 });
    const hist = await t.db.select().from(observationHistory);
    assert.equal(hist.length, 1);
    assert.deepEqual([hist[0]!.day, hist[0]!.value, hist[0]!.importId, hist[0]!.replacedByImportId], ['2026-03-03', 300, first.importId, second.importId]);
    // The equal value stays credited to the first import.
    const rows = await listObservations(ctx, a, { metric: 'reach' });
    assert.deepEqual(rows.map((r) => r.importId), [first.importId, first.importId, second.importId, second.importId]);

    // Undoing the second import: its new day goes, its changed value goes back to the first import's.
    const undone = await undoImport(ctx, second.importId!);
    assert.deepEqual([undone.removed, undone.restored], [1, 1]);
    assert.ok(undone.import.undoneAt);
    assert.equal(undone.import.undoneBy?.name, 'Reporter Person');
    assert.deepEqual(await values(ctx, a), { '2026-03-01': 100, '2026-03-02': 200, '2026-03-03': 300 });
    // Nothing is lost: the removed value is in history, replaced by nothing.
    const removed = await t.db.select().from(observationHistory).where(and(eq(observationHistory.importId, second.importId!), isNull(observationHistory.replacedByImportId)));
    assert.deepEqual(removed.map((h) => [h.day, h.value]).sort(), [['2026-03-03', 333], ['2026-03-04', 400]]);
    await expectAppError(undoImport(ctx, second.importId!), 'conflict');
    // The undone file can be imported again.
    const redo = (await importFiles(ctx, a, [csv('march-2.csv', ['2026-03-02,reach,200', '2026-03-03,reach,333', '2026-03-04,reach,400'])])).files[0]!;
    assert.deepEqual([redo.status, redo.added, redo.changed], ['imported', 1, 1]);
  });

  test('undoing a middle import keeps the later value, and undoing the later one then goes back past the undone one', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('editor');
    const a = s.accounts.a1Instagram;
    const one = (await importFiles(ctx, a, [csv('1.csv', ['2026-04-01,reach,1'])])).files[0]!;
    const two = (await importFiles(ctx, a, [csv('2.csv', ['2026-04-01,reach,2', '2026-04-02,reach,20'])])).files[0]!;
    const three = (await importFiles(ctx, a, [csv('3.csv', ['2026-04-01,reach,3', '2026-04-02,reach,30'])])).files[0]!;
    assert.ok(one.importId && two.importId && three.importId);
    await undoImport(ctx, two.importId);
    assert.deepEqual(await values(ctx, a), { '2026-04-01': 3, '2026-04-02': 30 }, 'the later import still stands');
    await undoImport(ctx, three.importId);
    assert.deepEqual(await values(ctx, a), { '2026-04-01': 1 }, 'back to the first import; the undone one does not come back');
    await undoImport(ctx, one.importId);
    assert.deepEqual(await values(ctx, a), {});
  });

  test('a ZIP is imported entry by entry; a damaged entry is refused on its own, and a dry run writes nothing', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('outsider');
    const zip = zipSync({
      'Overview.csv': fixture('tiktok-studio/Overview.csv').bytes,
      'notes.txt': new TextEncoder().encode('just some notes\n'),
    });
    const dry = await importFiles(ctx, s.accounts.bTiktok, [{ name: 'tiktok.zip', bytes: zip }], { lastDay: '2026-02-27', dryRun: true });
    assert.deepEqual(dry.files.map((f) => [f.file, f.status]), [['tiktok.zip › Overview.csv', 'ready'], ['tiktok.zip › notes.txt', 'refused']]);
    assert.equal(dry.files[0]!.added, 365 * 5);
    assert.equal((await t.db.select().from(observations)).length, 0);
    assert.equal((await t.db.select().from(imports)).length, 0);

    const real = await importFiles(ctx, s.accounts.bTiktok, [{ name: 'tiktok.zip', bytes: zip }], { lastDay: '2026-02-27' });
    assert.deepEqual(real.files.map((f) => f.status), ['imported', 'refused']);
    assert.match(real.files[1]!.error!, /notes\.txt: not a known export/);
    assert.equal((await t.db.select().from(observations)).length, 365 * 5);
  });

  test('a write that fails half-way leaves nothing behind: not the values, not the posts, not the import', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('reporter');
    // The template names a post for a per-post value; giving a post id the account does not have fails in the database phase.
    const body = 'date,metric,value,post_id,post_date\n2026-03-01,reach,5,,\n2026-03-01,likes,3,p-new,2026-03-01\n';
    const ok = await importFiles(ctx, s.accounts.a1Instagram, [{ name: 'posts.csv', bytes: new TextEncoder().encode(body) }]);
    assert.equal(ok.files[0]!.status, 'imported', ok.files[0]!.error ?? '');
    const before = (await t.db.select().from(observations)).length;
    const bad = await importFiles(ctx, s.accounts.a1Instagram, [
      { name: 'bad.csv', bytes: new TextEncoder().encode('date,metric,value\n2026-03-05,reach,7\n2026-03-06,reach,-1\n') },
    ]);
    assert.equal(bad.files[0]!.status, 'refused');
    assert.match(bad.files[0]!.error!, /negative/);
    assert.equal((await t.db.select().from(observations)).length, before);
    assert.equal((await t.db.select().from(imports)).length, 1);
  });

  test('concurrent imports into one account both land and end consistent', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('reporter');
    const a = s.accounts.a1Instagram;
    const days = (base: number, v: number) => Array.from({ length: 200 }, (_, i) => `${new Date(Date.UTC(2025, 0, 1 + base + i)).toISOString().slice(0, 10)},reach,${v}`);
    const [x, y] = await Promise.all([importFiles(ctx, a, [csv('x.csv', days(0, 1))]), importFiles(ctx, a, [csv('y.csv', days(100, 2))])]);
    assert.equal(x.files[0]!.status, 'imported');
    assert.equal(y.files[0]!.status, 'imported');
    const all = await values(ctx, a);
    assert.equal(Object.keys(all).length, 300);
    const overlap = x.files[0]!.changed + y.files[0]!.changed;
    assert.equal(overlap, 100, 'the 100 shared days were replaced by whichever import came second');
  });

  test('viewers may not import, and other units do not see the account', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const file = csv('x.csv', ['2026-03-01,reach,1']);
    await expectAppError(importFiles(await s.as('viewer'), s.accounts.a1Instagram, [file]), 'forbidden');
    await expectAppError(previewImport(await s.as('viewer'), s.accounts.a1Instagram, [file]), 'forbidden');
    await expectAppError(importFiles(await s.as('outsider'), s.accounts.a1Instagram, [file]), 'not_found');
    const imported = (await importFiles(await s.as('reporter'), s.accounts.a1Instagram, [file])).files[0]!;
    await expectAppError(undoImport(await s.as('viewer'), imported.importId!), 'forbidden');
    await expectAppError(undoImport(await s.as('outsider'), imported.importId!), 'not_found');
    await expectAppError(getImportFile(await s.as('outsider'), imported.importId!), 'not_found');
    assert.equal((await getImportFile(await s.as('viewer'), imported.importId!)).name, 'x.csv');
    assert.equal((await t.db.select().from(observations)).length, 1);
  });
});
