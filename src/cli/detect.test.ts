/**
 * `maalbar detect` as a child process: every fixture export detected with its platform and kind
 * (also renamed), unknown and damaged files refused with the reason and a non-zero exit code,
 * a Målbar template recognised; and no database is ever opened (the data directory is not
 * created, an unreachable DATABASE_URL is not touched).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { maalbar } from '../testing/cli.ts';
import { fixturesDir } from '../importers/fixture-files.ts';
import { importers } from '../importers/registry.ts';
import type { DetectedFile } from './commands/detect.ts';

let cwd = '';
let env: Record<string, string> = {};
const fixturePath = (p: string) => fileURLToPath(new URL(p, fixturesDir));

before(() => {
  cwd = mkdtempSync(join(tmpdir(), 'maalbar-detect-'));
  // Were the command to open a database, it would create ./data or fail on the URL.
  env = { MAALBAR_DATA_DIR: join(cwd, 'data'), DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/none' };
});
after(() => rmSync(cwd, { recursive: true, force: true }));

async function detect(args: string[]): Promise<{ code: number | null; files: DetectedFile[]; stderr: string }> {
  const r = await maalbar(['detect', ...args, '--json'], { cwd, env });
  assert.ok(r.stdout.trim() !== '', `no output (${r.code}):\n${r.stderr}`);
  return { code: r.code, files: (JSON.parse(r.stdout) as { files: DetectedFile[] }).files, stderr: r.stderr };
}

// Every text fixture: [path, platform, kind, at least this many observations].
const expected: [string, string | null, string, number][] = [
  ['facebook-legacy/post-level-2017.csv', 'facebook', 'facebook_legacy_posts', 5],
  ['facebook/meta-posts-42col.csv', 'facebook', 'meta_posts', 143],
  ['meta-oigetit/Audience.csv', null, 'meta_audience', 0],
  ['meta-oigetit/Follows.csv', null, 'meta_daily', 105],
  ['meta-oigetit/Mar-18-2025_Apr-14-2025_1019826952924933.csv', 'instagram', 'meta_posts', 468],
  ['meta-oigetit/Mar-18-2025_Apr-14-2025_553302954456165.csv', 'facebook', 'meta_posts', 338],
  ['meta-oigetit/Reach.csv', 'facebook', 'meta_daily', 105],
  ['meta-oigetit/Views.csv', null, 'meta_daily', 105],
  ['tiktok-studio/Content.csv', 'tiktok', 'tiktok_content', 52],
  ['tiktok-studio/FollowerActivity.csv', 'tiktok', 'tiktok_follower_activity', 0],
  ['tiktok-studio/FollowerGender.csv', 'tiktok', 'tiktok_follower_gender', 0],
  ['tiktok-studio/FollowerHistory.csv', 'tiktok', 'tiktok_follower_history', 340],
  ['tiktok-studio/FollowerTopTerritories.csv', 'tiktok', 'tiktok_follower_territories', 0],
  ['tiktok-studio/Overview.csv', 'tiktok', 'tiktok_overview', 1825],
  ['tiktok-studio/Viewers.csv', 'tiktok', 'tiktok_viewers', 1070],
  ['x-current/account_analytics_content_2024-11-21_2025-02-19.csv', 'x', 'x_content', 1269],
  ['x-current/account_overview_analytics.csv', 'x', 'x_account_overview', 550],
  ['x-legacy/tweet_activity_metrics_20170401_20170408_en.csv', 'x', 'x_tweet_activity', 80],
  ['youtube/Chart data.csv', 'youtube', 'youtube_chart', 0],
  ['youtube/Table data.csv', 'youtube', 'youtube_table', 1326],
  ['youtube/Totals.csv', 'youtube', 'youtube_totals', 365],
];

test('every fixture export is detected and read, with platform, kind, days and counts', async () => {
  const { code, files, stderr } = await detect([...expected.map(([p]) => fixturePath(p)), '--last-day', '2026-03-01']);
  assert.equal(code, 0, stderr);
  assert.equal(files.length, expected.length);
  expected.forEach(([path, platform, kind, observations], i) => {
    const f = files[i]!;
    assert.equal(f.file, fixturePath(path));
    assert.equal(f.status, 'recognised', `${path}: ${f.error}`);
    assert.equal(f.error, null);
    assert.equal(f.platform, platform, path);
    assert.equal(f.kind, kind, path);
    assert.ok(f.observations >= observations, `${path}: ${f.observations} observations`);
    assert.ok(f.rows > 0, path);
  });
  const overview = files[expected.findIndex(([p]) => p === 'x-current/account_overview_analytics.csv')]!;
  assert.deepEqual([overview.from, overview.to, overview.rows, overview.importer], ['2024-12-31', '2025-02-18', 50, 'x-overview']);
  assert.deepEqual(overview.ignored, ['Shares', 'Media views']);
  assert.ok(overview.recognised.some((r) => r.header === 'Impressions' && r.metric === 'impressions'));
  const tiktok = files.find((f) => f.kind === 'tiktok_overview')!;
  assert.deepEqual([tiktok.from, tiktok.to, tiktok.lastDay, tiktok.lastDaySource], ['2025-02-28', '2026-02-27', '2026-03-01', 'option']);
  const audience = files.find((f) => f.kind === 'meta_audience')!;
  assert.deepEqual([audience.audience, audience.from], [1, '2026-03-01']);
  assert.equal(existsSync(join(cwd, 'data')), false, 'no database was created');
});

test('LinkedIn workbooks: recognised once a LinkedIn importer is registered, refused with the reason until then', async () => {
  const paths = ['linkedin/content-resaved.xls', 'linkedin/content-resaved.xlsx'].map(fixturePath);
  const { code, files } = await detect(paths);
  if (importers.some((i) => i.key.startsWith('linkedin'))) {
    assert.equal(code, 0);
    for (const f of files) assert.deepEqual([f.status, f.platform, f.kind], ['recognised', 'linkedin', 'linkedin_content'], f.error ?? '');
  } else {
    assert.equal(code, 2);
    for (const f of files) assert.match(f.error ?? '', /not a known export/);
  }
});

test('a renamed copy is detected by content; without --last-day the modification date is used and said', async () => {
  const copy = join(cwd, 'export (1).txt');
  copyFileSync(fixturePath('tiktok-studio/Overview.csv'), copy);
  const { code, files } = await detect([copy]);
  assert.equal(code, 0);
  const f = files[0]!;
  assert.deepEqual([f.status, f.platform, f.kind, f.rows], ['recognised', 'tiktok', 'tiktok_overview', 365]);
  assert.equal(f.lastDaySource, 'file modification date');
  assert.match(f.lastDay ?? '', /^\d{4}-\d{2}-\d{2}$/);
});

test('unknown, damaged and missing files are refused with the reason and a non-zero exit code; the others still read', async () => {
  const unknown = join(cwd, 'notes.csv');
  writeFileSync(unknown, 'Name;Town\nKari;Bergen\n');
  const damaged = join(cwd, 'account_overview_analytics.csv');
  const text = readFileSync(fixturePath('x-current/account_overview_analytics.csv'), 'utf8');
  writeFileSync(damaged, text.replace('"Mon, Feb 17, 2025",426', '"Mon, Feb 17, 2025",4/26/2025'));
  const good = fixturePath('youtube/Totals.csv');
  const { code, files } = await detect([unknown, damaged, good, join(cwd, 'missing.csv')]);
  assert.equal(code, 2);
  assert.deepEqual(
    files.map((f) => f.status),
    ['refused', 'refused', 'recognised', 'refused'],
  );
  assert.match(files[0]!.error!, /notes\.csv: not a known export: .*"Name \| Town"/);
  assert.equal(files[0]!.platform, null);
  // The damaged file is still recognised for what it is, and refused with row and column.
  assert.deepEqual([files[1]!.platform, files[1]!.kind], ['x', 'x_account_overview']);
  assert.match(files[1]!.error!, /account_overview_analytics\.csv, row 3, column "Impressions": .*date/);
  assert.match(files[3]!.error!, /cannot be read \(ENOENT\)/);
});

test('a Målbar template file is recognised; text mode shows one aligned line per file and the ignored columns', async () => {
  const template = join(cwd, 'snapchat.csv');
  writeFileSync(
    template,
    [
      'date,month,metric,value,platform,note,extra',
      '2026-01-05,,reach,1234,snapchat,,',
      '2026-01-06,,views,980,snapchat,,',
      ',2026-01,hours_spent,12.5,snapchat,time sheet,',
      '2026-01-07,,reach,-,snapchat,,',
    ].join('\n'),
  );
  const { code, files } = await detect([template]);
  assert.equal(code, 0);
  const f = files[0]!;
  assert.deepEqual(
    [f.status, f.importer, f.platform, f.kind, f.from, f.to, f.rows, f.observations, f.notMeasured],
    ['recognised', 'maalbar-template', 'snapchat', 'maalbar_template', '2026-01-01', '2026-01-31', 4, 3, 1],
  );
  assert.deepEqual(f.ignored, ['extra']);

  const unknown = join(cwd, 'notes.csv');
  writeFileSync(unknown, 'Name;Town\nKari;Bergen\n');
  const r = await maalbar(['detect', template, unknown], { cwd, env });
  assert.equal(r.code, 2);
  const lines = r.stdout.split('\n');
  assert.match(lines[0]!, /^FILE\s+STATUS\s+PLATFORM\s+KIND\s+DAYS/);
  const row = lines.find((l) => l.startsWith(template))!;
  assert.match(row, /recognised\s+snapchat\s+maalbar_template\s+2026-01-01\.\.2026-01-31\s+4\s+3\s+0\s+0$/);
  assert.equal(lines[0]!.indexOf('STATUS'), row.indexOf('recognised'), 'columns are aligned');
  assert.ok(lines.includes('  ignored: extra'));
  assert.ok(lines.some((l) => l.startsWith('  error: notes.csv: not a known export')));
  assert.match(r.stdout, /1 file of 2 refused/);
});

test('an invalid --last-day is refused before any file is read', async () => {
  const r = await maalbar(['detect', fixturePath('youtube/Totals.csv'), '--last-day', '1 March'], { cwd, env });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--last-day: write the day as YYYY-MM-DD/);
});

test('a ZIP archive is read entry by entry, each named "archive › entry"', async () => {
  const zip = join(cwd, 'tiktok.zip');
  writeFileSync(zip, zipSync({ 'Overview.csv': readFileSync(fixturePath('tiktok-studio/Overview.csv')), 'readme.txt': new TextEncoder().encode('hello\n') }));
  const { code, files } = await detect([zip, '--last-day', '2026-02-27']);
  assert.equal(code, 2);
  assert.deepEqual(files.map((f) => [f.file, f.status, f.kind]), [
    [`${zip} › Overview.csv`, 'recognised', 'tiktok_overview'],
    [`${zip} › readme.txt`, 'refused', null],
  ]);
  assert.match(files[1]!.error!, /^tiktok\.zip › readme\.txt: not a known export/);
});
