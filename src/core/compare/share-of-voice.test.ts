import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, shareOfVoice, sumInPeriod } from './share-of-voice.ts';

test('share of voice is own / (own + competitors) × 100, with hand-computed values', () => {
  // 30 / (30 + 50 + 20) × 100 = 30
  assert.deepEqual(shareOfVoice({ own: 30, competitors: [50, 20] }), { share: 30, own: 30, competitors: 70, total: 100, competitorsDocumented: 2 });
  // 1 / (1 + 3) × 100 = 25
  assert.equal(shareOfVoice({ own: 1, competitors: [3] }).share, 25);
  // A documented 0 for a competitor: all the voice is ours.
  assert.equal(shareOfVoice({ own: 12, competitors: [0] }).share, 100);
  // A competitor without documented mentions is left out, not counted as 0 mentions of a rival.
  assert.deepEqual(shareOfVoice({ own: 10, competitors: [null, 30] }), { share: 25, own: 10, competitors: 30, total: 40, competitorsDocumented: 1 });
});

test('no documented mentions gives null, never 0; a documented zero is a measured 0 %', () => {
  assert.equal(shareOfVoice({ own: null, competitors: [] }).share, null);
  assert.equal(shareOfVoice({ own: null, competitors: [null, null] }).share, null);
  // Own mentions not documented: the share is unknown even though competitors are.
  assert.equal(shareOfVoice({ own: null, competitors: [40] }).share, null);
  // No competitor's mentions documented: not 100 %, unknown.
  assert.deepEqual(shareOfVoice({ own: 12, competitors: [] }), { share: null, own: 12, competitors: null, total: 12, competitorsDocumented: 0 });
  assert.equal(shareOfVoice({ own: 12, competitors: [null] }).share, null);
  // Everything documented as 0: the share is undefined (0 / 0), so null.
  assert.equal(shareOfVoice({ own: 0, competitors: [0] }).share, null);
  assert.equal(shareOfVoice({ own: 0, competitors: [40] }).share, 0);
});

test('median of odd and even counts, null for none', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 10]), 3.5);
  assert.equal(median([]), null);
});

test('mentions over a period from daily and monthly figures', () => {
  const figures = [
    { period: 'month' as const, day: '2026-02-01', value: 100 },
    { period: 'day' as const, day: '2026-02-10', value: 7 }, // inside February's monthly figure: not counted again
    { period: 'day' as const, day: '2026-03-01', value: 5 },
    { period: 'day' as const, day: '2026-03-31', value: 2 },
    { period: 'day' as const, day: '2026-04-01', value: 50 }, // after the period
    { period: 'month' as const, day: '2026-03-01', value: 900 }, // March is not whole inside the period below
  ];
  assert.equal(sumInPeriod(figures, '2026-02-01', '2026-03-30'), 105);
  // February alone: only the monthly figure.
  assert.equal(sumInPeriod(figures, '2026-02-01', '2026-02-28'), 100);
  // Part of February: the monthly figure does not fit, the daily one does.
  assert.equal(sumInPeriod(figures, '2026-02-05', '2026-02-28'), 7);
  assert.equal(sumInPeriod(figures, '2025-01-01', '2025-12-31'), null);
  assert.equal(sumInPeriod([{ period: 'day', day: '2026-01-01', value: 0 }], '2026-01-01', '2026-01-01'), 0);
});
