/**
 * The audit trail: who changed what, when, and the entity before and after. Events are read newest
 * first, a page at a time (keyset cursor), filtered by time, person, entity, action and unit
 * (with everything below it); the same filters export CSV or XLSX.
 */
import { z } from 'zod';
import { Id, IdOrSlug, Timestamp } from './common.ts';

/** What an event is about (closed list; each service records one of these). */
export const auditEntityTypes = [
  'goal',
  'strategic_goal',
  'evaluation',
  'annual_report',
  'role_grant',
  'person',
  'account',
  'unit',
  'import',
  'history_window',
  'competitor',
  'competitor_figures',
  'api_token',
  'column_mapping',
  'organisation',
] as const;
export const AuditEntityType = z.enum(auditEntityTypes);
export type AuditEntityType = z.infer<typeof AuditEntityType>;

/** 'person' (signed in, or their API token), 'operator' (the CLI), 'system' (the hourly schedule). */
export const AuditActorKind = z.enum(['person', 'operator', 'system']);
export type AuditActorKind = z.infer<typeof AuditActorKind>;

/** One changed field: its value before and after (null when absent on that side). */
export const AuditFieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }).meta({ id: 'AuditFieldChange' });
export type AuditFieldChange = z.infer<typeof AuditFieldChange>;

export const AuditEventOut = z
  .object({
    id: Id,
    at: Timestamp,
    actor: z.object({
      kind: AuditActorKind,
      personId: Id.nullable(),
      /** The person's name now (null for the operator and the schedule, or an unknown person). */
      name: z.string().nullable(),
    }),
    /** e.g. 'goal.create', 'role.grant', 'import.undo'. */
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    unit: z.object({ id: Id, name: z.string() }).nullable(),
    label: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    /** The fields whose values differ between before and after (every field for a creation or deletion). */
    changes: z.array(AuditFieldChange),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventOut = z.infer<typeof AuditEventOut>;

export const AuditEventList = z
  .object({
    events: z.array(AuditEventOut),
    /** Pass as `cursor` for the next (older) page; null when there is none. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'AuditEventList' });
export type AuditEventList = z.infer<typeof AuditEventList>;

/** A day (YYYY-MM-DD, whole UTC day) or an ISO date-time. */
const TimeBound = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || (/^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s))), 'a day (YYYY-MM-DD) or an ISO date-time');

export const AuditFilter = z.object({
  /** From this time (a day means its start), inclusive. */
  from: TimeBound.optional(),
  /** Until this time (a day means its end), inclusive for a day, exclusive for a date-time. */
  to: TimeBound.optional(),
  /** The acting person's id. */
  actor: Id.optional(),
  entityType: AuditEntityType.optional(),
  entityId: z.string().min(1).max(200).optional(),
  /** Exact action, e.g. 'goal.update'. */
  action: z.string().min(1).max(100).optional(),
  /** A unit (id or slug): events in it and every unit below. */
  unit: IdOrSlug.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQuery = AuditFilter.extend({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditExportQuery = AuditFilter.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  locale: z.enum(['nb', 'en']).optional(),
});
export type AuditExportQuery = z.input<typeof AuditExportQuery>;
