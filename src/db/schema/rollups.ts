/**
 * Aggregates maintained as statistics are written (issue #5, "Speed"): per account, metric and
 * calendar month, the account-level values (post_id null) of `observations` summed up, with what
 * a month's sum, latest value and mean need and its coverage (days documented / days in month).
 * Kept by services/statistics/refresh-rollups.ts inside the transaction of every write and undo,
 * so a row always equals a fresh group-by over observations. A month with nothing documented has
 * no row (never zeros). Like observations, no foreign keys: the write path keeps the references.
 */
import { date, doublePrecision, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

export const metricMonths = pgTable(
  'metric_months',
  {
    organisationId: uuid('organisation_id').notNull(),
    accountId: uuid('account_id').notNull(),
    metric: text('metric').notNull(),
    /** The month's first day. */
    month: date('month', { mode: 'string' }).notNull(),
    /** Σ of the documented daily values. */
    sum: doublePrecision('sum').notNull(),
    /** Documented days (≥ 1). */
    days: integer('days').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    /** The value on lastDay (for `latest` metrics such as followers). */
    lastValue: doublePrecision('last_value').notNull(),
    min: doublePrecision('min').notNull(),
    max: doublePrecision('max').notNull(),
  },
  (t) => [
    primaryKey({ name: 'metric_months_pkey', columns: [t.accountId, t.metric, t.month] }),
    // Covering (migration 0008 adds INCLUDE (account_id, sum, days, last_value), which Drizzle
    // cannot express): the dashboards read many accounts' months by an index-only scan, heap
    // pages untouched while the visibility map is fresh (services/statistics/vacuum-rollups.ts).
    index('metric_months_org_metric_month_cover_idx').on(t.organisationId, t.metric, t.month),
  ],
);
