/**
 * Column mappings a user made once for an export Målbar did not (fully) know: saved for the
 * organisation under the file's header signature and applied to the next file with the same
 * headers. Editing or deleting a mapping never changes what was imported with it: each import
 * keeps a copy of the mapping it used (imports.column_mapping).
 */
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation.ts';
import { people } from './people.ts';

export const columnMappings = pgTable(
  'column_mappings',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Unique per organisation; what `maalbar import --mapping NAME` takes. */
    name: text('name').notNull(),
    /** Hex sha256 of the file's normalised header row (see importers' header signature). */
    signature: text('signature').notNull(),
    /** The headers as written in the file the mapping was made from, in order. */
    headers: jsonb('headers').$type<string[]>().notNull(),
    /** The mapping itself (shape validated by the contract's zod schema). */
    mapping: jsonb('mapping').notNull(),
    /** Bumped on every edit; an import records the version it used. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('column_mappings_org_name_key').on(t.organisationId, t.name),
    uniqueIndex('column_mappings_org_signature_key').on(t.organisationId, t.signature),
  ],
);
