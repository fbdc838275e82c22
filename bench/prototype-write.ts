/**
 * A prototype of another write statement for observations, to compare with
 * src/services/statistics/write-statistics.ts on the same engine and rows (database only: the
 * rows are given, nothing is parsed). It does what `writeObservations` does — compare with the
 * stored values per (metric, day, post), move replaced values to observation_history, update
 * the changed ones, insert the new ones, count them — with two differences:
 *
 * - the rows travel as three typed arrays (`unnest($1::text[], $2::date[], $3::float8[])`)
 *   instead of one JSON text parsed by json_to_recordset;
 * - one statement per account-file (no 5000-row chunks).
 *
 * Written for the observations table without a surrogate id (migration 0002 as changed on
 * 2026-11-22). Not used by Målbar; the benchmark reports its numbers next to the real import path.
 */
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/client.ts';
import type { BenchValue } from './generate.ts';

export interface PrototypeResult {
  description: string;
  values: number;
  /** ms: writing every account's values into an empty table. */
  write: number;
  /** ms: the same values again (all unchanged). */
  unchanged: number;
  /** CPU ms of this process in each pass (PGlite: the database too). */
  writeCpu: number;
  unchangedCpu: number;
}

const NO_POST = '00000000-0000-0000-0000-000000000000';

/** Writes one account's values (no posts) with the array statement; returns the counts. */
export async function writeWithArrays(
  db: Db,
  t: { organisationId: string; accountId: string; importId: string; now: Date },
  rows: readonly BenchValue[],
): Promise<{ added: number; changed: number; unchanged: number }> {
  const now = t.now.toISOString();
  // Arrays as PostgreSQL array literals (one text parameter each): metric keys and days need no quoting.
  const metrics = `{${rows.map((r) => r.metric).join(',')}}`;
  const days = `{${rows.map((r) => r.day).join(',')}}`;
  const values = `{${rows.map((r) => String(r.value)).join(',')}}`;
  const result = await db.execute(sql`
    with r as (
      select * from unnest(${metrics}::text[], ${days}::date[], ${values}::float8[]) as r(metric, day, value)
    ), cur as (
      select o.metric, o.day, o.post_id, o.value, o.import_id, o.source, r.value as new_value
      from r join observations o
        on o.account_id = ${t.accountId}::uuid and o.metric = r.metric and o.day = r.day
       and coalesce(o.post_id, ${NO_POST}::uuid) = ${NO_POST}::uuid
    ), hist as (
      insert into observation_history (id, organisation_id, account_id, metric, day, post_id, value, import_id, source, replaced_by_import_id, replaced_at)
      select gen_random_uuid(), ${t.organisationId}::uuid, ${t.accountId}::uuid, metric, day, post_id, value, import_id, source, ${t.importId}::uuid, ${now}::timestamptz
      from cur where value is distinct from new_value
      returning 1
    ), upd as (
      update observations o set value = cur.new_value, import_id = ${t.importId}::uuid, source = 'import', updated_at = ${now}::timestamptz
      from cur where o.account_id = ${t.accountId}::uuid and o.metric = cur.metric and o.day = cur.day
        and coalesce(o.post_id, ${NO_POST}::uuid) = ${NO_POST}::uuid and cur.value is distinct from cur.new_value
      returning 1
    ), ins as (
      insert into observations (organisation_id, account_id, metric, day, post_id, value, source, import_id, created_at, updated_at)
      select ${t.organisationId}::uuid, ${t.accountId}::uuid, r.metric, r.day, null, r.value, 'import', ${t.importId}::uuid, ${now}::timestamptz, ${now}::timestamptz
      from r where not exists (select 1 from cur where cur.metric = r.metric and cur.day = r.day)
      returning 1
    )
    select (select count(*) from ins)::int as added, (select count(*) from upd)::int as changed, (select count(*) from cur)::int as matched`);
  const first = (result as unknown as { rows: { added: number; changed: number; matched: number }[] }).rows[0]!;
  return { added: Number(first.added), changed: Number(first.changed), unchanged: Number(first.matched) - Number(first.changed) };
}

/** Every account's values written twice with the array statement, one transaction per account. */
export async function prototypeWrite(db: Db, organisationId: string, accountIds: readonly string[], values: readonly BenchValue[][], now: Date): Promise<PrototypeResult> {
  let total = 0;
  const cpu: number[] = [];
  const pass = async (expectAdded: boolean) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < accountIds.length; i++) {
      const rows = values[i]!;
      const counts = await db.transaction((tx) =>
        writeWithArrays(tx as unknown as Db, { organisationId, accountId: accountIds[i]!, importId: importOf.get(accountIds[i]!)!, now }, rows),
      );
      const expected = expectAdded ? counts.added : counts.unchanged;
      if (expected !== rows.length) throw new Error(`prototype: ${JSON.stringify(counts)} for ${rows.length} rows`);
      if (expectAdded) total += rows.length;
    }
    const d = process.cpuUsage(c0);
    cpu.push((d.user + d.system) / 1000);
    return performance.now() - t0;
  };
  // import_id refers to imports: the values are credited to an import the benchmark already recorded for the account.
  const importOf = new Map<string, string>();
  const rows = (await db.execute(sql`select distinct on (account_id) account_id, id from imports order by account_id, created_at`)) as unknown as {
    rows: { account_id: string; id: string }[];
  };
  for (const r of rows.rows) importOf.set(r.account_id, r.id);
  const write = await pass(true);
  const unchanged = await pass(false);
  return { description: 'typed arrays via unnest, one statement per account', values: total, write, unchanged, writeCpu: cpu[0]!, unchangedCpu: cpu[1]! };
}
