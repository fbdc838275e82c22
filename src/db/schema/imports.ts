/**
 * Provenance of documented statistics. Every write of statistics (a file, a manual entry, an API
 * batch, the demo) is one `imports` row; the values it wrote point back at it, a value it
 * replaced moves to `observation_history` (or `audience_history`), and undoing the import puts
 * those back. Original files are kept once per organisation by checksum, so the documentation
 * survives the platform's forgetting.
 */
import { sql } from 'drizzle-orm';
import { customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation.ts';
import { people } from './people.ts';
import { accounts } from './accounts.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** Original files, stored once per organisation and checksum. */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Lower-case hex SHA-256 of `content`. */
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('stored_files_org_sha_key').on(t.organisationId, t.sha256)],
);

/** Where a batch of statistics came from. */
export const importOrigins = ['file', 'manual', 'api', 'demo'] as const;
export type ImportOrigin = (typeof importOrigins)[number];

export interface ImportCounts {
  /** Values written that were not documented before. */
  added: number;
  /** Values that replaced a different documented value (the old one is kept in history). */
  changed: number;
  /** Values equal to what was documented (left as they were, still credited to the older import). */
  unchanged: number;
  posts: number;
  audience: number;
}

export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    origin: text('origin').$type<ImportOrigin>().notNull(),
    /** The original file (origin 'file'; also the CSV body of an API batch). */
    fileId: uuid('file_id').references(() => storedFiles.id),
    /** As uploaded, e.g. "Content.xlsx", or "export.zip › Overview.csv" for a ZIP entry. */
    fileName: text('file_name'),
    /** SHA-256 of the file (or of the canonical JSON of a manual/API batch): the same content twice changes nothing. */
    sha256: text('sha256').notNull(),
    importer: text('importer'),
    platform: text('platform'),
    kind: text('kind'),
    fromDay: date('from_day', { mode: 'string' }),
    toDay: date('to_day', { mode: 'string' }),
    /** The day the export was downloaded, as given (resolves TikTok's yearless days, dates Meta's audience file). */
    lastDay: date('last_day', { mode: 'string' }),
    rows: integer('rows').notNull().default(0),
    counts: jsonb('counts').$type<ImportCounts>().notNull(),
    columns: jsonb('columns').$type<{ recognised: { header: string; metric: string }[]; ignored: string[] }>(),
    warnings: jsonb('warnings').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /**
     * The column mapping applied (a copy as it was then: id, name, version, mapping; id, name and
     * version null for a mapping given with the request and not saved); null for a built-in layout.
     */
    columnMapping: jsonb('column_mapping').$type<{ id: string | null; name: string | null; version: number | null; mapping: unknown }>(),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneBy: uuid('undone_by').references(() => people.id),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    index('imports_account_created_idx').on(t.accountId, t.createdAt),
    index('imports_account_sha_idx').on(t.accountId, t.sha256),
  ],
);

/**
 * Values that were documented and then replaced (by a newer export of the same days, a
 * correction) or removed by undoing the import that wrote them: nothing documented is lost.
 */
export const observationHistory = pgTable(
  'observation_history',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    metric: text('metric').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    postId: uuid('post_id'),
    /** The value as it was. */
    value: doublePrecision('value').notNull(),
    /** The import that had written it (null for values from before imports were recorded). */
    importId: uuid('import_id').references(() => imports.id),
    source: text('source').notNull(),
    /** The import whose value replaced it; null when it was removed by an undo. */
    replacedByImportId: uuid('replaced_by_import_id').references(() => imports.id),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('observation_history_replaced_by_idx').on(t.replacedByImportId),
    index('observation_history_import_idx').on(t.importId),
    index('observation_history_key_idx').on(t.accountId, t.metric, t.day),
  ],
);

/** Audience snapshots that a newer snapshot of the same day replaced. */
export const audienceHistory = pgTable(
  'audience_history',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    day: date('day', { mode: 'string' }).notNull(),
    ageDistribution: jsonb('age_distribution').$type<Record<string, number>>().notNull(),
    other: jsonb('other').$type<Record<string, Record<string, number>>>(),
    importId: uuid('import_id').references(() => imports.id),
    source: text('source').notNull(),
    replacedByImportId: uuid('replaced_by_import_id').references(() => imports.id),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('audience_history_replaced_by_idx').on(t.replacedByImportId), index('audience_history_import_idx').on(t.importId)],
);

/**
 * How many days back each platform's own statistics reach, per organisation: an administrator
 * corrects these when a platform changes. Platforms without a row use the defaults in
 * core/coverage/history-windows.ts.
 */
export const historyWindows = pgTable(
  'history_windows',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    platform: text('platform').notNull(),
    days: integer('days').notNull(),
    note: text('note'),
    updatedBy: uuid('updated_by').references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.platform] })],
);

/**
 * Idempotency-Keys of API batches: the first answer is kept, so that a retried request gets it
 * again and changes nothing (also when the first one changed nothing), and the same key with a
 * different body is refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    key: text('key').notNull(),
    /** SHA-256 of the request body. */
    sha256: text('sha256').notNull(),
    importId: uuid('import_id').references(() => imports.id),
    counts: jsonb('counts').$type<ImportCounts>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] })],
);
