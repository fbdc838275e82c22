import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNoValue, parseDuration, parseNumber, parsePercent } from './numbers.ts';
import { ImportError } from '../errors.ts';

const ctx = { file: 'f.csv', row: 7, column: 'Reach' };
const n = (s: string, o = {}) => parseNumber(s, ctx, o);

test('markers of no value are null, never 0', () => {
  for (const s of ['', '  ', '-', '--', 'NAN', 'NaN', 'undefined', 'null', 'N/A', '—']) {
    assert.equal(n(s), null, JSON.stringify(s));
    assert.equal(isNoValue(s), true);
  }
  assert.equal(n('0'), 0);
  assert.equal(isNoValue('0'), false);
});

test('the number forms exports and spreadsheets write', () => {
  assert.equal(n('29.0'), 29);
  assert.equal(n('1,234'), 1234);
  assert.equal(n('1,234,567'), 1234567);
  assert.equal(n('1 234'), 1234);
  assert.equal(n('1\u00A0234'), 1234);
  assert.equal(n('12\u202F345,5'), 12345.5);
  assert.equal(n('12,5'), 12.5);
  assert.equal(n('0,123'), 0.123);
  assert.equal(n('12,5 %'), 12.5);
  assert.equal(n('-3'), -3);
  assert.equal(n('−3'), -3);
  assert.equal(n('+7'), 7);
  assert.equal(n('1.234,5'), 1234.5);
  assert.equal(n('1,234.5'), 1234.5);
  assert.equal(n('0.0463'), 0.0463);
  assert.equal(n('1.5E+3'), 1500);
  assert.equal(n(' 42 '), 42);
  assert.equal(n('-0'), 0);
  assert.ok(Object.is(n('-0'), 0));
});

test('a known decimal separator settles 1,234 and 1.234', () => {
  assert.equal(n('1,234', { decimal: ',' }), 1.234);
  assert.equal(n('1.234', { decimal: ',' }), 1234);
  assert.equal(n('1.234.567,8', { decimal: ',' }), 1234567.8);
  assert.equal(n('1 234,5', { decimal: ',' }), 1234.5);
});

test('text that is not a number is refused with file, row and column', () => {
  for (const s of ['abc', '12abc', '1,2,3', '1..2', '1,23,4', '(12)', '1 23', '12.', '#REF!', '=1+1']) {
    assert.throws(
      () => n(s),
      (e: unknown) => e instanceof ImportError && e.location.row === 7 && e.location.column === 'Reach' && /not a number/.test(e.message),
      s,
    );
  }
});

test('a decimal a spreadsheet turned into a date is refused, saying so', () => {
  for (const s of ['12.05.2025', '2025-05-12', '05/12/2025', '12. mai', '5-Dec', 'Dec-05', '12-May-2025']) {
    assert.throws(
      () => n(s),
      (e: unknown) => e instanceof ImportError && e.location.row === 7 && e.location.column === 'Reach' && /date/.test(e.message) && /spreadsheet/.test(e.message),
      s,
    );
  }
});

test('percent: as written, or fractions ×100; % always means percent', () => {
  assert.equal(parsePercent('12,5 %', ctx), 12.5);
  assert.equal(parsePercent('0.123', ctx, { fraction: true }), 12.3);
  assert.equal(parsePercent('0.0463', ctx, { fraction: true }), 4.63);
  assert.equal(parsePercent('12.3%', ctx, { fraction: true }), 12.3);
  assert.equal(parsePercent('26.2', ctx), 26.2);
  assert.equal(parsePercent('-', ctx, { fraction: true }), null);
});

test('durations', () => {
  assert.equal(parseDuration('1:02:03', ctx), 3723);
  assert.equal(parseDuration('2:05', ctx), 125);
  assert.equal(parseDuration('12.5', ctx), 12.5);
  assert.equal(parseDuration('--', ctx), null);
  assert.throws(() => parseDuration('soon', ctx), ImportError);
});
