/**
 * Documented values over HTTP: batches for automation (JSON or the Målbar CSV template, with an
 * Idempotency-Key), reading them back, manual monthly entry, and the template download.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';
import type { Db } from '../../db/client.ts';
import { audienceSnapshots, imports, observationHistory, observations, posts, storedFiles } from '../../db/schema/index.ts';
import type { BatchResult, ImportOut, ObservationBatch, ObservationOut } from '../../contract/statistics.ts';
import { createLogger } from '../logger.ts';

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
/** A clock from FIXED_NOW (2026-03-15) that moves a second each time it is read, so "newest first" is defined. */
function ticking(): () => Date {
  let n = 0;
  return () => new Date(FIXED_NOW.getTime() + 1000 * n++);
}

const nothing = { imports: 0, observations: 0, posts: 0, history: 0, audience: 0, files: 0 };

async function ok<T>(res: Response): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text) as T;
}

const batch: ObservationBatch = {
  observations: [
    { metric: 'reach', date: '2026-03-01', value: 1200 },
    { metric: 'reach', date: '2026-03-02', value: 1350 },
    { metric: 'views', date: '2026-03-01', value: 4000 },
    { metric: 'likes', date: '2026-03-02', value: 57, post: 'ig-101' },
    { metric: 'likes', date: '2026-03-02', value: 12, post: 'ig-102' },
  ],
  posts: [
    { platformPostId: 'ig-101', date: '2026-03-01', publishedAt: '2026-03-01T09:30:00+01:00', postType: 'IG reel', permalink: 'https://www.instagram.com/reel/ig-101/', excerpt: 'Åpen dag' },
    { platformPostId: 'ig-102', date: '2026-03-02' },
  ],
  audience: [{ date: '2026-03-02', ageDistribution: { '18-24': 41.5, '25-34': 30.1, '35-44': 12 } }],
};

