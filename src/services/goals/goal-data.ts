/**
 * Shared by the goal use cases: loading goals with their accounts, KPIs and owners; presenting
 * them; resolving and checking the references of a goal (accounts of one unit, strategic goal,
 * owner, KPI definitions); and turning stored KPIs into the pure core's KPIs for evaluation,
 * attainability and the SMART and activation checks.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError, type FieldIssue } from '../../core/errors.ts';
import { type Day, addDays, compareDays, daysInclusive, isDay, minDay } from '../../core/period/days.ts';
import type { AgeGroup, Platform } from '../../core/platforms.ts';
import { getMetric } from '../../core/metrics/catalogue.ts';
import { getDerived, kpiMetric, type Measurement } from '../../core/metrics/derived.ts';
import { evaluateKpi, validateKpi } from '../../core/kpi/evaluate.ts';
import { type Dataset, indexStatistics } from '../../core/kpi/dataset.ts';
import type { Comparator, Kpi, Statistics } from '../../core/kpi/types.ts';
import { assessAttainability } from '../../core/goals/attainability.ts';
import { attainabilityInputFor } from '../../core/goals/history.ts';
import { checkActivation } from '../../core/goals/activation.ts';
import { checkSmart, type SmartCheck as CoreSmartCheck } from '../../core/goals/smart.ts';
import type { GoalType } from '../../core/goals/templates.ts';
import {
  type Attainability,
  type GoalOut,
  goalStatuses,
  type KpiEvaluation,
  type KpiInput,
  type KpiOut,
} from '../../contract/goals.ts';
import type { Db } from '../../db/client.ts';
import { accounts, goalAccounts, goals, kpis, people, strategicGoals } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findAccount, findPerson } from '../lookup.ts';
import { loadStatistics } from '../statistics/load-statistics.ts';

export type GoalRow = typeof goals.$inferSelect;
export type KpiRow = typeof kpis.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;

export interface GoalBundle {
  goal: GoalRow;
  accounts: AccountRow[];
  kpis: KpiRow[];
  owner: { id: string; name: string } | null;
}

/** The KPI fields that matter for checks and evaluation (stored rows and parsed inputs alike). */
export interface KpiShape {
  kind: 'metric' | 'audience_share';
  metric: string | null;
  ageGroups: readonly AgeGroup[];
  measurement: Measurement;
  comparator: Comparator;
  target: number | null;
  baseline: number | null;
}

export const TRACE_CAP = 200;
const HISTORY_DAYS = 365;
const LOOKBACK_DAYS = 31;

export const dayOf = (d: Date): Day => d.toISOString().slice(0, 10);

// ---------------------------------------------------------------- loading and presenting

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

export function kpiShapeOf(row: KpiRow | KpiInputParsed): KpiShape {
  return {
    kind: (row.kind ?? 'metric') as KpiShape['kind'],
    metric: row.metric ?? null,
    ageGroups: (row.ageGroups ?? []) as AgeGroup[],
    measurement: row.measurement as Measurement,
    comparator: (row.comparator ?? 'at_least') as Comparator,
    target: row.target ?? null,
    baseline: row.baseline ?? null,
  };
}

