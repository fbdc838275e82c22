import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { closestMetricKey, templateImporter as imp } from './maalbar-template.ts';
import { templateCsv, templateDescription, templateMetrics } from './template-doc.ts';
import { detectFile, parseFile } from './registry.ts';
import { detect, expectImportError, fixture, parse, synthetic, valueOf } from './fixture-files.ts';
import { metricKeys } from '../core/metrics/catalogue.ts';

const csv = (...lines: string[]) => synthetic('values.csv', lines.join('\n') + '\n');

const HEADER = 'date,month,metric,value,platform,post_id,post_date,post_url,post_text,note';

test('daily, monthly and per-post values in English headers', () => {
  const file = csv(
    HEADER,
    '2026-01-05,,reach,1234,snapchat,,,,,',
    '2026-01-06,,views,"1 234",snapchat,,,,,from Snapchat Insights',
    ',2026-01,hours_spent,"12,5",snapchat,,,,,time sheet',
    ',2026-01,spend_nok,1500,snapchat,,,,,',
    '2026-01-07,,views,800,snapchat,s-1,2026-01-07 14:30,https://example.com/s-1,"=SUM(A1:A2) is data",',
    '2026-01-08,,views,900,snapchat,s-1,,,,',
    '2026-01-09,,reach,-,snapchat,,,,,not measured',
    '2026-01-10,,reach,,snapchat,,,,,',
  );
  const d = detectFile(file);
  assert.deepEqual(d, { importer: 'maalbar-template', platform: 'snapchat', kind: 'maalbar_template', confidence: 0.95 });
  const r = parse(imp, file, { platform: 'snapchat' });
  assert.equal(r.platform, 'snapchat');
  assert.equal(r.stats.rows, 8);
  assert.equal(r.stats.notMeasured, 2);
  assert.equal(r.observations.length, 6);
  assert.equal(valueOf(r, 'reach', '2026-01-05'), 1234);
  assert.equal(valueOf(r, 'views', '2026-01-06'), 1234);
  assert.equal(valueOf(r, 'hours_spent', '2026-01-31'), 12.5);
  assert.equal(valueOf(r, 'spend_nok', '2026-01-31'), 1500);
  assert.equal(valueOf(r, 'views', '2026-01-07', 's-1'), 800);
  assert.equal(valueOf(r, 'views', '2026-01-08', 's-1'), 900);
  assert.equal(valueOf(r, 'reach', '2026-01-09'), undefined, 'a marker of no value is not 0');
  assert.equal(r.from, '2026-01-01');
  assert.equal(r.to, '2026-01-31', 'a monthly value covers its month');
  assert.deepEqual(r.posts, [
    { platformPostId: 's-1', date: '2026-01-07', publishedAt: '2026-01-07T14:30:00', permalink: 'https://example.com/s-1', excerpt: '=SUM(A1:A2) is data' },
  ]);
  assert.match(r.warnings.join('\n'), /2 monthly values are stored on the last day/);
  assert.deepEqual(
    r.columns.recognised.map((c) => c.metric),
    ['reach', 'views', 'hours_spent', 'spend_nok'],
  );
  assert.deepEqual(r.columns.ignored, []);
});

test('bokmål headers, semicolons and decimal commas, metric names, comment lines and unknown columns', () => {
  const file = synthetic(
    'verdier.csv',
    ['# Søkere og timer', 'dato;måned;nøkkeltall;verdi;plattform;merknad;ekstra', '05.01.2026;;Søkere;3;Threads;;x', ';2026-02;Timer brukt;7,5;threads;;', '#;2026-03;hours_spent;99;;;'].join('\r\n'),
    true,
  );
  assert.equal(detect(imp, file)?.platform, 'threads');
  const r = parse(imp, file);
  assert.equal(r.platform, 'threads');
  assert.equal(valueOf(r, 'applicants', '2026-01-05'), 3);
  assert.equal(valueOf(r, 'hours_spent', '2026-02-28'), 7.5);
  assert.equal(r.observations.length, 2);
  assert.deepEqual(r.columns.ignored, ['ekstra']);
  assert.equal(r.stats.rows, 2);
});

test('listening and web analytics without a platform column take the account platform', () => {
  const r = parseFile(csv('metric,date,value', 'mentions,2026-03-01,14', 'sentiment_positive,2026-03-01,9', 'sessions,2026-03-01,321'), { platform: 'linkedin' });
  assert.equal(r.importer, 'maalbar-template');
  assert.equal(r.platform, 'linkedin');
  assert.equal(valueOf(r, 'sessions', '2026-03-01'), 321);
  assert.equal(parseFile(csv('metric,date,value', 'mentions,2026-03-01,14')).platform, null);
});

