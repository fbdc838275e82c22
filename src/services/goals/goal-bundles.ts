/**
 * Loading goals with their accounts, KPIs and owners, and presenting them as the contract shows them.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Platform } from '../../core/platforms.ts';
import { type GoalOut, goalStatuses, type KpiOut } from '../../contract/goals.ts';
import type { Db } from '../../db/client.ts';
import { accounts, goalAccounts, goals, kpis, people } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { kpiName, kpiShapeOf } from './kpi-shape.ts';

export type GoalRow = typeof goals.$inferSelect;
export type KpiRow = typeof kpis.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;

export interface GoalBundle {
  goal: GoalRow;
  accounts: AccountRow[];
  kpis: KpiRow[];
  owner: { id: string; name: string } | null;
}

export async function loadGoalBundles(db: Db, organisationId: string, rows: GoalRow[]): Promise<GoalBundle[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((g) => g.id);
  const ownerIds = [...new Set(rows.flatMap((g) => (g.ownerId ? [g.ownerId] : [])))];
  const [links, kpiRows, owners] = await Promise.all([
    db
      .select({ goalId: goalAccounts.goalId, account: accounts })
      .from(goalAccounts)
      .innerJoin(accounts, eq(accounts.id, goalAccounts.accountId))
      .where(and(eq(goalAccounts.organisationId, organisationId), inArray(goalAccounts.goalId, ids)))
      .orderBy(asc(accounts.name)),
    db.select().from(kpis).where(inArray(kpis.goalId, ids)).orderBy(asc(kpis.position)),
    ownerIds.length ? db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ownerIds)) : [],
  ]);
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  return rows.map((goal) => ({
    goal,
    accounts: links.filter((l) => l.goalId === goal.id).map((l) => l.account),
    kpis: kpiRows.filter((k) => k.goalId === goal.id),
    owner: goal.ownerId ? (ownerById.get(goal.ownerId) ?? null) : null,
  }));
}

export async function loadGoalBundle(db: Db, organisationId: string, id: string): Promise<GoalBundle | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(goals).where(and(eq(goals.organisationId, organisationId), eq(goals.id, id)));
  if (!row) return null;
  return (await loadGoalBundles(db, organisationId, [row]))[0] ?? null;
}

/** The goal, if the actor may read it; not_found otherwise (other units' goals do not reveal they exist). */
export async function readableGoal(ctx: Context, id: string): Promise<GoalBundle> {
  const bundle = await loadGoalBundle(ctx.db, ctx.actor.organisationId, id);
  if (!bundle || !ctx.actor.access.can('read', bundle.goal.unitId)) throw new AppError('not_found', 'No such goal.');
  return bundle;
}

export function presentKpi(row: KpiRow): KpiOut {
  const shape = kpiShapeOf(row);
  return {
    id: row.id,
    position: row.position,
    kind: shape.kind,
    metric: shape.metric,
    ageGroups: [...shape.ageGroups],
    measurement: shape.measurement,
    comparator: shape.comparator,
    target: shape.target,
    baseline: shape.baseline,
    targetBasis: (row.targetBasis ?? null) as KpiOut['targetBasis'],
    targetBasisNote: row.targetBasisNote,
    ...kpiName(shape),
  };
}

export function presentGoal(b: GoalBundle): GoalOut {
  const g = b.goal;
  return {
    id: g.id,
    unitId: g.unitId,
    strategicGoalId: g.strategicGoalId,
    goalType: g.goalType as GoalOut['goalType'],
    qualitativeGoal: g.qualitativeGoal,
    concreteGoal: g.concreteGoal,
    startDate: g.startDate,
    deadline: g.deadline,
    status: g.status as (typeof goalStatuses)[number],
    owner: b.owner,
    accounts: b.accounts.map((a) => ({ id: a.id, slug: a.slug, name: a.name, platform: a.platform as Platform })),
    kpis: b.kpis.map(presentKpi),
    activatedAt: g.activatedAt?.toISOString() ?? null,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}
