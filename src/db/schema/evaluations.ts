/**
 * Monthly evaluations (issue #6): one per account and month, prepared as a draft on the first day
 * of the next month, written and signed by the unit's evaluators, reopened by a unit manager.
 * While a draft, the figures are computed on read; signing freezes them in `figures`. Every
 * change leaves an `evaluation_events` row (prepared, edited, signed, reopened with a reason),
 * written in the same transaction, so the history of who did what stays even after reopening.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation.ts';
import { people } from './people.ts';
import { accounts } from './accounts.ts';

/** The contract's EvaluationFigures (contract/evaluations.ts), stored as JSON when signed. */
type EvaluationFiguresJson = Record<string, unknown>;

export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The month evaluated, as its first day. */
    month: date('month', { mode: 'string' }).notNull(),
    /** draft | signed */
    status: text('status').notNull().default('draft'),
    assessment: text('assessment').notNull().default(''),
    /** keep | adjust_content | escalate; null until chosen. */
    decision: text('decision'),
    adjustment: text('adjustment').notNull().default(''),
    /** Hours spent on the account in the month, as the evaluator documents them (null: not documented). */
    hoursSpent: doublePrecision('hours_spent'),
    /** Money spent on the account in the month, in NOK (ads, production; null: not documented). */
    moneySpentNok: doublePrecision('money_spent_nok'),
    /** The figures it was signed on; null for a draft (computed on read). */
    figures: jsonb('figures').$type<EvaluationFiguresJson>(),
    signedBy: uuid('signed_by').references(() => people.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => people.id),
  },
  (t) => [
    uniqueIndex('evaluations_account_month_key').on(t.accountId, t.month),
    index('evaluations_org_month_idx').on(t.organisationId, t.month),
    check('evaluations_status_check', sql`${t.status} in ('draft', 'signed')`),
    check('evaluations_month_first_day', sql`extract(day from ${t.month}) = 1`),
    check('evaluations_resources_not_negative', sql`coalesce(${t.hoursSpent}, 0) >= 0 and coalesce(${t.moneySpentNok}, 0) >= 0`),
  ],
);

export const evaluationEvents = pgTable(
  'evaluation_events',
  {
    id: uuid('id').primaryKey(),
    /** The order events happened in, also when several share a timestamp (one request, one `now`). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** null: the system (the monthly preparation, the CLI operator). */
    personId: uuid('person_id').references(() => people.id),
    /** prepared | edited | signed | reopened */
    action: text('action').notNull(),
    /** Why it was reopened. */
    reason: text('reason'),
  },
  (t) => [index('evaluation_events_evaluation_idx').on(t.evaluationId, t.seq)],
);