test('rows are refused with row, column and reason', () => {
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reech,1,,,,,,')), { row: 2, column: 'metric', reason: /"reech".*did you mean "reach"/ });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach,1,,,,,,', '2026-01-06,,aplicants,1,,,,,,')), {
    row: 3,
    column: 'metric',
    reason: /"applicants"/,
  });
  expectImportError(() => parse(imp, csv(HEADER, '2026-02-30,,reach,1,,,,,,')), { row: 2, column: 'date' });
  expectImportError(() => parse(imp, csv(HEADER, '01/02/2026,,reach,1,,,,,,')), { row: 2, column: 'date', reason: /YYYY-MM-DD/ });
  expectImportError(() => parse(imp, csv(HEADER, ',2026-13,reach,1,,,,,,')), { row: 2, column: 'month', reason: /YYYY-MM/ });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach,abc,,,,,,')), { row: 2, column: 'value', reason: /not a number/ });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach,12.05.2025,,,,,,')), { row: 2, column: 'value', reason: /date/ });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach,-5,,,,,,')), { row: 2, column: 'value', reason: /negative/ });
  // a net change may be negative
  assert.equal(valueOf(parse(imp, csv(HEADER, '2026-01-05,,net_followers,-5,,,,,,')), 'net_followers', '2026-01-05'), -5);
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,bounce_rate,140,,,,,,')), { row: 2, column: 'value', reason: /over 100/ });
  expectImportError(() => parse(imp, csv(HEADER, ',,reach,1,,,,,,')), { row: 2, column: 'date', reason: /missing/ });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,2026-01,reach,1,,,,,,')), { row: 2, column: 'month', reason: /not both/ });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach,1,,,,,,', '2026-01-05,,reach,2,,,,,,')), { row: 3, reason: /already given in row 2/ });
  expectImportError(() => parse(imp, csv(HEADER, ',2026-01,hours_spent,1,,,,,,', '2026-01-05,,hours_spent,2,,,,,,')), { row: 3, reason: /counted twice/ });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,hours_spent,2,,,,,,', ',2026-01,hours_spent,1,,,,,,')), { row: 3, reason: /counted twice/ });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach,1,myspace,,,,,')), { row: 2, column: 'platform', reason: /not a platform/ });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach,1,snapchat,,,,,', '2026-01-06,,reach,1,threads,,,,,')), {
    row: 3,
    column: 'platform',
    reason: /mixes platforms/,
  });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach,1,,p1,,not a url,,')), { row: 2, column: 'post_url' });
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach')), { row: 2, reason: /cut off/ });
  expectImportError(() => parse(imp, csv('date,metric', '2026-01-05,reach')), { row: 1, reason: /"value"/ });
});

test('a file for another platform than the account is refused, naming both', () => {
  expectImportError(() => parse(imp, csv(HEADER, '2026-01-05,,reach,1,snapchat,,,,,'), { platform: 'threads' }), {
    row: 2,
    column: 'platform',
    reason: /Snapchat.*Threads/,
  });
});

test('the closest known key', () => {
  assert.equal(closestMetricKey('folowers'), 'followers');
  assert.equal(closestMetricKey('hours'), 'hours_spent');
  assert.equal(closestMetricKey('Spend'), 'spend_nok');
});

test('no real export is taken for a template, and no template for a real export', () => {
  for (const path of ['x-current/account_overview_analytics.csv', 'youtube/Table data.csv', 'meta-oigetit/Reach.csv', 'tiktok-studio/Overview.csv']) {
    assert.equal(detect(imp, fixture(path)), null, path);
  }
});

test('the downloadable template: a header and commented examples; it imports once uncommented', () => {
  const text = templateCsv({ platform: 'snapchat', metrics: ['reach', 'hours_spent', 'mentions'] });
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[1], HEADER);
  assert.ok(lines.slice(2).every((l) => l.startsWith('#')));
  const empty = parseFile(synthetic('template.csv', text), { platform: 'snapchat' });
  assert.equal(empty.importer, 'maalbar-template');
  assert.equal(empty.observations.length, 0);
  const uncommented = lines.map((l, i) => (i >= 2 ? l.slice(1) : l)).join('\n');
  const r = parseFile(synthetic('template.csv', uncommented), { platform: 'snapchat' });
  assert.deepEqual(
    r.observations.map((o) => o.metric),
    ['reach', 'hours_spent', 'mentions', 'reach'],
  );
  assert.equal(r.posts.length, 1);
  const nb = templateCsv({ locale: 'nb' });
  assert.match(nb.split('\n')[1]!, /^dato,måned,nøkkeltall,verdi,plattform,innlegg_id/);
  assert.equal(parseFile(synthetic('mal.csv', nb.replace(/\n#/g, '\n'))).observations.length, 4);
  assert.throws(() => templateCsv({ metrics: ['nope'] }), /unknown metric "nope"/);
});

test('the template documented in bokmål and English, with every metric', () => {
  const en = templateDescription('en');
  const nb = templateDescription('nb');
  assert.deepEqual(
    en.map((c) => c.column),
    HEADER.split(','),
  );
  assert.equal(nb[0]!.column, 'dato');
  assert.deepEqual(
    en.filter((c) => c.required).map((c) => c.column),
    ['metric', 'value'],
  );
  assert.ok(nb.every((c) => c.description.length > 20));
  assert.deepEqual(
    templateMetrics('nb').map((m) => m.key),
    [...metricKeys],
  );
});

test('the examples in docs/import-template.md import, and every column is documented', () => {
  const doc = readFileSync(new URL('../../docs/import-template.md', import.meta.url), 'utf8');
  const blocks = [...doc.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.equal(blocks.length, 3);
  const counts = blocks.map((b) => parseFile(synthetic('doc.csv', b)).observations.length);
  assert.deepEqual(counts, [4, 3, 4]);
  assert.equal(parseFile(synthetic('doc.csv', blocks[0]!)).platform, 'snapchat');
  for (const c of [...templateDescription('en'), ...templateDescription('nb')]) assert.ok(doc.includes(`\`${c.column}\``), c.column);
});
