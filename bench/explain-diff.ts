/**
 * The plan of the service's diff statement (the `cur` join of write-statistics.ts) on a large
 * observations table that was never analysed — as in PGlite, which runs without autovacuum —
 * and after ANALYZE. Loads `--accounts` account-years by COPY, then EXPLAIN ANALYZE of the join
 * for one account's 5,000 rows.
 *
 *   node bench/explain-diff.ts [--accounts 200]
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../src/core/period/days.ts';
import { openDatabase } from '../src/db/client.ts';
import { createOrganisation } from '../src/services/auth/setup-organisation.ts';
import { loadSystemActor } from '../src/services/load-actor.ts';
import { createUnit } from '../src/services/units/create-unit.ts';
import { createAccount } from '../src/services/accounts/create-account.ts';
import { accountValues, benchAccounts } from './generate.ts';

const { values: args } = parseArgs({ options: { accounts: { type: 'string', default: '200' } } });
const dir = mkdtempSync(join(tmpdir(), 'maalbar-explain-'));
const client = await PGlite.create(join(dir, 'pgdata'));
const database = await openDatabase({ kind: 'pglite-instance', client });
await database.migrate();
const now = new Date('2026-11-22T08:00:00Z');
const db = database.db;
const setup = await createOrganisation(
  { db, now },
  { organisationName: 'Explain University', adminName: 'Bench Admin', email: 'explain@bench.example', password: 'benchmark-password-1', locale: 'en' },
  'not-a-real-hash',
);
const org = setup.organisationId;
let ctx = { db, now, actor: await loadSystemActor(db) };
const unit = await createUnit(ctx, { name: 'Explain unit', parent: setup.topUnitId });
ctx = { db, now, actor: await loadSystemActor(db) };
const accounts = benchAccounts(Number(args.accounts));
const ids: string[] = [];
const first = addDays('2026-11-21', -364);
for (const a of accounts) {
  const id = (await createAccount(ctx, { unit: unit.id, platform: a.platform, name: a.name })).id;
  ids.push(id);
  const csv = accountValues(a, first, 365).map((v) => `${org},${id},${v.metric},${v.day},,${v.value},import,,2026-11-22T00:00:00Z,2026-11-22T00:00:00Z`).join('\n') + '\n';
  await client.query(`copy observations (organisation_id, account_id, metric, day, post_id, value, source, import_id, created_at, updated_at) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
}
const rows = JSON.stringify(accountValues(accounts[0]!, first, 365).slice(0, 5000).map((v) => ({ metric: v.metric, day: v.day, post_id: null, value: v.value })));
const explain = async (label: string) => {
  const r = await client.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, costs, timing off, summary on) with r as (select * from json_to_recordset($1::json) as r(metric text, day date, post_id uuid, value double precision))
     select count(*) from r join observations o on o.account_id = $2::uuid and o.metric = r.metric and o.day = r.day
       and coalesce(o.post_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(r.post_id, '00000000-0000-0000-0000-000000000000'::uuid)`,
    [rows, ids[0]],
  );
  console.log(`--- ${label}\n${r.rows.map((x) => x['QUERY PLAN']).join('\n')}`);
};
/** The service's whole statement (write-statistics.ts as of 2026-11-22, on the table without a surrogate id). */
const explainFull = async (label: string, chunk: string) => {
  const importId = crypto.randomUUID();
  await client.query(`insert into imports (id, organisation_id, account_id, origin, sha256, rows, counts, created_at) values ($1, $2, $3, 'api', 'explain', 0, '{}'::jsonb, now())`, [importId, org, ids[0]]);
  const r = await client.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, costs, timing off, summary on)
    with r as (
      select * from json_to_recordset($1::json) as r(metric text, day date, post_id uuid, value double precision)
    ), cur as (
      select o.metric, o.day, o.post_id, o.value, o.import_id, o.source, r.value as new_value
      from r join observations o
        on o.account_id = $2::uuid and o.metric = r.metric and o.day = r.day
       and coalesce(o.post_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(r.post_id, '00000000-0000-0000-0000-000000000000'::uuid)
    ), hist as (
      insert into observation_history (id, organisation_id, account_id, metric, day, post_id, value, import_id, source, replaced_by_import_id, replaced_at)
      select gen_random_uuid(), $3::uuid, $2::uuid, metric, day, post_id, value, import_id, source, $4::uuid, now()
      from cur where value is distinct from new_value
      returning 1
    ), upd as (
      update observations o set value = cur.new_value, import_id = $4::uuid, source = 'import', updated_at = now()
      from cur where o.account_id = $2::uuid and o.metric = cur.metric and o.day = cur.day
        and coalesce(o.post_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(cur.post_id, '00000000-0000-0000-0000-000000000000'::uuid)
        and cur.value is distinct from cur.new_value
      returning 1
    ), ins as (
      insert into observations (organisation_id, account_id, metric, day, post_id, value, source, import_id, created_at, updated_at)
      select $3::uuid, $2::uuid, r.metric, r.day, r.post_id, r.value, 'import', $4::uuid, now(), now()
      from r where not exists (
        select 1 from cur where cur.metric = r.metric and cur.day = r.day and cur.post_id is not distinct from r.post_id)
      returning 1
    )
    select (select count(*) from ins)::int as added, (select count(*) from upd)::int as changed, (select count(*) from cur)::int as matched`,
    [chunk, ids[0], org, importId],
  );
  console.log(`--- whole statement, ${label}\n${r.rows.map((x) => x['QUERY PLAN']).join('\n')}`);
};
await explainFull('all 5,000 rows unchanged', rows);
const changed = JSON.stringify(accountValues(accounts[0]!, first, 365).slice(0, 5000).map((v, i) => ({ metric: v.metric, day: v.day, post_id: null, value: i % 10 === 0 ? v.value + 1 : v.value })));
await explainFull('500 of 5,000 rows changed', changed);
// What an 'unchanged' import costs at its end: write-statistics.ts deletes the import row it
// made, and the foreign key observations.import_id → imports checks that no value refers to it.
{
  const importId = crypto.randomUUID();
  await client.query(`insert into imports (id, organisation_id, account_id, origin, sha256, rows, counts, created_at) values ($1, $2, $3, 'api', 'explain', 0, '{}'::jsonb, now())`, [importId, org, ids[0]]);
  const r = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing off, summary on) delete from imports where id = $1`, [importId]);
  console.log(`--- deleting an unused import row\n${r.rows.map((x) => x['QUERY PLAN']).join('\n')}`);
}
const stats = await client.query<{ reltuples: number; relpages: number }>(`select reltuples, relpages from pg_class where relname = 'observations'`);
console.log(`${ids.length * 7300} rows; pg_class: ${JSON.stringify(stats.rows[0])}`);
await explain('never analysed');
await client.query('analyze observations');
await explain('after ANALYZE');
await database.close();
rmSync(dir, { recursive: true, force: true });
