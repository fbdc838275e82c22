/**
 * The statistics file API over HTTP: multipart imports of the real platform exports (cookie
 * session + CSRF, and a bearer token as a script would), several files and a ZIP in one request,
 * per-file reports, values read back through GET observations against values read by hand from
 * the fixture files, refusals that change nothing, undo, history, and the original file download.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync } from 'fflate';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed } from '../../testing/seed.ts';
import { testApp, type SignedInClient } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';
import type { Db } from '../../db/client.ts';
import { audienceSnapshots, imports, observationHistory, observations, posts, storedFiles } from '../../db/schema/index.ts';
import { fixture } from '../../importers/fixture-files.ts';
import type { InputFile } from '../../importers/types.ts';
import { FileReport, ImportOut, type FileReportList, type ObservationOut, type UndoResult } from '../../contract/statistics.ts';
import { sha256Hex } from '../../services/statistics/write-statistics.ts';
import { createLogger } from '../logger.ts';

/** A clock from FIXED_NOW (2026-03-15) that moves a second each time it is read, so "newest first" is defined. */
function ticking(): () => Date {
  let n = 0;
  return () => new Date(FIXED_NOW.getTime() + 1000 * n++);
}

const IG_POSTS = 'meta-oigetit/Mar-18-2025_Apr-14-2025_1019826952924933.csv';
const FB_POSTS = 'meta-oigetit/Mar-18-2025_Apr-14-2025_553302954456165.csv';

