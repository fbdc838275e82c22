/**
 * Fault: losing the PostgreSQL connection (issue #7, "Proof"). The real server runs as a child
 * process connected to PostgreSQL through a TCP proxy (src/testing/tcp-proxy.ts) that the test
 * cuts: every open connection reset, every new one refused. While cut, /readyz answers 503 with a
 * problem response and so do API requests (database_unavailable; the process lives on); once the proxy lets
 * connections through again, /readyz answers 200 within a bounded wait and reads and writes work
 * again (the pool replaced its broken connections). The same when the network drops packets
 * silently instead: /readyz answers 503 within a few seconds (src/db/client.ts bounds the
 * ping), never hangs. PostgreSQL only (TEST_DATABASE_URL); PGlite
 * runs inside the server's process and has no connection to lose.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPostgresDatabase, startServerProcess, type ServerProcess } from '../testing/server-process.ts';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';
import { call, createAccountOverHttp, daysFrom, importOverHttp, ok, setUpOverHttp, templateCsv } from '../testing/server-api.ts';

async function readyz(url: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** Polls until `check` holds; how long it took (fails after `timeoutMs`). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) assert.fail(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('losing the PostgreSQL connection', { skip: process.env.TEST_DATABASE_URL ? false : 'PostgreSQL only (set TEST_DATABASE_URL)' }, () => {
  let server: ServerProcess | null = null;
  let proxy: TcpProxy | null = null;
  let pgDb: Awaited<ReturnType<typeof createPostgresDatabase>> | null = null;
  after(async () => {
    if (server) {
      server.kill('SIGKILL');
      await server.exited;
    }
    await proxy?.close();
    await pgDb?.drop();
  });

  test('/readyz answers 503 while the database is unreachable (reset or silent) and 200 again when it returns; requests work again', { timeout: 90_000 }, async (t) => {
    pgDb = await createPostgresDatabase();
    const direct = new URL(pgDb.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(pgDb.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    server = await startServerProcess({ kind: 'postgres', url: viaProxy.toString() });
    const admin = await setUpOverHttp(server.url);
    const account = await createAccountOverHttp(admin, 'Connection account');
    const file = (name: string, first: string) => templateCsv(name, daysFrom(first, 30).map((day, i) => ({ day, metric: 'reach', value: 100 + i })));
    assert.equal((await importOverHttp(admin, account, [file('before.csv', '2025-01-01')], { lastDay: '2026-01-31' }))[0]?.status, 'imported');
    assert.equal((await readyz(server.url)).status, 200);
    assert.ok(proxy.connections > 0, 'the server talks to PostgreSQL through the proxy');

    proxy.cut();
    const down = await readyz(server.url);
    assert.equal(down.status, 503, down.body);
    assert.match(down.type, /^application\/problem\+json/);
    const problem = JSON.parse(down.body) as { status: number; title: string; code?: string };
    assert.equal(problem.status, 503);
    // An API request while cut answers 503 database_unavailable (retry later), never hangs or kills the process.
    const during = await call<{ status: number; code: string }>(admin, 'GET', `/accounts/${account}/observations?metric=reach`);
    assert.equal(during.status, 503, JSON.stringify(during.body));
    assert.equal(during.body.code, 'database_unavailable');
    assert.match(during.type, /^application\/problem\+json/);
    t.diagnostic(`while cut: /readyz ${down.status} ${down.body}; GET observations ${during.status} ${JSON.stringify(during.body)}`);
    // Still down a moment later (the pool does not pretend).
    assert.equal((await readyz(server.url)).status, 503);

    proxy.restore();
    const tookMs = await until('/readyz 200 after the database returns', async () => (await readyz(server!.url)).status === 200, 20_000);
    t.diagnostic(`ready again ${tookMs} ms after the connection was restored`);
    // Reads and writes work again, more than once (no broken connection left in the pool).
    for (let i = 0; i < 5; i++) {
      const read = await ok<unknown[]>(admin, 'GET', `/accounts/${account}/observations?metric=reach`);
      assert.equal(read.length, 30);
    }
    const [later] = await importOverHttp(admin, account, [file('after.csv', '2025-03-01')], { lastDay: '2026-01-31' });
    assert.equal(later?.status, 'imported', later?.error ?? '');
    assert.equal((await ok<unknown[]>(admin, 'GET', `/accounts/${account}/observations?metric=reach`)).length, 60);
    assert.doesNotThrow(() => process.kill(server!.pid, 0), 'the same server process lives on');
    assert.equal((await readyz(server.url)).status, 200);

    // A network that drops packets silently (no reset): /readyz must still answer 503, in bounded time.
    proxy.cut('silent');
    const t0 = Date.now();
    const silent = await readyz(server.url);
    const silentMs = Date.now() - t0;
    assert.equal(silent.status, 503, silent.body);
    assert.ok(silentMs < 8_000, `/readyz answered in ${silentMs} ms`);
    assert.equal((await readyz(server.url)).status, 503);
    proxy.restore();
    const backMs = await until('/readyz 200 after the network returns', async () => (await readyz(server!.url)).status === 200, 20_000);
    t.diagnostic(`silent drop: /readyz 503 after ${silentMs} ms; ready again ${backMs} ms after the network returned`);
    assert.equal((await ok<unknown[]>(admin, 'GET', `/accounts/${account}/observations?metric=reach`)).length, 60);
  });
});
