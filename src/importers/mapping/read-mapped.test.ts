import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ColumnMappingSpec, type ColumnMappingSpecIn } from '../../contract/column-mappings.ts';
import { decodeText } from '../parse/decode.ts';
import { expectImportError, synthetic, valueOf } from '../fixture-files.ts';
import { syntheticXlsx } from '../synthetic-xlsx.ts';
import { readDay } from './date-formats.ts';
import { inspectTable } from './inspect.ts';
import { readWithMapping } from './read-mapped.ts';
import { headerSignature } from './signature.ts';
import { readAnyTable } from './tabular-file.ts';

const spec = (s: ColumnMappingSpecIn) => ColumnMappingSpec.parse(s);
const read = (name: string, text: string, s: ColumnMappingSpecIn, lastDay?: string) => {
  const file = synthetic(name, text);
  return readWithMapping(file, decodeText(file.bytes), spec(s), lastDay ? { lastDay } : {});
};

const daily: ColumnMappingSpecIn = {
  platform: 'tiktok',
  granularity: 'day',
  date: { header: 'Dag', format: 'DD.MM.YYYY' },
  columns: [
    { header: 'Sett', target: { kind: 'metric', metric: 'views' } },
    { header: 'Hjerter', target: { kind: 'metric', metric: 'likes' } },
    { header: 'Notat', target: { kind: 'ignore' } },
  ],
};

test('the header signature ignores case, spacing, quotes, a BOM and empty trailing headers, not order', () => {
  const a = headerSignature(['Dag', 'Sett', 'Hjerter']);
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.equal(headerSignature(['\uFEFFdag', ' SETT ', '"Hjerter"', '', '']), a);
  assert.equal(headerSignature(['Dag', 'Sett  ', 'hjerter']), a);
  assert.notEqual(headerSignature(['Sett', 'Dag', 'Hjerter']), a);
  assert.notEqual(headerSignature(['Dag', 'Sett', 'Hjerter', 'Notat']), a);
});

test('date formats: each reads only its own form, names the format when a value does not fit', () => {
  const at = { file: 'f.csv', row: 3, column: 'Dag' };
  assert.deepEqual(readDay('2026-03-31', 'YYYY-MM-DD', at), { date: '2026-03-31' });
  assert.deepEqual(readDay('2026-03-31 14:05', 'YYYY-MM-DD', at), { date: '2026-03-31' });
  assert.deepEqual(readDay('31.03.2026', 'DD.MM.YYYY', at), { date: '2026-03-31' });
  assert.deepEqual(readDay('1.3.2026', 'DD.MM.YYYY', at), { date: '2026-03-01' });
  assert.deepEqual(readDay('03/04/2026', 'MM/DD/YYYY', at), { date: '2026-03-04' });
  assert.deepEqual(readDay('03/04/2026', 'DD/MM/YYYY', at), { date: '2026-04-03' });
  assert.deepEqual(readDay('31. mars 2026', 'D. MMMM YYYY', at), { date: '2026-03-31' });
  assert.deepEqual(readDay('March 31, 2026', 'MMMM D, YYYY', at), { date: '2026-03-31' });
  assert.deepEqual(readDay('28. februar', 'D. MMMM', at), { month: 2, day: 28 });
  assert.deepEqual(readDay('February 28', 'MMMM D', at), { month: 2, day: 28 });
  assert.deepEqual(readDay('45658', 'YYYY-MM-DD', at, { workbook: true }), { date: '2025-01-01' });
  expectImportError(() => readDay('2026-03-31', 'DD.MM.YYYY', at), { row: 3, column: 'Dag', reason: /not a date written as DD\.MM\.YYYY \(e\.g\. 31\.03\.2026\)/ });
  expectImportError(() => readDay('31.02.2026', 'DD.MM.YYYY', at), { row: 3, reason: /not a date/ });
  expectImportError(() => readDay('13/13/2026', 'MM/DD/YYYY', at), { reason: /not a date/ });
  expectImportError(() => readDay('45658', 'YYYY-MM-DD', at), { reason: /not a date/ });
});

