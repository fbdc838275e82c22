// Bounded fuzzing of the TikTok, YouTube and X importers: damaged copies of the real exports
// (bytes cut, cells replaced, lines dropped or doubled) must either parse or be refused with an
// ImportError — never crash with another error, never store a non-finite value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeText } from './parse/decode.ts';
import { ImportError } from './errors.ts';
import { fixture } from './fixture-files.ts';
import type { Importer } from './types.ts';
import { tiktokOverviewImporter } from './tiktok-overview.ts';
import { tiktokViewersImporter } from './tiktok-viewers.ts';
import { tiktokFollowersImporter } from './tiktok-followers.ts';
import { tiktokContentImporter } from './tiktok-content.ts';
import { tiktokAudienceImporter } from './tiktok-audience.ts';
import { youtubeTableImporter } from './youtube-table.ts';
import { youtubeChartImporter } from './youtube-chart.ts';
import { youtubeTotalsImporter } from './youtube-totals.ts';
import { xOverviewImporter } from './x-overview.ts';
import { xContentImporter } from './x-content.ts';
import { xLegacyImporter } from './x-legacy.ts';

const cases: [Importer, string][] = [
  [tiktokOverviewImporter, 'tiktok-studio/Overview.csv'],
  [tiktokViewersImporter, 'tiktok-studio/Viewers.csv'],
  [tiktokFollowersImporter, 'tiktok-studio/FollowerHistory.csv'],
  [tiktokContentImporter, 'tiktok-studio/Content.csv'],
  [tiktokAudienceImporter, 'tiktok-studio/FollowerActivity.csv'],
  [tiktokAudienceImporter, 'tiktok-studio/FollowerGender.csv'],
  [youtubeTableImporter, 'youtube/Table data.csv'],
  [youtubeChartImporter, 'youtube/Chart data.csv'],
  [youtubeTotalsImporter, 'youtube/Totals.csv'],
  [xOverviewImporter, 'x-current/account_overview_analytics.csv'],
  [xContentImporter, 'x-current/account_analytics_content_2024-11-21_2025-02-19.csv'],
  [xLegacyImporter, 'x-legacy/tweet_activity_metrics_20170401_20170408_en.csv'],
];

const CELLS = ['', '-', 'undefined', 'NAN', '"', '""', '12.05.2025', '1,5', '1e400', '-3', 'Total', '0:00:61', 'February 30', ',', '\n', '\u0000', '=cmd|"/c calc"!A1'];

type Edit = { kind: 'cut'; at: number } | { kind: 'replace'; at: number; len: number; with: string } | { kind: 'line'; at: number; double: boolean };

function apply(text: string, edits: Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.floor(e.at * t.length);
    if (e.kind === 'cut') t = t.slice(0, at);
    else if (e.kind === 'replace') t = t.slice(0, at) + e.with + t.slice(at + e.len);
    else {
      const lines = t.split('\n');
      const i = Math.floor(e.at * lines.length);
      lines.splice(i, e.double ? 0 : 1, ...(e.double ? [lines[i] ?? ''] : []));
      t = lines.join('\n');
    }
  }
  return t;
}

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.integer({ min: 0, max: 8 }),
    with: fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant('line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), double: fc.boolean() }),
);

for (const [importer, path] of cases) {
  test(`fuzz: damaged copies of ${path} parse or are refused with an ImportError`, () => {
    const original = decodeText(fixture(path).bytes)!.text;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = apply(original, edits);
        const file = { name: 'fuzz.csv', bytes: new TextEncoder().encode(text) };
        const decoded = decodeText(file.bytes);
        importer.detect(file, decoded); // never throws
        try {
          const r = importer.parse(file, decoded, { lastDay: '2026-02-28' });
          for (const o of r.observations) assert.ok(Number.isFinite(o.value), `${o.metric} ${o.date} ${o.value}`);
          for (const o of r.observations) assert.match(o.date, /^\d{4}-\d{2}-\d{2}$/);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
        }
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
}
