import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFile, detectFile, importerByKey, importers, parseFile } from './registry.ts';
import { fixture, renamed, synthetic } from './fixture-files.ts';
import { ImportError } from './errors.ts';

test('every importer is listed once, under a unique key', () => {
  const keys = importers.map((i) => i.key);
  assert.equal(new Set(keys).size, keys.length);
  assert.equal(new Set(importers).size, importers.length);
  assert.equal(importerByKey('meta-posts')?.key, 'meta-posts');
});

// Every text fixture is recognised by its importer, from content only (every file renamed).
const expected: [string, string, string | null][] = [
  ['facebook/meta-posts-42col.csv', 'meta-posts', 'facebook'],
  ['facebook-legacy/post-level-2017.csv', 'facebook-legacy', 'facebook'],
  ['meta-oigetit/Mar-18-2025_Apr-14-2025_553302954456165.csv', 'meta-posts', 'facebook'],
  ['meta-oigetit/Mar-18-2025_Apr-14-2025_1019826952924933.csv', 'meta-posts', 'instagram'],
  ['meta-oigetit/Reach.csv', 'meta-daily', 'facebook'],
  ['meta-oigetit/Views.csv', 'meta-daily', null],
  ['meta-oigetit/Follows.csv', 'meta-daily', null],
  ['meta-oigetit/Audience.csv', 'meta-audience', null],
  ['tiktok-studio/Overview.csv', 'tiktok-overview', 'tiktok'],
  ['tiktok-studio/Content.csv', 'tiktok-content', 'tiktok'],
  ['youtube/Table data.csv', 'youtube-table', 'youtube'],
  ['x-legacy/tweet_activity_metrics_20170401_20170408_en.csv', 'x-legacy', 'x'],
];

for (const [path, importer, platform] of expected) {
  test(`detects ${path} by content`, () => {
    const d = detectFile(renamed(fixture(path), 'renamed.txt'));
    assert.equal(d?.importer, importer);
    assert.equal(d?.platform, platform);
  });
}

test('parseFile reads with the detected importer and passes the options on', () => {
  const r = parseFile(renamed(fixture('meta-oigetit/Audience.csv')), { lastDay: '2025-04-15', platform: 'instagram' });
  assert.equal(r.importer, 'meta-audience');
  assert.equal(r.platform, 'instagram');
  assert.equal(r.audience[0]?.ageDistribution['25-34'], 45.3);
  assert.equal(parseFile(fixture('meta-oigetit/Reach.csv')).observations.length, 105);
});

const refusedAs = (file: { name: string; bytes: Uint8Array }, re: RegExp) =>
  assert.throws(
    () => parseFile(file),
    (e: unknown) => e instanceof ImportError && e.location.file === file.name && /not a known export/.test(e.message) && re.test(e.message),
  );

test('an unknown file is refused, saying what it looked like', () => {
  refusedAs(synthetic('notes.csv', 'Name;Town\nKari;Bergen\n'), /utf-8 text file whose first lines read: "Name \| Town", "Kari \| Bergen"/);
  refusedAs({ name: 'empty.csv', bytes: new Uint8Array() }, /empty/);
  refusedAs({ name: 'a.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) }, /ZIP/);
  refusedAs({ name: 'img.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) }, /binary/);
  assert.match(describeFile(synthetic('x.csv', '"open\nquote')), /text file/);
});

test('a file garbled by a wrong encoding is refused with the line', () => {
  const good = 'sep=,\n"Facebook reach"\n"Date","Primary"\n"2025-01-01","5"\n';
  assert.equal(parseFile(synthetic('Reach.csv', good)).observations.length, 1);
  // "Følgere" written as UTF-8, read as Windows-1252, saved as UTF-8 again.
  const garbled = `${good}"2025-01-02","6"\n"FÃ¸lgere",""\n`;
  assert.throws(
    () => parseFile(synthetic('Reach.csv', garbled)),
    (e: unknown) => e instanceof ImportError && e.location.row === 6 && /wrong character encoding/.test(e.message),
  );
  // A UTF-8 BOM followed by bytes that are not UTF-8: characters were lost.
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(good), 0xf8, 0x0a]);
  assert.throws(() => parseFile({ name: 'Reach.csv', bytes }), /garbled/);
});
