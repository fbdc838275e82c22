import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { forEachDatabase } from '../../testing/database.ts';
import { seed, TEST_PASSWORD } from '../../testing/seed.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { columnMappings, imports, observations } from '../../db/schema/index.ts';
import { createOrganisation } from '../auth/setup-organisation.ts';
import { loadPersonActor } from '../load-actor.ts';
import { hashPassword } from '../passwords.ts';
import { listObservations } from '../statistics/list-observations.ts';
import { importFiles, previewImport } from '../imports/import-files.ts';
import type { ColumnMappingSpecIn } from '../../contract/column-mappings.ts';
import { FileReportList } from '../../contract/statistics.ts';
import { testApp } from '../../testing/http.ts';
import { createColumnMapping } from './create-mapping.ts';
import { deleteColumnMapping } from './delete-mapping.ts';
import { getColumnMapping } from './get-mapping.ts';
import { listColumnMappings } from './list-mappings.ts';
import { updateColumnMapping } from './update-mapping.ts';

/** A TikTok daily export with renamed columns (as if TikTok changed its export): no importer knows it. */
const renamed = (name: string, first: number, days: number, views = (i: number) => String(100 + i)) => ({
  name,
  bytes: new TextEncoder().encode(
    [
      'Dag;Avspillinger;Hjerter;Kommentar til dagen',
      ...Array.from({ length: days }, (_, i) => `${String(first + i).padStart(2, '0')}.03.2026;${views(i)};${i === 1 ? '-' : String(i)};fin dag`),
    ].join('\n') + '\n',
  ),
});

const spec: ColumnMappingSpecIn = {
  platform: 'tiktok',
  granularity: 'day',
  date: { header: 'Dag', format: 'DD.MM.YYYY' },
  columns: [
    { header: 'Avspillinger', target: { kind: 'metric', metric: 'views' } },
    { header: 'Hjerter', target: { kind: 'metric', metric: 'likes' } },
    { header: 'Kommentar til dagen', target: { kind: 'ignore' } },
  ],
};

const views = async (ctx: Parameters<typeof listObservations>[0], account: string) =>
  Object.fromEntries((await listObservations(ctx, account, { metric: 'views' })).map((o) => [o.date, o.value]));