forEachDatabase('observations API', (fresh) => {
  test('a JSON batch (values, posts, per-post values, audience) is stored; the same batch again is unchanged; a correction changes', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t, { now: ticking() });
    const reporter = await signIn(s.people.reporter.email);
    const path = `/accounts/${s.accounts.a1Instagram}/observations`;

    const first = await ok<BatchResult>(await reporter.request('POST', path, batch));
    assert.equal(first.status, 'imported');
    assert.ok(first.importId);
    assert.deepEqual({ ...first, importId: null }, { importId: null, status: 'imported', added: 5, changed: 0, unchanged: 0, posts: 2, audience: 1 });

    const read = await reporter.json<ObservationOut[]>('GET', `${path}?from=2026-03-01&to=2026-03-31`);
    assert.equal(read.status, 200);
    assert.deepEqual(
      read.body.map((o) => [o.metric, o.date, o.value, o.post, o.source, o.importId]),
      [
        ['likes', '2026-03-02', 57, 'ig-101', 'api', first.importId],
        ['likes', '2026-03-02', 12, 'ig-102', 'api', first.importId],
        ['reach', '2026-03-01', 1200, null, 'api', first.importId],
        ['reach', '2026-03-02', 1350, null, 'api', first.importId],
        ['views', '2026-03-01', 4000, null, 'api', first.importId],
      ],
    );
    const [post] = await t.db.select().from(posts).where(eq(posts.platformPostId, 'ig-101'));
    assert.deepEqual([post!.publishedOn, post!.publishedAt?.toISOString(), post!.postType, post!.excerpt], ['2026-03-01', '2026-03-01T08:30:00.000Z', 'IG reel', 'Åpen dag']);
    const [snapshot] = await t.db.select().from(audienceSnapshots);
    assert.deepEqual([snapshot!.day, snapshot!.ageDistribution], ['2026-03-02', { '18-24': 41.5, '25-34': 30.1, '35-44': 12 }]);
    const [row] = await t.db.select().from(imports);
    assert.deepEqual([row!.origin, row!.createdBy, row!.fileId], ['api', s.people.reporter.id, null]);

    const before = await counts(t.db);
    const same = await ok<BatchResult>(await reporter.request('POST', path, batch));
    assert.deepEqual(same, { importId: null, status: 'unchanged', added: 0, changed: 0, unchanged: 5, posts: 0, audience: 0 });
    assert.deepEqual(await counts(t.db), before);

    const corrected = await ok<BatchResult>(
      await reporter.request('POST', path, { observations: [{ metric: 'reach', date: '2026-03-02', value: 1400 }, { metric: 'reach', date: '2026-03-01', value: 1200 }] }),
    );
    assert.deepEqual({ ...corrected, importId: null }, { importId: null, status: 'imported', added: 0, changed: 1, unchanged: 1, posts: 0, audience: 0 });
    const reach = await reporter.json<ObservationOut[]>('GET', `${path}?metric=reach`);
    assert.deepEqual(reach.body.map((o) => [o.date, o.value, o.importId]), [
      ['2026-03-01', 1200, first.importId],
      ['2026-03-02', 1400, corrected.importId],
    ]);
    const [old] = await t.db.select().from(observationHistory);
    assert.deepEqual([old!.day, old!.value, old!.importId, old!.replacedByImportId], ['2026-03-02', 1350, first.importId, corrected.importId]);
    // The batches are in the account's import history.
    const history = await reporter.json<ImportOut[]>('GET', `/accounts/${s.accounts.a1Instagram}/imports`);
    assert.deepEqual(history.body.map((i) => [i.id, i.origin, i.fileName]), [
      [corrected.importId, 'api', null],
      [first.importId, 'api', null],
    ]);
    // The file download of a JSON batch is not found (there is no file).
    await expectProblem(await reporter.request('GET', `/imports/${first.importId}/file`), 404, 'not_found');

    // A per-post value for a post the account does not have is refused naming it, and changes nothing.
    const unknownPost = await expectProblem(
      await reporter.request('POST', path, { observations: [{ metric: 'likes', date: '2026-03-03', value: 1, post: 'ig-999' }] }),
      400,
      'validation_failed',
    );
    assert.match(unknownPost.detail, /ig-999/);
    assert.equal((await counts(t.db)).observations, 5);
  });

  test('a bearer token sends a batch without CSRF; a session without it is refused', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, client, app } = testApp(t, { now: () => FIXED_NOW });
    const editor = await signIn(s.people.editor.email);
    const token = (await editor.json<{ token: string }>('POST', '/tokens', { name: 'automation' })).body.token;
    const path = `/accounts/${s.accounts.a1Instagram}/observations`;
    const body = JSON.stringify({ observations: [{ metric: 'reach', date: '2026-03-01', value: 5 }] });

    const noCsrf = await app.request(`/api/v1${path}`, { method: 'POST', headers: { cookie: editor.cookie, 'content-type': 'application/json' }, body });
    await expectProblem(noCsrf, 403, 'csrf_failed');
    assert.deepEqual(await counts(t.db), nothing);

    const script = client({ bearer: token });
    const sent = await ok<BatchResult>(await script.request('POST', path, body));
    assert.equal(sent.status, 'imported');
    const [row] = await t.db.select().from(imports);
    assert.equal(row!.createdBy, s.people.editor.id);
    assert.deepEqual((await script.json<ObservationOut[]>('GET', path)).body.map((o) => o.value), [5]);
  });

  test('an Idempotency-Key: a retry gets the same answer and writes nothing; the same key with another body is a conflict', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t, { now: () => FIXED_NOW });
    const reporter = await signIn(s.people.reporter.email);
    const path = `/accounts/${s.accounts.a1Instagram}/observations`;
    const key = { 'idempotency-key': 'nightly-2026-03-15' };

    const first = await ok<BatchResult>(await reporter.request('POST', path, batch, key));
    assert.equal(first.status, 'imported');
    const after = await counts(t.db);
    const retry = await ok<BatchResult>(await reporter.request('POST', path, batch, key));
    assert.deepEqual(retry, first, 'the first answer, not "unchanged"');
    assert.deepEqual(await counts(t.db), after);

    const other = { observations: [{ metric: 'reach', date: '2026-03-01', value: 999 }] };
    const conflict = await expectProblem(await reporter.request('POST', path, other, key), 409, 'conflict');
    assert.match(conflict.detail, /Idempotency-Key/);
    assert.deepEqual(await counts(t.db), after);
    const reach = await reporter.json<ObservationOut[]>('GET', `${path}?metric=reach&from=2026-03-01&to=2026-03-01`);
    assert.deepEqual(reach.body.map((o) => o.value), [1200]);

    // The key belongs to the account: the same key on another account is a new request.
    const admin = await signIn(s.people.admin.email);
    const tiktok = await ok<BatchResult>(await admin.request('POST', `/accounts/${s.accounts.bTiktok}/observations`, other, key));
    assert.equal(tiktok.status, 'imported');
    // Someone from another unit gets no earlier answer, and learns nothing about the account.
    const outsider = await signIn(s.people.outsider.email);
    await expectProblem(await outsider.request('POST', path, batch, key), 404, 'not_found');
    // A key longer than 200 characters is refused.
    await expectProblem(await reporter.request('POST', path, batch, { 'idempotency-key': 'k'.repeat(201) }), 400, 'validation_failed');
  });

  test(
    'the same Idempotency-Key sent twice at once: one write, the other the same answer or a conflict, never a 500',
    async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(`${l}\n`)) });
    const reporter = await signIn(s.people.reporter.email);
    const path = `/accounts/${s.accounts.a1Instagram}/observations`;
    const key = { 'idempotency-key': 'at-once' };
    const [a, b] = await Promise.all([reporter.request('POST', path, batch, key), reporter.request('POST', path, batch, key)]);
    const statuses = [a.status, b.status].sort();
    assert.ok(statuses[0] === 200 && (statuses[1] === 200 || statuses[1] === 409), `statuses ${statuses.join(', ')}`);
    const bodies = [await a.json(), await b.json()] as (BatchResult | { code: string })[];
    const written = bodies.filter((x): x is BatchResult => 'status' in x && x.status === 'imported');
    assert.ok(written.length >= 1);
    assert.equal(new Set(written.map((w) => w.importId)).size, 1, 'one import');
    assert.equal((await t.db.select().from(imports)).length, 1);
    assert.equal((await t.db.select().from(observations)).length, 5);
    },
  );

  test(
    'a viewer who retries a used Idempotency-Key is refused as forbidden (403), like any other write of theirs',
    async () => {
      await using t = await fresh();
      const s = await seed(t.db);
      const { signIn } = testApp(t, { now: () => FIXED_NOW });
      const reporter = await signIn(s.people.reporter.email);
      const viewer = await signIn(s.people.viewer.email);
      const path = `/accounts/${s.accounts.a1Instagram}/observations`;
      const key = { 'idempotency-key': 'nightly' };
      assert.equal((await ok<BatchResult>(await reporter.request('POST', path, batch, key))).status, 'imported');
      await expectProblem(await viewer.request('POST', path, batch), 403, 'forbidden');
      await expectProblem(await viewer.request('POST', path, batch, key), 403, 'forbidden');
    },
  );

  test(
    'a template row whose post_date has a time (as documented) is accepted over the API, as it is in a file import',
    async () => {
      await using t = await fresh();
      const s = await seed(t.db);
      const { signIn } = testApp(t, { now: () => FIXED_NOW });
      const reporter = await signIn(s.people.reporter.email);
      const path = `/accounts/${s.accounts.a1Instagram}/observations`;
      const csv = 'date,metric,value,post_id,post_date\n2026-03-02,likes,9,ig-7,2026-03-02 14:30\n';
      const res = await ok<BatchResult>(await reporter.request('POST', path, csv, { 'content-type': 'text/csv' }));
      assert.deepEqual([res.status, res.added, res.posts], ['imported', 1, 1]);
      // The contract accepts a local time in a JSON batch too.
      const json = { observations: [], posts: [{ platformPostId: 'ig-8', date: '2026-03-02', publishedAt: '2026-03-02T14:30:00' }] };
      assert.equal((await ok<BatchResult>(await reporter.request('POST', path, json))).status, 'imported');
    },
  );

  test(
    'an Idempotency-Key first used for a batch that changed nothing still binds the key to that body',
    async () => {
      await using t = await fresh();
      const s = await seed(t.db);
      const { signIn } = testApp(t, { now: () => FIXED_NOW });
      const reporter = await signIn(s.people.reporter.email);
      const path = `/accounts/${s.accounts.a1Instagram}/observations`;
      await ok<BatchResult>(await reporter.request('POST', path, batch));
      const key = { 'idempotency-key': 'retry-me' };
      const unchanged = await ok<BatchResult>(await reporter.request('POST', path, batch, key));
      assert.equal(unchanged.status, 'unchanged');
      const before = await counts(t.db);
      // The same key with a different body must be a conflict, not a new write.
      const other = { observations: [{ metric: 'reach', date: '2026-03-01', value: 999 }] };
      await expectProblem(await reporter.request('POST', path, other, key), 409, 'conflict');
      assert.deepEqual(await counts(t.db), before);
    },
  );

  test('a text/csv body in the Målbar template is stored, and its text kept as the file of the import', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t, { now: () => FIXED_NOW });
    const reporter = await signIn(s.people.reporter.email);
    const path = `/accounts/${s.accounts.a1Instagram}/observations`;
    const csv = 'dato;måned;nøkkeltall;verdi;plattform;innlegg_id;innlegg_dato\n2026-03-01;;reach;1 234;instagram;;\n2026-03-02;;views;-;instagram;;\n;2026-02;hours_spent;12,5;instagram;;\n2026-03-02;;likes;9;instagram;ig-7;2026-03-02\n';
    const res = await ok<BatchResult>(await reporter.request('POST', path, csv, { 'content-type': 'text/csv; charset=utf-8', 'idempotency-key': 'csv-1' }));
    assert.deepEqual({ ...res, importId: null }, { importId: null, status: 'imported', added: 3, changed: 0, unchanged: 0, posts: 1, audience: 0 });
    const read = await reporter.json<ObservationOut[]>('GET', path);
    assert.deepEqual(
      read.body.map((o) => [o.metric, o.date, o.value, o.post, o.source]),
      [
        ['hours_spent', '2026-02-28', 12.5, null, 'api'], // a monthly value is stored on the month's first day (docs/import-template.md)
        ['likes', '2026-03-02', 9, 'ig-7', 'api'],
        ['reach', '2026-03-01', 1234, null, 'api'],
      ],
      'the "-" views are not measured: no value, never 0',
    );
    const file = await reporter.request('GET', `/imports/${res.importId}/file`);
    assert.equal(file.status, 200);
    assert.equal(await file.text(), csv);
    // The same CSV again: unchanged (the key's first answer).
    assert.deepEqual(await ok<BatchResult>(await reporter.request('POST', path, csv, { 'content-type': 'text/csv', 'idempotency-key': 'csv-1' })), res);
    assert.equal((await ok<BatchResult>(await reporter.request('POST', path, csv, { 'content-type': 'text/csv' }))).status, 'unchanged');

    // A template for another platform is refused naming both; a bad row names its row and column.
    const before = await counts(t.db);
    const wrong = await expectProblem(
      await reporter.request('POST', path, 'date,metric,value,platform\n2026-03-03,reach,5,snapchat\n', { 'content-type': 'text/csv' }),
      400,
      'validation_failed',
    );
    assert.match(wrong.detail, /Snapchat/);
    assert.match(wrong.detail, /Instagram/);
    const typo = await expectProblem(await reporter.request('POST', path, 'date,metric,value\n2026-03-03,reach,5\n2026-03-04,reech,6\n', { 'content-type': 'text/csv' }), 400, 'validation_failed');
    assert.match(typo.detail, /row 3, column "metric".*"reech".*"reach"/);
    await expectProblem(await reporter.request('POST', path, 'this is not a template\n', { 'content-type': 'text/csv' }), 400, 'validation_failed');
    assert.deepEqual(await counts(t.db), before);
  });

  test('bad requests are 400 problems that name what is wrong; an oversized body is 413 too_large; nothing is written', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, app } = testApp(t, { now: () => FIXED_NOW, logger: createLogger('error', (l) => process.stderr.write(`${l}\n`)) });
    const reporter = await signIn(s.people.reporter.email);
    const path = `/accounts/${s.accounts.a1Instagram}/observations`;

    await expectProblem(await reporter.request('POST', path, '{"observations": [', { 'content-type': 'application/json' }), 400, 'validation_failed');
    await expectProblem(await reporter.request('POST', path, 'metric=reach', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'validation_failed');
    await expectProblem(await reporter.request('POST', path, '<observations/>', { 'content-type': 'application/xml' }), 400, 'validation_failed');
    const unknown = await expectProblem(await reporter.request('POST', path, { observations: [{ metric: 'reech', date: '2026-03-01', value: 1 }] }), 400, 'validation_failed');
    assert.match(unknown.detail, /"reech" is not a metric/);
    assert.ok(unknown.issues?.some((i) => i.path === 'observations[0].metric'), JSON.stringify(unknown.issues));
    const notProvided = await expectProblem(await reporter.request('POST', path, { observations: [{ metric: 'unique_visitors', date: '2026-03-01', value: 1 }] }), 400, 'validation_failed');
    assert.match(notProvided.detail, /Instagram does not provide "unique_visitors"/);
    const badDate = await expectProblem(await reporter.request('POST', path, { observations: [{ metric: 'reach', date: '2026-02-30', value: 1 }] }), 400, 'validation_failed');
    assert.ok(badDate.issues?.some((i) => i.path.startsWith('observations.0.date')), JSON.stringify(badDate.issues));
    const negative = await expectProblem(await reporter.request('POST', path, { observations: [{ metric: 'reach', date: '2026-03-01', value: -3 }] }), 400, 'validation_failed');
    assert.match(negative.detail, /negative/);
    const notNumber = await expectProblem(await reporter.request('POST', path, { observations: [{ metric: 'reach', date: '2026-03-01', value: '12' }] }), 400, 'validation_failed');
    assert.ok(notNumber.issues?.some((i) => i.path === 'observations.0.value'));
    const badShares = await expectProblem(await reporter.request('POST', path, { audience: [{ date: '2026-03-01', ageDistribution: { '18-24': 80, '25-34': 40 } }] }), 400, 'validation_failed');
    assert.match(badShares.detail, /more than 100/);
    const twice = await expectProblem(
      await reporter.request('POST', path, { posts: [{ platformPostId: 'p', date: '2026-03-01' }, { platformPostId: 'p', date: '2026-03-01' }] }),
      400,
      'validation_failed',
    );
    assert.match(twice.detail, /given twice/);
    await expectProblem(await reporter.request('GET', `${path}?from=2026-03-10&to=2026-03-01`), 400, 'validation_failed');
    await expectProblem(await reporter.request('GET', `${path}?from=March`), 400, 'validation_failed');

    // Over the 25 MB limit: refused by the declared length before anything is read…
    const declared = await reporter.request('POST', path, '{}', { 'content-type': 'application/json', 'content-length': String(25 * 1024 * 1024 + 1) });
    const tooLarge = await expectProblem(declared, 413, 'too_large');
    assert.match(tooLarge.detail, /25 MB/);
    // …and by counting when the length is not declared (a stream, as chunked transfer sends it).
    const chunk = new TextEncoder().encode(' '.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"observations":[]'));
        if (sent++ < 26) controller.enqueue(chunk);
        else {
          controller.enqueue(new TextEncoder().encode('}'));
          controller.close();
        }
      },
    });
    const started = performance.now();
    const streamed = await app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { cookie: reporter.cookie, 'x-csrf-token': reporter.csrfToken, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(streamed, 413, 'too_large');
    assert.ok(performance.now() - started < 10_000);
    // Just under the limit of other routes: 1 MB of JSON on monthly entries is refused, a batch of 2 MB is not.
    const big = { observations: Array.from({ length: 30_000 }, (_, i) => ({ metric: 'reach', date: '2026-03-01', value: i })) };
    assert.ok(JSON.stringify(big).length > 1024 * 1024);
    assert.equal((await reporter.request('POST', path, big)).status, 200, 'a 2 MB batch is within the batch limit');
    await expectProblem(await reporter.request('POST', `/accounts/${s.accounts.a1Instagram}/monthly-entries`, { ...big, month: '2026-02', values: [] }), 413, 'too_large');
  });

  test('monthly entry: stored on the last day of the month; a month not begun and a metric given twice are refused', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t, { now: () => FIXED_NOW }); // 2026-03-15
    const editor = await signIn(s.people.editor.email);
    const path = `/accounts/${s.accounts.a1Instagram}/monthly-entries`;

    const feb = { month: '2026-02', values: [{ metric: 'reach', value: 5400 }, { metric: 'hours_spent', value: 7.5 }, { metric: 'spend_nok', value: 0 }] };
    const first = await ok<BatchResult>(await editor.request('POST', path, feb));
    assert.deepEqual({ ...first, importId: null }, { importId: null, status: 'imported', added: 3, changed: 0, unchanged: 0, posts: 0, audience: 0 });
    const read = await editor.json<ObservationOut[]>('GET', `/accounts/${s.accounts.a1Instagram}/observations`);
    assert.deepEqual(
      read.body.map((o) => [o.metric, o.date, o.value, o.source, o.importId]),
      [
        ['hours_spent', '2026-02-28', 7.5, 'manual', first.importId],
        ['reach', '2026-02-28', 5400, 'manual', first.importId],
        ['spend_nok', '2026-02-28', 0, 'manual', first.importId],
      ],
    );
    const [row] = await t.db.select().from(imports);
    assert.deepEqual([row!.origin, row!.kind, row!.fromDay, row!.toDay], ['manual', 'monthly_entry', '2026-02-01', '2026-02-28']);
    // A leap year's February and a 31-day month.
    await ok(await editor.request('POST', path, { month: '2024-02', values: [{ metric: 'reach', value: 1 }] }));
    await ok(await editor.request('POST', path, { month: '2026-01', values: [{ metric: 'reach', value: 2 }] }));
    const reach = await editor.json<ObservationOut[]>('GET', `/accounts/${s.accounts.a1Instagram}/observations?metric=reach`);
    assert.deepEqual(reach.body.map((o) => o.date), ['2024-02-29', '2026-01-31', '2026-02-28']);

    assert.equal((await ok<BatchResult>(await editor.request('POST', path, feb))).status, 'unchanged');
    const corrected = await ok<BatchResult>(await editor.request('POST', path, { month: '2026-02', values: [{ metric: 'reach', value: 5500 }] }));
    assert.deepEqual([corrected.status, corrected.changed], ['imported', 1]);

    // The current month has begun (2026-03-15): allowed. The next has not.
    assert.equal((await ok<BatchResult>(await editor.request('POST', path, { month: '2026-03', values: [{ metric: 'reach', value: 3 }] }))).status, 'imported');
    const before = await counts(t.db);
    const future = await expectProblem(await editor.request('POST', path, { month: '2026-04', values: [{ metric: 'reach', value: 1 }] }), 400, 'validation_failed');
    assert.ok(future.issues?.some((i) => i.path === 'month'));
    const twice = await expectProblem(
      await editor.request('POST', path, { month: '2026-02', values: [{ metric: 'reach', value: 1 }, { metric: 'reach', value: 2 }] }),
      400,
      'validation_failed',
    );
    assert.match(twice.detail, /"reach" is given twice/);
    assert.ok(twice.issues?.some((i) => i.path === 'values[1].metric'));
    await expectProblem(await editor.request('POST', path, { month: '2026-13', values: [{ metric: 'reach', value: 1 }] }), 400, 'validation_failed');
    await expectProblem(await editor.request('POST', path, { month: '2026-02', values: [] }), 400, 'validation_failed');
    await expectProblem(await editor.request('POST', path, { month: '2026-02', values: [{ metric: 'reach', value: -1 }] }), 400, 'validation_failed');
    const unknown = await expectProblem(await editor.request('POST', path, { month: '2026-02', values: [{ metric: 'reech', value: 1 }] }), 400, 'validation_failed');
    assert.match(unknown.detail, /reech/);
    assert.deepEqual(await counts(t.db), before);
  });

  test('the template download: a BOM, a header row, an attachment; bokmål headers; an unknown platform is 400', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, anonymous } = testApp(t, { now: () => FIXED_NOW });
    const viewer = await signIn(s.people.viewer.email);

    const res = await viewer.request('GET', '/import-template.csv');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="maalbar-template.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM for spreadsheets');
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\n');
    const header = lines.find((l) => !l.startsWith('#'));
    assert.equal(header, 'date,month,metric,value,platform,post_id,post_date,post_url,post_text,note');
    assert.ok(lines.some((l) => l.startsWith('#2026-01-05,,reach,')), 'commented example rows');

    const nb = await viewer.request('GET', '/import-template.csv?locale=nb&platform=instagram');
    const nbLines = (await nb.text()).replace(/^\uFEFF/, '').split('\n');
    assert.equal(nbLines.find((l) => !l.startsWith('#')), 'dato,måned,nøkkeltall,verdi,plattform,innlegg_id,innlegg_dato,innlegg_url,innlegg_tekst,merknad');
    assert.ok(nbLines.filter((l) => l.startsWith('#2026') || l.startsWith('#,')).every((l) => l.includes(',instagram,')));

    const nope = await expectProblem(await viewer.request('GET', '/import-template.csv?platform=nope'), 400, 'validation_failed');
    assert.match(nope.detail, /nope/);
    await expectProblem(await viewer.request('GET', '/import-template.csv?locale=de'), 400, 'validation_failed');
    await expectProblem(await anonymous.request('GET', '/import-template.csv'), 401, 'unauthenticated');

    // The downloaded template with its examples un-commented imports as it is.
    const reporter = await signIn(s.people.reporter.email);
    // As a spreadsheet saves it: the BOM kept, CRLF line ends.
    const filled = `\uFEFF${nbLines.map((l) => (/^#(2026|,)/.test(l) ? l.slice(1) : l)).join('\r\n')}`;
    const result = await ok<BatchResult>(await reporter.request('POST', `/accounts/${s.accounts.a1Instagram}/observations`, filled, { 'content-type': 'text/csv' }));
    assert.equal(result.status, 'imported');
    const reach = await reporter.json<ObservationOut[]>('GET', `/accounts/${s.accounts.a1Instagram}/observations?metric=reach&from=2026-01-05&to=2026-01-05`);
    assert.deepEqual(reach.body.map((o) => [o.value, o.post]), [[120, null]]);
  });
});
