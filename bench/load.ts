/**
 * A bounded load test on loopback (issue #7, "Proof"): the real server (`src/cli/main.ts serve`,
 * a child process) on PostgreSQL with a realistic organisation (bench/load-data.ts), many people
 * signed in (session cookies), and autocannon's connections asking a mix of the dashboard and
 * KPI endpoints for a bounded time: the overview for the organisation, a faculty and a
 * department, account dashboards, an account's KPIs, a goal with its KPIs evaluated, metric by
 * unit, an account's series, and the comparison. Reported: p50/p90/p99 latency, requests per
 * second, errors and non-2xx answers (must be zero), then a soak at lower concurrency sampling
 * the server's RSS (/proc/PID/status) and V8 heap (bench/load-probe.ts) to show memory is flat.
 * The issue's target (p99 ≤ 250 ms with zero errors) is written down, never asserted.
 *
 *   url=$(bash scripts/postgres-test-server.sh start)
 *   node_modules/.bin/node bench/load.ts --postgres "$url"                   # 300 accounts, 60 s at 200 connections, 180 s soak
 *   node_modules/.bin/node bench/load.ts --accounts 50 --duration 10 --soak 20 --no-write   # a quick run
 *   node_modules/.bin/node bench/load.ts --keep .tmp/bench-load            # keep the loaded database; a second run reuses it
 *
 * Options: --postgres URL (default TEST_DATABASE_URL: a server where a database may be created),
 * --accounts N (300), --days N (430 days of daily values up to today), --duration S (60),
 * --connections N (200), --soak S (180; 0 skips it), --soak-connections N (20), --rate N (requests
 * per second over all connections, sent in a burst at the start of each second, for both runs; default:
 * each connection asks again at once), --think MS (people who think MS on average between pages, instead
 * of autocannon), --keep DIR,
 * --out FILE (default bench/results/load-YYYY-MM-DD.md), --no-write.
 */
import autocannon from 'autocannon';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { startServerProcess, type ServerProcess } from '../src/testing/server-process.ts';
import { signInOverHttp, type HttpSession } from '../src/testing/server-api.ts';
import { loadOrganisation, LOAD_PASSWORD, type LoadedOrganisation } from './load-data.ts';

const { values: args } = parseArgs({
  options: {
    postgres: { type: 'string' },
    accounts: { type: 'string', default: '300' },
    days: { type: 'string', default: '430' },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    soak: { type: 'string', default: '180' },
    'soak-connections': { type: 'string', default: '20' },
    rate: { type: 'string' },
    think: { type: 'string' },
    keep: { type: 'string' },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const ACCOUNTS = Number(args.accounts);
const DAYS = Number(args.days);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const SOAK = Number(args.soak);
const SOAK_CONNECTIONS = Number(args['soak-connections']);
/** Requests per second over all connections (people who read a page and think); unset: each connection asks again at once. */
const RATE = args.rate === undefined ? null : Number(args.rate);
/** --think MS: people who read each page before the next (mean think time, exponentially distributed) instead of autocannon. */
const THINK = args.think === undefined ? null : Number(args.think);
const here = dirname(fileURLToPath(import.meta.url));
const NOW = new Date();
const TODAY = NOW.toISOString().slice(0, 10);
const outFile = args['no-write'] ? null : (args.out ?? join(here, 'results', `load-${TODAY}.md`));
const log = (...xs: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...xs);

const baseUrl = args.postgres ?? process.env.TEST_DATABASE_URL;
if (!baseUrl) {
  console.error('A PostgreSQL server is needed: --postgres URL or TEST_DATABASE_URL (url=$(bash scripts/postgres-test-server.sh start)).');
  process.exit(2);
}
const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

// --keep DIR: the loaded organisation (its database's name and ids) is kept in DIR/load-state.json and reused.
interface State {
  database: string;
  accounts: number;
  days: number;
  loadedOn: string;
  loadSeconds: number;
  org: LoadedOrganisation;
}
const stateFile = args.keep ? join(args.keep, 'load-state.json') : null;
let state: State | null = stateFile && existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as State) : null;
// The data ends on the day it was loaded and the server reads the real clock: a kept organisation from another day is loaded anew.
if (state && (state.accounts !== ACCOUNTS || state.days !== DAYS || state.loadedOn !== TODAY)) {
  log(`the kept organisation has ${state.accounts} accounts × ${state.days} days up to ${state.loadedOn}; loading anew`);
  await admin(`drop database if exists ${state.database} with (force)`).catch(() => {});
  state = null;
}
const reused = state !== null;
if (!state) {
  const name = `maalbar_load_${Date.now().toString(36)}`;
  await admin(`create database ${name}`);
  log(`database ${name}: migrating and loading ${ACCOUNTS} accounts × ${DAYS} days`);
  const t0 = performance.now();
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(baseUrl, name), poolSize: 4 });
  const copyClient = new pg.Client({ connectionString: withDatabase(baseUrl, name) });
  await copyClient.connect();
  try {
    await database.migrate();
    const org = await loadOrganisation(database.db, copyClient, { accounts: ACCOUNTS, days: DAYS, today: TODAY, now: NOW });
    state = { database: name, accounts: ACCOUNTS, days: DAYS, loadedOn: TODAY, loadSeconds: (performance.now() - t0) / 1000, org };
  } finally {
    await copyClient.end();
    await database.close();
  }
  log(`loaded in ${state.loadSeconds.toFixed(0)} s`);
  if (stateFile) {
    mkdirSync(dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, JSON.stringify(state));
  }
}
const org = state.org;
const databaseUrl = withDatabase(baseUrl, state.database);