type App = ReturnType<typeof testApp>['app'];
interface Auth {
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

const session = (c: SignedInClient): Auth => ({ cookie: c.cookie, csrf: c.csrfToken });

function headersOf(auth: Auth): Record<string, string> {
  const h: Record<string, string> = {};
  if (auth.cookie) h.cookie = auth.cookie;
  if (auth.csrf) h['x-csrf-token'] = auth.csrf;
  if (auth.bearer) h.authorization = `Bearer ${auth.bearer}`;
  return h;
}

/** POSTs files as multipart/form-data (`file` parts) with the other fields, as the web app and scripts do. */
function upload(app: App, auth: Auth, path: string, files: readonly InputFile[], fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const f of files) form.append('file', new File([f.bytes as Uint8Array<ArrayBuffer>], f.name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return Promise.resolve(app.request(`/api/v1${path}`, { method: 'POST', headers: headersOf(auth), body: form }));
}

/** The per-file reports of a 200 answer, checked against the contract (every field, no others). */
async function reports(res: Response): Promise<FileReport[]> {
  const text = await res.text();
  assert.equal(res.status, 200, text);
  const body = JSON.parse(text) as FileReportList;
  assert.deepEqual(Object.keys(body), ['files']);
  for (const f of body.files) {
    assert.deepEqual(Object.keys(f).sort(), Object.keys(FileReport.shape).sort(), 'the fields of a FileReport');
    FileReport.parse(f);
    if (f.status === 'refused') assert.ok(f.error && f.errorCode, 'a refusal says why');
    else assert.deepEqual([f.error, f.errorCode], [null, null]);
  }
  return body.files;
}

/** Rows of every statistics table, to prove that a refusal changed nothing. */
async function counts(db: Db) {
  const n = async (table: typeof imports | typeof observations | typeof posts | typeof observationHistory | typeof audienceSnapshots | typeof storedFiles) =>
    (await db.select().from(table)).length;
  return {
    imports: await n(imports),
    observations: await n(observations),
    posts: await n(posts),
    history: await n(observationHistory),
    audience: await n(audienceSnapshots),
    files: await n(storedFiles),
  };
}

/** GET observations, as { 'date|post': value } for one metric. */
async function readValues(c: { json<T>(m: string, p: string): Promise<{ status: number; body: T }> }, account: string, metric: string, query = '') {
  const res = await c.json<ObservationOut[]>('GET', `/accounts/${account}/observations?metric=${metric}${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return Object.fromEntries(res.body.map((o) => [`${o.date}|${o.post ?? ''}`, o.value]));
}

function damaged(file: InputFile, from: string, to: string): InputFile {
  const text = new TextDecoder().decode(file.bytes);
  assert.ok(text.includes(from), `the fixture holds ${from}`);
  return { name: `damaged-${file.name}`, bytes: new TextEncoder().encode(text.replace(from, to)) };
}

forEachDatabase('imports API', (fresh) => {
  test('a session imports several real exports in one request; per-file reports; values read back; the same files again are unchanged', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(l + '\n')) });
    const reporter = await signIn(s.people.reporter.email);
    const account = s.accounts.a1Instagram;
    const files = [fixture(IG_POSTS), fixture('meta-oigetit/Follows.csv'), fixture('meta-oigetit/Views.csv'), fixture('meta-oigetit/Audience.csv')];

    // Without the CSRF header a session may not import, and nothing is written.
    await expectProblem(await upload(app, { cookie: reporter.cookie }, `/accounts/${account}/imports`, files, { lastDay: '2025-04-15' }), 403, 'csrf_failed');
    assert.deepEqual(await counts(t.db), { imports: 0, observations: 0, posts: 0, history: 0, audience: 0, files: 0 });

    const first = await reports(await upload(app, session(reporter), `/accounts/${account}/imports`, files, { lastDay: '2025-04-15' }));
    assert.deepEqual(first.map((f) => [f.file, f.status, f.error]), [
      ['Mar-18-2025_Apr-14-2025_1019826952924933.csv', 'imported', null],
      ['Follows.csv', 'imported', null],
      ['Views.csv', 'imported', null],
      ['Audience.csv', 'imported', null],
    ]);
    const [ig, follows, views, audience] = first as [FileReport, FileReport, FileReport, FileReport];
    assert.deepEqual([ig.platform, ig.kind, ig.importer, ig.from, ig.to, ig.rows, ig.posts], ['instagram', 'meta_posts', 'meta-posts', '2025-03-18', '2025-04-14', 78, 78]);
    assert.ok(ig.metrics.includes('views') && ig.metrics.includes('reach') && ig.metrics.includes('likes') && ig.metrics.includes('saves'), ig.metrics.join());
    assert.ok(ig.columns.ignored.includes('Follows'), 'the per-post Follows column is listed as ignored');
    assert.ok(ig.columns.recognised.some((c) => c.header === 'Reach' && c.metric === 'reach'));
    assert.equal(ig.added, ig.observations);
    assert.deepEqual([ig.changed, ig.unchanged, ig.errorCode], [0, 0, null]);
    assert.equal(ig.sha256, await sha256Hex(fixture(IG_POSTS).bytes));
    assert.deepEqual([follows.kind, follows.from, follows.to, follows.rows, follows.added, follows.metrics], ['meta_daily', '2025-01-01', '2025-04-15', 105, 105, ['new_followers']]);
    assert.deepEqual([views.kind, views.rows, views.added, views.metrics], ['meta_daily', 105, 105, ['views']]);
    assert.deepEqual([audience.kind, audience.audience, audience.observations], ['meta_audience', 1, 0]);
    assert.equal(new Set(first.map((f) => f.importId)).size, 4, 'one import per file');

    // Values read by hand from the files.
    const igViews = await readValues(reporter, account, 'views', '&from=2025-03-18&to=2025-04-14');
    assert.equal(igViews['2025-03-18|18355151116178767'], 52); // first row: Views 52
    assert.equal(igViews['2025-04-14|18062986022491637'], 117); // line 379: Views 117, published 04/14/2025
    const igReach = await readValues(reporter, account, 'reach');
    assert.equal(igReach['2025-03-18|18355151116178767'], 37);
    assert.equal(igReach['2025-03-18|18488054011023127'], 49);
    const igLikes = await readValues(reporter, account, 'likes');
    assert.equal(igLikes['2025-03-18|18488054011023127'], 5);
    const daily = await readValues(reporter, account, 'views', '&from=2025-01-01&to=2025-01-04');
    assert.deepEqual(daily, { '2025-01-01|': 16, '2025-01-02|': 35, '2025-01-03|': 60, '2025-01-04|': 34 }); // Views.csv (UTF-16)
    const followed = await readValues(reporter, account, 'new_followers', '&from=2025-01-04&to=2025-01-05');
    assert.deepEqual(followed, { '2025-01-04|': 0, '2025-01-05|': 1 }); // Follows.csv: a real 0 stays 0
    const one = await reporter.json<ObservationOut[]>('GET', `/accounts/${account}/observations?metric=new_followers&from=2025-01-05&to=2025-01-05`);
    assert.deepEqual(one.body, [{ metric: 'new_followers', date: '2025-01-05', value: 1, post: null, importId: follows.importId, source: 'import' }]);
    const [snapshot] = await t.db.select().from(audienceSnapshots);
    assert.equal(snapshot!.day, '2025-04-15', "the audience file is dated by lastDay");
    assert.equal(snapshot!.importId, audience.importId);
    const before = await counts(t.db);
    assert.equal(before.posts, 78);

    // The same files again (one renamed): every one unchanged, pointing at its import; nothing new.
    const again = await reports(
      await upload(app, session(reporter), `/accounts/${account}/imports`, [{ ...files[0]!, name: 'renamed.csv' }, ...files.slice(1)], { lastDay: '2025-04-15' }),
    );
    assert.deepEqual(again.map((f) => f.status), ['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual(again.map((f) => f.importId), first.map((f) => f.importId));
    assert.equal(again[0]!.file, 'renamed.csv');
    assert.deepEqual(await counts(t.db), before);

    // History: newest first, with who imported and the file kept.
    const history = await reporter.json<ImportOut[]>('GET', `/accounts/${account}/imports`);
    assert.equal(history.status, 200);
    assert.equal(history.body.length, 4);
    for (const i of history.body) assert.deepEqual(ImportOut.strict().parse(i), i, 'an Import as the contract says');
    const igImport = history.body.find((i) => i.id === ig.importId)!;
    assert.deepEqual(
      [igImport.origin, igImport.fileName, igImport.platform, igImport.kind, igImport.from, igImport.to, igImport.lastDay, igImport.rows, igImport.fileSize, igImport.createdBy?.name, igImport.undoneAt],
      ['file', 'Mar-18-2025_Apr-14-2025_1019826952924933.csv', 'instagram', 'meta_posts', '2025-03-18', '2025-04-14', '2025-04-15', 78, fixture(IG_POSTS).bytes.length, 'Reporter Person', null],
    );
    assert.deepEqual(igImport.counts, { added: ig.added, changed: 0, unchanged: 0, posts: 78, audience: 0 });
    const single = await reporter.json<ImportOut>('GET', `/imports/${ig.importId}`);
    assert.deepEqual(single.body, igImport);
  });

  test('a bearer token imports without CSRF (automation); preview and dry run write nothing', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(l + '\n')) });
    const editor = await signIn(s.people.editor.email);
    const created = await editor.json<{ token: string }>('POST', '/tokens', { name: 'import script' });
    assert.equal(created.status, 201);
    const bearer = { bearer: created.body.token };
    const account = s.accounts.a1Instagram;
    const file = fixture(IG_POSTS);

    const preview = await reports(await upload(app, bearer, `/accounts/${account}/imports/preview`, [file]));
    assert.deepEqual([preview[0]!.status, preview[0]!.observations, preview[0]!.posts, preview[0]!.importId], ['ready', 468, 78, null]);
    const dry = await reports(await upload(app, bearer, `/accounts/${account}/imports`, [file], { dryRun: 'true' }));
    assert.deepEqual([dry[0]!.status, dry[0]!.added, dry[0]!.importId], ['ready', 468, null]);
    assert.deepEqual(await counts(t.db), { imports: 0, observations: 0, posts: 0, history: 0, audience: 0, files: 0 });

    // The same file twice in one request: the second is unchanged, pointing at the first.
    const real = await reports(await upload(app, bearer, `/accounts/${account}/imports`, [file, { ...file, name: 'copy.csv' }], { dryRun: 'false' }));
    assert.deepEqual(real.map((r) => [r.file, r.status, r.added]), [
      [file.name, 'imported', 468],
      ['copy.csv', 'unchanged', 0],
    ]);
    assert.equal(real[1]!.importId, real[0]!.importId);
    const [row] = await t.db.select().from(imports);
    assert.equal(row!.createdBy, s.people.editor.id);
    assert.equal(row!.lastDay, '2026-03-15', "lastDay defaults to the server's today");
    assert.equal((await counts(t.db)).observations, 468);

    // A token of someone who may only read is refused, and a token for another unit's account does not see it.
    const viewer = await signIn(s.people.viewer.email);
    const viewerToken = (await viewer.json<{ token: string }>('POST', '/tokens', { name: 'viewer script' })).body.token;
    await expectProblem(await upload(app, { bearer: viewerToken }, `/accounts/${account}/imports`, [fixture(FB_POSTS)]), 403, 'forbidden');
    await expectProblem(await upload(app, bearer, `/accounts/${s.accounts.bTiktok}/imports`, [fixture('tiktok-studio/Overview.csv')]), 404, 'not_found');
    await expectProblem(await upload(app, { bearer: 'mlb_not-a-real-token' }, `/accounts/${account}/imports`, [file]), 401, 'unauthenticated');
    // A cross-site form post riding on the editor's session is refused even with the CSRF token; a token from a script is not a cookie.
    const crossSite = new FormData();
    crossSite.append('file', new File([fixture(FB_POSTS).bytes as Uint8Array<ArrayBuffer>], 'x.csv'));
    const res = await app.request(`/api/v1/accounts/${account}/imports`, { method: 'POST', headers: { ...headersOf(session(editor)), origin: 'https://evil.example' }, body: crossSite });
    await expectProblem(res, 403, 'csrf_failed');
    assert.equal((await counts(t.db)).imports, 1);
  });

  test('a ZIP of TikTok Studio CSVs, built here, is imported entry by entry', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(l + '\n')) });
    const outsider = await signIn(s.people.outsider.email); // editor of Faculty B, where the TikTok account is
    const zip = zipSync({
      'Overview.csv': fixture('tiktok-studio/Overview.csv').bytes,
      'Viewers.csv': fixture('tiktok-studio/Viewers.csv').bytes,
      'FollowerHistory.csv': fixture('tiktok-studio/FollowerHistory.csv').bytes,
    });
    const account = s.accounts.bTiktok;
    const files = await reports(await upload(app, session(outsider), `/accounts/${account}/imports`, [{ name: 'TikTok Studio.zip', bytes: zip }], { lastDay: '2026-02-27' }));
    assert.deepEqual(files.map((f) => [f.file, f.status, f.kind, f.from, f.to, f.rows]), [
      ['TikTok Studio.zip › Overview.csv', 'imported', 'tiktok_overview', '2025-02-28', '2026-02-27', 365],
      ['TikTok Studio.zip › Viewers.csv', 'imported', 'tiktok_viewers', '2025-02-28', '2026-02-27', 365],
      ['TikTok Studio.zip › FollowerHistory.csv', 'imported', 'tiktok_follower_history', '2025-02-28', '2026-02-27', 365],
    ]);
    assert.equal(files[0]!.added, 365 * 5);
    assert.ok(files[1]!.notMeasured > 0, '"undefined" cells are counted as not measured');

    // Yearless days resolved back from lastDay across New Year; values read by hand from the files.
    const views = await readValues(outsider, account, 'views', '&from=2025-12-31&to=2026-01-01');
    assert.deepEqual(views, { '2025-12-31|': 9768, '2026-01-01|': 28710 }); // Overview.csv lines 308-309
    const shares = await readValues(outsider, account, 'shares', '&from=2026-02-27&to=2026-02-27');
    assert.deepEqual(shares, { '2026-02-27|': 6 }); // Overview.csv last line
    const followers = await readValues(outsider, account, 'followers', '&from=2025-12-31&to=2026-01-01');
    assert.deepEqual(followers, { '2025-12-31|': 4996, '2026-01-01|': 4993 }); // FollowerHistory.csv lines 308-309
    const early = await readValues(outsider, account, 'followers', '&from=2025-02-28&to=2025-03-01');
    assert.deepEqual(early, {}, '"undefined" is not measured, never 0');

    // A ZIP whose entry climbs out of the archive is refused as a whole, naming the archive; nothing is written.
    const before = await counts(t.db);
    const hostile = zipSync({ '../../Overview.csv': fixture('tiktok-studio/Overview.csv').bytes });
    const [refused] = await reports(await upload(app, session(outsider), `/accounts/${account}/imports`, [{ name: 'hostile.zip', bytes: hostile }], { lastDay: '2026-02-27' }));
    assert.equal(refused!.status, 'refused');
    assert.match(refused!.error!, /^hostile\.zip/);
    const broken = { name: 'broken.zip', bytes: zip.slice(0, Math.floor(zip.length / 2)) };
    const [cut] = await reports(await upload(app, session(outsider), `/accounts/${account}/imports`, [broken], { lastDay: '2026-02-27' }));
    assert.equal(cut!.status, 'refused');
    assert.match(cut!.error!, /^broken\.zip/);
    assert.deepEqual(await counts(t.db), before);

    // The ZIP again: each entry unchanged.
    const again = await reports(await upload(app, session(outsider), `/accounts/${account}/imports`, [{ name: 'again.zip', bytes: zip }], { lastDay: '2026-02-27' }));
    assert.deepEqual(again.map((f) => f.status), ['unchanged', 'unchanged', 'unchanged']);
    // Each entry is kept as its own file, downloadable under the entry's name.
    const res = await outsider.request('GET', `/imports/${files[0]!.importId}/file`);
    assert.equal(res.status, 200);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), Buffer.from(fixture('tiktok-studio/Overview.csv').bytes));
    assert.match(res.headers.get('content-disposition')!, /^attachment; filename="Overview\.csv"/);
  });

  test('a file for another platform is refused naming both platforms; nothing changes', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(l + '\n')) });
    const editor = await signIn(s.people.editor.email);
    const account = s.accounts.a1Instagram;
    const before = await counts(t.db);
    const files = await reports(
      await upload(app, session(editor), `/accounts/${account}/imports`, [fixture('tiktok-studio/Overview.csv'), fixture(FB_POSTS)], { lastDay: '2026-02-27' }),
    );
    assert.deepEqual(files.map((f) => [f.status, f.errorCode, f.importId]), [
      ['refused', 'validation_failed', null],
      ['refused', 'validation_failed', null],
    ]);
    assert.match(files[0]!.error!, /^Overview\.csv: this is a TikTok export .*"A1 på Instagram" is on Instagram/);
    assert.match(files[1]!.error!, /Facebook export.*on Instagram/);
    assert.equal(files[0]!.platform, 'tiktok', 'the report still says what the file is');
    assert.deepEqual(await counts(t.db), before);
  });

  test('a damaged file is refused with file, row and column, and changes nothing; the good file next to it is imported', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(l + '\n')) });
    const reporter = await signIn(s.people.reporter.email);
    const account = s.accounts.a1Instagram;
    const ig = fixture(IG_POSTS);
    await reports(await upload(app, session(reporter), `/accounts/${account}/imports`, [ig]));
    const before = await counts(t.db);

    // A spreadsheet turned the reach of the post on line 379 into a date.
    const broken = damaged(ig, '"IG reel",,Lifetime,117,108,3,0,0,0,1', '"IG reel",,Lifetime,117,12.05.2025,3,0,0,0,1');
    const [bad] = await reports(await upload(app, session(reporter), `/accounts/${account}/imports`, [broken]));
    assert.equal(bad!.status, 'refused');
    assert.equal(bad!.errorCode, 'validation_failed');
    // The record starts on line 379 of the file (its caption runs over several lines).
    assert.match(bad!.error!, /^damaged-Mar-18-2025_Apr-14-2025_1019826952924933\.csv, row 379, column "Reach": "12\.05\.2025" is a date where a number was expected/);
    assert.deepEqual(await counts(t.db), before);

    // Cut off in the middle of a quoted caption, next to a good file: the good one goes in on its own.
    const text = new TextDecoder().decode(ig.bytes);
    const cut = { name: 'cut.csv', bytes: new TextEncoder().encode(text.slice(0, text.indexOf('The South African capital'))) };
    const good = { name: 'good.csv', bytes: new TextEncoder().encode('date,metric,value\n2026-03-01,reach,41\n') };
    const mixed = await reports(await upload(app, session(reporter), `/accounts/${account}/imports`, [cut, good]));
    assert.deepEqual(mixed.map((f) => f.status), ['refused', 'imported']);
    assert.match(mixed[0]!.error!, /^cut\.csv, row 2/);
    const after = await counts(t.db);
    assert.deepEqual({ ...after, imports: after.imports - 1, observations: after.observations - 1, files: after.files - 1 }, before);
  });

  test('undo: the values go, the history shows it undone; a second undo is a conflict', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now: ticking(), logger: createLogger('error', (l) => process.stderr.write(l + '\n')) });
    const reporter = await signIn(s.people.reporter.email);
    const editor = await signIn(s.people.editor.email);
    const account = s.accounts.a1Instagram;
    const body = (lines: string[]) => ({ name: 'reach.csv', bytes: new TextEncoder().encode(`date,metric,value\n${lines.join('\n')}\n`) });
    const [first] = await reports(await upload(app, session(reporter), `/accounts/${account}/imports`, [body(['2026-03-01,reach,100', '2026-03-02,reach,200'])]));
    const [second] = await reports(await upload(app, session(reporter), `/accounts/${account}/imports`, [fixture(IG_POSTS)]));
    const [third] = await reports(await upload(app, session(reporter), `/accounts/${account}/imports`, [body(['2026-03-02,reach,222', '2026-03-03,reach,300'])]));
    assert.deepEqual([third!.added, third!.changed], [1, 1]);

    // Without CSRF: refused, nothing undone.
    const noCsrf = await app.request(`/api/v1/imports/${second!.importId}/undo`, { method: 'POST', headers: { cookie: reporter.cookie } });
    await expectProblem(noCsrf, 403, 'csrf_failed');
    const wrongCsrf = await app.request(`/api/v1/imports/${second!.importId}/undo`, { method: 'POST', headers: { cookie: reporter.cookie, 'x-csrf-token': 'wrong' } });
    await expectProblem(wrongCsrf, 403, 'csrf_failed');
    assert.equal((await counts(t.db)).posts, 78);

    const undo = await editor.json<UndoResult>('POST', `/imports/${second!.importId}/undo`);
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.deepEqual([undo.body.removed, undo.body.restored, undo.body.postsRemoved], [second!.added, 0, 78]);
    assert.equal(undo.body.import.undoneBy?.name, 'Editor Person');
    assert.ok(undo.body.import.undoneAt! > undo.body.import.createdAt, 'undone after it was made');
    assert.deepEqual(await readValues(reporter, account, 'views'), {});
    assert.equal((await counts(t.db)).posts, 0);

    // Undoing the later correction puts the earlier value back.
    const undoThird = await reporter.json<UndoResult>('POST', `/imports/${third!.importId}/undo`);
    assert.deepEqual([undoThird.status, undoThird.body.removed, undoThird.body.restored], [200, 1, 1]);
    assert.deepEqual(await readValues(reporter, account, 'reach'), { '2026-03-01|': 100, '2026-03-02|': 200 });

    const history = await reporter.json<ImportOut[]>('GET', `/accounts/${account}/imports`);
    assert.deepEqual(
      history.body.map((i) => [i.id, i.undoneBy?.name ?? null]),
      [
        [third!.importId, 'Reporter Person'],
        [second!.importId, 'Editor Person'],
        [first!.importId, null],
      ],
    );
    await expectProblem(await reporter.request('POST', `/imports/${second!.importId}/undo`), 409, 'conflict');
    // The original file of an undone import is still there: the documentation survives.
    assert.equal((await reporter.request('GET', `/imports/${second!.importId}/file`)).status, 200);
    // After undo the same file can be imported again.
    const [redo] = await reports(await upload(app, session(reporter), `/accounts/${account}/imports`, [fixture(IG_POSTS)]));
    assert.equal(redo!.status, 'imported');
    await expectProblem(await reporter.request('POST', `/imports/not-an-id/undo`), 400, 'validation_failed');
    await expectProblem(await reporter.request('GET', `/imports/${crypto.randomUUID()}`), 404, 'not_found');
  });

  test('GET file returns the exact bytes with a safe Content-Disposition', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(l + '\n')) });
    const reporter = await signIn(s.people.reporter.email);
    const account = s.accounts.a1Instagram;
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('date,metric,value\r\n2026-03-01,reach,7\r\n'), 0x0a]);
    const other = new TextEncoder().encode('date,metric,value\n2026-03-02,reach,8\n');
    const names = ['../../etc/Rapport "mars" – Ærøskøbing (kopi) 100%.csv', '..\\..\\Windows\\evil\'s.csv'];
    const uploaded = await reports(await upload(app, session(reporter), `/accounts/${account}/imports`, [{ name: names[0]!, bytes }, { name: names[1]!, bytes: other }]));
    assert.deepEqual(uploaded.map((r) => [r.file, r.status, r.error]), [
      [names[0], 'imported', null],
      [names[1], 'imported', null],
    ]);

    const download = async (importId: string | null) => {
      const res = await reporter.request('GET', `/imports/${importId}/file`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/octet-stream');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const disposition = res.headers.get('content-disposition')!;
      assert.match(disposition, /^[\x20-\x7e]+$/, 'printable ASCII only: no line breaks, nothing to split the header');
      // attachment; filename="<quoted ASCII without quote or backslash>"; filename*=UTF-8''<RFC 8187 attr-chars and %XX only>
      const m = /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''((?:%[0-9A-F]{2}|[A-Za-z0-9!#$&+.^_`|~-])+)$/.exec(disposition);
      assert.ok(m, `a well-formed disposition: ${disposition}`);
      return { res, bytes: new Uint8Array(await res.arrayBuffer()), ascii: m[1]!, name: decodeURIComponent(m[2]!) };
    };
    const first = await download(uploaded[0]!.importId);
    assert.deepEqual(first.bytes, bytes, 'the exact bytes, BOM and line ends included');
    assert.equal(first.res.headers.get('x-checksum-sha256'), await sha256Hex(bytes));
    assert.equal(first.name, 'Rapport "mars" – Ærøskøbing (kopi) 100%.csv', 'quotes and letters survive in filename*, the path does not');
    assert.equal(first.ascii, 'Rapport _mars_ _ _r_sk_bing (kopi) 100%.csv');
    const second = await download(uploaded[1]!.importId);
    assert.deepEqual(second.bytes, other);
    assert.equal(second.name, "evil's.csv", 'a Windows path is no path either');
    assert.equal(second.ascii, "evil's.csv");

    // The name as uploaded (path included) stays in the history, as data.
    const history = await reporter.json<ImportOut[]>('GET', `/accounts/${account}/imports`);
    assert.deepEqual(history.body.map((i) => i.fileName).sort(), [...names].sort());
  });

  test('the same file sent twice at once is imported once; the other report says unchanged and names that import', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(l + '\n')) });
    const reporter = await signIn(s.people.reporter.email);
    const path = `/accounts/${s.accounts.a1Instagram}/imports`;
    const file = fixture(IG_POSTS);
    const [a, b] = await Promise.all([upload(app, session(reporter), path, [file]), upload(app, session(reporter), path, [file])]);
    const both = [...(await reports(a)), ...(await reports(b))].sort((x, y) => x.status.localeCompare(y.status));
    assert.deepEqual(both.map((r) => r.status), ['imported', 'unchanged']);
    assert.equal((await counts(t.db)).imports, 1);
    assert.equal((await counts(t.db)).observations, 468);
  });

  test(
    'the "unchanged" report of a file sent twice at once names the import that holds it',
    async () => {
      await using t = await fresh();
      const s = await seed(t.db);
      const { app, signIn } = testApp(t, { now: () => FIXED_NOW });
      const reporter = await signIn(s.people.reporter.email);
      const path = `/accounts/${s.accounts.a1Instagram}/imports`;
      const file = fixture(IG_POSTS);
      const [a, b] = await Promise.all([upload(app, session(reporter), path, [file]), upload(app, session(reporter), path, [file])]);
      const both = [...(await reports(a)), ...(await reports(b))].sort((x, y) => x.status.localeCompare(y.status));
      assert.deepEqual(both.map((r) => r.status), ['imported', 'unchanged']);
      assert.equal(both[1]!.importId, both[0]!.importId, 'FileReport.importId: "the import that already holds this file"');
    },
  );

  test(
    'a lastDay after today is refused: an export cannot have been downloaded in the future',
    async () => {
      await using t = await fresh();
      const s = await seed(t.db);
      const { app, signIn } = testApp(t, { now: () => FIXED_NOW }); // 2026-03-15
      const outsider = await signIn(s.people.outsider.email);
      const res = await upload(app, session(outsider), `/accounts/${s.accounts.bTiktok}/imports`, [fixture('tiktok-studio/Overview.csv')], { lastDay: '2027-02-27' });
      const problem = await expectProblem(res, 400, 'validation_failed');
      assert.match(problem.detail, /lastDay/);
      assert.equal((await counts(t.db)).observations, 0);
    },
  );

  test('malformed uploads are 400 problems, never 500, and write nothing', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(l + '\n')) });
    const reporter = await signIn(s.people.reporter.email);
    const path = `/accounts/${s.accounts.a1Instagram}/imports`;
    const good = { name: 'a.csv', bytes: new TextEncoder().encode('date,metric,value\n2026-03-01,reach,1\n') };

    // Not multipart.
    await expectProblem(await reporter.request('POST', path, { file: 'x' }), 400, 'validation_failed');
    // No file part.
    await expectProblem(await upload(app, session(reporter), path, [], { lastDay: '2026-03-01' }), 400, 'validation_failed');
    // A text field named file.
    const form = new FormData();
    form.append('file', 'date,metric,value');
    await expectProblem(await app.request(`/api/v1${path}`, { method: 'POST', headers: headersOf(session(reporter)), body: form }), 400, 'validation_failed');
    // A bad lastDay or dryRun.
    const badDay = await expectProblem(await upload(app, session(reporter), path, [good], { lastDay: '2026-02-30' }), 400, 'validation_failed');
    assert.match(badDay.detail, /lastDay/);
    await expectProblem(await upload(app, session(reporter), path, [good], { dryRun: 'yes' }), 400, 'validation_failed');
    // A multipart body that breaks off (no closing boundary, no CRLF after the part headers).
    const broken = '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv';
    await expectProblem(await reporter.request('POST', path, broken, { 'content-type': 'multipart/form-data; boundary=XX' }), 400, 'validation_failed');
    // A declared length over the 100 MB limit is refused before the body is read.
    await expectProblem(
      await reporter.request('POST', path, 'x', { 'content-type': 'multipart/form-data; boundary=XX', 'content-length': String(100 * 1024 * 1024 + 1) }),
      413,
      'too_large',
    );
    assert.deepEqual(await counts(t.db), { imports: 0, observations: 0, posts: 0, history: 0, audience: 0, files: 0 });
  });
});
