// Bounded fuzzing of the primitives and the Meta importers: whatever the input, they answer or
// refuse with an ImportError; they never crash, hang or return NaN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeText } from './decode.ts';
import { readCsv } from './csv.ts';
import { parseNumber, parsePercent } from './numbers.ts';
import { parseDate, parseMonthDay } from './dates.ts';
import { ImportError } from '../errors.ts';
import { importers } from '../registry.ts';
import { fixture } from '../fixture-files.ts';

const ctx = { file: 'fuzz.csv', row: 1, column: 'x' };
const onlyImportErrors = (f: () => unknown) => {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return undefined;
  }
};
const numberish = fc.string({ unit: fc.constantFrom('1', '2', '0', ',', '.', ' ', '-', '%', 'e', '\u00A0', 'a', '/', ':') });

test('fuzz: numbers are finite or null, else ImportError', () => {
  fc.assert(
    fc.property(fc.oneof(numberish, fc.string()), (s) => {
      const n = onlyImportErrors(() => parseNumber(s, ctx));
      if (n !== undefined && n !== null) assert.ok(Number.isFinite(n), s);
      onlyImportErrors(() => parsePercent(s, ctx, { fraction: true }));
    }),
    { numRuns: 3000 },
  );
});

test('fuzz: dates parse to valid ISO days or refuse', () => {
  const dateish = fc.string({ unit: fc.constantFrom('1', '2', '0', '9', '/', '-', '.', ' ', ':', 'T', 'Aug', 'mai', ',', 'PM') });
  fc.assert(
    fc.property(fc.oneof(dateish, fc.string()), (s) => {
      const d = onlyImportErrors(() => parseDate(s, ctx));
      if (typeof d === 'string') assert.match(d, /^\d{4}-\d{2}-\d{2}$/);
      onlyImportErrors(() => parseMonthDay(s, ctx));
    }),
    { numRuns: 3000 },
  );
});

test('fuzz: decoding and CSV reading never crash', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const text = decodeText(bytes);
      if (text) onlyImportErrors(() => readCsv(text.text));
    }),
    { numRuns: 2000 },
  );
});

test('fuzz: damaged copies of the Meta exports are read or refused with an ImportError', () => {
  const sources = ['meta-oigetit/Reach.csv', 'meta-oigetit/Audience.csv', 'facebook/meta-posts-42col.csv', 'facebook-legacy/post-level-2017.csv'].map(
    (p) => fixture(p).bytes,
  );
  const meta = importers.filter((i) => i.key.startsWith('meta-') || i.key === 'facebook-legacy');
  fc.assert(
    fc.property(
      fc.constantFrom(...sources),
      fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
      fc.nat(),
      (source, edits, cut) => {
        const bytes = source.slice(0, source.length - (cut % 200));
        for (const e of edits) bytes[e.at % bytes.length] = e.byte;
        const file = { name: 'damaged.csv', bytes };
        const text = decodeText(bytes);
        for (const importer of meta) {
          if (importer.detect(file, text)) onlyImportErrors(() => importer.parse(file, text, { lastDay: '2025-04-15' }));
        }
      },
    ),
    { numRuns: 300 },
  );
});
