// The reports' wording and number formats: null is "ikke målt" / "not measured" (never 0),
// nb-NO and en-GB numbers, signs with a real minus, and rule messages translated by key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { absoluteChange, messageText, num, percent, progressText, relativeChange, resource, t, time, unitName } from './report-text.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('null is not measured or not documented, never 0', () => {
  assert.equal(num('nb', null), 'ikke målt');
  assert.equal(num('en', null, 'percent'), 'not measured');
  assert.equal(percent('nb', null), 'ikke målt');
  assert.equal(progressText('en', null), 'not measured');
  assert.equal(relativeChange('nb', null), 'ikke målt');
  assert.equal(absoluteChange('nb', null, 'count'), 'ikke målt');
  assert.equal(resource('nb', null, 'hours'), 'ikke dokumentert');
  assert.equal(resource('en', 0, 'nok'), 'NOK 0', 'a documented zero is zero');
  assert.equal(num('nb', 0), '0');
});

test('numbers per language, with units', () => {
  assert.equal(plain(num('nb', 12345.67)), '12 345,67');
  assert.equal(num('en', 12345.67), '12,345.67');
  assert.equal(plain(num('nb', 1500, 'nok')), '1 500 kr');
  assert.equal(num('en', 1500, 'nok'), 'NOK 1,500');
  assert.equal(num('nb', 12.5, 'percent'), '12,5 %');
  assert.equal(num('nb', 3, 'hours'), '3 t');
  assert.equal(num('en', 3, 'hours'), '3 h');
  assert.equal(num('en', 7, 'something-new'), '7', 'an unknown unit is a plain number');
  assert.equal(relativeChange('nb', 0.226), '+22,6 %');
  assert.equal(relativeChange('en', -0.05), '−5 %', 'a real minus sign');
  assert.equal(relativeChange('en', 0), '0 %');
  assert.equal(plain(absoluteChange('nb', 14400, 'count')), '+14 400');
  assert.equal(absoluteChange('nb', -1.75, 'hours'), '−1,75 t');
  assert.equal(absoluteChange('en', 2.5, 'percent'), '+2.5 percentage points');
  assert.equal(progressText('nb', 0.929), '93 % av veien');
  assert.equal(unitName('nb', 'count'), 'antall');
  assert.equal(t('en', 'page', { page: 3, pages: 12 }), 'Page 3 of 12');
  assert.equal(t('nb', 'page', { page: 3, pages: 12 }), 'Side 3 av 12');
});

test('times in Norwegian time, in either language', () => {
  assert.equal(time('nb', '2026-02-03T13:05:00.000Z'), '3. feb. 2026, 14:05');
  assert.equal(time('en', '2026-07-03T13:05:00.000Z'), '3 Jul 2026, 15:05', 'summer time');
});

test('rule messages: translated by their key with the web app’s texts, else the English text', () => {
  const known = { key: 'goals.smart.measurable.ok', params: { count: 3 }, text: 'All 3 KPIs have a catalogue metric and a target number.' };
  assert.equal(messageText('nb', known), 'Alle 3 nøkkeltall har et måltall fra katalogen og en målverdi.');
  assert.equal(messageText('en', known), 'All 3 KPIs have a catalogue metric and a target number.');
  const unknown = { key: 'reports.rules.nothing_like_this', params: {}, text: 'English fallback.' };
  assert.equal(messageText('nb', unknown), 'English fallback.');
});

test('the annual rules’ findings read in bokmål, with the metric’s name and a decimal comma', () => {
  const finding = { key: 'reports.annual.rules.reach_down.triggered', params: { metric: 'reach', change: '-31.5' }, text: 'reach changed by -31.5 % against the year before: down 25 % or more.' };
  const nb = messageText('nb', finding);
  assert.ok(nb.startsWith('Rekkevidde endret seg med −31,5 %'), nb);
  assert.ok(messageText('en', finding).startsWith('Reach changed by −31.5 %'), messageText('en', finding));
});
