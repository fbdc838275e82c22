/** Organisations and their unit tree. */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  // The organisation id of the organisation itself, so that every table carries it.
  organisationId: uuid('organisation_id').notNull(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  defaultLocale: text('default_locale').notNull().default('nb'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('department'),
    /** Ids from the top of the tree down to this unit, joined by '/': subtree = path LIKE 'x/%'. */
    path: text('path').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_org_slug_key').on(t.organisationId, t.slug),
    index('units_org_parent_idx').on(t.organisationId, t.parentId),
    index('units_path_idx').on(t.organisationId, sql`${t.path} text_pattern_ops`),
  ],
);
