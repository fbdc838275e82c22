/**
 * Annual reports, reminders and what is sent (issue #6).
 * - `annual_reports`: the evaluator's yearly assessment of one account: the final decision
 *   (continue, continue with changes, close) and the reasoning. The report's figures are computed
 *   on read while it is a draft and frozen in `figures` when it is signed, like a monthly
 *   evaluation; every step is an `annual_report_events` row in the same transaction.
 * - `notifications`: in-app reminders per person (monthly evaluation due, documentation due,
 *   annual report due, a report delivered), one per (person, key) so the hourly round never
 *   repeats itself; `emailed_at` says whether the e-mail went out.
 * - `report_subscriptions` and `report_deliveries`: a person's monthly PDF of a unit or an
 *   account, and each month it was sent (once per subscription and month).
 * - `calendar_feeds`: a person's secret ICS address; only its sha256 is kept.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { organisations, units } from './organisation.ts';
import { people } from './people.ts';

/** The contract's AnnualAccountFigures (contract/reports.ts), stored as JSON when signed. */
type AnnualFiguresJson = Record<string, unknown>;

export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    year: integer('year').notNull(),
    /** draft | signed */
    status: text('status').notNull().default('draft'),
    /** continue | continue_with_changes | close; null until chosen. */
    decision: text('decision'),
    reasoning: text('reasoning').notNull().default(''),
    /** The figures (and the rules' suggestion) it was signed on; null for a draft. */
    figures: jsonb('figures').$type<AnnualFiguresJson>(),
    signedBy: uuid('signed_by').references(() => people.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => people.id),
  },
  (t) => [
    uniqueIndex('annual_reports_account_year_key').on(t.accountId, t.year),
    index('annual_reports_org_year_idx').on(t.organisationId, t.year),
    check('annual_reports_status_check', sql`${t.status} in ('draft', 'signed')`),
    check('annual_reports_decision_check', sql`${t.decision} is null or ${t.decision} in ('continue', 'continue_with_changes', 'close')`),
  ],
);

export const annualReportEvents = pgTable(
  'annual_report_events',
  {
    id: uuid('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    annualReportId: uuid('annual_report_id')
      .notNull()
      .references(() => annualReports.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** null: the system (the CLI operator, the demo). */
    personId: uuid('person_id').references(() => people.id),
    /** edited | signed | reopened */
    action: text('action').notNull(),
    reason: text('reason'),
  },
  (t) => [index('annual_report_events_report_idx').on(t.annualReportId, t.seq)],
);

/** What a notification is about; the web app and the e-mail word it from `kind` + `params`. */
type NotificationParams = Record<string, string | number | null>;

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** evaluation_due | evaluation_overdue | documentation_due | documentation_overdue | annual_report_due | annual_report_overdue | report_delivered */
    kind: text('kind').notNull(),
    /** Says what it is about and when, e.g. `evaluation_due:<evaluation id>:soon`; unique per person so a reminder is made once. */
    key: text('key').notNull(),
    params: jsonb('params').$type<NotificationParams>().notNull(),
    /** Where it leads in the web app, a path such as /evaluations/<id>. */
    link: text('link').notNull(),
    /** The day the deadline falls on, when there is one. */
    dueOn: text('due_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    /** Why the e-mail could not be sent (the SMTP server's answer), kept for the administrator. */
    emailError: text('email_error'),
  },
  (t) => [uniqueIndex('notifications_person_key').on(t.personId, t.key), index('notifications_person_created_idx').on(t.personId, t.createdAt)],
);

export const reportSubscriptions = pgTable(
  'report_subscriptions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** monthly (the monthly report as PDF) */
    kind: text('kind').notNull().default('monthly'),
    /** One of unit or account; neither: the whole organisation. */
    unitId: uuid('unit_id').references(() => units.id),
    accountId: uuid('account_id').references(() => accounts.id),
    /** nb | en */
    language: text('language').notNull().default('nb'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('report_subscriptions_unique').on(
      t.personId,
      t.kind,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.accountId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check('report_subscriptions_one_scope', sql`${t.unitId} is null or ${t.accountId} is null`),
  ],
);

export const reportDeliveries = pgTable(
  'report_deliveries',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => reportSubscriptions.id, { onDelete: 'cascade' }),
    /** The month reported, YYYY-MM. */
    period: text('period').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Why it could not be sent; tried again on the next round while null sentAt. */
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [uniqueIndex('report_deliveries_subscription_period').on(t.subscriptionId, t.period)],
);

export const calendarFeeds = pgTable('calendar_feeds', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  personId: uuid('person_id')
    .notNull()
    .unique()
    .references(() => people.id, { onDelete: 'cascade' }),
  /** sha256 of the secret in the address, hex. */
  tokenHash: text('token_hash').notNull().unique(),
  /** The first characters of the secret, shown so people can tell an old address from a new one. */
  prefix: text('prefix').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});
