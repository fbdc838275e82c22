import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, matchColumns, normaliseHeader } from './headers.ts';

const spec = {
  date: ['Date', 'Dato'],
  views: ['Views', 'Visninger', 'Impressions'],
  reach: ['Reach', 'Rekkevidde'],
};

test('by trimmed, case-insensitive name, never by position; unknown headers ignored', () => {
  const m = matchColumns(['\uFEFF DATO ', 'Something', 'rekkevidde', ''], spec);
  assert.deepEqual(m.recognised, [
    { header: 'DATO', key: 'date', index: 0 },
    { header: 'rekkevidde', key: 'reach', index: 2 },
  ]);
  assert.deepEqual(m.ignored, ['Something']);
  assert.deepEqual(m.index, { date: 0, reach: 2 });
  assert.equal(cell(m, ['2025-01-01', 'x', '12'], 'reach'), '12');
  assert.equal(cell(m, ['2025-01-01'], 'views'), undefined);
});

test('a duplicated header: the first occurrence wins, the later one is ignored as a duplicate', () => {
  const m = matchColumns(['Views', 'Reach', 'Views', 'Impressions'], spec);
  assert.equal(m.index.views, 0);
  assert.deepEqual(m.ignored, ['Views', 'Impressions']);
  assert.deepEqual(m.duplicates, ['Views', 'Impressions']);
});

test('normalisation', () => {
  assert.equal(normaliseHeader('  "Post  Link" '), 'post link');
  assert.equal(normaliseHeader('Følgere\u00A0totalt'), 'følgere totalt');
});
