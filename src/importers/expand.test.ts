import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { expandUpload } from './expand.ts';
import { detectFile, parseFile } from './registry.ts';
import { expectImportError, fixture } from './fixture-files.ts';
import { syntheticXlsx } from './synthetic-xlsx.ts';

const TIKTOK = ['Overview.csv', 'Content.csv', 'Viewers.csv', 'FollowerHistory.csv', 'FollowerGender.csv', 'FollowerTopTerritories.csv', 'FollowerActivity.csv'];
const YOUTUBE = ['Table data.csv', 'Chart data.csv', 'Totals.csv'];

const zip = (name: string, files: Zippable) => ({ name, bytes: zipSync(files) });

test('a TikTok Studio ZIP of the seven CSVs comes back as its entries, byte for byte, each recognised', () => {
  const files: Zippable = {};
  // the layout TikTok Studio downloads have: followers in their own folder, plus macOS junk
  for (const f of TIKTOK) files[f.startsWith('Follower') ? `Followers_account/${f}` : f] = fixture(`tiktok-studio/${f}`).bytes;
  files['__MACOSX/._Overview.csv'] = strToU8('junk');
  files['.DS_Store'] = strToU8('junk');
  files['Followers_account/'] = {};
  const out = expandUpload(zip('TikTok.zip', files));
  assert.equal(out.length, 7);
  assert.deepEqual(
    out.map((f) => f.name),
    TIKTOK.map((f) => `TikTok.zip › ${f.startsWith('Follower') ? 'Followers_account/' : ''}${f}`),
  );
  for (const [i, f] of TIKTOK.entries()) assert.deepEqual(out[i]!.bytes, fixture(`tiktok-studio/${f}`).bytes);
  assert.deepEqual(
    out.map((f) => detectFile(f)?.importer),
    ['tiktok-overview', 'tiktok-content', 'tiktok-viewers', 'tiktok-followers', 'tiktok-audience', 'tiktok-audience', 'tiktok-audience'],
  );
  // read end to end: Overview.csv ends with "February 27","18237",… → 2026-02-27 with this lastDay
  const overview = parseFile(out[0]!, { lastDay: '2026-02-28' });
  assert.equal(overview.to, '2026-02-27');
});

test('a YouTube Studio ZIP of the three CSVs, compressed or stored', () => {
  for (const level of [0, 9] as const) {
    const files: Zippable = {};
    for (const f of YOUTUBE) files[f] = [fixture(`youtube/${f}`).bytes, { level }];
    const out = expandUpload(zip('Content 2025-06-13_2026-06-12 Channel.zip', files));
    assert.deepEqual(
      out.map((f) => [f.name, detectFile(f)?.importer]),
      [
        ['Content 2025-06-13_2026-06-12 Channel.zip › Table data.csv', 'youtube-table'],
        ['Content 2025-06-13_2026-06-12 Channel.zip › Chart data.csv', 'youtube-chart'],
        ['Content 2025-06-13_2026-06-12 Channel.zip › Totals.csv', 'youtube-totals'],
      ],
    );
    assert.equal(parseFile(out[2]!).observations.find((o) => o.date === '2025-06-14')?.value, 147); // Totals: 14-06-2025,147
  }
});

test('non-ZIP files, .xlsx and .xls workbooks come back as they are; a ZIP holding workbooks is unpacked', () => {
  const csv = fixture('youtube/Totals.csv');
  assert.deepEqual(expandUpload(csv), [csv]);
  const xlsx = fixture('linkedin/content-resaved.xlsx');
  assert.deepEqual(expandUpload(xlsx), [xlsx]);
  const xls = fixture('linkedin/content-resaved.xls');
  assert.deepEqual(expandUpload(xls), [xls]);
  const empty = { name: 'empty.csv', bytes: new Uint8Array() };
  assert.deepEqual(expandUpload(empty), [empty]);
  // two workbooks stored uncompressed: their own "xl/workbook.xml" names are visible in the
  // outer archive's bytes, but its central directory lists only the two .xlsx files
  const followers = syntheticXlsx({ 'New followers': [['Date', 'Total followers', 'Organic followers', 'Sponsored followers'], ['03/01/2026', 4, 4, 0]] });
  const out = expandUpload(zip('LinkedIn.zip', { 'content.xlsx': [xlsx.bytes, { level: 0 }], 'followers.xlsx': [followers, { level: 0 }] }));
  assert.deepEqual(
    out.map((f) => [f.name, detectFile(f)?.importer]),
    [
      ['LinkedIn.zip › content.xlsx', 'linkedin-content'],
      ['LinkedIn.zip › followers.xlsx', 'linkedin-followers'],
    ],
  );
  assert.deepEqual(out[0]!.bytes, xlsx.bytes);
});

test('hostile archives are refused naming the archive and the entry', () => {
  const inner = zipSync({ 'Overview.csv': fixture('tiktok-studio/Overview.csv').bytes });
  let e = expectImportError(() => expandUpload(zip('outer.zip', { 'a.csv': strToU8('x'), 'nested/inner.zip': inner })), { reason: /itself a ZIP archive/ });
  assert.equal(e.location.file, 'outer.zip');
  assert.match(e.message, /"nested\/inner\.zip"/);
  for (const bad of ['../Overview.csv', 'a/../../Overview.csv', '/etc/Overview.csv', 'C:/Overview.csv']) {
    e = expectImportError(() => expandUpload(zip('evil.zip', { [bad]: strToU8('Date\n') })), { reason: /refused/ });
    assert.ok(e.message.startsWith(`evil.zip: entry "${bad}" is refused`), e.message);
  }
  // a bomb: 5 MB of zeros deflate to about 5 kB
  expectImportError(() => expandUpload(zip('bomb.zip', { 'Overview.csv': new Uint8Array(5 * 1024 * 1024) })), { reason: /ZIP bomb/ });
  expectImportError(() => expandUpload(zip('junk.zip', { '__MACOSX/._a.csv': strToU8('x'), '.hidden/a.csv': strToU8('x'), 'dir/': {} })), {
    reason: /holds no files/,
  });
  // two entries under one path (written by hand: "b.csv" renamed "a.csv" in every header)
  const twice = zipSync({ 'a.csv': strToU8('Date,Views\n'), 'b.csv': strToU8('Date,Views\n2026-01-01,1\n') });
  for (let i = 0; i + 5 <= twice.length; i++) if (String.fromCharCode(...twice.subarray(i, i + 5)) === 'b.csv') twice[i] = 0x61;
  expectImportError(() => expandUpload({ name: 'twice.zip', bytes: twice }), { reason: /^twice\.zip: entry "a\.csv" appears twice in the archive/ });
  const whole = zipSync({ 'Overview.csv': fixture('tiktok-studio/Overview.csv').bytes });
  e = expectImportError(() => expandUpload({ name: 'cut.zip', bytes: whole.subarray(0, Math.floor(whole.length / 2)) }), { reason: /damaged or cut off/ });
  assert.equal(e.location.file, 'cut.zip');
});
