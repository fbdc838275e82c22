/**
 * The audit trail: one row per change to goals, KPIs, targets, evaluations, annual reports, roles,
 * people, accounts, units, imports and settings — who (a person, or the CLI operator / the
 * schedule when `actor_person_id` is null), when, what, and the entity before and after. Written
 * in the same transaction as the change it records, never updated, never deleted.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, units } from './organisation.ts';
import { people } from './people.ts';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The person who made the change; null for the CLI operator or the schedule (see actorKind). */
    actorPersonId: uuid('actor_person_id').references(() => people.id),
    /** 'person' | 'operator' | 'system'. */
    actorKind: text('actor_kind').notNull(),
    /** e.g. 'goal.create', 'kpi.update', 'evaluation.sign', 'role.grant', 'import.undo'. */
    action: text('action').notNull(),
    /** e.g. 'goal', 'kpi', 'evaluation', 'role_grant', 'import', 'history_window'. */
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The unit the entity belongs to (for a unit manager's view); null for organisation-wide things. */
    unitId: uuid('unit_id').references(() => units.id),
    /** A human label of the entity when it was changed (goal title, account name, file name). */
    label: text('label'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_org_at_idx').on(t.organisationId, t.at),
    index('audit_events_org_unit_at_idx').on(t.organisationId, t.unitId, t.at),
    index('audit_events_entity_idx').on(t.organisationId, t.entityType, t.entityId),
  ],
);