test('a per-day mapping reads values by column name; no-value markers are not measured, never 0', () => {
  const r = read('egen.csv', 'Notat,Dag,Sett,Hjerter\nhei,01.03.2026,"1 200",5\n,02.03.2026,-,0\nx,03.03.2026,7,\n', daily);
  assert.deepEqual([r.importer, r.platform, r.kind, r.from, r.to, r.stats.rows, r.stats.notMeasured], ['column-mapping', 'tiktok', 'mapped_daily', '2026-03-01', '2026-03-03', 3, 2]);
  assert.equal(valueOf(r, 'views', '2026-03-01'), 1200);
  assert.equal(valueOf(r, 'likes', '2026-03-02'), 0, 'a real zero stays 0');
  assert.equal(valueOf(r, 'views', '2026-03-02'), undefined, '"-" is not measured');
  assert.equal(valueOf(r, 'likes', '2026-03-03'), undefined);
  assert.deepEqual(r.columns, { recognised: [{ header: 'Sett', metric: 'views' }, { header: 'Hjerter', metric: 'likes' }], ignored: ['Notat'] });
});

test('refusals name the file, row, column and what was expected', () => {
  expectImportError(() => read('egen.csv', 'Dag,Sett,Hjerter,Notat\n01.03.2026,1,2,\n2026-03-02,1,2,\n', daily), {
    row: 3,
    column: 'Dag',
    reason: /egen\.csv, row 3, column "Dag": "2026-03-02" is not a date written as DD\.MM\.YYYY/,
  });
  expectImportError(() => read('egen.csv', 'Dato,Sett,Hjerter,Notat\n01.03.2026,1,2,\n', daily), { row: 1, column: 'Dag', reason: /date column "Dag" is not in the file/ });
  expectImportError(() => read('egen.csv', 'Dag,Sett,Hjerter,Notat\n01.03.2026,mange,2,\n', daily), { row: 2, column: 'Sett', reason: /not a number|mange/ });
  expectImportError(() => read('egen.csv', 'Dag,Sett,Hjerter,Notat\n01.03.2026,1,2,\n01.03.2026,1,2,\n', daily), { row: 3, reason: /listed twice/ });
  const unknown = { ...daily, columns: [{ header: 'Sett', target: { kind: 'metric' as const, metric: 'sparkles' } }] };
  expectImportError(() => read('egen.csv', 'Dag,Sett\n01.03.2026,1\n', unknown), { column: 'Sett', reason: /"sparkles" is not a metric in the catalogue/ });
  const notOnPlatform = { ...daily, columns: [{ header: 'Sett', target: { kind: 'metric' as const, metric: 'reactions' } }] };
  expectImportError(() => read('egen.csv', 'Dag,Sett\n01.03.2026,1\n', notOnPlatform), { column: 'Sett', reason: /TikTok provides/ });
});

test('yearless days are placed back from the download day, oldest first; without it they are refused', () => {
  const s: ColumnMappingSpecIn = { ...daily, date: { header: 'Dag', format: 'D. MMMM' }, columns: [{ header: 'Sett', target: { kind: 'metric', metric: 'views' } }] };
  const r = read('y.csv', 'Dag,Sett\n30. desember,1\n31. desember,2\n1. januar,3\n', s, '2026-01-02');
  assert.deepEqual([r.from, r.to], ['2025-12-30', '2026-01-01']);
  assert.equal(valueOf(r, 'views', '2026-01-01'), 3);
  expectImportError(() => read('y.csv', 'Dag,Sett\n30. desember,1\n', s), { column: 'Dag', reason: /no year/ });
  expectImportError(() => read('y.csv', 'Dag,Sett\n1. mars,1\n1. februar,2\n1. januar,3\n', s, '2026-01-05'), { row: 2, reason: /more than a year/ });
  expectImportError(() => read('y.csv', 'Dag,Sett\n1. desember,1\n1. desember,2\n', s, '2026-01-02'), { row: 3, reason: /does not follow/ });
});

