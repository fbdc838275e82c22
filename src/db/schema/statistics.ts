/**
 * Documented statistics, as the KPI engine reads them: daily (or per-post) values per account and
 * metric, posts, and audience snapshots. The statistics issue adds imports, provenance and history
 * on top of these tables.
 */
import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation.ts';
import { accounts } from './accounts.ts';
import { imports } from './imports.ts';

export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The platform's own id of the post. */
    platformPostId: text('platform_post_id').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    postType: text('post_type'),
    permalink: text('permalink'),
    excerpt: text('excerpt'),
    /** The import that first documented the post (undoing it removes the post when nothing else refers to it). */
    importId: uuid('import_id').references(() => imports.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('posts_account_platform_id_key').on(t.accountId, t.platformPostId)],
);

export const observations = pgTable(
  'observations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    metric: text('metric').notNull(),
    /** The day the value is for (for a post: the day of the export's reading). */
    day: date('day', { mode: 'string' }).notNull(),
    /** null for account-level values; the post for per-post values. */
    postId: uuid('post_id').references(() => posts.id),
    value: doublePrecision('value').notNull(),
    /** Where the value came from: 'manual', 'api', 'import', 'demo'. */
    source: text('source').notNull().default('manual'),
    /** The import that wrote this value (null only for values documented before imports were recorded). */
    importId: uuid('import_id').references(() => imports.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('observations_key').on(t.accountId, t.metric, t.day, sql`coalesce(${t.postId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    index('observations_account_metric_day_idx').on(t.organisationId, t.accountId, t.metric, t.day),
    index('observations_import_idx').on(t.importId),
  ],
);

export const audienceSnapshots = pgTable(
  'audience_snapshots',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    day: date('day', { mode: 'string' }).notNull(),
    /** Percent of the audience per age group, e.g. {"18-24": 41.5, "25-34": 30.1}. */
    ageDistribution: jsonb('age_distribution').$type<Record<string, number>>().notNull(),
    /** Other blocks of the export (gender, countries, cities): block → label → share or count. */
    other: jsonb('other').$type<Record<string, Record<string, number>>>(),
    source: text('source').notNull().default('manual'),
    importId: uuid('import_id').references(() => imports.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audience_snapshots_account_day_key').on(t.accountId, t.day)],
);
