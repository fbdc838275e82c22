/**
 * Strategic goals of the organisation, optionally broken down per unit. Everyone signed in sees
 * the organisation-wide ones and those of units they may read, each with the number of goals
 * under it that they may read. Organisation-wide ones are created and changed by an
 * administrator; a unit's breakdown by whoever may manage that unit.
 */
import { and, asc, count, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import {
  StrategicGoalCreateInput,
  StrategicGoalUpdateInput,
  type StrategicGoalOut,
} from '../../contract/goals.ts';
import { goals, strategicGoals } from '../../db/schema/index.ts';
import { authorize, requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit, isUuid } from '../lookup.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

type Row = typeof strategicGoals.$inferSelect;

function present(row: Row, goalCount: number): StrategicGoalOut {
  return {
    id: row.id,
    unitId: row.unitId,
    parentId: row.parentId,
    title: row.title,
    description: row.description,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    archived: row.archivedAt !== null,
    goalCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function goalCounts(ctx: Context, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const conditions: SQL[] = [eq(goals.organisationId, ctx.actor.organisationId), inArray(goals.strategicGoalId, ids)];
  if (!ctx.actor.access.isAdmin) {
    const readable = ctx.actor.access.unitsWhere('read');
    if (readable.length === 0) return new Map();
    conditions.push(inArray(goals.unitId, readable));
  }
  const rows = await ctx.db
    .select({ id: goals.strategicGoalId, n: count() })
    .from(goals)
    .where(and(...conditions))
    .groupBy(goals.strategicGoalId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

export async function listStrategicGoals(ctx: Context): Promise<StrategicGoalOut[]> {
  const orgId = ctx.actor.organisationId;
  const conditions: SQL[] = [eq(strategicGoals.organisationId, orgId)];
  if (!ctx.actor.access.isAdmin) {
    const readable = ctx.actor.access.unitsWhere('read');
    conditions.push(readable.length ? or(isNull(strategicGoals.unitId), inArray(strategicGoals.unitId, readable))! : isNull(strategicGoals.unitId));
  }
  const rows = await ctx.db
    .select()
    .from(strategicGoals)
    .where(and(...conditions))
    .orderBy(asc(strategicGoals.title));
  const counts = await goalCounts(ctx, rows.map((r) => r.id));
  return rows.map((r) => present(r, counts.get(r.id) ?? 0));
}

async function findStrategicGoal(ctx: Context, id: string): Promise<Row> {
  const [row] = isUuid(id)
    ? await ctx.db.select().from(strategicGoals).where(and(eq(strategicGoals.organisationId, ctx.actor.organisationId), eq(strategicGoals.id, id)))
    : [];
  if (!row || (row.unitId && !ctx.actor.access.can('read', row.unitId))) throw new AppError('not_found', 'No such strategic goal.');
  return row;
}

/** Admin for organisation-wide strategic goals, unit.manage for a unit's. */
function authorizeFor(ctx: Context, unitId: string | null): void {
  if (unitId === null) requireAdmin(ctx);
  else authorize(ctx, 'unit.manage', unitId, 'unit');
}

async function checkParent(ctx: Context, parent: string | null | undefined, selfId?: string): Promise<string | null> {
  if (!parent) return null;
  const fail = (text: string) => new AppError('validation_failed', text, [{ path: 'parent', message: text }]);
  const [row] = isUuid(parent)
    ? await ctx.db.select().from(strategicGoals).where(and(eq(strategicGoals.organisationId, ctx.actor.organisationId), eq(strategicGoals.id, parent)))
    : [];
  if (!row) throw fail('No such strategic goal.');
  if (row.id === selfId) throw fail('A strategic goal cannot break down itself.');
  if (row.unitId !== null) throw fail('A unit-level strategic goal breaks down an organisation-wide one.');
  return row.id;
}

function checkPeriod(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) {
    const text = `The period ends (${end}) before it starts (${start}).`;
    throw new AppError('validation_failed', text, [{ path: 'periodEnd', message: text }]);
  }
}

export async function createStrategicGoal(ctx: Context, raw: StrategicGoalCreateInput): Promise<StrategicGoalOut> {
  const input = StrategicGoalCreateInput.parse(raw);
  const unit = input.unit ? await findUnit(ctx.db, ctx.actor.organisationId, input.unit) : null;
  authorizeFor(ctx, unit?.id ?? null);
  checkPeriod(input.periodStart, input.periodEnd);
  const parentId = await checkParent(ctx, input.parent);
  if (parentId && !unit) {
    throw new AppError('validation_failed', 'Only a unit-level strategic goal breaks down another one.', [{ path: 'parent', message: 'only with unit' }]);
  }
  const row = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [created] = await tx
      .insert(strategicGoals)
      .values({
        id: crypto.randomUUID(),
        organisationId: ctx.actor.organisationId,
        unitId: unit?.id ?? null,
        parentId,
        title: input.title,
        description: input.description ?? null,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        createdBy: ctx.actor.personId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'strategic_goal.create', entityType: 'strategic_goal', entityId: created!.id, unitId: created!.unitId, label: created!.title, after: created });
    return created;
  });
  return present(row!, 0);
}

export async function updateStrategicGoal(ctx: Context, id: string, raw: StrategicGoalUpdateInput): Promise<StrategicGoalOut> {
  const input = StrategicGoalUpdateInput.parse(raw);
  const existing = await findStrategicGoal(ctx, id);
  authorizeFor(ctx, existing.unitId);
  let unitId = existing.unitId;
  if (input.unit !== undefined) {
    unitId = input.unit ? (await findUnit(ctx.db, ctx.actor.organisationId, input.unit)).id : null;
    if (unitId !== existing.unitId) authorizeFor(ctx, unitId);
  }
  const parentId = input.parent !== undefined ? await checkParent(ctx, input.parent, existing.id) : existing.parentId;
  if (parentId && !unitId) {
    throw new AppError('validation_failed', 'Only a unit-level strategic goal breaks down another one.', [{ path: 'parent', message: 'only with unit' }]);
  }
  const periodStart = input.periodStart !== undefined ? (input.periodStart ?? null) : existing.periodStart;
  const periodEnd = input.periodEnd !== undefined ? (input.periodEnd ?? null) : existing.periodEnd;
  checkPeriod(periodStart, periodEnd);
  const row = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [changed] = await tx
      .update(strategicGoals)
      .set({
        unitId,
        parentId,
        title: input.title ?? existing.title,
        description: input.description !== undefined ? (input.description ?? null) : existing.description,
        periodStart,
        periodEnd,
        archivedAt: input.archived === undefined ? existing.archivedAt : input.archived ? (existing.archivedAt ?? ctx.now) : null,
        updatedAt: ctx.now,
      })
      .where(eq(strategicGoals.id, existing.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: changed!.archivedAt && !existing.archivedAt ? 'strategic_goal.archive' : 'strategic_goal.update',
      entityType: 'strategic_goal',
      entityId: existing.id,
      unitId: changed!.unitId,
      label: changed!.title,
      before: existing,
      after: changed,
    });
    return changed;
  });
  const counts = await goalCounts(ctx, [existing.id]);
  return present(row!, counts.get(existing.id) ?? 0);
}
