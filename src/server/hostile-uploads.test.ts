/**
 * Hostile uploads over HTTP: bodies over the size limits (declared or streamed without a length),
 * ZIP bombs and ZIPs whose entries try to leave their folder. Each is answered clearly (a 413
 * problem, or the file's report saying why it was refused) and leaves every table as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { forEachDatabase } from '../testing/database.ts';
import { seed } from '../testing/seed.ts';
import { testApp, type SignedInClient } from '../testing/http.ts';
import { expectProblem } from '../testing/assertions.ts';
import { changedTables, snapshotAllTables } from '../testing/table-snapshot.ts';
import { MAX_UPLOAD_BYTES } from './app.ts';
import type { FileReport } from '../contract/statistics.ts';

const MB = 1024 * 1024;

/** A body of `total` bytes sent as a stream, so no Content-Length tells the server its size in advance. */
function streamOf(total: number, head = ''): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new Uint8Array(MB).fill(0x61);
  const first = strToU8(head);
  return new ReadableStream({
    pull(controller) {
      if (sent === 0 && first.length > 0) {
        controller.enqueue(first);
        sent += first.length;
        return;
      }
      if (sent >= total) return controller.close();
      const n = Math.min(MB, total - sent);
      controller.enqueue(n === MB ? chunk : chunk.subarray(0, n));
      sent += n;
    },
  });
}

function uploadForm(files: Record<string, Uint8Array>): FormData {
  const form = new FormData();
  for (const [name, bytes] of Object.entries(files)) form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/zip' }));
  return form;
}

forEachDatabase('hostile uploads over HTTP', (fresh) => {
  async function world() {
    const t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t);
    const reporter = await signIn(s.people.reporter.email);
    const raw = (path: string, init: RequestInit & { duplex?: 'half' }, who: SignedInClient = reporter) =>
      app.request(`/api/v1${path}`, { ...init, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...(init.headers as Record<string, string>) } });
    return { t, s, raw, account: s.accounts.a1Instagram };
  }

  test(`an upload streamed past ${MAX_UPLOAD_BYTES / MB} MB without a Content-Length is a 413 problem, and nothing is written`, async () => {
    const { t, raw, account } = await world();
    await using _t = t;
    const before = await snapshotAllTables(t.db);
    const boundary = 'hostile-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.csv"\r\nContent-Type: text/csv\r\n\r\ndate,metric,value\n`;
    // The preview route shares the limit (app.ts bodyLimitFor); one 100 MB stream is enough.
    for (const path of [`/accounts/${account}/imports`]) {
      const res = await raw(path, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: streamOf(MAX_UPLOAD_BYTES + MB, head),
        duplex: 'half',
      });
      const problem = await expectProblem(res, 413, 'too_large');
      assert.match(problem.detail, /100 MB/);
    }
    assert.deepEqual(changedTables(before, await snapshotAllTables(t.db)), []);
  });

  test('a statistics batch past 25 MB and a JSON body past 1 MB, streamed, are 413 problems; nothing is written', async () => {
    const { t, raw, account } = await world();
    await using _t = t;
    const before = await snapshotAllTables(t.db);
    const batch = await raw(`/accounts/${account}/observations`, {
      method: 'POST', headers: { 'content-type': 'text/csv' }, body: streamOf(25 * MB + 1, 'date,metric,value\n'), duplex: 'half',
    });
    assert.match((await expectProblem(batch, 413, 'too_large')).detail, /25 MB/);
    const json = await raw('/accounts', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: streamOf(MB + 1, '{"name": "'), duplex: 'half',
    });
    assert.match((await expectProblem(json, 413, 'too_large')).detail, /1 MB/);
    assert.deepEqual(changedTables(before, await snapshotAllTables(t.db)), []);
  });

  test('a ZIP bomb and ZIPs with ../, absolute and backslash paths are refused, each by name and reason; nothing is written', async () => {
    const { t, raw, account } = await world();
    await using _t = t;
    const zips: Record<string, Zippable> = {
      'bomb.zip': { 'Overview.csv': new Uint8Array(40 * MB) },
      'escape.zip': { '../../Overview.csv': strToU8('Date,Views\n2026-01-01,1\n') },
      'absolute.zip': { '/etc/Overview.csv': strToU8('Date,Views\n2026-01-01,1\n') },
      'backslash.zip': { 'a\\..\\..\\Overview.csv': strToU8('Date,Views\n2026-01-01,1\n') },
    };
    const files = Object.fromEntries(Object.entries(zips).map(([name, entries]) => [name, zipSync(entries, { level: 9 })]));
    assert.ok(files['bomb.zip']!.length < 200 * 1024, 'the bomb is small on the wire');

    for (const path of [`/accounts/${account}/imports/preview`, `/accounts/${account}/imports`]) {
      const before = await snapshotAllTables(t.db);
      const res = await raw(path, { method: 'POST', body: uploadForm(files) });
      assert.equal(res.status, 200, await res.clone().text());
      const { files: reports } = (await res.json()) as { files: FileReport[] };
      const byName = new Map(reports.map((r) => [r.file, r]));
      for (const name of Object.keys(files)) {
        const report = byName.get(name);
        assert.ok(report, `${name} has a report`);
        assert.equal(report.status, 'refused', `${name}: ${report.error}`);
        assert.ok(report.error && report.error.length > 10, `${name} says why`);
        assert.ok(report.error.includes(name), `${name}: the reason names the archive: ${report.error}`);
      }
      assert.match(byName.get('bomb.zip')!.error!, /bomb/i);
      assert.match(byName.get('escape.zip')!.error!, /\.\./);
      assert.deepEqual(changedTables(before, await snapshotAllTables(t.db)), [], path);
    }
  });
});
