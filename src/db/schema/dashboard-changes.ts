/**
 * Which transactions changed what the dashboards' overview reads (accounts, units, history
 * windows, audience snapshots, documented runs, evaluations, goals, their accounts, KPIs and KPI
 * results): one row per writing transaction, made by statement-level triggers on those tables
 * (migration 0011). A cached overview keeps the snapshot it was read in; it is still true exactly
 * when no transaction recorded here has committed since that snapshot — correct across processes
 * (the CLI beside the server on PostgreSQL), with no lock shared between writers
 * (services/dashboards/overview-cache.ts). Not organisation data: rows older than two hours are
 * pruned by the hourly schedule, and backups leave the table out.
 */
import { customType, index, pgTable, timestamp } from 'drizzle-orm/pg-core';

const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

export const dashboardChanges = pgTable(
  'dashboard_changes',
  {
    /** pg_current_xact_id() of the writing transaction. */
    xid: xid8('xid').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dashboard_changes_at_idx').on(t.at)],
);
