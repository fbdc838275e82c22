/**
 * The KPI result cache (db/schema/kpi-results.ts): every KPI of every active goal evaluated for
 * each of the goal's accounts as of a day, kept so that the overview reads a few thousand rows
 * instead of evaluating from millions of daily values on every request.
 *
 * Stale rows are impossible by construction:
 * - a statistics write or undo forgets the account's rows in its own transaction
 *   (forget-results.ts forgetKpiResults, called next to refreshRollups), a goal change forgets
 *   its KPIs' rows in its transaction (forgetGoalKpiResults), and replaced or deleted KPIs take
 *   their rows with them (foreign key, on delete cascade);
 * - missing results are computed and stored in a transaction that first takes each account's
 *   write lock (the advisory lock every statistics write holds for its whole transaction) and
 *   reads the goals `for share` (every goal change updates its goals row), so no write can land
 *   between reading the inputs and storing the result: it either committed before (and is read)
 *   or waits until the result is stored (and then forgets it).
 * Only the window each goal needs, and only the metrics its KPIs read, are loaded. The overview
 * needs no forecast (status, actual and progress); the account dashboard asks for the whole
 * evaluation with attainability once a day and account (`full`, accountEvaluations).
 */
import { and, eq, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { KpiEvaluation } from '../../contract/goals.ts';
import type { KpiStatus } from '../../core/kpi/status.ts';
import { getMetric } from '../../core/metrics/catalogue.ts';
import { engagementRules } from '../../core/metrics/engagement.ts';
import { type Day, maxDay, minDay } from '../../core/period/days.ts';
import type { Platform } from '../../core/platforms.ts';
import { indexStatistics } from '../../core/kpi/dataset.ts';
import type { Statistics } from '../../core/kpi/types.ts';
import type { Db } from '../../db/client.ts';
import { goalAccounts, goals, kpiResults, kpis } from '../../db/schema/index.ts';
import { loadStatistics } from '../statistics/load-statistics.ts';
import { lockAccount } from '../statistics/write-statistics.ts';
import type { GoalRow, KpiRow } from '../goals/goal-bundles.ts';
import { evaluationOf, goalStart, statisticsWindow } from '../goals/kpi-evaluation.ts';
import { kpiShapeOf, type KpiShape } from '../goals/kpi-shape.ts';

/** What evaluating needs of an account. */
export interface KpiAccount {
  id: string;
  platform: string;
}

export interface KpiResult {
  kpiId: string;
  accountId: string;
  status: KpiStatus;
  actual: number | null;
  target: number | null;
  progress: number | null;
  /** With `full`: the whole evaluation with attainability. */
  evaluation?: KpiEvaluation;
}

/** Accounts whose missing results are computed in one transaction (one statistics read). */
const BATCH = 40;
/** Results for another day than the one asked for are pruned once computed this long ago. */
const PRUNE_AFTER_MS = 3 * 24 * 3600 * 1000;

export const resultKey = (kpiId: string, accountId: string): string => `${kpiId}|${accountId}`;

/**
 * The metrics a KPI's evaluation may read on a platform, or null for "every metric" (derived
 * KPIs, whose inputs the engine combines in metric-specific ways). A superset is harmless; a
 * metric left out would change the result, so base metrics bring their ratio parts, the
 * engagement parts, and followers.
 */
export function metricsRead(shape: KpiShape, platform: Platform): string[] | null {
  if (shape.kind === 'audience_share' || !shape.metric) return [];
  const def = getMetric(shape.metric);
  if (!def) return null;
  const out = new Set([shape.metric, 'followers']);
  if (def.ratio) {
    out.add(def.ratio.numerator);
    out.add(def.ratio.denominator);
  }
  if (shape.metric === 'engagements') {
    const rule = engagementRules[platform];
    for (const m of [...rule.required, ...rule.optional]) out.add(m);
  }
  return [...out];
}

/**
 * Computes, stores and returns the results of every active goal's KPIs for the given accounts
 * (those whose results are missing), in batches, each under the accounts' write locks. `full`
 * evaluates with attainability (forecast band and history, for the account dashboard) and keeps
 * the whole evaluation too.
 */
export async function computeKpiResults(
  db: Db,
  organisationId: string,
  accountRows: readonly KpiAccount[],
  asOf: Day,
  now: Date,
  full = false,
): Promise<Map<string, KpiResult>> {
  const out = new Map<string, KpiResult>();
  const sorted = [...accountRows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < sorted.length; i += BATCH) {
    const batch = sorted.slice(i, i + BATCH);
    const results = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      for (const a of batch) await lockAccount(tx, a.id);
      return evaluateBatch(tx, organisationId, batch, asOf, now, full);
    });
    for (const r of results) out.set(resultKey(r.kpiId, r.accountId), r);
  }
  if (sorted.length > 0) {
    // Opportunistic: results for other days, once they are a few days old, are not asked for again.
    await db.delete(kpiResults).where(
      and(eq(kpiResults.organisationId, organisationId), ne(kpiResults.asOf, asOf), lt(kpiResults.computedAt, new Date(now.getTime() - PRUNE_AFTER_MS))),
    );
  }
  return out;
}

