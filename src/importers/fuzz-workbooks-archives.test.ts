// Bounded fuzzing of the binary readers and what reads through them: damaged copies of the real
// LinkedIn .xls/.xlsx exports and of synthetic visitor/follower workbooks, and damaged ZIP
// uploads, must each be read or refused with an ImportError — never another exception, never a
// non-finite value, and never slower than a couple of seconds (a hang or blow-up would be).
// Each property runs at most ~200 times, with a fixed seed, and stops after its time budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as CFB from 'cfb';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { ImportError } from './errors.ts';
import { fixture } from './fixture-files.ts';
import { readXlsx } from './parse/xlsx.ts';
import { readXls } from './parse/xls.ts';
import { readZip } from './parse/zip.ts';
import { expandUpload } from './expand.ts';
import { detectFile, importers, parseFile } from './registry.ts';
import { syntheticXlsx } from './synthetic-xlsx.ts';
import type { InputFile, ParsedExport } from './types.ts';

const SETTINGS = { numRuns: 200, seed: 20261122, interruptAfterTimeLimit: 3000 };
const PER_CASE_MS = 2000;

/** Runs `f`; an ImportError is a fine answer, anything else fails the property. */
function readOrRefuse<T>(f: () => T): T | undefined {
  const started = performance.now();
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return undefined;
  } finally {
    assert.ok(performance.now() - started < PER_CASE_MS, 'a single read took over 2 s');
  }
}

function checkExport(r: ParsedExport | undefined): void {
  if (!r) return;
  for (const o of r.observations) {
    assert.ok(Number.isFinite(o.value), `${o.metric} ${o.date} ${o.value}`);
    assert.match(o.date, /^\d{4}-\d{2}-\d{2}$/);
  }
  for (const p of r.posts) assert.ok((p.excerpt ?? '').length <= 280);
}

/** Every importer that recognises the file parses it or refuses it (detection never throws). */
function throughEveryImporter(file: InputFile): void {
  for (const importer of importers) {
    const d = importer.detect(file, null);
    if (d) checkExport(readOrRefuse(() => importer.parse(file, null, { lastDay: '2026-03-01' })));
  }
  checkExport(readOrRefuse(() => parseFile(file, { lastDay: '2026-03-01' })));
}

// Positions spread evenly (fast-check otherwise favours the edges: byte 0 again and again).
const position = fc.noBias(fc.integer({ min: 0, max: 2 ** 30 }));
const byteEdits = fc.array(fc.record({ at: position, byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 });
/** Mostly whole (1), sometimes cut to a fraction of its length. */
const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000); // uniform, unlike fc.double
const cutTo = fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, { arbitrary: fraction.map((f) => 0.02 + 0.98 * f), weight: 1 });

function edited(source: Uint8Array, edits: { at: number; byte: number }[], cut: number): Uint8Array {
  const bytes = source.slice(0, Math.max(1, Math.floor(source.length * cut)));
  for (const e of edits) bytes[e.at % bytes.length] = e.byte;
  return bytes;
}

test('fuzz: damaged .xls copies (BIFF8 has no checksum: bytes changed anywhere reach the record reader)', () => {
  const source = fixture('linkedin/content-resaved.xls').bytes;
  fc.assert(
    fc.property(byteEdits, cutTo, (edits, cut) => {
      const bytes = edited(source, edits, cut);
      readOrRefuse(() => readXls(bytes, { file: 'fuzz.xls' }));
      throughEveryImporter({ name: 'fuzz.xls', bytes });
    }),
    SETTINGS,
  );
});