// The requests: each kind picks a signed-in person and something in that person's scope.
interface Kind {
  name: string;
  weight: number;
  path(user: SignedIn, pick: (n: number) => number): string;
}
interface SignedIn {
  session: HttpSession;
  scope: string;
  accounts: LoadedOrganisation['accounts'];
  units: string[];
}
const year = String(NOW.getUTCFullYear() - (NOW.getUTCMonth() === 0 ? 1 : 0));
const lastMonth = (() => {
  const d = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
})();
const kinds: Kind[] = [
  { name: 'overview (the person\u2019s whole scope)', weight: 3, path: () => '/api/v1/dashboards/overview' },
  { name: 'overview of a unit', weight: 2, path: (u, pick) => `/api/v1/dashboards/overview?unit=${u.units[pick(u.units.length)]}` },
  { name: 'overview, last month', weight: 1, path: () => `/api/v1/dashboards/overview?period=${lastMonth}` },
  { name: 'account dashboard', weight: 4, path: (u, pick) => `/api/v1/dashboards/accounts/${u.accounts[pick(u.accounts.length)]!.id}` },
  { name: 'account KPIs', weight: 3, path: (u, pick) => `/api/v1/accounts/${u.accounts[pick(u.accounts.length)]!.id}/kpis` },
  { name: 'goal with its KPIs evaluated', weight: 2, path: (u, pick) => `/api/v1/goals/${u.accounts[pick(u.accounts.length)]!.goal}` },
  { name: 'metric by unit, a year', weight: 1, path: () => `/api/v1/dashboards/metric-by-unit?metric=reach&period=${year}` },
  { name: 'account series, a year', weight: 1, path: (u, pick) => `/api/v1/dashboards/accounts/${u.accounts[pick(u.accounts.length)]!.id}/series?metric=reach&period=${year}` },
  { name: 'compare, a month', weight: 1, path: () => `/api/v1/dashboards/compare?metric=reach&period=${lastMonth}` },
];