async function evaluateBatch(tx: Db, organisationId: string, batch: readonly KpiAccount[], asOf: Day, now: Date, full: boolean): Promise<KpiResult[]> {
  const ids = batch.map((a) => a.id);
  // `for share`: a goal being changed right now either committed (read here) or waits for this transaction.
  const links = await tx
    .select({ accountId: goalAccounts.accountId, goal: goals })
    .from(goals)
    .innerJoin(goalAccounts, eq(goalAccounts.goalId, goals.id))
    .where(and(eq(goals.organisationId, organisationId), eq(goals.status, 'active'), inArray(goalAccounts.accountId, ids)))
    .for('share', { of: goals });
  if (links.length === 0) return [];
  const goalIds = [...new Set(links.map((l) => l.goal.id))];
  const kpiRows = await tx.select().from(kpis).where(inArray(kpis.goalId, goalIds));
  const kpisOf = new Map<string, KpiRow[]>();
  for (const k of kpiRows) kpisOf.set(k.goalId, [...(kpisOf.get(k.goalId) ?? []), k]);

  // Per account: its goals, the window they need and the metrics their KPIs read.
  const byId = new Map(batch.map((a) => [a.id, a]));
  const work: { account: KpiAccount; goal: GoalRow; kpis: KpiRow[] }[] = [];
  let from: Day | null = null;
  let to: Day | null = null;
  let metrics: Set<string> | null = new Set();
  for (const l of links) {
    const account = byId.get(l.accountId);
    const list = kpisOf.get(l.goal.id) ?? [];
    if (!account || list.length === 0) continue;
    work.push({ account, goal: l.goal, kpis: list });
    const w = statisticsWindow(goalStart(l.goal), l.goal.deadline, asOf);
    from = from === null ? w.from : minDay(from, w.from);
    to = to === null ? w.to : maxDay(to, w.to);
    for (const k of list) {
      const read = metricsRead(kpiShapeOf(k), account.platform as Platform);
      if (read === null) metrics = null;
      else if (metrics) for (const m of read) metrics.add(m);
    }
  }
  if (work.length === 0 || from === null || to === null) return [];
  const accountIds = [...new Set(work.map((w) => w.account.id))];
  const stats = await loadStatistics(tx, organisationId, accountIds, from, to, metrics ? [...metrics] : undefined);

  const results: KpiResult[] = [];
  const datasets = new Map<string, ReturnType<typeof indexStatistics>>();
  for (const w of work) {
    let ds = datasets.get(w.account.id);
    if (!ds) {
      ds = indexStatistics((stats.get(w.account.id) ?? { observations: [], posts: [], audience: [] }) as Statistics);
      datasets.set(w.account.id, ds);
    }
    for (const k of w.kpis) {
      const e = evaluationOf(k.id, kpiShapeOf(k), w.account, goalStart(w.goal), w.goal.deadline, ds, asOf, full);
      const r: KpiResult = { kpiId: k.id, accountId: w.account.id, status: e.status, actual: e.actual, target: e.target, progress: e.progress };
      // As JSON would give it back (no undefined fields), so a fresh and a cached answer are alike.
      if (full) r.evaluation = JSON.parse(JSON.stringify(e)) as KpiEvaluation;
      results.push(r);
    }
  }
  if (results.length > 0) {
    for (let i = 0; i < results.length; i += 1000) {
      const insert = tx.insert(kpiResults).values(results.slice(i, i + 1000).map((r) => ({ organisationId, asOf, computedAt: now, ...r })));
      // Computed under the locks, a full evaluation replaces a status-only row (they agree on the status).
      await (full
        ? insert.onConflictDoUpdate({ target: [kpiResults.kpiId, kpiResults.accountId, kpiResults.asOf], set: { evaluation: sql`excluded.evaluation` } })
        : insert.onConflictDoNothing());
    }
  }
  return results;
}

/**
 * The full evaluations (with attainability) of an account's active goals' KPIs as of `asOf`:
 * cached ones read, missing ones computed and stored first (under the account's write lock).
 */
export async function accountEvaluations(
  db: Db,
  organisationId: string,
  account: KpiAccount,
  kpiIds: readonly string[],
  asOf: Day,
  now: Date,
): Promise<Map<string, KpiEvaluation>> {
  const out = new Map<string, KpiEvaluation>();
  if (kpiIds.length === 0) return out;
  const rows = await db
    .select({ kpiId: kpiResults.kpiId, evaluation: kpiResults.evaluation })
    .from(kpiResults)
    .where(and(eq(kpiResults.organisationId, organisationId), eq(kpiResults.accountId, account.id), eq(kpiResults.asOf, asOf), isNotNull(kpiResults.evaluation)));
  for (const r of rows) if (r.evaluation) out.set(r.kpiId, r.evaluation as unknown as KpiEvaluation);
  if (kpiIds.every((id) => out.has(id))) return out;
  for (const r of (await computeKpiResults(db, organisationId, [account], asOf, now, true)).values()) {
    if (r.evaluation) out.set(r.kpiId, r.evaluation);
  }
  return out;
}
