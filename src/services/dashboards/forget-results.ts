/**
 * Forgetting cached dashboard results (db/schema/kpi-results.ts) inside the transaction that
 * changes their inputs, so that no cached result can outlive what it was computed from. Kept
 * apart from the cache's reader (kpi-results.ts) so the write path imports nothing else.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** An account's statistics changed: its KPI results and documented runs go (call in the write's transaction). */
export async function forgetKpiResults(db: Db, organisationId: string, accountId: string): Promise<void> {
  await db.execute(sql`delete from kpi_results where organisation_id = ${organisationId}::uuid and account_id = ${accountId}::uuid`);
  await db.execute(sql`delete from documented_runs where account_id = ${accountId}::uuid`);
}

/** A goal changed (dates, accounts, KPIs, status): its KPIs' results go (call in the change's transaction). */
export async function forgetGoalKpiResults(db: Db, goalId: string): Promise<void> {
  await db.execute(sql`delete from kpi_results where kpi_id in (select id from kpis where goal_id = ${goalId}::uuid)`);
}
