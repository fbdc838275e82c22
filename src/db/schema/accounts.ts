/** Social media accounts: the profile an adviser keeps (audience, platform choice, content plan). */
import { sql } from 'drizzle-orm';
import { doublePrecision, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, units } from './organisation.ts';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    slug: text('slug').notNull(),
    platform: text('platform').notNull(),
    name: text('name').notNull(),
    handle: text('handle'),
    url: text('url'),
    status: text('status').notNull().default('active'),
    targetAudience: text('target_audience'),
    targetAgeGroups: text('target_age_groups').array().notNull().default(sql`'{}'::text[]`),
    audienceNeeds: text('audience_needs'),
    platformRationale: text('platform_rationale'),
    contentFormats: text('content_formats').array().notNull().default(sql`'{}'::text[]`),
    contentFrequency: text('content_frequency'),
    plannedHoursPerMonth: doublePrecision('planned_hours_per_month'),
    budgetNokPerYear: doublePrecision('budget_nok_per_year'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_org_slug_key').on(t.organisationId, t.slug),
    index('accounts_org_unit_idx').on(t.organisationId, t.unitId),
    index('accounts_org_platform_idx').on(t.organisationId, t.platform),
  ],
);