test('a per-post mapping makes posts and per-post values dated on the post day', () => {
  const s: ColumnMappingSpecIn = {
    platform: 'linkedin',
    granularity: 'post',
    date: { header: 'Publisert', format: 'YYYY-MM-DD' },
    post: { id: 'Innlegg', url: 'Lenke', text: 'Tekst' },
    columns: [
      { header: 'Visninger', target: { kind: 'metric', metric: 'impressions' } },
      { header: 'Klikk', target: { kind: 'metric', metric: 'link_clicks' } },
    ],
  };
  const r = read('p.csv', 'Innlegg,Publisert,Lenke,Tekst,Visninger,Klikk\np1,2026-03-01 10:00,https://x.example/p1,Hei  verden,100,3\np2,2026-03-02,,,NAN,4\n', s);
  assert.equal(r.kind, 'mapped_posts');
  assert.deepEqual(r.posts, [
    { platformPostId: 'p1', date: '2026-03-01', permalink: 'https://x.example/p1', excerpt: 'Hei verden' },
    { platformPostId: 'p2', date: '2026-03-02' },
  ]);
  assert.equal(valueOf(r, 'impressions', '2026-03-01', 'p1'), 100);
  assert.equal(valueOf(r, 'impressions', '2026-03-02', 'p2'), undefined);
  assert.equal(r.stats.notMeasured, 1);
  expectImportError(() => read('p.csv', 'Innlegg,Publisert,Lenke,Tekst,Visninger,Klikk\np1,2026-03-01,,,1,1\np1,2026-03-02,,,1,1\n', s), { row: 3, column: 'Innlegg', reason: /listed twice/ });
});

test('a workbook is read the same way, date serials included', () => {
  const bytes = syntheticXlsx({ Ark1: [['Dag', 'Sett'], [45658, 10], ['02.01.2025', 11]] });
  const file = { name: 'egen.xlsx', bytes };
  const r = readWithMapping(file, null, spec({ ...daily, columns: [{ header: 'Sett', target: { kind: 'metric', metric: 'views' } }] }));
  assert.equal(valueOf(r, 'views', '2025-01-01'), 10);
  assert.equal(valueOf(r, 'views', '2025-01-02'), 11);
});

test('inspection: samples, a date column only when one format fits, suggestions only from exact known names', () => {
  const file = synthetic('u.csv', 'Dato,Videovisninger,Mystisk tall,Lenke\n01.03.2026,5,1,https://a.example/1\n02.03.2026,6,,https://a.example/2\n03.03.2026,7,3,https://a.example/3\n04.03.2026,8,4,https://a.example/4\n');
  const table = readAnyTable(file, decodeText(file.bytes));
  const i = inspectTable(table, 'tiktok');
  assert.equal(i.mappable, true);
  assert.equal(i.signature, headerSignature(['Dato', 'Videovisninger', 'Mystisk tall', 'Lenke']));
  assert.deepEqual(i.suggestedDate, { header: 'Dato', format: 'DD.MM.YYYY' });
  assert.deepEqual(
    i.columns.map((c) => [c.header, c.suggestion, c.samples]),
    [
      ['Dato', null, ['01.03.2026', '02.03.2026', '03.03.2026']],
      ['Videovisninger', 'views', ['5', '6', '7']],
      ['Mystisk tall', null, ['1', '3', '4']],
      ['Lenke', null, ['https://a.example/1', 'https://a.example/2', 'https://a.example/3']],
    ],
  );
  // 01/02/2026 fits both day-first and month-first: the column is a date, but no format is suggested.
  const ambiguous = synthetic('a.csv', 'When,Count\n01/02/2026,1\n02/03/2026,2\n');
  const a = inspectTable(readAnyTable(ambiguous, decodeText(ambiguous.bytes)), 'tiktok');
  assert.equal(a.mappable, true);
  assert.equal(a.suggestedDate, null);
  const none = synthetic('n.csv', 'Name,Count\nA,1\nB,2\n');
  assert.equal(inspectTable(readAnyTable(none, decodeText(none.bytes)), 'tiktok').mappable, false);
});
