// Bounded fuzzing of the whole path an upload takes (registry.parseFile: size check, decoding,
// garbled-text check, detection by every importer, parsing) over every text fixture and over
// synthetic files of the kinds no fixture has (TikTok business export, the Målbar template):
// damaged copies — bytes changed, text cut, cells replaced with hostile values, lines dropped or
// doubled, the encoding changed — must be read or refused with an ImportError, never another
// exception, a non-finite value or a slow read. The per-importer fuzz tests
// (fuzz-tiktok-youtube-x.test.ts, parse/fuzz.test.ts) go deeper into single importers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ImportError } from './errors.ts';
import { fixture } from './fixture-files.ts';
import { decodeText } from './parse/decode.ts';
import { importers, parseFile } from './registry.ts';
import type { InputFile } from './types.ts';

const SETTINGS = { numRuns: 200, seed: 20261122, interruptAfterTimeLimit: 3000 };

const sources: InputFile[] = [
  'facebook/meta-posts-42col.csv',
  'facebook-legacy/post-level-2017.csv',
  'meta-oigetit/Audience.csv',
  'meta-oigetit/Follows.csv',
  'meta-oigetit/Mar-18-2025_Apr-14-2025_1019826952924933.csv',
  'tiktok-studio/Content.csv',
  'tiktok-studio/FollowerHistory.csv',
  'tiktok-studio/FollowerTopTerritories.csv',
  'youtube/Table data.csv',
  'youtube/Totals.csv',
  'x-current/account_overview_analytics.csv',
  'x-legacy/tweet_activity_metrics_20170401_20170408_en.csv',
].map((p) => fixture(p));
const enc = (name: string, text: string): InputFile => ({ name, bytes: new TextEncoder().encode(text) });
sources.push(
  enc(
    'business.csv',
    'Date,Video views,Reached audience,Profile views,Likes,Shares,Comments,Website clicks,Net growth,New followers,Lost followers\n' +
      '2025/12/30,1200,900,14,80,3,5,2,4,6,2\n2025/12/31,1500,1100,20,95,4,7,-,-1,3,4\n',
  ),
  enc(
    'values.csv',
    'date,month,metric,value,platform,post_id,post_date,post_url,post_text,note\n' +
      '2026-01-05,,reach,120,instagram,,,,,\n,2026-02,applicants,14,,,,,,from the admissions office\n' +
      '2026-01-06,,likes,3,instagram,p1,2026-01-06,https://example.org/p1,"=HYPERLINK(""x"")",\n',
  ),
);

const HOSTILE = ['', '-', 'undefined', 'NAN', '"', '""', '12.05.2025', '1,5', '1e400', '-3', 'Total', '0:00:61', 'February 30', ',', ';', '\t', '\n', '\r', '\u0000', '\uFEFF', 'Ã¸', '=cmd|"/c calc"!A1', 'sep=;\n'];

type Edit =
  | { kind: 'byte'; at: number; byte: number }
  | { kind: 'cut'; at: number }
  | { kind: 'replace'; at: number; len: number; with: string }
  | { kind: 'line'; at: number; double: boolean };

// A uniform fraction of the length (fast-check's doubles crowd near 0, and its integers near the ends).
const at = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at }),
  fc.record({ kind: fc.constant('replace' as const), at, len: fc.integer({ min: 0, max: 12 }), with: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('line' as const), at, double: fc.boolean() }),
);

function apply(file: InputFile, edits: Edit[], encoding: 'same' | 'utf-8' | 'utf-16le'): InputFile {
  const decoded = decodeText(file.bytes)!;
  let text = decoded.text;
  const bytesEdits: Extract<Edit, { kind: 'byte' }>[] = [];
  for (const e of edits) {
    const i = Math.floor(e.at * text.length);
    if (e.kind === 'byte') bytesEdits.push(e);
    else if (e.kind === 'cut') text = text.slice(0, i);
    else if (e.kind === 'replace') text = text.slice(0, i) + e.with + text.slice(i + e.len);
    else {
      const lines = text.split('\n');
      const n = Math.floor(e.at * lines.length);
      lines.splice(n, e.double ? 0 : 1, ...(e.double ? [lines[n] ?? ''] : []));
      text = lines.join('\n');
    }
  }
  const target = encoding === 'same' ? decoded.encoding : encoding;
  let bytes: Uint8Array;
  if (target === 'utf-16le') {
    bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
  } else {
    bytes = new TextEncoder().encode((decoded.hadBom ? '\uFEFF' : '') + text);
  }
  for (const e of bytesEdits) if (bytes.length > 0) bytes[Math.floor(e.at * (bytes.length - 1))] = e.byte;
  return { name: file.name, bytes };
}

test('fuzz: damaged copies of every text export, read the way an upload is', () => {
  const outcomes = { read: 0, refused: 0 };
  fc.assert(
    fc.property(
      fc.nat(sources.length - 1),
      fc.array(edit, { minLength: 1, maxLength: 4 }),
      fc.constantFrom('same' as const, 'same' as const, 'utf-8' as const, 'utf-16le' as const),
      fc.constantFrom(undefined, '2026-02-28', '2025-04-15'),
      (which, edits, encoding, lastDay) => {
        const file = apply(sources[which]!, edits, encoding);
        const started = performance.now();
        for (const importer of importers) importer.detect(file, decodeText(file.bytes)); // never throws
        try {
          const r = parseFile(file, lastDay ? { lastDay } : {});
          outcomes.read++;
          for (const o of r.observations) {
            assert.ok(Number.isFinite(o.value), `${o.metric} ${o.date} ${o.value}`);
            assert.match(o.date, /^\d{4}-\d{2}-\d{2}$/);
          }
          for (const p of r.posts) assert.ok((p.excerpt ?? '').length <= 280);
          for (const a of r.audience) for (const v of Object.values(a.ageDistribution)) assert.ok(Number.isFinite(v));
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          assert.ok(e.location.file === file.name || e.location.file.startsWith(`${file.name} `), e.message);
          outcomes.refused++;
        }
        assert.ok(performance.now() - started < 2000, 'a single read took over 2 s');
      },
    ),
    SETTINGS,
  );
  // both outcomes happen: the fuzzing reaches the importers, not only the first check
  assert.ok(outcomes.read > 10 && outcomes.refused > 10, JSON.stringify(outcomes));
});