export function kpiName(k: Pick<KpiShape, 'kind' | 'metric' | 'ageGroups'>): { name: { nb: string; en: string }; formula: { nb: string; en: string } | null; unit: string } {
  if (k.kind === 'audience_share') {
    const groups = k.ageGroups.join(', ');
    return {
      name: { nb: `Andel av publikum ${groups}`.trim(), en: `Audience share ${groups}`.trim() },
      formula: {
        nb: 'Summen av prosentandelene for aldersgruppene i siste publikumsoversikt.',
        en: 'The sum of the age groups\u2019 percentages in the latest audience snapshot.',
      },
      unit: 'percent',
    };
  }
  const info = k.metric ? kpiMetric(k.metric) : undefined;
  const derived = k.metric ? getDerived(k.metric) : undefined;
  return {
    name: info?.name ?? { nb: k.metric ?? '', en: k.metric ?? '' },
    formula: derived?.formula ?? null,
    unit: info?.unit ?? 'count',
  };
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

// ---------------------------------------------------------------- resolving references

export type KpiInputParsed = {
  kind: 'metric' | 'audience_share';
  metric?: string | null | undefined;
  ageGroups?: AgeGroup[] | undefined;
  measurement: Measurement;
  comparator: Comparator;
  target?: number | null | undefined;
  baseline?: number | null | undefined;
  targetBasis?: string | null | undefined;
  targetBasisNote?: string | null | undefined;
};

/**
 * The accounts of a goal: each must exist and be readable, and all must belong to one unit
 * (a campaign). Refuses with validation_failed naming the accounts at fault.
 */
export async function resolveGoalAccounts(ctx: Context, refs: readonly string[]): Promise<{ rows: AccountRow[]; unitId: string }> {
  const found: AccountRow[] = [];
  const unknown: string[] = [];
  for (const ref of [...new Set(refs)]) {
    const row = await findAccount(ctx.db, ctx.actor.organisationId, ref);
    if (!row || !ctx.actor.access.can('read', row.unitId)) unknown.push(ref);
    else if (!found.some((f) => f.id === row.id)) found.push(row);
  }
  if (unknown.length > 0) {
    const list = unknown.map((u) => `"${u}"`).join(', ');
    throw new AppError('validation_failed', `No such account: ${list}.`, [{ path: 'accounts', message: `No such account: ${list}` }]);
  }
  const units = [...new Set(found.map((a) => a.unitId))];
  if (units.length > 1 || found.length === 0) {
    const list = found.map((a) => a.name).join(', ');
    const text = `The accounts of one goal must belong to one unit; these belong to ${units.length} units: ${list}.`;
    throw new AppError('validation_failed', text, [{ path: 'accounts', message: text }]);
  }
  return { rows: found, unitId: units[0]! };
}

/** A strategic goal the goal can link to: exists, not archived, organisation-wide or of the goal's unit or above. */
export async function resolveStrategicGoal(ctx: Context, id: string | null | undefined, unitId: string): Promise<string | null> {
  if (!id) return null;
  const [row] = /^[0-9a-f-]{36}$/i.test(id)
    ? await ctx.db.select().from(strategicGoals).where(and(eq(strategicGoals.organisationId, ctx.actor.organisationId), eq(strategicGoals.id, id)))
    : [];
  const fail = (text: string) => new AppError('validation_failed', text, [{ path: 'strategicGoal', message: text }]);
  if (!row) throw fail('No such strategic goal.');
  if (row.archivedAt) throw fail(`The strategic goal "${row.title}" is archived.`);
  if (row.unitId && !ctx.actor.access.ancestry(unitId).includes(row.unitId)) {
    throw fail(`The strategic goal "${row.title}" belongs to another unit.`);
  }
  return row.id;
}

export async function resolveOwner(ctx: Context, owner: string | null | undefined): Promise<string | null> {
  if (!owner) return null;
  try {
    return (await findPerson(ctx.db, ctx.actor.organisationId, owner)).id;
  } catch {
    throw new AppError('validation_failed', `No person "${owner}".`, [{ path: 'owner', message: 'No such person' }]);
  }
}

export function checkDates(start: string | null | undefined, deadline: string | null | undefined): void {
  if (start && deadline && compareDays(deadline, start) < 0) {
    const text = `The deadline ${deadline} is before the start ${start}.`;
    throw new AppError('validation_failed', text, [{ path: 'deadline', message: text }]);
  }
}

/**
 * Problems with KPI definitions as field issues `kpis.N.<field>`: unknown metric, a measurement
 * the metric does not support, a metric the platform of an account does not provide, audience
 * shares without age groups or outside 0–100 %. Missing targets and metrics are not problems
 * here (a draft may lack them); activation asks for them.
 */
export function kpiIssues(list: readonly KpiShape[], platforms: readonly Platform[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  list.forEach((k, i) => {
    const seen = new Set<string>();
    const add = (issue: FieldIssue) => {
      const path = `kpis.${i}.${issue.path}`;
      if (!seen.has(path + issue.message)) issues.push({ path, message: issue.message });
      seen.add(path + issue.message);
    };
    if (k.kind === 'metric' && !k.metric) return;
    for (const platform of platforms.length ? platforms : (['facebook'] as Platform[])) {
      const core = toCoreKpi(k, '2000-01-01', '2000-01-01', platform, k.target ?? (k.kind === 'audience_share' ? 50 : 0));
      if (!core) continue;
      for (const issue of validateKpi(core)) {
        if (issue.path === 'start' || issue.path === 'deadline') continue;
        if (issue.path === 'metric' && platforms.length === 0 && !issue.message.startsWith('Unknown')) continue;
        add(issue);
      }
    }
  });
  return issues;
}

export function kpiValues(goalId: string, organisationId: string, list: readonly KpiInputParsed[], now: Date) {
  return list.map((k, position) => ({
    id: crypto.randomUUID(),
    organisationId,
    goalId,
    position,
    kind: k.kind,
    metric: k.kind === 'audience_share' ? null : (k.metric ?? null),
    ageGroups: k.kind === 'audience_share' ? [...(k.ageGroups ?? [])] : [],
    measurement: k.measurement,
    comparator: k.comparator,
    target: k.target ?? null,
    baseline: k.baseline ?? null,
    targetBasis: k.targetBasis ?? null,
    targetBasisNote: k.targetBasisNote ?? null,
    createdAt: now,
    updatedAt: now,
  }));
}

// ---------------------------------------------------------------- core KPIs, checks, evaluation

/** The core KPI for one account, or null when it cannot be evaluated yet (no metric, target or deadline). */
export function toCoreKpi(k: KpiShape, start: Day | null, deadline: Day | null, platform: Platform, target = k.target): Kpi | null {
  if (target === null || !Number.isFinite(target) || !start || !deadline || !isDay(start) || !isDay(deadline)) return null;
  const common = { measurement: k.measurement, comparator: k.comparator, target, baseline: k.baseline, start, deadline };
  if (k.kind === 'audience_share') return { kind: 'audience_share', ageGroups: k.ageGroups, ...common };
  if (!k.metric) return null;
  return { kind: 'metric', metric: k.metric, platform, ...common };
}

/** When a goal's KPIs are measured from: its start date, else the day it was created. */
export function goalStart(g: { startDate: string | null; createdAt: Date }): Day {
  return g.startDate ?? dayOf(g.createdAt);
}

/** The window of statistics needed to evaluate and forecast a goal as of `asOf`. */
export function statisticsWindow(start: Day, deadline: Day | null, asOf: Day): { from: Day; to: Day } {
  const length = deadline && compareDays(deadline, start) >= 0 ? daysInclusive(start, deadline) : 0;
  const candidates = [addDays(asOf, -HISTORY_DAYS - LOOKBACK_DAYS), addDays(start, -length - LOOKBACK_DAYS)];
  const from = candidates.reduce((a, b) => minDay(a, b));
  return { from, to: compareDays(asOf, from) < 0 ? from : asOf };
}

const finite = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? n : null);

/** KPIs whose values can be negative; every other metric is a count, share, rate or amount ≥ 0. */
const canBeNegative = new Set(['audience_growth_rate', 'net_sentiment', 'viewer_development']);

/** Clamps a forecast value at zero where the metric cannot be negative (the interval is symmetric). */
function floorFor(kpi: Kpi): (n: number) => number {
  const negative = kpi.kind === 'metric' && canBeNegative.has(kpi.metric);
  return negative ? (n) => n : (n) => Math.max(0, n);
}

/** The attainability of a KPI for an account as the contract shows it (history and forecast band for the chart). */
export function attainabilityOf(kpi: Kpi, ds: Dataset, asOf: Day): Attainability | null {
  if (compareDays(asOf, kpi.deadline) >= 0) return null;
  const input = attainabilityInputFor(kpi, ds, asOf);
  if (!Number.isFinite(input.target)) return null;
  const a = assessAttainability(input);
  const floor = floorFor(kpi);
  const projection =
    a.projection && [a.projection.mean, a.projection.lower, a.projection.upper].every(Number.isFinite)
      ? { mean: floor(a.projection.mean), lower: floor(a.projection.lower), upper: floor(a.projection.upper) }
      : null;
  return {
    verdict: a.verdict,
    message: a.message,
    targetPosition: a.targetPosition,
    projection,
    model: a.forecast?.model ?? null,
    neededPerStep: finite(a.needed.perStep),
    shownPerStep: finite(a.shown.perStep),
    neededPerMonthPercent: finite(a.needed.perMonthPercent),
    shownPerMonthPercent: finite(a.shown.perMonthPercent),
    step: input.step,
    history: input.history.filter((p) => compareDays(p.date, asOf) <= 0 && Number.isFinite(p.value)).map((p) => ({ date: p.date, value: p.value })),
    band: (a.forecast?.points ?? [])
      .filter((p) => [p.mean, p.lower, p.upper].every(Number.isFinite))
      .map((p) => ({ date: p.date, mean: floor(p.mean), lower: floor(p.lower), upper: floor(p.upper) })),
  };
}

export function evaluationOf(
  kpiId: string | null,
  shape: KpiShape,
  account: { id: string; platform: string },
  start: Day,
  deadline: Day | null,
  ds: Dataset,
  asOf: Day,
  withAttainability = true,
): KpiEvaluation {
  const core = toCoreKpi(shape, start, deadline, account.platform as Platform);
  if (!core) {
    const missing = [shape.target === null ? 'target' : null, deadline ? null : 'deadline', shape.kind === 'metric' && !shape.metric ? 'metric' : null];
    return {
      kpiId, accountId: account.id, asOf, actual: null, target: shape.target, status: 'not_measured', progress: null, pace: null,
      paceLine: null, baseline: shape.baseline, final: false, coverage: null,
      trace: { used: [], usedCount: 0, notes: [{ code: 'incomplete_kpi', params: { missing: missing.filter(Boolean).join(',') } }] },
      attainability: null,
    };
  }
  const e = evaluateKpi(core, ds, asOf);
  return {
    kpiId,
    accountId: account.id,
    asOf,
    actual: finite(e.actual),
    target: e.target,
    status: e.status,
    progress: finite(e.progress),
    pace: finite(e.pace),
    paceLine: e.paceLine,
    baseline: finite(e.baseline),
    final: e.final,
    coverage: e.coverage,
    trace: {
      used: e.trace.used.slice(0, TRACE_CAP).map((u) => ({ ...u })),
      usedCount: e.trace.used.length,
      notes: e.trace.notes,
    },
    attainability: withAttainability ? attainabilityOf(core, ds, asOf) : null,
  };
}

/** Documented statistics of the accounts, indexed for the engine, for the window a goal needs. */
export async function datasetsFor(
  ctx: Context,
  accountIds: readonly string[],
  window: { from: Day; to: Day },
): Promise<Map<string, Dataset>> {
  const stats = await loadStatistics(ctx.db, ctx.actor.organisationId, accountIds, window.from, window.to);
  const out = new Map<string, Dataset>();
  for (const [id, s] of stats) out.set(id, indexStatistics(s as Statistics));
  return out;
}

export interface CheckGoal {
  goalType: string;
  strategicGoalId: string | null;
  startDate: string | null;
  deadline: string | null;
  accounts: readonly AccountRow[];
  kpis: readonly KpiShape[];
}

export function smartOf(goal: CheckGoal, attainability: readonly (Attainability | null)[], today: Day): CoreSmartCheck {
  const ageGroups = [...new Set(goal.accounts.flatMap((a) => a.targetAgeGroups as AgeGroup[]))];
  const description = goal.accounts.map((a) => a.targetAudience?.trim() ?? '').filter(Boolean).join('; ');
  return checkSmart(
    {
      goalType: goal.goalType as GoalType | 'custom',
      platforms: [...new Set(goal.accounts.map((a) => a.platform as Platform))],
      audience: { description, ageGroups },
      strategicGoalId: goal.strategicGoalId,
      start: goal.startDate,
      deadline: goal.deadline,
      kpis: goal.kpis.map((k, i) => ({
        kind: k.kind,
        metric: k.metric,
        ageGroups: k.ageGroups,
        target: k.target,
        attainability: attainability[i] ? { verdict: attainability[i].verdict, message: attainability[i].message } : null,
      })),
    },
    today,
  );
}

export function activationOf(goal: CheckGoal) {
  const check = checkActivation({
    strategicGoalId: goal.strategicGoalId,
    start: goal.startDate,
    deadline: goal.deadline,
    kpis: goal.kpis.map((k) => ({ kind: k.kind, metric: k.metric, target: k.target })),
  });
  return check;
}

export const isBaseMetric = (key: string): boolean => getMetric(key) !== undefined;
export type { KpiInput };
