import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile, detectFile } from '../registry.ts';
import { synthetic, valueOf } from '../fixture-files.ts';
import { syntheticXlsx } from '../synthetic-xlsx.ts';
import { headerSets } from './index.ts';
import { namesIn, type HeaderLanguage } from './types.ts';
import { tiktokOverviewHeaders } from './tiktok.ts';

const MONTH: Record<HeaderLanguage, (d: number) => string> = { en: (d) => `March ${d}`, nb: (d) => `${d}. mars`, sv: (d) => `${d} mars` };

/** A file of the export written in one language: every column of the set, two rows. */
function fileIn(exportKey: string, lang: HeaderLanguage): { text: string | Uint8Array; dates: string[] } | null {
  const h = headerSets.find((x) => x.export === exportKey)!;
  const keys = Object.keys(h.metrics).filter((k) => namesIn(h, lang, k).length > 0);
  if (keys.length === 0) return null;
  const cols = keys.map((k) => namesIn(h, lang, k)[0]!);
  const q = (cells: string[]) => cells.map((c) => `"${c}"`).join(',');
  if (exportKey === 'tiktok-content') {
    const s = namesIn(h, lang, 'time')[0]!;
    const header = [s, namesIn(h, lang, 'link')[0]!, namesIn(h, lang, 'post_time')[0]!, ...cols];
    const row = (id: string, i: number) => q([MONTH[lang](5), `https://www.tiktok.com/@a/video/${id}`, MONTH[lang](i), ...cols.map((_, j) => String(10 * i + j))]);
    return { text: [q(header), row('7602008805399940407', 1)].join('\n'), dates: [] };
  }
  const structural: Record<string, [string, (d: number) => string][]> = {
    'youtube-table': [
      ['content', (d) => `vid${d}abcdefgh`],
      ['title', () => 'En video'],
      ['published', (d) => `Mar ${d}, 2026`],
    ],
    'x-overview': [['date', (d) => `Mar ${d}, 2026`]],
    'meta-posts': [
      ['postId', (d) => `1234567890_98765432${d}`],
      ['publishTime', (d) => `03/0${d}/2026 10:00`],
      ['permalink', (d) => `https://www.facebook.com/1234567890/posts/98765432${d}`],
      ['postType', () => 'Photos'],
    ],
    'x-content': [
      ['id', (d) => `190000000000000000${d}`],
      ['date', (d) => `Mar ${d}, 2026`],
      ['text', () => 'Hei'],
      ['link', (d) => `https://x.com/a/status/190000000000000000${d}`],
    ],
    'x-legacy': [
      ['id', (d) => `190000000000000000${d}`],
      ['link', (d) => `https://twitter.com/a/status/190000000000000000${d}`],
      ['text', () => 'Hei'],
      ['time', (d) => `2026-03-0${d} 10:00 +0000`],
    ],
  };
  if (exportKey === 'linkedin-visitors') {
    const sheet = namesIn(h, lang, 'sheet')[0]!;
    const rows = [[namesIn(h, lang, 'date')[0]!, ...cols], ...[1, 2].map((d) => [`03/0${d}/2026`, ...cols.map((_, j) => 10 * d + j)])];
    return { text: syntheticXlsx({ [sheet]: rows }), dates: ['2026-03-01', '2026-03-02'] };
  }
  const extra = structural[exportKey];
  if (extra) {
    const header = [...extra.map(([k]) => namesIn(h, lang, k)[0] ?? namesIn(h, 'en', k)[0]!), ...cols];
    const rows = [1, 2].map((d) => q([...extra.map(([, v]) => v(d)), ...cols.map((_, j) => String(10 * d + j))]));
    return { text: [q(header), ...rows].join('\n'), dates: exportKey === 'x-overview' ? ['2026-03-01', '2026-03-02'] : [] };
  }
  const date = exportKey === 'tiktok-business' ? namesIn(h, lang, 'date')[0]! : namesIn(tiktokOverviewHeaders, lang, 'date')[0]!;
  const day = (d: number) => (exportKey === 'tiktok-business' ? `2026/03/0${d}` : MONTH[lang](d));
  const rows = [1, 2].map((d) => q([day(d), ...cols.map((_, j) => String(10 * d + j))]));
  return { text: [q([date, ...cols]), ...rows].join('\n'), dates: ['2026-03-01', '2026-03-02'] };
}

for (const h of headerSets.filter((x, i) => headerSets.findIndex((y) => y.export === x.export) === i)) {
  for (const lang of [...new Set(h.sets.map((s) => s.lang))]) {
    test(`${h.export}: a file written in ${lang} is detected and every column read`, () => {
      const made = fileIn(h.export, lang);
      if (!made) return;
      const file = typeof made.text === 'string' ? synthetic(`${lang}.csv`, made.text, true) : { name: `${lang}.xlsx`, bytes: made.text };
      assert.equal(detectFile(file)?.importer, h.export);
      const parsed = parseFile(file, { lastDay: '2026-03-05', platform: h.platform });
      const metrics = (Object.entries(h.metrics).filter(([k]) => namesIn(h, lang, k).length > 0).map(([, m]) => m)).filter((m) => typeof m === 'string');
      assert.deepEqual(parsed.columns.ignored, []);
      assert.deepEqual([...new Set(parsed.observations.map((o) => o.metric))].sort(), [...metrics].sort());
      if (made.dates.length > 0) assert.equal(valueOf(parsed, metrics[0]!, made.dates[1]!), 20);
    });
  }
}

test('the Swedish TikTok overview export from issue #8 is read', () => {
  const file = synthetic(
    'oversikt.csv',
    'Datum,Videovisningar,Målgrupp som nåtts,Profilvisningar,Gilla-markeringar,Kommentarer,Delningar,Nya följare,Tappade följare\n2026/03/01,100,80,5,12,3,2,4,1\n2026/03/02,-,81,6,13,4,3,5,0\n',
  );
  const r = parseFile(file);
  assert.equal(r.importer, 'tiktok-business');
  assert.equal(valueOf(r, 'views', '2026-03-01'), 100);
  assert.equal(valueOf(r, 'views', '2026-03-02'), undefined, 'not measured');
  assert.equal(valueOf(r, 'reach', '2026-03-02'), 81);
  assert.equal(valueOf(r, 'likes', '2026-03-01'), 12);
  assert.equal(valueOf(r, 'new_followers', '2026-03-02'), 5);
  assert.equal(valueOf(r, 'lost_followers', '2026-03-02'), 0);
  assert.deepEqual(r.columns.ignored, []);
});

test('every set says where its names come from, and no name means two metrics within one export', () => {
  for (const h of headerSets) {
    const seen = new Map<string, string>();
    for (const set of h.sets) {
      assert.ok(set.source.length > 10, `${h.export} ${set.lang}: source`);
      for (const [key, list] of Object.entries(set.names)) {
        for (const name of list ?? []) {
          const n = name.toLowerCase();
          assert.ok(!seen.has(n) || seen.get(n) === key || !(h.metrics as Record<string, string>)[key], `${h.export}: "${name}" is ${seen.get(n)} and ${key}`);
          seen.set(n, key);
        }
      }
    }
  }
});
