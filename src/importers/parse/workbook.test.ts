import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { readWorkbook } from './excel.ts';
import { readXlsx, unescapeXml, cellRef } from './xlsx.ts';
import { rkValue } from './xls.ts';
import { fixture, expectImportError } from '../fixture-files.ts';
import { syntheticXlsx } from '../synthetic-xlsx.ts';

const xlsx = fixture('linkedin/content-resaved.xlsx');
const xls = fixture('linkedin/content-resaved.xls');

test('the .xls and .xlsx copies of the LinkedIn export give the same cells', () => {
  const a = readWorkbook(xlsx.bytes, xlsx.name);
  const b = readWorkbook(xls.bytes, xls.name);
  for (const wb of [a, b]) {
    assert.deepEqual(
      wb.sheets.map((s) => [s.name, s.rows.length]),
      [
        ['Metrics', 31],
        ['All posts', 9],
      ],
    );
    const [metrics, posts] = wb.sheets as [(typeof wb.sheets)[0], (typeof wb.sheets)[0]];
    assert.equal(metrics.rows[0]!.cells[3], 'Impressions (total)');
    assert.equal(metrics.rows[0]!.cells.length, 20);
    // 02/21/2025: 77 impressions (organic and total), 1 click; engagement rate 0.012987…
    const day = metrics.rows.find((r) => r.cells[0] === '02/21/2025')!;
    assert.equal(day.line, 9);
    assert.deepEqual([day.cells[1], day.cells[3], day.cells[7]], ['77', '77', '1']);
    assert.equal(Number(day.cells[19]), 1 / 77);
    assert.equal(metrics.rows.at(-1)!.cells[0], '03/15/2025');
    assert.equal(posts.rows[0]!.cells[1], 'Post link');
    assert.equal(posts.rows[1]!.cells[1], 'https://www.linkedin.com/feed/update/urn:li:activity:7306192134921981953');
    assert.equal(posts.rows[8]!.cells[14], '3'); // the 02/19/2025 post's likes
    assert.equal(posts.rows[8]!.cells[10], ''); // Views: empty
    assert.match(posts.rows[3]!.cells[0]!, /^The Cost of Bad Data – Are You Losing Money\?\n\nBad data/);
  }
  assert.deepEqual(a, b);
});

test('xlsx cells: shared, inline, booleans, gaps by reference, entities', () => {
  const bytes = syntheticXlsx({ One: [['a & b', null, 3.5], [], [null, true, '<x>']], Two: [['x']] }, { inline: true });
  const wb = readXlsx(bytes, { file: 's.xlsx' });
  assert.deepEqual(wb.sheets[0], {
    name: 'One',
    rows: [
      { line: 1, cells: ['a & b', '', '3.5'] },
      { line: 3, cells: ['', 'TRUE', '<x>'] },
    ],
  });
  assert.equal(unescapeXml('&lt;&#65;&#x42;&amp;amp;&foo;\r\n'), '<AB&amp;&foo;\n');
  assert.deepEqual(cellRef('AB12'), { row: 11, col: 27 });
  assert.equal(cellRef('12'), null);
});

test('xls RK numbers', () => {
  assert.equal(rkValue((123 << 2) | 2), 123);
  assert.equal(rkValue((12345 << 2) | 3), 123.45);
  assert.equal(rkValue(0x3ff00000), 1); // the top bits of 1.0
});

test('damaged workbooks are refused with an ImportError, never a crash', () => {
  for (const file of [xlsx, xls]) {
    for (const cut of [0.3, 0.6, 0.9, 0.99]) {
      expectImportError(() => readWorkbook(file.bytes.subarray(0, Math.floor(file.bytes.length * cut)), file.name), {});
    }
  }
  const flipped = xls.bytes.slice();
  for (let i = 4096; i < flipped.length; i += 97) flipped[i] = flipped[i]! ^ 0x5a;
  try {
    readWorkbook(flipped, xls.name); // garbage cells are possible; the importer then finds no header
  } catch (e) {
    assert.equal((e as Error).name, 'ImportError', String(e));
  }
  expectImportError(() => readWorkbook(zipSync({ 'a.csv': strToU8('x') }), 'a.zip'), { reason: /not an Excel workbook/ });
  const badRef = zipSync({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
    'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>4</v></c></row></sheetData></worksheet>'),
  });
  expectImportError(() => readWorkbook(badRef, 'b.xlsx'), { reason: /shared string 4/ });
});

test('randomly damaged copies never crash the readers (bounded fuzz)', () => {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (const file of [xlsx, xls]) {
    for (let n = 0; n < 150; n++) {
      const bytes = file.bytes.slice();
      const flips = 1 + Math.floor(random() * 20);
      for (let k = 0; k < flips; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      try {
        readWorkbook(bytes, file.name);
      } catch (e) {
        assert.equal((e as Error).name, 'ImportError', `${file.name} variant ${n}: ${String(e)}`);
      }
    }
  }
});