let rand = 0x9e3779b9;
const pick = (n: number) => {
  rand = (Math.imul(rand ^ (rand >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
  return rand % n;
};

interface KindStats {
  statuses: Map<number, number>;
  latencies: number[];
}
function newStats(): Map<string, KindStats> {
  return new Map(kinds.map((k) => [k.name, { statuses: new Map(), latencies: [] }]));
}

/**
 * autocannon's request list: one request whose setup draws a kind by weight, a person and a target
 * (a fixed list would be run from its start by every connection, skewing a short run's mix).
 * The kind and start time ride in the connection's context to the response (one request in flight
 * per connection).
 */
function requestList(users: SignedIn[], stats: Map<string, KindStats>): autocannon.Request[] {
  const weighted = kinds.flatMap((k) => Array.from({ length: k.weight }, () => k));
  return [
    {
      method: 'GET',
      setupRequest: (req, context) => {
        const kind = weighted[pick(weighted.length)]!;
        const user = users[pick(users.length)]!;
        const c = context as { kind?: string; t0?: number };
        c.kind = kind.name;
        c.t0 = performance.now();
        return { ...req, path: kind.path(user, pick), headers: { ...req.headers, cookie: user.session.cookie, accept: 'application/json' } };
      },
      onResponse: (status, _body, context) => {
        const c = context as { kind?: string; t0?: number };
        const s = stats.get(c.kind ?? '');
        if (!s) return;
        s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
        if (c.t0 !== undefined) s.latencies.push(performance.now() - c.t0);
      },
    },
  ];
}

/**
 * --think: `count` people, each asking a page (a kind drawn by weight, as for autocannon), reading
 * the answer, then thinking an exponentially distributed time with mean `thinkMs` before the next
 * (starts spread over one think time), for `seconds`. Open-loop enough that a slow answer does not
 * slow the arrivals of the others. Answers autocannon's result fields the report reads.
 */
async function thinkingUsers(url: string, users: SignedIn[], stats: Map<string, KindStats>, count: number, seconds: number, thinkMs: number): Promise<autocannon.Result> {
  const weighted = kinds.flatMap((k) => Array.from({ length: k.weight }, () => k));
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  const start = new Date();
  const end = start.getTime() + seconds * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const think = () => -Math.log(1 - (pick(1_000_000) + 0.5) / 1_000_000) * thinkMs;
  await Promise.all(
    Array.from({ length: count }, async () => {
      await sleep((pick(1000) / 1000) * thinkMs);
      while (Date.now() < end) {
        const kind = weighted[pick(weighted.length)]!;
        const user = users[pick(users.length)]!;
        const t0 = performance.now();
        try {
          const res = await fetch(`${url}${kind.path(user, pick)}`, { headers: { cookie: user.session.cookie, accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          const ms = performance.now() - t0;
          latencies.push(ms);
          const s = stats.get(kind.name)!;
          s.statuses.set(res.status, (s.statuses.get(res.status) ?? 0) + 1);
          s.latencies.push(ms);
          if (res.status >= 200 && res.status < 300) ok += 1;
          else non2xx += 1;
        } catch (error) {
          if ((error as Error).name === 'TimeoutError') timeouts += 1;
          else errors += 1;
        }
        await sleep(think());
      }
    }),
  );
  const finish = new Date();
  const total = ok + non2xx;
  const q = (x: number) => Math.round(quantile(latencies, x));
  return {
    requests: { total, average: total / ((finish.getTime() - start.getTime()) / 1000) },
    latency: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: Math.round(Math.max(...latencies)) },
    errors,
    timeouts,
    non2xx,
    '2xx': ok,
    start,
    finish,
  } as unknown as autocannon.Result;
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

function readRss(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The process's CPU time (user + system) in ms, from /proc/PID/stat. */
function readCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // After "pid (comm) ": state is field 3, utime field 14 and stime field 15 (1-based): indexes 11 and 12.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on Linux. */
const CLOCK_TICKS = 100;

const probeDir = mkdtempSync(join(tmpdir(), 'maalbar-load-'));
const memoryFile = join(probeDir, 'memory.jsonl');
let server: ServerProcess | null = null;
try {
  log('starting the server');
  server = await startServerProcess(
    { kind: 'postgres', url: databaseUrl },
    { env: { MAALBAR_BENCH_MEMORY_FILE: memoryFile, LOG_LEVEL: 'warn' }, nodeArgs: ['--import', join(here, 'load-probe.ts')], timeoutMs: 120_000 },
  );
  const url = server.url;
  log(`server ${url} (pid ${server.pid}); signing in ${org.users.length} people`);
  const departmentsOf = new Map(org.faculties.map((f) => [f.id, f.departments]));
  const users: SignedIn[] = [];
  for (const u of org.users) {
    const session = await signInOverHttp(url, u.email, LOAD_PASSWORD);
    const units = u.scope === 'organisation' ? org.faculties.flatMap((f) => [f.id, ...f.departments]) : [u.scope, ...(departmentsOf.get(u.scope) ?? [])];
    const accounts = org.accounts.filter((a) => units.includes(a.department) || u.scope === 'organisation');
    if (accounts.length > 0) users.push({ session, scope: u.scope, accounts, units });
  }

  // Warm-up: every account dashboard once (the day's first visit evaluates and keeps its KPIs) and every
  // overview (the KPI lists and goals are evaluated on every request: nothing to warm but the code).
  log('warm-up: every account dashboard and overview once (8 at a time)');
  const w0 = performance.now();
  const adminUser = users[0]!;
  const warmPaths = [
    '/api/v1/dashboards/overview',
    `/api/v1/dashboards/overview?period=${lastMonth}`,
    ...adminUser.units.map((u) => `/api/v1/dashboards/overview?unit=${u}`),
    ...org.accounts.map((a) => `/api/v1/dashboards/accounts/${a.id}`),
    ...org.accounts.slice(0, 10).flatMap((a) => [`/api/v1/accounts/${a.id}/kpis`, `/api/v1/goals/${a.goal}`]),
  ];
  const warmFailures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < warmPaths.length) {
        const path = warmPaths[next++]!;
        const res = await fetch(`${url}${path}`, { headers: { cookie: adminUser.session.cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) warmFailures.push(`${path}: ${res.status}`);
      }
    }),
  );
  const warmS = (performance.now() - w0) / 1000;
  log(`warm-up: ${warmPaths.length} requests in ${warmS.toFixed(1)} s${warmFailures.length ? `; failures: ${warmFailures.slice(0, 5).join(', ')}` : ''}`);

  // Each kind alone, one request at a time: what a request costs without queueing.
  log('each kind alone, 20 requests one at a time');
  const alone: { kind: string; p50: number; p90: number; max: number }[] = [];
  for (const kind of kinds) {
    const ts: number[] = [];
    for (let i = 0; i < 20; i++) {
      const user = users[pick(users.length)]!;
      const t0 = performance.now();
      const res = await fetch(`${url}${kind.path(user, pick)}`, { headers: { cookie: user.session.cookie } });
      await res.arrayBuffer();
      ts.push(performance.now() - t0);
      if (res.status !== 200) warmFailures.push(`${kind.name}: ${res.status}`);
    }
    alone.push({ kind: kind.name, p50: quantile(ts, 0.5), p90: quantile(ts, 0.9), max: Math.max(...ts) });
    log(`  ${kind.name}: p50 ${quantile(ts, 0.5).toFixed(1)} ms, p90 ${quantile(ts, 0.9).toFixed(1)} ms`);
  }

  const run = async (what: string, connections: number, seconds: number, sample: boolean) => {
    log(`${what}: ${connections} connections for ${seconds} s`);
    const stats = newStats();
    const samples: { s: number; rss: number | null }[] = [];
    const start = Date.now();
    const sampler = sample
      ? setInterval(() => samples.push({ s: (Date.now() - start) / 1000, rss: readRss(server!.pid) }), 5_000)
      : null;
    const load0 = loadavg()[0]!;
    const cpu0 = readCpuMs(server!.pid);
    const result = THINK !== null
      ? await thinkingUsers(url, users, stats, connections, seconds, THINK)
      : await autocannon({ url, connections, duration: seconds, requests: requestList(users, stats), timeout: 30, ...(RATE ? { overallRate: RATE } : {}) });
    if (sampler) clearInterval(sampler);
    const cpu1 = readCpuMs(server!.pid);
    const load1 = loadavg()[0]!;
    const answered = result['2xx'] + result.non2xx;
    const serverCpuMs = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
    const cpuPerRequest = serverCpuMs !== null && answered > 0 ? serverCpuMs / answered : null;
    log(
      `  ${result.requests.total} requests, ${result.requests.average.toFixed(0)}/s; latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}; server CPU ${cpuPerRequest === null ? '?' : cpuPerRequest.toFixed(1)} ms per answer`,
    );
    return { result, stats, samples, load0, load1, serverCpuMs, cpuPerRequest };
  };

  const rss0 = readRss(server.pid);
  const main = await run(THINK !== null ? `load, people thinking ${THINK} ms` : RATE ? `load at ${RATE} requests/s` : 'load', CONNECTIONS, DURATION, true);
  const soak = SOAK > 0 ? await run('soak', SOAK_CONNECTIONS, SOAK, true) : null;
  const rss1 = readRss(server.pid);

  // The memory curve of the soak: RSS from /proc, heap from the probe (one line a second).
  const probe = existsSync(memoryFile)
    ? readFileSync(memoryFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { t: number; rss: number; heapUsed: number; heapTotal: number })
    : [];
  const mb = (x: number | null | undefined) => (x == null ? '–' : (x / 2 ** 20).toFixed(0));
  const soakStart = soak ? soak.result.start.getTime() : 0;
  const soakEnd = soak ? soak.result.finish.getTime() : 0;
  const soakProbe = probe.filter((p) => p.t >= soakStart && p.t <= soakEnd);
  /** Least-squares slope in MB per minute. */
  const slope = (pts: { x: number; y: number }[]) => {
    if (pts.length < 2) return NaN;
    const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
    const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
    const num = pts.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
    const den = pts.reduce((s, p) => s + (p.x - mx) ** 2, 0);
    return den === 0 ? NaN : (num / den) * 60_000 / 2 ** 20;
  };
  const thirds = (xs: typeof soakProbe) => {
    const n = Math.floor(xs.length / 3);
    const mean = (ys: typeof soakProbe, key: 'rss' | 'heapUsed') => ys.reduce((s, p) => s + p[key], 0) / Math.max(1, ys.length);
    /** The heap's floor (what is left after collections): the lowest sample. */
    const floor = (ys: typeof soakProbe, key: 'rss' | 'heapUsed') => (ys.length ? Math.min(...ys.map((p) => p[key])) : NaN);
    return { first: xs.slice(0, n), last: xs.slice(xs.length - n), mean, floor };
  };
  const th = thirds(soakProbe);

  // The report.
  const r = main.result;
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  const statusLine = (stats: Map<string, KindStats>) =>
    [...stats.entries()]
      .map(([k, s]) => {
        const total = [...s.statuses.values()].reduce((a, b) => a + b, 0);
        const bad = [...s.statuses.entries()].filter(([code]) => code < 200 || code >= 300);
        return `| ${k} | ${total} | ${bad.length ? bad.map(([c, n]) => `${n}× ${c}`).join(', ') : '0'} | ${fmt(quantile(s.latencies, 0.5))} | ${fmt(quantile(s.latencies, 0.99))} |`;
      })
      .join('\n');
  const verdict = r.errors === 0 && r.non2xx === 0 && r.latency.p99 <= 250 ? 'within the target' : 'NOT within the target';
  const lines = [
    `# Load test on loopback (${TODAY})`,
    '',
    `Written by \`node_modules/.bin/node bench/load.ts\` (${process.argv.slice(2).join(' ') || 'default options'}). ` +
      `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, PostgreSQL on the same machine ` +
      `(scripts/postgres-test-server.sh: fsync off; this test only reads). The server (\`src/cli/main.ts serve\`, one process, pg pool of 10) ` +
      `and the load generator (autocannon, or Node's fetch with --think; in the benchmark's process) share the machine's CPU threads.`,
    '',
    `**Conditions:** load average ${loadavg().map((x) => x.toFixed(1)).join(', ')} (1, 5, 15 min) at the end; 1-min load ${main.load0.toFixed(1)} → ${main.load1.toFixed(1)} over the load run. ` +
      `The machine is shared with other work, so these numbers are preliminary: re-run on a quiet machine.`,
    '',
    `**Data:** ${state.accounts} accounts × ${state.days} days × 20 metrics (${org.dailyValues.toLocaleString('en')} daily values, ${org.postValues.toLocaleString('en')} per-post readings), ` +
      `8 faculties × 4 departments, one active goal with three KPIs per account (${(state.accounts * 3).toLocaleString('en')} KPIs), 12 monthly evaluations and audience snapshots per account; ` +
      `${users.length} people signed in (the administrator, a manager per faculty, a viewer per department), each request made as one of them within their scope. ` +
      (reused ? `The data was loaded by an earlier run (--keep, on ${state.loadedOn}).` : `Loading took ${state.loadSeconds.toFixed(0)} s.`) +
      ` Warm-up (every account dashboard and overview once, ten accounts' KPI lists and goals): ${warmPaths.length} requests in ${warmS.toFixed(1)} s` +
      (warmFailures.length ? `; **failures: ${warmFailures.join(', ')}**.` : ', all 200.'),
    '',
    `## ${CONNECTIONS} connections for ${DURATION} s`,
    '',
    THINK !== null
      ? `${CONNECTIONS} people, each asking a page, reading the answer and thinking ${THINK} ms on average (exponentially distributed) before the next (--think; Node's fetch, not autocannon).`
      : RATE
      ? `${RATE} requests per second in all (--rate), not as fast as answers come: autocannon lets each connection send its share at the start of every second (a connection asks at least once a second, so connections = min(${CONNECTIONS}, rate)), a burst harsher than people reading pages.`
      : `Closed loop: each connection asks again as soon as it has its answer (no thinking time), so ${CONNECTIONS} connections keep ${CONNECTIONS} requests waiting at all times and latency ≈ connections ÷ throughput once the server is saturated. --rate N measures a given request rate instead.`,
    '',
    `The issue's target: p99 ≤ 250 ms with zero errors. This run: **${verdict}**.`,
    '',
    `| requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | timeouts | non-2xx |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${r.requests.total} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p90} | ${r.latency.p99} | ${r.latency.max} | ${r.errors} | ${r.timeouts} | ${r.non2xx} |`,
    '',
    `The server process used ${main.serverCpuMs === null ? '?' : (main.serverCpuMs / 1000).toFixed(1)} s of CPU for ${r['2xx'] + r.non2xx} answers: ` +
      `**${main.cpuPerRequest === null ? '?' : main.cpuPerRequest.toFixed(1)} ms of CPU per answer** (PostgreSQL's own CPU not counted), steadier than wall time on a shared machine; ` +
      `one Node process serves at most about ${main.cpuPerRequest ? Math.floor(1000 / main.cpuPerRequest) : '?'} such answers per second on a core of its own. ` +
      `Errors are connection errors and timeouts (autocannon's timeout: 30 s).`,
    '',
    `By kind (latency from autocannon's request hooks: approximate; weights ${kinds.map((k) => k.weight).join(':')} in the table's order):`,
    '',
    `| kind | answers | non-2xx | p50 ms | p99 ms |`,
    `|---|---:|---|---:|---:|`,
    statusLine(main.stats),
    '',
    `Each kind alone (20 requests one at a time, after the warm-up): ` + alone.map((a) => `${a.kind} p50 ${fmt(a.p50)} / p90 ${fmt(a.p90)} ms`).join('; ') + '.',
    '',
  ];
  if (soak) {
    const s = soak.result;
    lines.push(
      `## Soak: ${SOAK_CONNECTIONS} connections for ${SOAK} s`,
      '',
      `| requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | timeouts | non-2xx |`,
      `|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
      `| ${s.requests.total} | ${s.requests.average.toFixed(0)} | ${s.latency.p50} | ${s.latency.p90} | ${s.latency.p99} | ${s.latency.max} | ${s.errors} | ${s.timeouts} | ${s.non2xx} |`,
      '',
      `Server CPU per answer: ${soak.cpuPerRequest === null ? '?' : soak.cpuPerRequest.toFixed(1)} ms. Soak kinds:`,
      '',
      `| kind | answers | non-2xx | p50 ms | p99 ms |`,
      `|---|---:|---|---:|---:|`,
      statusLine(soak.stats),
      '',
      `Server memory (MB): RSS ${mb(rss0)} before the load run, ${mb(rss1)} after the soak. During the soak (probe, one sample a second, ${soakProbe.length} samples): ` +
        `RSS mean ${mb(th.mean(th.first, 'rss'))} in the first third and ${mb(th.mean(th.last, 'rss'))} in the last, slope ${fmt(slope(soakProbe.map((p) => ({ x: p.t, y: p.rss }))))} MB/min; ` +
        `heap used (a sawtooth: collections) mean ${mb(th.mean(th.first, 'heapUsed'))} then ${mb(th.mean(th.last, 'heapUsed'))}, its floor (lowest sample) ${mb(th.floor(th.first, 'heapUsed'))} then ${mb(th.floor(th.last, 'heapUsed'))}, ` +
        `slope ${fmt(slope(soakProbe.map((p) => ({ x: p.t, y: p.heapUsed }))))} MB/min.`,
      '',
      `| s | RSS MB (/proc) | RSS MB (probe) | heap used MB | heap total MB |`,
      `|---:|---:|---:|---:|---:|`,
      ...soak.samples.map((x) => {
        const at = soakStart + x.s * 1000;
        const near = soakProbe.reduce<(typeof soakProbe)[number] | null>((best, p) => (best === null || Math.abs(p.t - at) < Math.abs(best.t - at) ? p : best), null);
        return `| ${x.s.toFixed(0)} | ${mb(x.rss)} | ${mb(near?.rss)} | ${mb(near?.heapUsed)} | ${mb(near?.heapTotal)} |`;
      }),
      '',
    );
  }
  const text = lines.join('\n');
  console.log('\n' + text);
  if (outFile) {
    writeFileSync(outFile, text);
    log(`written to ${outFile}`);
  }
} finally {
  if (server) await server.stop();
  rmSync(probeDir, { recursive: true, force: true });
  if (!args.keep && state) await admin(`drop database if exists ${state.database} with (force)`).catch(() => {});
}
