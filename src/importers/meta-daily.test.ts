import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metaDailyImporter, metricOfTitle } from './meta-daily.ts';
import { detect, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';
import { ImportError } from './errors.ts';

test('Reach.csv: UTF-16, sep= line, title "Facebook reach", the date part of timestamps', () => {
  const r = parse(metaDailyImporter, fixture('meta-oigetit/Reach.csv'));
  assert.equal(r.platform, 'facebook');
  assert.equal(r.kind, 'meta_daily');
  assert.equal(r.from, '2025-01-01');
  assert.equal(r.to, '2025-04-15');
  assert.equal(r.observations.length, 105);
  assert.ok(r.observations.every((o) => o.metric === 'reach' && o.postId === undefined));
  assert.equal(valueOf(r, 'reach', '2025-01-01'), 5);
  assert.equal(valueOf(r, 'reach', '2025-01-02'), 14);
  assert.equal(valueOf(r, 'reach', '2025-03-06'), 470);
  // The hour flips from 01:00 to 00:00 here (US daylight saving): the day is kept.
  assert.equal(valueOf(r, 'reach', '2025-03-09'), 114);
  assert.equal(valueOf(r, 'reach', '2025-03-10'), 177);
  assert.equal(valueOf(r, 'reach', '2025-04-15'), 43);
  assert.deepEqual(r.columns.recognised, [{ header: 'Facebook reach', metric: 'reach' }]);
});

test('Views.csv and Follows.csv: the title tells the metric; no platform in the title → the account', () => {
  const v = parse(metaDailyImporter, fixture('meta-oigetit/Views.csv'));
  assert.equal(v.platform, null);
  assert.equal(valueOf(v, 'views', '2025-01-01'), 16);
  assert.equal(valueOf(v, 'views', '2025-01-03'), 60);
  assert.equal(valueOf(v, 'views', '2025-04-15'), 77);
  const f = parse(metaDailyImporter, fixture('meta-oigetit/Follows.csv'), { platform: 'instagram' });
  assert.equal(f.platform, 'instagram');
  assert.equal(f.observations.length, 105);
  assert.equal(valueOf(f, 'new_followers', '2025-01-01'), 0);
  assert.equal(f.to, '2025-04-15');
});

test('detected by content when renamed; titles in English and bokmål', () => {
  const d = detect(metaDailyImporter, renamed(fixture('meta-oigetit/Reach.csv'), 'download.csv'));
  assert.deepEqual(d, { importer: 'meta-daily', platform: 'facebook', kind: 'meta_daily', confidence: 0.95 });
  assert.equal(metricOfTitle('Instagram-rekkevidde'), 'reach');
  assert.equal(metricOfTitle('Facebook visits'), 'profile_views');
  assert.equal(metricOfTitle('Mystery'), null);
  assert.equal(detect(metaDailyImporter, fixture('meta-oigetit/Audience.csv')), null);
});

const daily = (rows: string, title = 'Facebook reach') => synthetic('Reach.csv', `sep=,\n"${title}"\n"Date","Primary"\n${rows}`);

test('damaged daily files: decimal turned into a date, doubled day, unknown title, no-value markers', () => {
  assert.throws(
    () => parse(metaDailyImporter, daily('"2025-01-01T01:00:00","5"\n"2025-01-02T01:00:00","05.12.2025"\n')),
    (e: unknown) => e instanceof ImportError && e.location.row === 5 && e.location.column === 'Primary' && /date/.test(e.message),
  );
  assert.throws(() => parse(metaDailyImporter, daily('"2025-01-01T01:00:00","5"\n"2025-01-01T00:00:00","6"\n')), /appears twice/);
  assert.throws(() => parse(metaDailyImporter, daily('"2025-01-01","5"\n', 'Mystery')), /names no metric/);
  const r = parse(metaDailyImporter, daily('"2025-01-01","-"\n"2025-01-02",""\n"2025-01-03","1,234"\n'));
  assert.equal(r.observations.length, 1);
  assert.equal(r.stats.notMeasured, 2);
  assert.equal(valueOf(r, 'reach', '2025-01-03'), 1234);
  assert.equal(r.from, '2025-01-01');
});
