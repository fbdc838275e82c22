/**
 * Writes one audit event, in the transaction of the change it records (so a change that fails
 * leaves no event, and no change is committed without one). Before and after are plain JSON of
 * the entity's meaningful fields, made by `auditable()`: secrets (password, token and session
 * hashes, CSRF tokens), file contents and bookkeeping columns never enter the trail.
 */
import type { AuditActorKind, AuditEntityType } from '../../contract/audit.ts';
import type { Db } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';

export type AuditJson = null | boolean | number | string | AuditJson[] | { [key: string]: AuditJson };
export type AuditRecord = { [key: string]: AuditJson };

/** Keys that never enter the trail, at any depth (compared without case, `_` and `-`). */
const secretKeys = new Set(
  ['password', 'passwordHash', 'token', 'tokenHash', 'secret', 'secretHash', 'sessionId', 'csrfToken', 'content', 'bytes', 'data', 'fileContent'].map(norm),
);
/** Bookkeeping: the same for every row, or the event's own who and when. */
const noiseKeys = new Set(['organisationId', 'createdAt', 'updatedAt', 'updatedBy'].map(norm));

function norm(key: string): string {
  return key.replace(/[_-]/g, '').toLowerCase();
}

function toJson(value: unknown, omit: ReadonlySet<string>, depth: number): AuditJson | undefined {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return undefined;
  if (depth > 8) return null;
  if (Array.isArray(value)) return value.map((v) => toJson(v, omit, depth + 1) ?? null);
  if (typeof value === 'object') {
    const out: AuditRecord = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const n = norm(k);
      if (secretKeys.has(n) || noiseKeys.has(n) || omit.has(n)) continue;
      // The entity's own id is the event's entityId already.
      if (depth === 0 && n === 'id') continue;
      const j = toJson(v, omit, depth + 1);
      if (j !== undefined) out[k] = j;
    }
    return out;
  }
  return undefined;
}

/**
 * The meaningful fields of an entity as plain JSON: dates as ISO strings, no secrets, no file
 * contents, no organisation id or created/updated stamps; `omit` drops more keys (e.g. a signed
 * evaluation's frozen figures). Null for null/undefined.
 */
export function auditable(value: unknown, omit: readonly string[] = []): AuditRecord | null {
  if (value === null || value === undefined) return null;
  const j = toJson(value, new Set(omit.map(norm)), 0);
  return j !== null && typeof j === 'object' && !Array.isArray(j) ? j : { value: j ?? null };
}

/** The fields whose values differ between two snapshots (every field of a creation or deletion). */
export function changedFields(before: AuditRecord | null, after: AuditRecord | null): { field: string; before: AuditJson; after: AuditJson }[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: { field: string; before: AuditJson; after: AuditJson }[] = [];
  for (const field of keys) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field, before: b, after: a });
  }
  return out;
}

/** What the trail needs of the actor (the first-run set-up has no full Actor yet). */
export type AuditActor = Pick<Actor, 'kind' | 'personId' | 'organisationId' | 'scheduled'>;
type AuditContext = { actor: AuditActor; now: Date };

export function auditActorKind(actor: AuditActor): AuditActorKind {
  if (actor.kind === 'person') return 'person';
  return actor.scheduled ? 'system' : 'operator';
}

export interface AuditChange {
  /** e.g. 'goal.update' (entity type, dot, verb). */
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  /** The unit the entity belongs to; null for organisation-wide things (administrators only). */
  unitId: string | null;
  /** A human label when changed (goal's title, account's name, file name). */
  label?: string | null;
  before?: unknown;
  after?: unknown;
  /** More keys to leave out of before and after. */
  omit?: readonly string[];
}

function row(ctx: AuditContext, change: AuditChange) {
  return {
    id: crypto.randomUUID(),
    organisationId: ctx.actor.organisationId,
    at: ctx.now,
    actorPersonId: ctx.actor.personId,
    actorKind: auditActorKind(ctx.actor),
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    unitId: change.unitId,
    label: change.label ? change.label.slice(0, 300) : null,
    before: auditable(change.before, change.omit),
    after: auditable(change.after, change.omit),
  };
}

/**
 * Records one change; `tx` must be the transaction that makes the change. An update that leaves
 * every meaningful field as it was (saving a form unchanged) is no change, and records nothing.
 */
export async function recordAudit(tx: Db, ctx: AuditContext, change: AuditChange): Promise<void> {
  const r = row(ctx, change);
  if (r.before && r.after && changedFields(r.before, r.after).length === 0) return;
  await tx.insert(auditEvents).values(r);
}

/** Records many changes in one statement (e.g. the drafts a round prepared). */
export async function recordAudits(tx: Db, ctx: AuditContext, changes: readonly AuditChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += 500) {
    const slice = changes.slice(i, i + 500);
    if (slice.length > 0) await tx.insert(auditEvents).values(slice.map((c) => row(ctx, c)));
  }
}
