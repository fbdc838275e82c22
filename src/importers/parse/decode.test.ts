import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, looksMojibake, sniffBinary } from './decode.ts';
import { fixture } from '../fixture-files.ts';

const exportFixtureBytes = (path: string) => fixture(path).bytes;

const enc = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (c: number) => {
    out[o++] = le ? c & 0xff : c >> 8;
    out[o++] = le ? c >> 8 : c & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

test('UTF-8 with and without BOM; the BOM is dropped from the text', () => {
  assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('"Dato";"Rekkevidde"\nø')])), {
    text: '"Dato";"Rekkevidde"\nø',
    encoding: 'utf-8',
    hadBom: true,
  });
  assert.deepEqual(decodeText(enc('a,b\nå,æ')), { text: 'a,b\nå,æ', encoding: 'utf-8', hadBom: false });
});

test('UTF-16 LE/BE with BOM and without (by the NUL pattern)', () => {
  const s = 'sep=,\n"Facebook reach"\n"Date","Primary"\n"2025-01-01T01:00:00","5"\n';
  for (const le of [true, false]) {
    for (const bom of [true, false]) {
      const d = decodeText(utf16(s, le, bom));
      assert.ok(d, `le=${le} bom=${bom}`);
      assert.equal(d.text, s);
      assert.equal(d.encoding, le ? 'utf-16le' : 'utf-16be');
      assert.equal(d.hadBom, bom);
    }
  }
});

test('invalid UTF-8 is read as Windows-1252 (a CSV re-saved by Excel)', () => {
  const d = decodeText(new Uint8Array([0x44, 0x61, 0x74, 0x6f, 0x3b, 0xf8, 0x80])); // "Dato;ø€"
  assert.deepEqual(d, { text: 'Dato;ø€', encoding: 'windows-1252', hadBom: false });
});

test('binary files answer null; sniffBinary tells ZIP from XLS', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
  const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  assert.equal(sniffBinary(zip), 'zip');
  assert.equal(sniffBinary(xls), 'xls');
  assert.equal(sniffBinary(enc('PK but text')), null);
  assert.equal(decodeText(zip), null);
  assert.equal(decodeText(xls), null);
  assert.equal(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), null, 'PNG');
  assert.equal(decodeText(new Uint8Array([0x61, 0x62, 0x63, 0])), null, 'a stray NUL');
});

test('the real exports decode as their README says', () => {
  assert.equal(decodeText(exportFixtureBytes('meta-oigetit/Reach.csv'))?.encoding, 'utf-16le');
  const posts = decodeText(exportFixtureBytes('facebook/meta-posts-42col.csv'));
  assert.equal(posts?.encoding, 'utf-8');
  assert.equal(posts?.hadBom, true);
  assert.equal(posts?.text.charCodeAt(0), 0x22); // no BOM left
  assert.equal(sniffBinary(exportFixtureBytes('linkedin/content-resaved.xlsx')), 'zip');
  assert.equal(sniffBinary(exportFixtureBytes('linkedin/content-resaved.xls')), 'xls');
  assert.equal(decodeText(exportFixtureBytes('linkedin/content-resaved.xls')), null);
});

test('mojibake is noticed', () => {
  assert.equal(looksMojibake('FÃ¸lgere'), true);
  assert.equal(looksMojibake('Følgere'), false);
  assert.equal(looksMojibake('a\uFFFDb'), true);
});
