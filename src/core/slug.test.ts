import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { slugify, uniqueSlug } from './slug.ts';
import { Slug } from '../contract/common.ts';

test('names become lower-case words joined by single dashes', () => {
  assert.equal(slugify('Det humanistiske fakultet'), 'det-humanistiske-fakultet');
  assert.equal(slugify('  Institutt for  informatikk  '), 'institutt-for-informatikk');
  assert.equal(slugify('UiO: Nyheter & Events!'), 'uio-nyheter-events');
  assert.equal(slugify('Fakultet -- for -- X'), 'fakultet-for-x');
});

test('Norwegian letters are transliterated, not dropped', () => {
  assert.equal(slugify('Ærlig Østfold Ålesund'), 'aerlig-ostfold-alesund');
  assert.equal(slugify('Senter for økologisk og evolusjonær syntese'), 'senter-for-okologisk-og-evolusjonaer-syntese');
  assert.equal(slugify('blåbær'), 'blabaer');
  assert.equal(slugify('ÆØÅ æøå'), 'aeoa-aeoa');
});

test('other accented letters lose their accents', () => {
  assert.equal(slugify('Café Señor Ärger Straße'), 'cafe-senor-arger-strasse');
  assert.equal(slugify('Čeština Ñandú Øresund'), 'cestina-nandu-oresund');
});

test('names without letters or digits still give a valid slug', () => {
  assert.equal(slugify(''), 'x');
  assert.equal(slugify('!!!'), 'x');
  assert.equal(slugify('日本語'), 'x');
  assert.equal(slugify('2024'), '2024');
});

test('long names are cut to at most 60 characters without a trailing dash', () => {
  const slug = slugify('Fakultet for matematikk og naturvitenskap ved Universitetet i Testbyen og omegn');
  assert.ok(slug.length <= 60);
  assert.ok(!slug.endsWith('-'));
  assert.ok('fakultet-for-matematikk-og-naturvitenskap-ved-universitetet-i-testbyen'.startsWith(slug));
  // A dash exactly at the cut is removed, too.
  assert.equal(slugify(`${'a'.repeat(59)} b`), 'a'.repeat(59));
});

test('every slug is valid for the API (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (name) => {
      const slug = slugify(name);
      assert.ok(Slug.safeParse(slug).success, `${JSON.stringify(name)} → ${JSON.stringify(slug)}`);
      assert.ok(slug.length <= 60);
    }),
    { numRuns: 1000 },
  );
});

test('slugify is idempotent (property)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), (name) => {
      const once = slugify(name);
      assert.equal(slugify(once), once);
    }),
  );
});

test('uniqueSlug keeps a free slug and numbers a taken one from 2', () => {
  assert.equal(uniqueSlug('faculty-a', new Set()), 'faculty-a');
  assert.equal(uniqueSlug('faculty-a', new Set(['faculty-b'])), 'faculty-a');
  assert.equal(uniqueSlug('faculty-a', new Set(['faculty-a'])), 'faculty-a-2');
  assert.equal(uniqueSlug('faculty-a', new Set(['faculty-a', 'faculty-a-2', 'faculty-a-3'])), 'faculty-a-4');
  assert.equal(uniqueSlug('faculty-a', new Set(['faculty-a', 'faculty-a-3'])), 'faculty-a-2');
});

test('uniqueSlug never returns a taken slug (property)', () => {
  fc.assert(
    fc.property(fc.constantFrom('a', 'b', 'a-2'), fc.uniqueArray(fc.constantFrom('a', 'a-2', 'a-3', 'a-4', 'b', 'b-2', 'a-2-2')), (base, taken) => {
      const set = new Set<string>(taken);
      const slug = uniqueSlug(base, set);
      assert.ok(!set.has(slug));
      assert.ok(slug === base || slug.startsWith(`${base}-`));
    }),
  );
});