forEachDatabase('column mappings', (fresh) => {
  test('renamed columns: refused without a mapping, imported with one (saved), the next such file imports without asking', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('outsider'); // an editor in Faculty B, where the TikTok account is: not an administrator

    const preview = await previewImport(ctx, s.accounts.bTiktok, [renamed('mars.csv', 1, 3)]);
    const refused = preview.files[0]!;
    assert.equal(refused.status, 'refused');
    assert.equal(refused.errorCode, 'mapping_required');
    assert.match(refused.error!, /mars\.csv: not a known export, but it has a column of dates \("Dag"\)/);
    assert.equal(refused.mapping?.reason, 'unknown_layout');
    assert.deepEqual(refused.mapping?.suggestedDate, { header: 'Dag', format: 'DD.MM.YYYY' });
    assert.deepEqual(refused.mapping?.columns.map((c) => [c.header, c.samples]), [
      ['Dag', ['01.03.2026', '02.03.2026', '03.03.2026']],
      ['Avspillinger', ['100', '101', '102']],
      ['Hjerter', ['0', '-', '2']],
      ['Kommentar til dagen', ['fin dag', 'fin dag', 'fin dag']],
    ]);
    const without = await importFiles(ctx, s.accounts.bTiktok, [renamed('mars.csv', 1, 3)]);
    assert.equal(without.files[0]!.errorCode, 'mapping_required');
    assert.equal((await t.db.select().from(observations)).length, 0);

    const first = await importFiles(ctx, s.accounts.bTiktok, [renamed('mars.csv', 1, 3)], { mapping: JSON.stringify(spec), saveAs: 'TikTok på norsk' });
    const done = first.files[0]!;
    assert.equal(done.status, 'imported', done.error ?? '');
    assert.deepEqual([done.importer, done.kind, done.from, done.to, done.added, done.notMeasured], ['column-mapping', 'mapped_daily', '2026-03-01', '2026-03-03', 5, 1]);
    assert.equal(done.mapping?.appliedMapping?.name, 'TikTok på norsk');
    assert.deepEqual(await views(ctx, s.accounts.bTiktok), { '2026-03-01': 100, '2026-03-02': 101, '2026-03-03': 102 });
    const [saved] = (await listColumnMappings(ctx)).mappings;
    assert.equal(saved?.name, 'TikTok på norsk');
    assert.equal(saved?.createdBy?.id, s.people.outsider.id);
    assert.deepEqual(saved?.headers, ['Dag', 'Avspillinger', 'Hjerter', 'Kommentar til dagen']);
    const [row] = await t.db.select().from(imports).where(eq(imports.id, done.importId!));
    assert.deepEqual(row?.columnMapping, { id: saved!.id, name: 'TikTok på norsk', version: 1, mapping: saved!.mapping });

    // The same file again: unchanged. The next month's file: read with the saved mapping, no question asked.
    const again = await importFiles(ctx, s.accounts.bTiktok, [renamed('mars-igjen.csv', 1, 3)]);
    assert.equal(again.files[0]!.status, 'unchanged');
    const next = await importFiles(ctx, s.accounts.bTiktok, [renamed('mars-2.csv', 10, 2)]);
    assert.equal(next.files[0]!.status, 'imported', next.files[0]!.error ?? '');
    assert.deepEqual(next.files[0]!.mapping?.appliedMapping, { id: saved!.id, name: 'TikTok på norsk', version: 1 });
    assert.equal((await views(ctx, s.accounts.bTiktok))['2026-03-11'], 101);

    // An administrator edits the mapping: earlier imports keep the copy they used.
    const admin = await s.as('admin');
    const edited = await updateColumnMapping(admin, 'TikTok på norsk', { mapping: { ...spec, columns: [{ header: 'Avspillinger', target: { kind: 'metric', metric: 'views' } }] } });
    assert.equal(edited.version, 2);
    assert.equal(edited.updatedBy?.id, s.people.admin.id);
    const [kept] = await t.db.select().from(imports).where(eq(imports.id, done.importId!));
    assert.equal((kept?.columnMapping as { version: number }).version, 1);
    assert.equal((kept?.columnMapping as { mapping: { columns: unknown[] } }).mapping.columns.length, 3);
    assert.equal((await listObservations(ctx, s.accounts.bTiktok, { metric: 'likes' })).length, 3, 'values imported before the edit stay');
    await deleteColumnMapping(admin, edited.id);
    assert.equal((await t.db.select().from(imports)).length, 2, 'deleting the mapping leaves the imports');
  });

  test('a saved mapping by name (the CLI way), and bad mappings refused with file, row and column, changing nothing', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const admin = await s.as('admin');
    const ctx = await s.as('outsider');
    await createColumnMapping(admin, { name: 'norsk', headers: ['Dag', 'Avspillinger', 'Hjerter', 'Kommentar til dagen'], mapping: spec });

    const badDate = renamed('feil.csv', 1, 3);
    const text = new TextDecoder().decode(badDate.bytes).replace('02.03.2026', '2026-03-02');
    const r1 = await importFiles(ctx, s.accounts.bTiktok, [{ name: 'feil.csv', bytes: new TextEncoder().encode(text) }], { mappingName: 'norsk' });
    assert.equal(r1.files[0]!.status, 'refused');
    assert.match(r1.files[0]!.error!, /^feil\.csv, row 3, column "Dag": "2026-03-02" is not a date written as DD\.MM\.YYYY/);

    const unknownMetric = { ...spec, columns: [{ header: 'Avspillinger', target: { kind: 'metric', metric: 'sparkles' } }] };
    const r2 = await importFiles(ctx, s.accounts.bTiktok, [renamed('a.csv', 1, 2)], { mapping: JSON.stringify(unknownMetric), saveAs: 'feil' });
    assert.match(r2.files[0]!.error!, /a\.csv, row 1, column "Avspillinger": "sparkles" is not a metric in the catalogue/);

    const missingDate = { ...spec, date: { header: 'Dato', format: 'DD.MM.YYYY' } };
    const r3 = await importFiles(ctx, s.accounts.bTiktok, [renamed('b.csv', 1, 2)], { mapping: JSON.stringify(missingDate) });
    assert.match(r3.files[0]!.error!, /b\.csv, row 1, column "Dato": the mapping's date column "Dato" is not in the file/);

    await expectAppError(importFiles(ctx, s.accounts.bTiktok, [renamed('c.csv', 1, 2)], { mapping: JSON.stringify({ ...spec, date: { header: 'Dag', format: 'DD/MM/YY' } }) }), 'validation_failed', ['mapping.date.format']);
    await expectAppError(importFiles(ctx, s.accounts.bTiktok, [renamed('c.csv', 1, 2)], { mapping: '{not json' }), 'validation_failed', ['mapping']);
    await expectAppError(importFiles(ctx, s.accounts.bTiktok, [renamed('c.csv', 1, 2)], { mappingName: 'finnes ikke' }), 'not_found');
    assert.equal((await t.db.select().from(observations)).length, 0);
    assert.equal((await t.db.select().from(imports)).length, 0);
    assert.equal((await t.db.select().from(columnMappings)).length, 1, 'the refused import saved no mapping');

    // A ZIP of a known export and an unknown one: the mapping reads the unknown one, the importer the known one.
    const known = new TextEncoder().encode('Date,Video views,Reached audience\n2026/02/01,10,8\n');
    const zip = { name: 'begge.zip', bytes: zipSync({ 'business.csv': known, 'ok.csv': renamed('ok.csv', 1, 2).bytes }) };
    const ok = await importFiles(ctx, s.accounts.bTiktok, [zip], { mappingName: 'norsk' });
    assert.deepEqual(ok.files.map((f) => [f.status, f.importer, f.mapping?.appliedMapping?.name ?? null]), [
      ['imported', 'tiktok-business', null],
      ['imported', 'column-mapping', 'norsk'],
    ]);
    // A mapping for another platform is refused for this account.
    await updateColumnMapping(admin, 'norsk', { mapping: { ...spec, platform: 'youtube' } });
    const other = await importFiles(ctx, s.accounts.bTiktok, [renamed('ok2.csv', 5, 2)]);
    assert.match(other.files[0]!.error!, /column mapping "norsk" is for YouTube, but the account is on TikTok/);
  });

  test('who may do what: administrators manage, people who document statistics read, others not; names and headers unique', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const admin = await s.as('admin');
    const input = { name: 'norsk', headers: ['Dag', 'Avspillinger', 'Hjerter', 'Kommentar til dagen'], mapping: spec };
    for (const role of ['manager', 'editor', 'reporter', 'viewer', 'evaluator'] as const) {
      await expectAppError(createColumnMapping(await s.as(role), input), 'forbidden');
    }
    const made = await createColumnMapping(admin, input);
    assert.equal(made.version, 1);
    await expectAppError(createColumnMapping(admin, { ...input, name: 'annet' }), 'conflict', ['headers']);
    await expectAppError(createColumnMapping(admin, { ...input, headers: [...input.headers, 'Ekstra'] }), 'conflict', ['name']);
    await expectAppError(createColumnMapping(admin, { ...input, name: 'x', headers: ['Dato', 'Avspillinger'] }), 'validation_failed', ['mapping.date.header', 'mapping.columns.1.header', 'mapping.columns.2.header']);
    for (const role of ['manager', 'editor', 'reporter'] as const) {
      assert.equal((await listColumnMappings(await s.as(role))).mappings.length, 1);
      assert.equal((await getColumnMapping(await s.as(role), 'norsk')).id, made.id);
      await expectAppError(updateColumnMapping(await s.as(role), made.id, { name: 'nytt' }), 'forbidden');
      await expectAppError(deleteColumnMapping(await s.as(role), made.id), 'forbidden');
    }
    for (const role of ['viewer', 'evaluator'] as const) {
      await expectAppError(listColumnMappings(await s.as(role)), 'forbidden');
      await expectAppError(getColumnMapping(await s.as(role), made.id), 'forbidden');
    }
    const renamedOne = await updateColumnMapping(admin, made.id, { name: 'nytt navn' });
    assert.equal(renamedOne.version, 2);
    assert.equal(renamedOne.signature, made.signature);

    // Another organisation sees none of it, by list, id or name, and may save its own for the same headers.
    const other = await createOrganisation({ db: t.db, now: admin.now }, { organisationName: 'Annet universitet', adminName: 'Other Admin', email: 'other@else.example', password: TEST_PASSWORD, locale: 'en' }, await hashPassword(TEST_PASSWORD));
    const actor = await loadPersonActor(t.db, other.personId);
    const otherCtx = { db: t.db, now: admin.now, actor: actor! };
    assert.deepEqual((await listColumnMappings(otherCtx)).mappings, []);
    await expectAppError(getColumnMapping(otherCtx, made.id), 'not_found');
    await expectAppError(getColumnMapping(otherCtx, 'nytt navn'), 'not_found');
    await expectAppError(updateColumnMapping(otherCtx, made.id, { name: 'stjålet' }), 'not_found');
    await expectAppError(deleteColumnMapping(otherCtx, made.id), 'not_found');
    const theirs = await createColumnMapping(otherCtx, { ...input, name: 'nytt navn' });
    assert.equal(theirs.signature, made.signature);
    assert.equal((await listColumnMappings(admin)).mappings.length, 1);
  });
});

