import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readCsv, readCsvHead, sniffDelimiter } from './csv.ts';
import { ImportError } from '../errors.ts';

test('quoted fields with delimiters, line breaks and "" escapes; rows know their first line', () => {
  const { delimiter, rows } = readCsv('id,text,n\r\n1,"Hei, ""verden""\r\nlinje 2",3\r\n2,plain,4\r\n');
  assert.equal(delimiter, ',');
  assert.deepEqual(rows, [
    { line: 1, cells: ['id', 'text', 'n'] },
    { line: 2, cells: ['1', 'Hei, "verden"\r\nlinje 2', '3'] },
    { line: 4, cells: ['2', 'plain', '4'] },
  ]);
});

test('LF, CR and CRLF line ends; no row for the final newline; empty lines skipped unless kept', () => {
  assert.deepEqual(readCsv('a\rb\n\nc\r\n').rows.map((r) => [r.line, r.cells[0]]), [[1, 'a'], [2, 'b'], [4, 'c']]);
  assert.deepEqual(readCsv('a\n\nb', { keepEmpty: true }).rows.map((r) => r.cells), [['a'], [''], ['b']]);
});

test('empty fields and a trailing delimiter', () => {
  assert.deepEqual(readCsv('a,,c,\n,,,\n').rows.map((r) => r.cells), [['a', '', 'c', ''], ['', '', '', '']]);
  assert.deepEqual(readCsv('"",x').rows[0]?.cells, ['', 'x']);
});

test('delimiter sniffed among comma, semicolon and tab; sep= line sets it and is skipped', () => {
  assert.equal(readCsv('Dato;Visninger;Rekkevidde\n12.05.2025;12,5;3').delimiter, ';');
  assert.deepEqual(readCsv('Dato;Visninger\n01.02.2025;12,5').rows[1]?.cells, ['01.02.2025', '12,5']);
  assert.equal(readCsv('a\tb\tc,d\n').delimiter, '\t');
  assert.equal(sniffDelimiter('"a;b","c"\n'), ',', 'delimiters inside quotes do not count');
  assert.equal(sniffDelimiter('single'), ',');
  const sep = readCsv('sep=;\n"Facebook reach"\n"Date";"Primary"\n');
  assert.equal(sep.delimiter, ';');
  assert.deepEqual(sep.rows, [
    { line: 2, cells: ['Facebook reach'] },
    { line: 3, cells: ['Date', 'Primary'] },
  ]);
  assert.equal(readCsv('a;b', { delimiter: ',' }).rows[0]?.cells.length, 1, 'an explicit delimiter wins');
});

test('a leading BOM character is stripped', () => {
  assert.deepEqual(readCsv('\uFEFF"Date","Primary"\n').rows[0]?.cells, ['Date', 'Primary']);
});

test('an unterminated quote is refused with the line where it opened', () => {
  assert.throws(
    () => readCsv('a,b\n1,2\n3,"open\nmore\n', { file: 'Reach.csv' }),
    (e: unknown) => e instanceof ImportError && e.location.row === 3 && e.location.file === 'Reach.csv' && /never closed/.test(e.message),
  );
});

test('text after a closing quote is kept (lenient), a quote inside an unquoted field is literal', () => {
  assert.deepEqual(readCsv('"a"b,c"d\n').rows[0]?.cells, ['ab', 'c"d']);
});

test('property: writing any table as RFC 4180 and reading it back gives the same cells', () => {
  const cellArb = fc.string({ unit: fc.constantFrom('a', 'ø', ',', ';', '"', '\n', '\r\n', ' ', '1') });
  fc.assert(
    fc.property(fc.array(fc.array(cellArb, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (table) => {
      const text = table.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n');
      const rows = readCsv(text, { delimiter: ',' }).rows.map((r) => r.cells);
      assert.deepEqual(rows, table);
    }),
  );
});

test('readCsvHead: the first rows of a long file, a row cut inside quotes dropped, never throws', () => {
  const long = `a,b\n1,"x\ny"\n${'2,"long\ntext"\n'.repeat(100)}`;
  const head = readCsvHead(long, 30);
  assert.deepEqual(head[0]?.cells, ['a', 'b']);
  assert.ok(head.length >= 2 && head.length < 10);
  assert.ok(head.every((r) => r.cells.length === 2));
  assert.deepEqual(readCsvHead('"never closed'), []);
  // a short file cut inside a quoted field: the rows before it
  assert.deepEqual(readCsvHead('a,b\n1,2\n3,"cut').map((r) => r.cells), [['a', 'b'], ['1', '2']]);
});
