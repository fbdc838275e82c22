/** Strategic goals, account goals and their KPIs (issue: goals tied to strategy). */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, units } from './organisation.ts';
import { people } from './people.ts';
import { accounts } from './accounts.ts';

export const strategicGoals = pgTable(
  'strategic_goals',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** null: a goal of the whole organisation; otherwise a unit's breakdown of one. */
    unitId: uuid('unit_id').references(() => units.id),
    /** The organisation-level strategic goal that this unit-level one breaks down. */
    parentId: uuid('parent_id').references((): AnyPgColumn => strategicGoals.id),
    title: text('title').notNull(),
    description: text('description'),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('strategic_goals_org_idx').on(t.organisationId, t.unitId)],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The unit that owns the goal: the unit of its account(s). Authorisation is by this unit. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    strategicGoalId: uuid('strategic_goal_id').references(() => strategicGoals.id),
    /** One of the nine templates (core/goals/templates.ts) or 'custom'. */
    goalType: text('goal_type').notNull(),
    /** The qualitative goal, e.g. "More applicants to study programme A". */
    qualitativeGoal: text('qualitative_goal').notNull(),
    /** The concrete goal, e.g. "Drive people to the programme's admission page". */
    concreteGoal: text('concrete_goal'),
    startDate: date('start_date', { mode: 'string' }),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').notNull().default('draft'),
    ownerId: uuid('owner_id').references(() => people.id),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('goals_org_unit_idx').on(t.organisationId, t.unitId),
    index('goals_strategic_idx').on(t.organisationId, t.strategicGoalId),
  ],
);

/** The account(s) a goal is for: one, or several accounts of one unit for a campaign. */
export const goalAccounts = pgTable(
  'goal_accounts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.accountId] }), index('goal_accounts_account_idx').on(t.organisationId, t.accountId)],
);

export const kpis = pgTable(
  'kpis',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    /** 'metric' (a catalogue or derived metric) or 'audience_share'. */
    kind: text('kind').notNull().default('metric'),
    metric: text('metric'),
    /** For audience-share KPIs: the age groups whose share is measured. */
    ageGroups: text('age_groups').array().notNull().default(sql`'{}'::text[]`),
    measurement: text('measurement').notNull(),
    comparator: text('comparator').notNull().default('at_least'),
    target: doublePrecision('target'),
    baseline: doublePrecision('baseline'),
    /** Where the target came from: competitors, internal_accounts, vendor_insight, own_history, other. */
    targetBasis: text('target_basis'),
    targetBasisNote: text('target_basis_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('kpis_goal_idx').on(t.goalId, t.position)],
);
