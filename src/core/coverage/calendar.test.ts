import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageCalendar } from './calendar.ts';

test('an Instagram calendar over the leap day: runs, gaps, extents and metrics per day', () => {
  const cal = coverageCalendar({
    platform: 'instagram',
    from: '2024-02-27',
    to: '2024-03-02',
    cells: [
      { metric: 'reach', day: '2024-02-27' },
      { metric: 'reach', day: '2024-02-28' },
      { metric: 'reach', day: '2024-03-01' },
      // The same day twice (an account-level and a per-post value) counts once.
      { metric: 'reach', day: '2024-03-01' },
      { metric: 'followers', day: '2024-02-29' },
      { metric: 'sessions', day: '2024-02-29' },
      // Outside the range: ignored here, but part of the extent.
      { metric: 'reach', day: '2024-03-05' },
    ],
    extents: [
      { metric: 'reach', first: '2023-12-01', last: '2024-03-05' },
      { metric: 'followers', first: '2024-02-29', last: '2024-02-29' },
      { metric: 'sessions', first: '2024-02-29', last: '2024-02-29' },
    ],
  });
  assert.equal(cal.days, 5);
  assert.deepEqual(cal.perDay, [1, 1, 2, 1, 0]);
  // Instagram's platform metrics in the catalogue, counted by hand: followers, new_followers, lost_followers,
  // reach, impressions, views, video_views, plays, engagements, likes, comments, shares, saves, link_clicks,
  // profile_views, watch_time_hours, average_view_duration_s, posts_published.
  assert.equal(cal.providedMetrics, 18);
  assert.equal(cal.metrics.length, 19);
  assert.equal(cal.metrics[0]!.metric, 'followers');
  const reach = cal.metrics.find((m) => m.metric === 'reach')!;
  assert.deepEqual(reach, {
    metric: 'reach',
    provided: true,
    documentedDays: 3,
    documented: [['2024-02-27', '2024-02-28'], ['2024-03-01', '2024-03-01']],
    gaps: [['2024-02-29', '2024-02-29'], ['2024-03-02', '2024-03-02']],
    firstDay: '2023-12-01',
    lastDay: '2024-03-05',
  });
  const sessions = cal.metrics.at(-1)!;
  assert.equal(sessions.metric, 'sessions');
  assert.equal(sessions.provided, false);
  assert.deepEqual(sessions.documented, [['2024-02-29', '2024-02-29']]);
  const likes = cal.metrics.find((m) => m.metric === 'likes')!;
  assert.deepEqual([likes.documentedDays, likes.gaps, likes.firstDay, likes.lastDay], [0, [['2024-02-27', '2024-03-02']], null, null]);
  assert.equal(cal.metrics.find((m) => m.metric === 'reactions'), undefined, 'Instagram has no reactions');
});

test('an empty account: every provided metric is one gap, every day counts 0', () => {
  const cal = coverageCalendar({ platform: 'x', from: '2025-12-31', to: '2026-01-02', cells: [], extents: [] });
  assert.deepEqual(cal.perDay, [0, 0, 0]);
  assert.ok(cal.metrics.length > 0);
  assert.equal(cal.metrics.length, cal.providedMetrics);
  for (const m of cal.metrics) assert.deepEqual(m.gaps, [['2025-12-31', '2026-01-02']]);
});
