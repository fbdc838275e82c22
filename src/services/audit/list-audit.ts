/**
 * Reading the audit trail, newest first, a page at a time (keyset on (at, id), so pages neither
 * skip nor repeat while events are added). Administrators read every event; a unit manager (the
 * 'audit.read' action) reads the events of the units where they manage, and everything below;
 * organisation-wide events (no unit: people, administrators' roles, settings, tokens) are for
 * administrators only. Anyone else is refused.
 */
import { and, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { AuditFilter, AuditQuery, type AuditEventList, type AuditEventOut } from '../../contract/audit.ts';
import { AppError } from '../../core/errors.ts';
import { auditEvents, people, units } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { changedFields, type AuditRecord } from './record-audit.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A bound as a time: a day's start (from) or the next day's start (to, exclusive). */
export function boundTime(value: string, end: boolean): Date {
  if (DAY.test(value)) {
    const start = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(start.getTime())) throw new AppError('validation_failed', `"${value}" is not a day.`, [{ path: end ? 'to' : 'from', message: 'not a day' }]);
    return end ? new Date(start.getTime() + 86_400_000) : start;
  }
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) throw new AppError('validation_failed', `"${value}" is not a time.`, [{ path: end ? 'to' : 'from', message: 'not a time' }]);
  return t;
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const time = at ? new Date(at) : null;
  if (!time || Number.isNaN(time.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError('validation_failed', 'The cursor is not valid; start again without it.', [{ path: 'cursor', message: 'not a cursor from this list' }]);
  }
  return { at: time, id };
}

/** Who may read which events: every event, or those of these units. Refuses those who may read none. */
function scopeOf(ctx: Context): 'all' | string[] {
  const { access } = ctx.actor;
  if (access.isAdmin) return 'all';
  if (!access.canAnywhere('audit.read')) throw new AppError('forbidden', 'Only administrators and unit managers may read the audit trail.');
  return access.unitsWhere('audit.read');
}

/** The filter's conditions, the actor's scope included. */
export async function auditConditions(ctx: Context, rawFilter: AuditFilter): Promise<SQL[]> {
  const filter = AuditFilter.parse(rawFilter);
  const scope = scopeOf(ctx);
  const orgId = ctx.actor.organisationId;
  const where: SQL[] = [eq(auditEvents.organisationId, orgId)];
  if (scope !== 'all') where.push(inArray(auditEvents.unitId, scope));
  if (filter.unit) {
    const unit = await findUnit(ctx.db, orgId, filter.unit);
    authorize(ctx, 'audit.read', unit.id, 'unit');
    const subtree = ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.organisationId, orgId), or(eq(units.path, unit.path), like(units.path, `${unit.path}/%`))));
    where.push(inArray(auditEvents.unitId, subtree));
  }
  if (filter.from) where.push(gte(auditEvents.at, boundTime(filter.from, false)));
  if (filter.to) where.push(lt(auditEvents.at, boundTime(filter.to, true)));
  if (filter.actor) where.push(eq(auditEvents.actorPersonId, filter.actor));
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  return where;
}

type Row = {
  e: typeof auditEvents.$inferSelect;
  actorName: string | null;
  unitName: string | null;
};

function present(r: Row): AuditEventOut {
  const before = (r.e.before ?? null) as AuditRecord | null;
  const after = (r.e.after ?? null) as AuditRecord | null;
  return {
    id: r.e.id,
    at: r.e.at.toISOString(),
    actor: { kind: r.e.actorKind as AuditEventOut['actor']['kind'], personId: r.e.actorPersonId, name: r.actorName },
    action: r.e.action,
    entityType: r.e.entityType,
    entityId: r.e.entityId,
    unit: r.e.unitId ? { id: r.e.unitId, name: r.unitName ?? '' } : null,
    label: r.e.label,
    before,
    after,
    changes: changedFields(before, after),
  };
}

/** Events matching `where`, newest first, after the cursor; `limit` of them. */
export async function readAuditRows(ctx: Context, where: SQL[], limit: number, cursor?: { at: Date; id: string }): Promise<AuditEventOut[]> {
  const conditions = [...where];
  if (cursor) {
    conditions.push(or(lt(auditEvents.at, cursor.at), and(eq(auditEvents.at, cursor.at), sql`${auditEvents.id} < ${cursor.id}::uuid`))!);
  }
  const rows = await ctx.db
    .select({ e: auditEvents, actorName: people.name, unitName: units.name })
    .from(auditEvents)
    .leftJoin(people, eq(people.id, auditEvents.actorPersonId))
    .leftJoin(units, eq(units.id, auditEvents.unitId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return rows.map(present);
}

export async function listAuditEvents(ctx: Context, rawQuery: AuditQuery): Promise<AuditEventList> {
  const query = AuditQuery.parse(rawQuery);
  const where = await auditConditions(ctx, query);
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const page = await readAuditRows(ctx, where, query.limit + 1, cursor);
  const events = page.slice(0, query.limit);
  const last = events[events.length - 1];
  return { events, nextCursor: page.length > query.limit && last ? encodeCursor(new Date(last.at), last.id) : null };
}
