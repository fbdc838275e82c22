// Hostile and damaged binary uploads (workbooks, archives) and huge files, read the way an
// upload is (expand.ts, then registry.parseFile). Cases covered elsewhere are referenced:
// - a ZIP bomb (declared ratio; sizes that lie), `../`, absolute, drive-letter and backslash
//   paths, 2001 entries, a flipped byte (checksum): parse/zip.test.ts, and through uploads with
//   the archive's and the entry's names: expand.test.ts ("hostile archives are refused …");
// - a ZIP inside the ZIP, an archive of junk only, a cut-off archive: expand.test.ts;
// - a cut-off .xlsx of a LinkedIn followers export: linkedin-followers.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync } from 'fflate';
import { MAX_FILE_BYTES, detectFile, parseFile } from '../registry.ts';
import { expandUpload } from '../expand.ts';
import { expectImportError, fixture } from '../fixture-files.ts';

const xlsx = fixture('linkedin/content-resaved.xlsx');
const xls = fixture('linkedin/content-resaved.xls');

test('a truncated .xlsx is refused as a damaged workbook wherever it is cut', () => {
  for (const keep of [30, Math.floor(xlsx.bytes.length / 2), xlsx.bytes.length - 1]) {
    const e = expectImportError(() => parseFile({ name: 'content.xlsx', bytes: xlsx.bytes.subarray(0, keep) }), {
      reason: /^content\.xlsx: not a known export: a ZIP archive or \.xlsx workbook that cannot be read: no end of the central directory was found \(the ZIP archive is damaged or cut off\)$/,
    });
    assert.equal(e.location.file, 'content.xlsx');
  }
});

test('an .xlsx with a damaged byte names the entry that cannot be unpacked', () => {
  const bytes = xlsx.bytes.slice();
  bytes[Math.floor(bytes.length * 0.2)]! ^= 0xff; // inside the compressed first worksheet
  expectImportError(() => parseFile({ name: 'content.xlsx', bytes }), {
    reason: /entry "xl\/worksheets\/sheet1\.xml": it cannot be unpacked \(invalid distance\) \(the ZIP archive is damaged or cut off\)/,
  });
});

test('a truncated .xls is refused as a damaged workbook', () => {
  for (const keep of [512, Math.floor(xls.bytes.length / 2)]) {
    expectImportError(() => parseFile({ name: 'content.xls', bytes: xls.bytes.subarray(0, keep) }), {
      reason: /^content\.xls: not a known export: an old Excel \(\.xls\) workbook that cannot be read: .*its container is damaged or cut off$/,
    });
  }
});

test('a truncated TikTok Studio ZIP is refused as one file; a whole one is not', () => {
  const whole = zipSync({ 'Overview.csv': fixture('tiktok-studio/Overview.csv').bytes, 'Viewers.csv': fixture('tiktok-studio/Viewers.csv').bytes });
  assert.equal(expandUpload({ name: 'TikTok.zip', bytes: whole }).length, 2);
  expectImportError(() => expandUpload({ name: 'TikTok.zip', bytes: whole.subarray(0, whole.length - 10) }), {
    reason: /^TikTok\.zip: no end of the central directory was found \(the ZIP archive is damaged or cut off\)$/,
  });
});

/**
 * A YouTube Studio Chart data.csv of `videos` videos × 365 days, about 93 bytes a row: the
 * largest kind of real export (a row per video and day).
 */
function chart(bytes: number): { text: string; rows: number; videos: number } {
  const days = Array.from({ length: 365 }, (_, d) => new Date(Date.UTC(2025, 5, 13 + d)).toISOString().slice(0, 10));
  const parts = ['Date,Content,Video title,Video publish time,Duration,Views\n'];
  let size = parts[0]!.length;
  let rows = 0;
  let videos = 0;
  while (size < bytes) {
    const rest = `,vid${String(videos).padStart(8, '0')},A title for video ${videos} #shorts #trending,"Sep 29, 2025",5,`;
    videos++;
    for (const [i, date] of days.entries()) {
      const line = `${date}${rest}${i % 997}\n`;
      parts.push(line);
      size += line.length;
      rows++;
    }
  }
  return { text: parts.join(''), rows, videos };
}

test(`huge files: 50 MB is read within the limits; over ${MAX_FILE_BYTES} bytes is refused before it is decoded`, () => {
  const { text, rows, videos } = chart(50 * 1024 * 1024);
  const bytes = new TextEncoder().encode(text);
  assert.ok(bytes.length >= 50 * 1024 * 1024 && bytes.length < MAX_FILE_BYTES);
  const r = parseFile({ name: 'Chart data.csv', bytes });
  assert.equal(r.stats.rows, rows);
  assert.equal(r.posts.length, videos);
  assert.equal(r.observations.length, 0); // per-video daily rows are not stored (youtube-chart.ts)
  assert.ok(process.memoryUsage().rss < 1.5 * 1024 * 1024 * 1024, `${process.memoryUsage().rss} bytes in use`);

  const over = new Uint8Array(MAX_FILE_BYTES + 1);
  over.set(bytes.subarray(0, 4096));
  expectImportError(() => parseFile({ name: 'Chart data.csv', bytes: over }), {
    reason: /^Chart data\.csv: the file is 67108865 bytes \(64 MB\), more than the 67108864 bytes \(64 MB\) one export may be: export a shorter period, or fewer videos or posts at a time$/,
  });
  assert.equal(detectFile({ name: 'Chart data.csv', bytes: over }), null);
});
