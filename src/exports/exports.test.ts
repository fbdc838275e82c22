// CSV and XLSX downloads: quoting, BOM, decimal commas, formula injection, and the XLSX read back
// with the importers' own workbook reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { readCsv } from '../importers/parse/csv.ts';
import { readWorkbook } from '../importers/parse/excel.ts';
import { csvText, writeCsv } from './csv.ts';
import { columnName, dateSerial, writeXlsx } from './xlsx.ts';
import { isFormulaLike, type Cell } from './cells.ts';

const hostile = ['=1+1', '+47 123', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://x","y")'];

test('CSV: BOM, semicolons with decimal commas, quoting, null as empty, negative numbers stay numbers', () => {
  const rows: Cell[][] = [
    ['Dato', 'Rekkevidde', 'Merknad'],
    [{ date: '2026-03-01' }, 1500.5, 'a; b'],
    [{ date: '2026-03-02' }, null, 'sa "hei"\nlinje 2'],
    [{ date: '2026-03-03' }, -3, true],
  ];
  const bytes = writeCsv(rows);
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  assert.equal(text, 'Dato;Rekkevidde;Merknad\r\n2026-03-01;1500,5;"a; b"\r\n2026-03-02;;"sa ""hei""\nlinje 2"\r\n2026-03-03;-3;TRUE\r\n');
  assert.equal(csvText([[1500.5, 'a,b', 1e-7]], { delimiter: ',', bom: false }), '1500.5,"a,b",0.0000001\r\n');
  assert.equal(csvText([[1.5e21, -2.5e-7]], { delimiter: ',', bom: false }), '1500000000000000000000,-0.00000025\r\n', 'no exponents');
});

test('CSV: text a spreadsheet would run as a formula gets a leading quote', () => {
  const text = csvText([hostile], { delimiter: ',', bom: false });
  assert.equal(text, `'=1+1,'+47 123,'-2+3,'@SUM(A1),'\tTAB,"'\rCR","'=HYPERLINK(""http://x"",""y"")"\r\n`);
  assert.equal(csvText([[-5, '-5', 'ok-=']], { bom: false }), "-5;'-5;ok-=\r\n");
});

test('XLSX: read back with the importers’ reader, the same cells on every sheet', () => {
  const awkward = 'æøå ÆØÅ <tag> & "q" \'a\' _x000D_ tab\there\nline';
  const bytes = writeXlsx(
    [
      {
        name: 'Rekkevidde',
        header: true,
        rows: [
          ['Dato', 'Verdi', 'Tekst'],
          [{ date: '2026-03-01' }, 1500.5, awkward],
          [{ date: '2026-03-02' }, null, 'ikke målt'],
          [{ date: '2026-03-03' }, -3, false],
          [{ date: '2026-03-04' }, 0, ''],
        ],
      },
      { name: 'Per enhet: [alle]', rows: [['Enhet A', 12], ['Enhet B', 0.076]] },
      { name: 'Rekkevidde', rows: [['duplicate name']] },
    ],
    { dates: 'date' },
  );
  const book = readWorkbook(bytes, 'test.xlsx');
  assert.deepEqual(book.sheets.map((s) => s.name), ['Rekkevidde', 'Per enhet   alle', 'Rekkevidde 2']);
  const serial = String(dateSerial('2026-03-01'));
  assert.equal(serial, '46082');
  assert.deepEqual(book.sheets[0]!.rows.map((r) => r.cells), [
    ['Dato', 'Verdi', 'Tekst'],
    [serial, '1500.5', awkward],
    ['46083', '', 'ikke målt'],
    ['46084', '-3', 'FALSE'],
    ['46085', '0'],
  ]);
  assert.deepEqual(book.sheets[1]!.rows.map((r) => r.cells), [['Enhet A', '12'], ['Enhet B', '0.076']]);
  const iso = readWorkbook(writeXlsx([{ name: 'x', rows: [[{ date: '2026-03-01' }]] }], { dates: 'iso' }), 'iso.xlsx');
  assert.deepEqual(iso.sheets[0]!.rows[0]!.cells, ['2026-03-01']);
});

test('XLSX: formula-like text is an inline string (never a formula), numbers are numbers, the header is bold', () => {
  const bytes = writeXlsx([{ name: 'S', header: true, rows: [['Navn', 'Verdi'], [...hostile, -7, 3.5]] }]);
  const files = unzipSync(bytes);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  assert.doesNotMatch(sheet, /<f[\s>]/, 'no formulas');
  assert.match(sheet, /<c r="A2" t="inlineStr" s="3"><is><t xml:space="preserve">=1\+1<\/t>/);
  assert.match(sheet, /<c r="H2"><v>-7<\/v><\/c>/);
  assert.match(sheet, /<c r="I2"><v>3.5<\/v><\/c>/);
  assert.match(sheet, /<c r="A1" t="inlineStr" s="1">/);
  assert.match(strFromU8(files['xl/styles.xml']!), /quotePrefix="1"/);
  const back = readWorkbook(bytes, 'h.xlsx').sheets[0]!.rows[1]!.cells;
  assert.deepEqual(back, [...hostile, '-7', '3.5']);
});

test('column names and date serials', () => {
  assert.deepEqual([0, 25, 26, 701, 702].map(columnName), ['A', 'Z', 'AA', 'ZZ', 'AAA']);
  assert.equal(dateSerial('1900-03-01'), 61);
  assert.equal(dateSerial('2026-02-30'), null);
});

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('=1+2', '-x', '+', '@', '\tx', '\r\n', '"', ';', ','),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constant(null),
);
const rowsArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

test('CSV read back with the importers’ reader: every text as written (after the quote guard), every number', () => {
  fc.assert(
    fc.property(rowsArb, fc.constantFrom<';' | ','>(';', ','), (rows, delimiter) => {
      const decimal = delimiter === ';' ? ',' : '.';
      const back = readCsv(csvText(rows, { delimiter }), { delimiter, keepEmpty: true }).rows.map((r) => r.cells);
      assert.equal(back.length, rows.length);
      rows.forEach((row, r) =>
        row.forEach((c, i) => {
          const got = back[r]![i] ?? '';
          if (c === null) assert.equal(got, '');
          else if (typeof c === 'number') assert.equal(Number(decimal === ',' ? got.replace(',', '.') : got), c === 0 ? 0 : c, `${c} as "${got}"`);
          else assert.equal(got, isFormulaLike(String(c)) ? `'${String(c)}` : String(c));
        }),
      );
      for (const row of back) for (const cell of row) assert.doesNotMatch(cell, /^[=+@\t\r]/, 'nothing a spreadsheet runs');
    }),
    { numRuns: 300 },
  );
});

test('XLSX read back with the importers’ reader: the same cells, numbers as numbers', () => {
  fc.assert(
    fc.property(rowsArb, (rows) => {
      const back = readWorkbook(writeXlsx([{ name: 'S', rows }]), 'p.xlsx').sheets[0]!.rows;
      const expected = rows
        .map((row, r) => ({ line: r + 1, cells: row.map((c) => (c === null ? '' : typeof c === 'number' ? String(c === 0 ? 0 : c) : String(c))) }))
        .map((row) => {
          const cells = [...row.cells];
          while (cells.length > 0 && cells.at(-1) === '') cells.pop();
          return { line: row.line, cells };
        })
        .filter((row) => row.cells.length > 0);
      assert.deepEqual(back, expected);
    }),
    { numRuns: 300 },
  );
});
