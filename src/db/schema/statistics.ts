/**
 * Documented statistics, as the KPI engine reads them: daily (or per-post) values per account and
 * metric, posts, and audience snapshots. The statistics issue adds imports, provenance and history
 * on top of these tables.
 */
import { sql } from 'drizzle-orm';
import { date, doublePrecision, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

/**
 * One documented value: the biggest table by far (a year of one organisation's exports is
 * millions of rows). The row's identity is its key (account, metric, day, post): no surrogate
 * id, one index, and no foreign keys. Measured on PGlite (bench/results): a uuid primary key, a
 * second (organisation, account, metric, day) index and an import_id index cost about 45 % of
 * the insert rate, and the foreign keys to accounts, posts and imports halved what remained;
 * worse, each delete of a post or an import row had the database scan this table for
 * references. The references are kept by the one write path instead
 * (services/statistics/write-statistics.ts resolves the account, posts and import in the same
 * transaction; undo-import.ts removes a post only when no value refers to it; accounts and
 * imports are never deleted). The key's leading columns serve every read by account, metric and
 * day range; undo finds an import's values through its account.
 */
export const observations = pgTable(
  'observations',
  {
    organisationId: uuid('organisation_id').notNull(),
    accountId: uuid('account_id').notNull(),
    metric: text('metric').notNull(),
    /** The day the value is for (a per-post value: the post's publication day, or the day of the reading). */
    day: date('day', { mode: 'string' }).notNull(),
    /** null for account-level values; the post for per-post values. */
    postId: uuid('post_id'),
    value: doublePrecision('value').notNull(),
    /** Where the value came from: 'import' (a file), 'manual', 'api', 'demo'. */
    source: text('source').notNull().default('manual'),
    /** The import that wrote this value (null only for values documented before imports were recorded). */
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('observations_key').on(t.accountId, t.metric, t.day, sql`coalesce(${t.postId}, '00000000-0000-0000-0000-000000000000'::uuid)`)],
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
