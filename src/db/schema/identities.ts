/**
 * Single sign-on identities: a person signed in through an OpenID Connect provider (Feide,
 * Microsoft Entra ID) is known by the provider's issuer and the subject it gives, never by
 * e-mail alone (e-mail only links a first sign-in to an existing person).
 */
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisation.ts';
import { people } from './people.ts';

export const personIdentities = pgTable(
  'person_identities',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    /** The e-mail the provider gave at the last sign-in. */
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('person_identities_issuer_subject_key').on(t.issuer, t.subject),
    index('person_identities_person_idx').on(t.personId),
  ],
);
