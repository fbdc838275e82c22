/** People, the roles they hold on units, their sessions and personal API tokens. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, units } from './organisation.ts';

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Stored lower-cased; unique across the installation so that sign-in needs only the e-mail. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id PHC string; null when the person has no local password. */
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('nb'),
    /** Reminders (notifications) are also sent by e-mail when SMTP is configured. */
    notifyByEmail: boolean('notify_by_email').notNull().default(true),
    active: boolean('active').notNull().default(true),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('people_email_key').on(t.email), index('people_org_idx').on(t.organisationId)],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** null only for the organisation-wide `admin` role. */
    unitId: uuid('unit_id').references(() => units.id),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** 'manual' (granted by someone) or 'sso' (from the identity provider's groups claim, kept in step at each sign-in). */
    source: text('source').notNull().default('manual'),
  },
  (t) => [
    uniqueIndex('role_grants_unique').on(t.personId, t.role, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    index('role_grants_org_unit_idx').on(t.organisationId, t.unitId),
    check('role_grants_admin_has_no_unit', sql`(${t.role} = 'admin') = (${t.unitId} is null)`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie's secret, hex: the secret itself is never stored. */
    id: text('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the token, shown so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    /** sha256 of the whole token, hex. Tokens are long random strings, so a fast hash is enough. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_person_idx').on(t.personId)],
);
