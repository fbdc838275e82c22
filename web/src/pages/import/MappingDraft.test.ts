// The mapping form as data: drafts from the preview's suggestions (never guessed), the spec they
// become (valid by the contract), the web app's own checks, and the server's issues placed on the
// controls (spec column numbers turned back into header positions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ColumnMappingSpec, dateFormats, type FileMapping } from '../../../../src/contract/column-mappings.ts';
import { checkDraft, draftFromFile, draftFromSpec, formatExample, placeRefusal, placeServerIssues, samplesFit, specFromDraft } from './MappingDraft.ts';

const file: FileMapping = {
  reason: 'unknown_layout',
  signature: 'abc',
  headers: ['Dag', 'Visningar', '', 'Gilla', 'Anteckning'],
  columns: [
    { header: 'Dag', index: 0, samples: ['31.03.2026', '01.04.2026'], suggestion: null },
    { header: 'Visningar', index: 1, samples: ['1 200', '980'], suggestion: 'views' },
    { header: '', index: 2, samples: [], suggestion: null },
    { header: 'Gilla', index: 3, samples: ['12'], suggestion: null },
    { header: 'Anteckning', index: 4, samples: ['x'], suggestion: null },
  ],
  suggestedDate: { header: 'Dag', format: 'DD.MM.YYYY' },
  suggestedGranularity: 'day',
  appliedMapping: null,
};

test('a draft takes only what the server suggests', () => {
  const draft = draftFromFile(file);
  assert.equal(draft.granularity, 'day');
  assert.equal(draft.dateColumn, 0);
  assert.equal(draft.dateFormat, 'DD.MM.YYYY');
  assert.deepEqual(draft.targets, ['', 'views', '', '', '']);
  assert.equal(draft.name, '');
});

test('the spec lists every named non-date column, is valid, and keeps positions for the server issues', () => {
  const draft = { ...draftFromFile(file), targets: ['', 'views', '', 'likes', ''], name: 'Svensk TikTok' };
  const { spec, positions } = specFromDraft(draft, file.headers, 'tiktok');
  assert.deepEqual(positions, [1, 3, 4]);
  assert.deepEqual(spec.columns, [
    { header: 'Visningar', target: { kind: 'metric', metric: 'views' } },
    { header: 'Gilla', target: { kind: 'metric', metric: 'likes' } },
    { header: 'Anteckning', target: { kind: 'ignore' } },
  ]);
  assert.deepEqual(spec.date, { header: 'Dag', format: 'DD.MM.YYYY' });
  assert.equal(spec.post, null);
  assert.ok(ColumnMappingSpec.safeParse(spec).success);
  // And back: the same draft (the name aside).
  assert.deepEqual(draftFromSpec(spec, file.headers, 'Svensk TikTok'), draft);
});

test('per post: the post columns leave the metric columns, and the id is required', () => {
  const draft = { ...draftFromFile(file), granularity: 'post' as const, targets: ['', 'views', '', 'likes', ''] };
  assert.equal(checkDraft(draft)['post.id'], 'choosePostId');
  draft.post = { id: 4, url: null, text: null, type: null };
  assert.deepEqual(checkDraft(draft), {});
  const { spec, positions } = specFromDraft(draft, file.headers, 'tiktok');
  assert.deepEqual(spec.post, { id: 'Anteckning', url: null, text: null, type: null });
  assert.deepEqual(positions, [1, 3]);
  assert.ok(ColumnMappingSpec.safeParse(spec).success);
  draft.post = { id: 4, url: 4, text: null, type: null };
  assert.equal(checkDraft(draft)['post.url'], 'sameColumn');
});

test('the web app checks granularity, date, format, at least one metric, a metric twice and a taken name', () => {
  const empty = { ...draftFromFile({ ...file, suggestedDate: null, suggestedGranularity: null }), targets: ['', '', '', '', ''] };
  assert.deepEqual(checkDraft(empty), { granularity: 'chooseGranularity', 'date.header': 'chooseDate', 'date.format': 'chooseFormat', columns: 'noMetric' });
  const twice = { ...draftFromFile(file), targets: ['', 'views', '', 'views', ''], name: 'Mine' };
  assert.deepEqual(checkDraft(twice, ['mine ']), { 'columns.3': 'metricTwice', name: 'nameTaken' });
});

test("the server's issues land on the controls they name", () => {
  const placed = placeServerIssues(
    [
      { path: 'mapping.date.format', message: 'wrong format' },
      { path: 'mapping.columns.1.target.metric', message: 'not a tiktok metric' },
      { path: 'saveAs', message: 'taken' },
      { path: 'file', message: 'row 3: not a date' },
    ],
    [1, 3, 4],
  );
  assert.deepEqual(placed.fields, { 'date.format': 'wrong format', 'columns.3': 'not a tiktok metric', name: 'taken' });
  assert.deepEqual(placed.other, ['row 3: not a date']);
});

test('every date format has an example it fits, with the day after the 12th so day and month cannot be swapped', () => {
  for (const f of dateFormats) {
    const example = formatExample(f, 'nb');
    assert.match(example, /31/);
    assert.ok(samplesFit(f, [example]), `${f}: ${example}`);
  }
  assert.equal(formatExample('DD.MM.YYYY', 'en'), '31.03.2026');
  assert.equal(formatExample('D. MMMM YYYY', 'nb'), '31. mars 2026');
  assert.equal(formatExample('MMMM D, YYYY', 'nb'), 'March 31, 2026');
  assert.equal(samplesFit('MM/DD/YYYY', ['31/03/2026']), false);
  assert.equal(samplesFit('DD/MM/YYYY', ['31/03/2026']), true);
  assert.equal(samplesFit('YYYY-MM-DD', ['31.03.2026']), false);
});

test("a refusal naming a column lands on that column's control", () => {
  const draft = { ...draftFromFile(file), targets: ['', 'views', '', 'likes', ''] };
  assert.equal(placeRefusal('egen.csv, row 4, column "Dag": "32.13.2026" is not a date', file.headers, draft), 'date.format');
  assert.equal(placeRefusal('egen.csv, row 5, column "Gilla": "mange" is not a number', file.headers, draft), 'columns.3');
  assert.equal(placeRefusal('egen.csv, column "Ukjent": x', file.headers, draft), null);
  assert.equal(placeRefusal('egen.csv: the mapping maps no column to a metric', file.headers, draft), null);
  const post = { ...draft, granularity: 'post' as const, post: { id: 4, url: null, text: null, type: null } };
  assert.equal(placeRefusal('egen.csv, row 3, column "Anteckning": the post id is missing', file.headers, post), 'post.id');
});