test('fuzz: .xls workbooks whose BIFF records are damaged inside an intact container', () => {
  const container = CFB.read(fixture('linkedin/content-resaved.xls').bytes, { type: 'buffer' });
  const entry = CFB.find(container, 'Workbook')!;
  const stream = Uint8Array.from(entry.content as ArrayLike<number>);
  let read = 0;
  fc.assert(
    fc.property(byteEdits, cutTo, (edits, cut) => {
      entry.content = edited(stream, edits, cut) as unknown as CFB.CFB$Blob; // cfb's own blob type
      const bytes = Uint8Array.from(CFB.write(container, { type: 'buffer' }) as ArrayLike<number>);
      if (readOrRefuse(() => readXls(bytes, { file: 'fuzz.xls' }))) read++;
      throughEveryImporter({ name: 'fuzz.xls', bytes });
    }),
    SETTINGS,
  );
  entry.content = stream as unknown as CFB.CFB$Blob;
  assert.ok(read > 0, 'some damaged copies are still readable workbooks');
});

/** The hostile things an .xlsx part's XML can hold. */
const XML_TOKENS = [
  '<c r="XFD1048576"><v>1</v></c>',
  '<c r="A1" t="s"><v>999999</v></c>',
  '<c r="A0"><v>1</v></c>',
  '<c t="inlineStr"><is><t>=HYPERLINK("x")</t></is></c>',
  '&#0;',
  '&#x110000;',
  '&unknown;',
  '<![CDATA[',
  '<row r="99999999">',
  '</sheetData>',
  '<v>1e309</v>',
  '<v>NaN</v>',
  '"',
  '<',
  '',
];

test('fuzz: .xlsx workbooks with damaged XML parts (re-zipped, so the checksums hold)', () => {
  const sources = [
    fixture('linkedin/content-resaved.xlsx').bytes,
    syntheticXlsx({
      'Visitor metrics': [['Date', 'Total page views (total)', 'Total unique visitors (total)'], ['12/30/2025', 35, 12], ['12/31/2025', 7, 2]],
      Location: [['Location', 'Total views'], ['Oslo', 3]],
    }),
    syntheticXlsx({ 'New followers': [['Date', 'Organic followers', 'Sponsored followers', 'Total followers'], ['03/01/2026', 4, 0, 4], ['03/02/2026', 1, 1, 2]] }),
  ].map((bytes) => unzipSync(bytes));
  const xmlEdit = fc.record({
    at: fraction,
    len: fc.integer({ min: 0, max: 40 }),
    with: fc.oneof(fc.constantFrom(...XML_TOKENS), fc.string({ maxLength: 8 })),
  });
  fc.assert(
    fc.property(fc.nat(sources.length - 1), fc.nat(), fc.array(xmlEdit, { minLength: 1, maxLength: 5 }), (which, part, edits) => {
      const files: Zippable = { ...sources[which]! };
      const names = Object.keys(files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
      const name = names[part % names.length]!;
      let xml = strFromU8(files[name] as Uint8Array);
      for (const e of edits) {
        const at = Math.floor(e.at * xml.length);
        xml = xml.slice(0, at) + e.with + xml.slice(at + e.len);
      }
      files[name] = strToU8(xml);
      const bytes = zipSync(files);
      readOrRefuse(() => readXlsx(bytes, { file: 'fuzz.xlsx' }));
      throughEveryImporter({ name: 'fuzz.xlsx', bytes });
    }),
    SETTINGS,
  );
});

test('fuzz: damaged ZIP uploads (bytes changed or cut) are unpacked or refused, and every entry read or refused', () => {
  const upload = zipSync({
    'Overview.csv': fixture('tiktok-studio/Overview.csv').bytes,
    'Followers/FollowerGender.csv': [fixture('tiktok-studio/FollowerGender.csv').bytes, { level: 0 }],
    'Totals.csv': fixture('youtube/Totals.csv').bytes,
  });
  fc.assert(
    fc.property(byteEdits, cutTo, (edits, cut) => {
      const bytes = edited(upload, edits, cut);
      readOrRefuse(() => readZip(bytes, { file: 'fuzz.zip' }));
      const files = readOrRefuse(() => expandUpload({ name: 'fuzz.zip', bytes })) ?? [];
      for (const f of files) {
        detectFile(f);
        checkExport(readOrRefuse(() => parseFile(f, { lastDay: '2026-02-28' })));
      }
    }),
    SETTINGS,
  );
});
