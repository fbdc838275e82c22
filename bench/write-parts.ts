/**
 * Where the write statement's time goes: the parts of write-statistics.ts's observations
 * statement timed one by one on the same rows, on a file-backed PGlite (or PostgreSQL with
 * --postgres URL), with the table already holding other accounts' values.
 *
 *   node bench/write-parts.ts [--accounts 40] [--preload 100] [--postgres URL]
 *
 * Parts, per account-year of rows (7,300 rows, in chunks of 5,000 as the service sends them):
 * - json:    json_to_recordset of the chunk, counted (the cost of shipping rows as JSON);
 * - arrays:  the same rows as three typed arrays through unnest;
 * - lookup:  the join with the stored values (the diff's read side), on an account without values;
 * - insert:  a plain INSERT … SELECT from json_to_recordset (no diff), into the table with its indexes;
 * - full:    the service's statement (diff + history + update + insert, data-modifying CTEs);
 * - again:   the service's statement once more on the same rows (all unchanged);
 * - copy:    COPY of the same rows (PGlite only here; see import-statistics.ts for both);
 * - copy-no-fk, copy-bare: the same COPY into a copy of the table with its indexes but without
 *            its foreign keys, and into one without indexes either (what the checks and the
 *            key index cost).
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { addDays } from '../src/core/period/days.ts';
import { openDatabase, type Database, type Db } from '../src/db/client.ts';
import { createOrganisation } from '../src/services/auth/setup-organisation.ts';
import { loadSystemActor } from '../src/services/load-actor.ts';
import { createUnit } from '../src/services/units/create-unit.ts';
import { createAccount } from '../src/services/accounts/create-account.ts';
import { accountValues, benchAccounts, type BenchValue } from './generate.ts';

const { values: args } = parseArgs({
  options: { accounts: { type: 'string', default: '40' }, preload: { type: 'string', default: '100' }, postgres: { type: 'string' } },
});
const NOW = new Date('2026-11-22T08:00:00Z');
const NO_POST = '00000000-0000-0000-0000-000000000000';
const CHUNK = 5000;

const preload = Number(args.preload);
const measured = Number(args.accounts);
const accounts = benchAccounts(preload + measured * 8);
const firstDay = addDays('2026-11-21', -364);

let database: Database;
let pglite: PGlite | null = null;
let cleanup = () => {};
if (args.postgres) {
  database = await openDatabase({ kind: 'postgres', url: args.postgres, poolSize: 2 });
} else {
  const dir = mkdtempSync(join(tmpdir(), 'maalbar-parts-'));
  pglite = await PGlite.create(join(dir, 'pgdata'));
  database = await openDatabase({ kind: 'pglite-instance', client: pglite });
  cleanup = () => rmSync(dir, { recursive: true, force: true });
}
await database.migrate();
const db = database.db;
const org = await createOrganisation(
  { db, now: NOW },
  { organisationName: `Parts ${process.pid}`, adminName: 'Bench Admin', email: `parts${process.pid}@bench.example`, password: 'benchmark-password-1', locale: 'en' },
  'not-a-real-hash',
);
let ctx = { db, now: NOW, actor: await loadSystemActor(db, undefined) };
const unit = await createUnit(ctx, { name: `Parts unit ${process.pid}`, parent: org.topUnitId });
ctx = { db, now: NOW, actor: await loadSystemActor(db, undefined) };
const ids: string[] = [];
for (const a of accounts) ids.push((await createAccount(ctx, { unit: unit.id, platform: a.platform, name: a.name })).id);
const importId = crypto.randomUUID();
await db.execute(sql`insert into imports (id, organisation_id, account_id, origin, sha256, rows, counts, warnings, created_at)
  values (${importId}::uuid, ${org.organisationId}::uuid, ${ids[0]!}::uuid, 'file', 'parts', 0, '{}'::jsonb, '[]'::jsonb, ${NOW.toISOString()}::timestamptz)`);

const rowsOf = (i: number) => accountValues(accounts[i]!, firstDay, 365).map((v) => ({ metric: v.metric, day: v.day, post_id: null, value: v.value }));
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, k) => list.slice(k * CHUNK, (k + 1) * CHUNK));

function fullStatement(accountId: string, json: string) {
  const now = NOW.toISOString();
  return sql`
    with r as (
      select * from json_to_recordset(${json}::json) as r(metric text, day date, post_id uuid, value double precision)
    ), cur as (
      select o.metric, o.day, o.post_id, o.value, o.import_id, o.source, r.value as new_value
      from r join observations o
        on o.account_id = ${accountId}::uuid and o.metric = r.metric and o.day = r.day
       and coalesce(o.post_id, ${NO_POST}::uuid) = coalesce(r.post_id, ${NO_POST}::uuid)
    ), hist as (
      insert into observation_history (id, organisation_id, account_id, metric, day, post_id, value, import_id, source, replaced_by_import_id, replaced_at)
      select gen_random_uuid(), ${org.organisationId}::uuid, ${accountId}::uuid, metric, day, post_id, value, import_id, source, ${importId}::uuid, ${now}::timestamptz
      from cur where value is distinct from new_value
      returning 1
    ), upd as (
      update observations o set value = cur.new_value, import_id = ${importId}::uuid, source = 'import', updated_at = ${now}::timestamptz
      from cur where o.account_id = ${accountId}::uuid and o.metric = cur.metric and o.day = cur.day
        and coalesce(o.post_id, ${NO_POST}::uuid) = coalesce(cur.post_id, ${NO_POST}::uuid)
        and cur.value is distinct from cur.new_value
      returning 1
    ), ins as (
      insert into observations (organisation_id, account_id, metric, day, post_id, value, source, import_id, created_at, updated_at)
      select ${org.organisationId}::uuid, ${accountId}::uuid, r.metric, r.day, r.post_id, r.value, 'import', ${importId}::uuid, ${now}::timestamptz, ${now}::timestamptz
      from r where not exists (
        select 1 from cur where cur.metric = r.metric and cur.day = r.day and cur.post_id is not distinct from r.post_id)
      returning 1
    )
    select (select count(*) from ins)::int as added, (select count(*) from upd)::int as changed, (select count(*) from cur)::int as matched`;
}

async function timeIt(label: string, offset: number, run: (accountId: string, rows: ReturnType<typeof rowsOf>) => Promise<unknown>) {
  let total = 0;
  let n = 0;
  const c0 = process.cpuUsage();
  for (let k = 0; k < measured; k++) {
    const rows = rowsOf(offset + k);
    const t0 = performance.now();
    await run(ids[offset + k]!, rows); // each statement commits on its own
    total += performance.now() - t0;
    n += rows.length;
  }
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  const rate = (t: number) => Math.round(n / (t / 1000)).toLocaleString('en-US').padStart(10);
  // With PGlite the database runs in this process, so its CPU time is the statement's (rows generation included, a few %).
  console.log(`${label.padEnd(10)} ${(total / 1000).toFixed(2).padStart(7)} s ${rate(total)} rows/s   CPU ${(cpu / 1000).toFixed(2).padStart(7)} s ${rate(cpu)} rows/CPU-s`);
}

// The table holds `preload` accounts' years first (written by the full statement).
for (let i = 0; i < preload; i++) for (const c of chunks(rowsOf(i))) await db.execute(fullStatement(ids[i]!, JSON.stringify(c)));
console.log(`${database.kind}: ${preload * 7300} rows preloaded; ${measured} account-years (${measured * 7300} rows) per part`);

let offset = preload;
const next = () => (offset += measured) - measured;
await timeIt('json', next(), async (_, rows) => {
  for (const c of chunks(rows)) await db.execute(sql`select count(*) from json_to_recordset(${JSON.stringify(c)}::json) as r(metric text, day date, post_id uuid, value double precision)`);
});
await timeIt('arrays', next(), async (_, rows) => {
  for (const c of chunks(rows)) {
    const m = `{${c.map((r) => r.metric).join(',')}}`;
    const d = `{${c.map((r) => r.day).join(',')}}`;
    const v = `{${c.map((r) => r.value).join(',')}}`;
    await db.execute(sql`select count(*) from unnest(${m}::text[], ${d}::date[], ${v}::float8[])`);
  }
});
await timeIt('lookup', next(), async (accountId, rows) => {
  for (const c of chunks(rows)) {
    await db.execute(sql`
      with r as (select * from json_to_recordset(${JSON.stringify(c)}::json) as r(metric text, day date, post_id uuid, value double precision))
      select count(*) from r join observations o on o.account_id = ${accountId}::uuid and o.metric = r.metric and o.day = r.day
       and coalesce(o.post_id, ${NO_POST}::uuid) = coalesce(r.post_id, ${NO_POST}::uuid)`);
  }
});
await timeIt('insert', next(), async (accountId, rows) => {
  const now = NOW.toISOString();
  for (const c of chunks(rows)) {
    await db.execute(sql`
      insert into observations (organisation_id, account_id, metric, day, post_id, value, source, import_id, created_at, updated_at)
      select ${org.organisationId}::uuid, ${accountId}::uuid, r.metric, r.day, r.post_id, r.value, 'import', ${importId}::uuid, ${now}::timestamptz, ${now}::timestamptz
      from json_to_recordset(${JSON.stringify(c)}::json) as r(metric text, day date, post_id uuid, value double precision)`);
  }
});
const fullAt = next();
await timeIt('full', fullAt, async (accountId, rows) => {
  for (const c of chunks(rows)) await db.execute(fullStatement(accountId, JSON.stringify(c)));
});
await timeIt('again', fullAt, async (accountId, rows) => {
  for (const c of chunks(rows)) await db.execute(fullStatement(accountId, JSON.stringify(c)));
});
if (pglite) {
  const client = pglite;
  const cols = await copyColumnsOf(db);
  // The same COPY into copies of the table: with its indexes but without its foreign keys, and bare.
  await db.execute(sql.raw('create table obs_nofk (like observations including all)'));
  await db.execute(sql.raw('create table obs_bare (like observations including defaults)'));
  await db.execute(sql.raw('insert into obs_nofk select * from observations'));
  await db.execute(sql.raw('insert into obs_bare select * from observations'));
  for (const table of ['observations', 'obs_nofk', 'obs_bare']) {
    await timeIt(table === 'observations' ? 'copy' : table === 'obs_nofk' ? 'copy-no-fk' : 'copy-bare', next(), async (accountId, rows) => {
      const now = NOW.toISOString();
      const cell: Record<string, (r: BenchValue) => string> = {
        id: () => crypto.randomUUID(),
        organisation_id: () => org.organisationId,
        account_id: () => accountId,
        metric: (r) => r.metric,
        day: (r) => r.day,
        post_id: () => '',
        value: (r) => String(r.value),
        source: () => 'import',
        import_id: () => importId,
        created_at: () => now,
        updated_at: () => now,
      };
      const csv = rows.map((r) => cols.map((c) => cell[c]!(r)).join(',')).join('\n') + '\n';
      await client.query(`copy ${table} (${cols.join(', ')}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
    });
  }
}

async function copyColumnsOf(d: Db): Promise<string[]> {
  const r = (await d.execute(sql`select column_name from information_schema.columns where table_name = 'observations' and table_schema = current_schema() order by ordinal_position`)) as unknown as {
    rows: { column_name: string }[];
  };
  return r.rows.map((x) => x.column_name);
}

await database.close();
cleanup();
