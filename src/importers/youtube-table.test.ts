import { test } from 'node:test';
import assert from 'node:assert/strict';
import { youtubeTableImporter as imp } from './youtube-table.ts';
import { youtubeChartImporter } from './youtube-chart.ts';
import { youtubeTotalsImporter } from './youtube-totals.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('youtube/Table data.csv');

test('Table data.csv: the Total row is skipped; per-video posts and values read by hand', () => {
  const r = parse(imp, file);
  assert.equal(r.platform, 'youtube');
  assert.equal(r.kind, 'youtube_table');
  assert.equal(r.posts.length, 442);
  assert.equal(r.stats.rows, 442);
  assert.ok(!r.observations.some((o) => o.value === 181588)); // the Total row's views
  const first = r.posts[0]!;
  assert.deepEqual(first, {
    platformPostId: 'UWQNrpakgcA',
    date: '2025-08-28',
    postType: 'video',
    permalink: 'https://www.youtube.com/watch?v=UWQNrpakgcA',
    excerpt: 'Consistency is the key #viralshorts #trending #consistency #key #motivation #ytshorts',
  });
  // UWQNrpakgcA,…,"Aug 28, 2025",9,30331,45.8772,14,456,3.51
  assert.equal(valueOf(r, 'views', '2025-08-28', 'UWQNrpakgcA'), 30331);
  assert.equal(valueOf(r, 'watch_time_hours', '2025-08-28', 'UWQNrpakgcA'), 45.8772);
  assert.equal(valueOf(r, 'impressions', '2025-08-28', 'UWQNrpakgcA'), 456);
  // mx7T928-TGs,…,"Sep 18, 2025",54,4717,26.2948,3,173,1.16
  assert.equal(valueOf(r, 'views', '2025-09-18', 'mx7T928-TGs'), 4717);
  // the last row: XsKvg19iU7s,…,"Jun 19, 2023",5,0,0,0,4,0
  assert.equal(r.posts.at(-1)?.date, '2023-06-19');
  assert.equal(valueOf(r, 'impressions', '2023-06-19', 'XsKvg19iU7s'), 4);
  // Subscribers (net change) for UWQNrpakgcA is 14, for mx7T928-TGs 3
  assert.equal(valueOf(r, 'net_followers', '2025-08-28', 'UWQNrpakgcA'), 14);
  assert.equal(valueOf(r, 'net_followers', '2025-09-18', 'mx7T928-TGs'), 3);
  assert.deepEqual(r.columns.ignored, ['Duration', 'Impressions click-through rate (%)']);
  assert.deepEqual(r.warnings, []);
});

test('columns follow what the user ticked: gained/lost subscribers, durations H:MM:SS, negative net change', () => {
  const text = [
    'Content,Video title,Video publish time,Views,Subscribers,Subscribers gained,Subscribers lost,Average view duration,Average percentage viewed (%),Likes',
    'Total,,,300,-1,4,5,0:01:10,40.5,12',
    'abcDEF12345,Første video,"Jan 5, 2026",200,-2,1,3,1:02:03,38.25,10',
    'xyz_-987654,Second,"Feb 1, 2026",100,1,3,2,0:45,-,2',
  ].join('\n');
  const r = parse(imp, synthetic('t.csv', text));
  assert.equal(valueOf(r, 'new_followers', '2026-01-05', 'abcDEF12345'), 1);
  assert.equal(valueOf(r, 'lost_followers', '2026-01-05', 'abcDEF12345'), 3);
  assert.equal(valueOf(r, 'average_view_duration_s', '2026-01-05', 'abcDEF12345'), 3723);
  assert.equal(valueOf(r, 'average_view_duration_s', '2026-02-01', 'xyz_-987654'), 45);
  assert.equal(valueOf(r, 'average_percentage_viewed', '2026-01-05', 'abcDEF12345'), 38.25);
  assert.equal(valueOf(r, 'average_percentage_viewed', '2026-02-01', 'xyz_-987654'), undefined);
  // the net change (-2) is stored as such, never as new or lost followers
  assert.deepEqual(r.observations.filter((o) => o.value === -2), [{ metric: 'net_followers', date: '2026-01-05', value: -2, postId: 'abcDEF12345' }]);
  assert.equal(valueOf(r, 'net_followers', '2026-02-01', 'xyz_-987654'), 1);
  assert.equal(r.stats.notMeasured, 1);
});

test('detected by content, renamed; not the chart or totals', () => {
  assert.equal(detect(imp, renamed(file))?.kind, 'youtube_table');
  assert.equal(detect(imp, fixture('youtube/Chart data.csv')), null);
  assert.equal(detect(youtubeChartImporter, file), null);
  assert.equal(detect(youtubeTotalsImporter, file), null);
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  expectImportError(() => parse(imp, synthetic('t.csv', text.replace('"Aug 28, 2025",9,30331,45.8772', '"Aug 28, 2025",9,30331,28.05.2025'))), {
    row: 3,
    column: 'Watch time (hours)',
    reason: /date/,
  });
  expectImportError(() => parse(imp, synthetic('t.csv', text.replace('"Aug 28, 2025"', '"Aug 28"'))), { row: 3, column: 'Video publish time', reason: /year/ });
  const lines = text.split('\n');
  expectImportError(() => parse(imp, synthetic('t.csv', [...lines.slice(0, 4), 'newVideo123,Cut,"Aug 29, 2025",15,5051'].join('\n'))), {
    row: 5,
    column: 'Watch time (hours)',
    reason: /cut off/,
  });
});
