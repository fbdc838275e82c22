import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { readZip, zipEntryNames } from './zip.ts';
import { expectImportError } from '../fixture-files.ts';

const read = (bytes: Uint8Array, extra = {}) => readZip(bytes, { file: 'a.zip', ...extra });

/** Sets the declared uncompressed size of every entry (central directory and local headers). */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
  }
  return out;
}

test('reads files, skips directories and __MACOSX junk', () => {
  const zip = zipSync({
    'Overview.csv': strToU8('Date,Views\n'),
    'data/': {},
    'data/Content.csv': [strToU8('a,b\n1,2\n'), { level: 0 }],
    '__MACOSX/._Overview.csv': strToU8('junk'),
  });
  const entries = read(zip);
  assert.deepEqual(
    entries.map((e) => e.name),
    ['Overview.csv', 'data/Content.csv'],
  );
  assert.equal(new TextDecoder().decode(entries[1]!.bytes), 'a,b\n1,2\n');
  assert.deepEqual(
    read(zip, { keep: (n: string) => n.startsWith('data/') }).map((e) => e.name),
    ['data/Content.csv'],
  );
});

test('refuses paths that leave the archive, naming the entry', () => {
  for (const name of ['../evil.csv', 'a/../../evil.csv', '/etc/passwd', 'C:/x.csv', '..\\evil.csv']) {
    const e = expectImportError(() => read(zipSync({ [name]: strToU8('x') })), { reason: /refused/ });
    assert.ok(e.message.includes(name), e.message);
  }
});

test('refuses a ZIP bomb: by its declared ratio, and by its real size when it lies', () => {
  const zeros = new Uint8Array(5 * 1024 * 1024);
  const bomb = zipSync({ 'zeros.csv': zeros });
  expectImportError(() => read(bomb), { reason: /ZIP bomb/ });
  expectImportError(() => read(lieAboutSize(bomb, 1000)), { reason: /more than the 1000 bytes/ });
  expectImportError(() => read(zipSync({ 'a.csv': new Uint8Array(3000) }), { maxTotalBytes: 2000 }), { reason: /more than 2000 bytes/ });
});

test('refuses too many entries, and damaged archives', () => {
  const many: Record<string, Uint8Array> = {};
  for (let i = 0; i < 2001; i++) many[`f${i}.csv`] = strToU8('x');
  expectImportError(() => read(zipSync(many)), { reason: /2001 entries/ });
  const zip = zipSync({ 'a.csv': strToU8('hello hello hello hello') });
  expectImportError(() => read(zip.subarray(0, zip.length - 30)), { reason: /damaged/ });
  expectImportError(() => read(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])), { reason: /damaged/ });
  const broken = zip.slice();
  broken[40] = broken[40]! ^ 0xff; // inside the compressed data
  assert.throws(() => read(broken), (e: Error) => e.name === 'ImportError');
});

test('zipEntryNames lists the central directory without unpacking, junk and unsafe names included', () => {
  const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), dir: {}, '__MACOSX/._a': strToU8('x'), 'big.csv': new Uint8Array(5 * 1024 * 1024) });
  assert.deepEqual(zipEntryNames(zip, { file: 'a.zip' }), ['xl/workbook.xml', 'dir/', '__MACOSX/._a', 'big.csv']); // the bomb-like entry is not inflated
  assert.deepEqual(zipEntryNames(zipSync({ '../up.csv': strToU8('x') }), { file: 'a.zip' }), ['../up.csv']);
  expectImportError(() => zipEntryNames(zip.subarray(0, zip.length - 5), { file: 'a.zip' }), { reason: /damaged or cut off/ });
  expectImportError(() => zipEntryNames(zip, { file: 'a.zip', maxEntries: 3 }), { reason: /4 entries, more than the 3 allowed/ });
});