forEachDatabase('column mappings over HTTP', (fresh) => {
  test('preview shows what needs mapping; the import takes the mapping and saveAs as multipart fields; a known layout with extra columns offers a mapping', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const client = await signIn(s.people.outsider.email);
    const file = new TextDecoder().decode(renamed('mars.csv', 1, 3).bytes);

    const preview = await client.request('POST', `/accounts/${s.accounts.bTiktok}/imports/preview`, ...upload({ file: ['mars.csv', file] }));
    assert.equal(preview.status, 200);
    const body = FileReportList.parse(await preview.json());
    assert.equal(body.files[0]!.errorCode, 'mapping_required');
    assert.equal(body.files[0]!.mapping?.headers.length, 4);

    const imported = await client.request('POST', `/accounts/${s.accounts.bTiktok}/imports`, ...upload({ mapping: JSON.stringify(spec), saveAs: 'Fra nettleseren', file: ['mars.csv', file] }));
    const report = FileReportList.parse(await imported.json()).files[0]!;
    assert.equal(report.status, 'imported', report.error ?? '');
    assert.equal(report.mapping?.appliedMapping?.name, 'Fra nettleseren');

    const list = await client.request('GET', '/column-mappings');
    assert.deepEqual((await list.json()).mappings.map((m: { name: string }) => m.name), ['Fra nettleseren']);
    const bad = await client.request('POST', `/accounts/${s.accounts.bTiktok}/imports`, ...upload({ mapping: '{"platform":"tiktok"}', file: ['x.csv', file] }));
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).detail, /The mapping is not valid/);

    // A TikTok business export with a column no importer knows: imported by the built-in importer, with a mapping offered.
    const known = 'Date,Video views,Reached audience,Sparkles\n2026/03/01,10,8,3\n2026/03/02,11,9,4\n';
    const offered = FileReportList.parse(await (await client.request('POST', `/accounts/${s.accounts.bTiktok}/imports/preview`, ...upload({ file: ['business.csv', known] }))).json()).files[0]!;
    assert.equal(offered.status, 'ready');
    assert.equal(offered.importer, 'tiktok-business');
    assert.deepEqual(offered.columns.ignored, ['Sparkles']);
    assert.equal(offered.mapping?.reason, 'unknown_columns');
    assert.deepEqual(offered.mapping?.columns.map((c) => [c.header, c.suggestion]), [['Date', null], ['Video views', 'views'], ['Reached audience', 'reach'], ['Sparkles', null]]);
    assert.deepEqual(offered.mapping?.suggestedDate, { header: 'Date', format: 'YYYY/MM/DD' });
  });
});

/** A multipart body: text fields, and `file` as [name, content]. */
function upload(fields: { file: [string, string]; [k: string]: string | [string, string] }): [string, Record<string, string>] {
  const boundary = 'mapping-test-boundary';
  const parts = Object.entries(fields).map(([k, v]) =>
    Array.isArray(v)
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${v[0]}"\r\nContent-Type: text/csv\r\n\r\n${v[1]}\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return [`${parts.join('')}--${boundary}--\r\n`, { 'content-type': `multipart/form-data; boundary=${boundary}` }];
}
