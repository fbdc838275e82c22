import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tiktokContentImporter as imp } from './tiktok-content.ts';
import { placeByVideoId, postedAtFromId } from './tiktok-studio.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('tiktok-studio/Content.csv');

test('Content.csv: posts and their totals read by hand, years from the video ids', () => {
  const r = parse(imp, file); // no lastDay needed: every id places its post
  assert.equal(r.kind, 'tiktok_content');
  assert.equal(r.posts.length, 13);
  assert.equal(r.stats.rows, 13);
  const first = r.posts[0]!;
  assert.equal(first.platformPostId, '7527623000473079054');
  assert.equal(first.date, '2025-07-16');
  assert.equal(first.permalink, 'https://www.tiktok.com/@haileytupy2.0/video/7527623000473079054');
  assert.equal(first.excerpt, '@Unbrush #unbrush #unbrushplus #unbrushhairbrush');
  // "July 16","533","32","16","191265"
  assert.equal(valueOf(r, 'likes', '2025-07-16', '7527623000473079054'), 533);
  assert.equal(valueOf(r, 'comments', '2025-07-16', '7527623000473079054'), 32);
  assert.equal(valueOf(r, 'views', '2025-07-16', '7527623000473079054'), 191265);
  // "February 1" is 2026, "December 31" is 2025 (across New Year), "September 3" stays the export's own day
  assert.equal(r.posts.find((p) => p.platformPostId === '7602008805399940407')?.date, '2026-02-01');
  assert.equal(valueOf(r, 'views', '2026-02-01', '7602008805399940407'), 11564);
  assert.equal(r.posts.find((p) => p.platformPostId === '7590117423970258206')?.date, '2025-12-31');
  assert.equal(r.posts.find((p) => p.platformPostId === '7546034661705796877')?.date, '2025-09-03');
  // an empty title gives no excerpt
  assert.equal(r.posts.find((p) => p.platformPostId === '7598683574904130871')?.excerpt, undefined);
  assert.equal(r.from, '2025-04-08');
  assert.equal(r.to, '2026-02-01');
  assert.equal(r.observations.length, 13 * 4);
});

test('video ids place year-less days, allowing a day of time zone', () => {
  assert.equal(postedAtFromId('7546034661705796877')?.toISOString(), '2025-09-04T01:08:27.000Z');
  assert.equal(placeByVideoId({ month: 9, day: 3 }, '7546034661705796877'), '2025-09-03');
  assert.equal(placeByVideoId({ month: 3, day: 3 }, '7546034661705796877'), undefined);
  assert.equal(postedAtFromId('12345'), undefined);
});

test('ids that cannot place a post: placed back from the export day, which needs lastDay', () => {
  const text = '"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"\n"January 5","Hei","https://www.tiktok.com/@a/video/123456789","December 30","1","2","3","4"\n';
  const f = synthetic('c.csv', text, true);
  expectImportError(() => parse(imp, f), { row: 2, column: 'Time', reason: /no year/ });
  const r = parse(imp, f, { lastDay: '2026-01-06' });
  assert.equal(r.posts[0]!.date, '2025-12-30');
  assert.equal(valueOf(r, 'views', '2025-12-30', '123456789'), 4);
  assert.equal(r.warnings.length, 1);
});

test('detected by content, renamed; bokmål headers', () => {
  assert.equal(detect(imp, renamed(file))?.kind, 'tiktok_content');
  assert.equal(detect(imp, fixture('tiktok-studio/Overview.csv')), null);
  const nb = synthetic('innhold.csv', '"Tid","Videotittel","Videolenke","Publiseringstidspunkt","Totalt antall liker","Totalt antall kommentarer","Totalt antall delinger","Totalt antall visninger"\n"28. februar","Hei","https://www.tiktok.com/@a/video/7602008805399940407","1. februar","1","2","3","4"\n', true);
  assert.equal(detect(imp, nb)?.importer, 'tiktok-content');
  const r = parse(imp, nb);
  assert.equal(valueOf(r, 'shares', '2026-02-01', '7602008805399940407'), 3);
  assert.equal(r.columns.recognised.length, 4);
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  expectImportError(() => parse(imp, synthetic('c.csv', text.replace('"533","32","16","191265"', '"533","32","16","19.12.2026"'))), {
    row: 2,
    column: 'Total views',
    reason: /date/,
  });
  expectImportError(() => parse(imp, synthetic('c.csv', text.replace('/video/7527623000473079054', '/photo/x'))), { row: 2, column: 'Video link' });
  const lines = text.split('\n');
  expectImportError(() => parse(imp, synthetic('c.csv', [...lines.slice(0, 3), '"February 28","Cut","https://www.tiktok.com/@a/video/7602008805399940407","February 1","3"'].join('\n'))), {
    row: 4,
    column: 'Total comments',
    reason: /cut off/,
  });
  expectImportError(() => parse(imp, synthetic('c.csv', [...lines.slice(0, 3), lines[1]].join('\n'))), { row: 4, reason: /twice/ });
});
