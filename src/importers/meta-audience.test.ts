import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageGroupOf, metaAudienceImporter } from './meta-audience.ts';
import { detect, fixture, parse, renamed, synthetic } from './fixture-files.ts';
import { ImportError } from './errors.ts';

test('Audience.csv: age distribution summed over genders, countries and cities kept', () => {
  const r = parse(metaAudienceImporter, fixture('meta-oigetit/Audience.csv'), { lastDay: '2025-04-15', platform: 'facebook' });
  assert.equal(r.kind, 'meta_audience');
  assert.equal(r.platform, 'facebook');
  assert.equal(r.from, '2025-04-15');
  assert.equal(r.audience.length, 1);
  const a = r.audience[0]!;
  assert.equal(a.date, '2025-04-15');
  assert.deepEqual(a.ageDistribution, { '18-24': 17.1, '25-34': 45.3, '35-44': 19.8, '45-54': 7.6, '55-64': 5.2, '65+': 5 });
  assert.deepEqual(a.other?.gender, { Women: 57.3, Men: 42.7 });
  assert.equal(a.other?.age_gender?.['25-34 Women'], 26.2);
  assert.equal(a.other?.countries?.['South Africa'], 75.1);
  assert.equal(a.other?.countries?.['Pakistan'], 0.7);
  assert.equal(Object.keys(a.other?.countries ?? {}).length, 10);
  assert.equal(a.other?.cities?.['Cape Town, South Africa'], 13.7);
  assert.equal(a.other?.cities?.['Maputo, Mozambique'], 1.4);
  assert.equal(r.observations.length, 0);
});

test('without the download day the snapshot is refused, not dated by a guess', () => {
  assert.throws(
    () => parse(metaAudienceImporter, fixture('meta-oigetit/Audience.csv')),
    (e: unknown) => e instanceof ImportError && /no date/.test(e.message),
  );
});

test('detected by content when renamed', () => {
  const d = detect(metaAudienceImporter, renamed(fixture('meta-oigetit/Audience.csv')));
  assert.equal(d?.kind, 'meta_audience');
  assert.equal(detect(metaAudienceImporter, fixture('meta-oigetit/Reach.csv')), null);
});

test('damaged audience: unknown age label, value turned into a date; en dash ages', () => {
  const file = (rows: string) => synthetic('Audience.csv', `sep=,\n"Age & gender"\n"","Women","Men"\n${rows}`);
  assert.throws(() => parse(metaAudienceImporter, file('"Teens","1","2"\n'), { lastDay: '2025-01-01' }), /not an age group/);
  assert.throws(
    () => parse(metaAudienceImporter, file('"18-24","10.6","6.5"\n"25-34","26.2","19.01.2025"\n'), { lastDay: '2025-01-01' }),
    (e: unknown) => e instanceof ImportError && e.location.row === 5 && e.location.column === 'Men',
  );
  assert.equal(ageGroupOf('18–24'), '18-24');
  assert.equal(ageGroupOf('65 +'), '65+');
});
