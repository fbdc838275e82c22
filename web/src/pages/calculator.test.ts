// The calculator page's pure helpers: fields, reading Norwegian numbers (empty is not given,
// never 0), formulas with the numbers put in, results in the locale, and state in the address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculate, calculatorInputs } from '../../../src/core/metrics/calculator.ts';
import { expressionText, fieldGroups, formatInputNumber, formatRateValue, readFields, searchFromState, stateFromSearch } from './calculator.ts';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('every calculator input is in exactly one field group', () => {
  const fields = fieldGroups.flatMap((g) => [...g.fields]);
  assert.deepEqual([...fields].sort(), [...calculatorInputs].sort());
  assert.equal(new Set(fields).size, fields.length);
});

test('reading fields: decimal comma, spaces, empty is not given, problems named', () => {
  const { values, problems } = readFields({
    reach: '2 000',
    watch_time_hours: '12,5',
    likes: '0',
    comments: '',
    shares: '   ',
    saves: 'tolv',
    spend_nok: '-5',
    days: '30,5',
    posts: '4',
  });
  assert.equal(values.reach, 2000);
  assert.equal(values.watch_time_hours, 12.5);
  assert.equal(values.likes, 0, 'a measured zero stays 0');
  assert.equal(values.comments, null, 'empty is not given');
  assert.equal(values.shares, null);
  assert.equal(values.followers, null, 'an untouched field is not given');
  assert.equal(values.saves, null, 'a value that cannot be read is not used');
  assert.equal(values.spend_nok, null);
  assert.equal(values.days, null);
  assert.equal(values.posts, 4);
  assert.deepEqual(problems, { saves: 'notNumber', spend_nok: 'negative', days: 'notWhole' });
});

test('English reads commas that group thousands; bokmål reads a decimal comma', () => {
  assert.equal(readFields({ reach: '8,000' }, 'en').values.reach, 8000);
  assert.equal(readFields({ reach: '1,234.5' }, 'en').values.reach, 1234.5);
  assert.equal(readFields({ reach: '1,234,567' }, 'en').values.reach, 1234567);
  assert.equal(readFields({ reach: '12,5' }, 'en').values.reach, 12.5, 'not a thousands group: read as a decimal comma');
  assert.equal(readFields({ reach: '2 000' }, 'en').values.reach, 2000);
});

test('the formula with the numbers put in', () => {
  const { values } = readFields({ likes: '150', comments: '30', shares: '20', reach: '2 000', mentions: '30', competitor_mentions: '90' });
  const { rates } = calculate(values, null);
  const nb = (_k: string, v: number | null) => (v === null ? '?' : spaces(formatInputNumber(v, 'nb')));
  const err = rates.find((r) => r.key === 'engagement_rate_reach');
  assert.ok(err);
  assert.equal(expressionText(err, nb), '200 / 2 000 × 100');
  const sov = rates.find((r) => r.key === 'share_of_voice');
  assert.ok(sov);
  assert.equal(expressionText(sov, nb), '30 / (30 + 90) × 100');
  const post = rates.find((r) => r.key === 'engagement_rate_post');
  assert.ok(post);
  assert.equal(expressionText(post, (k, v) => (v === null ? `[${k}]` : String(v))), '200 / [followers] × 100');
});

test('results in the unit and the language', () => {
  assert.equal(spaces(formatRateValue(7.5, 'percent', 'nb')), '7,5 %');
  assert.equal(formatRateValue(7.5, 'percent', 'en'), '7.5 %');
  assert.equal(formatRateValue(0.0667, 'percent', 'en'), '0.067 %', 'small rates keep three decimals');
  assert.equal(formatRateValue(0, 'percent', 'en'), '0 %');
  assert.equal(spaces(formatRateValue(1234.5, 'count', 'nb')), '1 234,5');
  assert.equal(formatRateValue(30, 'seconds', 'en'), '30 s');
  assert.match(spaces(formatRateValue(15, 'nok', 'nb')), /^15,00 kr$/);
  assert.match(spaces(formatRateValue(15, 'nok', 'en')), /^NOK 15\.00$/);
});

test('the state in the address: filled fields and a known platform only', () => {
  const state = stateFromSearch(new URLSearchParams('platform=tiktok&reach=1000&likes=12,5&unknown=3&comments='));
  assert.deepEqual(state, { platform: 'tiktok', texts: { reach: '1000', likes: '12,5' } });
  assert.equal(stateFromSearch(new URLSearchParams('platform=myspace')).platform, null);
  assert.equal(searchFromState(state).toString(), 'platform=tiktok&reach=1000&likes=12%2C5');
  assert.equal(searchFromState({ platform: null, texts: { reach: ' ', likes: '3' } }).toString(), 'likes=3');
});
