/**
 * Caches for the dashboards (issue #5, "Speed"): results the overview would otherwise compute from
 * millions of daily values on every request. Both are pure functions of what is stored elsewhere,
 * and both are forgotten inside the transaction that changes their inputs
 * (services/dashboards/kpi-results.ts forgetKpiResults / forgetGoalKpiResults), so a cached row
 * can never disagree with a fresh computation:
 * - kpi_results: one KPI evaluated for one account as of a day (status, actual, target,
 *   progress; the full evaluation with its forecast once the account dashboard asked). Inputs: the KPI and its goal (start, deadline, accounts) and the account's
 *   statistics. Rows for other days are pruned as they age.
 * - documented_runs: the days on which an account documented its platform's core metrics, as
 *   runs of consecutive days (services/coverage/documented-core-days.ts), the due watchdog's
 *   input. Inputs: the account's statistics only.
 */
import { date, doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { kpis } from './goals.ts';

/** The contract's KPI evaluation (contract/goals.ts KpiEvaluation), stored as JSON. */
type KpiEvaluationJson = Record<string, unknown>;

export const kpiResults = pgTable(
  'kpi_results',
  {
    organisationId: uuid('organisation_id').notNull(),
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => kpis.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** met, on_track, at_risk, missed, not_measured (core/kpi/status.ts). */
    status: text('status').notNull(),
    /** null: not measured (never 0). */
    actual: doublePrecision('actual'),
    target: doublePrecision('target'),
    progress: doublePrecision('progress'),
    /**
     * The whole evaluation with attainability (forecast band, history, trace) as the account
     * dashboard shows it (contract KpiEvaluation); null until the dashboard first asks for it.
     */
    evaluation: jsonb('evaluation').$type<KpiEvaluationJson>(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'kpi_results_pkey', columns: [t.kpiId, t.accountId, t.asOf] }),
    index('kpi_results_org_account_idx').on(t.organisationId, t.accountId),
  ],
);

export const documentedRuns = pgTable(
  'documented_runs',
  {
    organisationId: uuid('organisation_id').notNull(),
    accountId: uuid('account_id').primaryKey(),
    /** [[first, last], …] ascending, days as YYYY-MM-DD, over every day documented (no upper bound). */
    runs: jsonb('runs').$type<[string, string][]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documented_runs_org_idx').on(t.organisationId)],
);
