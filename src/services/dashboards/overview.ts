/**
 * The organisation → unit drill-down (issue #5): for the organisation, or a unit and everything
 * below it, the status of every KPI of the active goals of the active and paused accounts the
 * actor may read (closed accounts are left out), counted per unit with its sub-units, and the
 * accounts needing attention, most urgent first.
 *
 * Shape decisions:
 * - `children`: the units directly below the scope unit; at the organisation, the highest units
 *   the actor may read (the top units for an administrator; Faculty A for someone granted there).
 *   Archived units are not shown (their accounts still count in the units above).
 * - `accounts`: the accounts placed directly in the scope unit; empty at the organisation (every
 *   account sits in some unit, which is one of `children` or below one).
 * - `scope.ancestors`: the units above the scope that the actor may read, top down.
 * - KPIs are evaluated as of min(period end, today) and read from the result cache
 *   (kpi-results.ts; what is missing is computed and stored first); audience fit uses the newest snapshot on or
 *   before that day; the due watchdog judges as of today (what can still be saved is a matter of
 *   now, whatever period is shown) and watches active accounts only (paused: due is null);
 *   overdue evaluations are drafts past their due day as of today.
 * - What the one statement reads is kept in memory while none of its tables changed
 *   (overview-cache.ts), so a warm request is one index probe and the assembly below.
 */
import { audienceFit } from '../../core/audience/fit.ts';
import { historyWindowDefaults } from '../../core/coverage/history-windows.ts';
import type { DayRange } from '../../core/coverage/ranges.ts';
import { minDay } from '../../core/period/days.ts';
import type { AgeGroup, Platform } from '../../core/platforms.ts';
import type { OverviewAccount, OverviewOut, OverviewQuery, OverviewUnit, UnitRef } from '../../contract/overview.ts';
import type { units } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { accountRef } from '../coverage/account-ref.ts';
import { dayOf } from '../goals/kpi-evaluation.ts';
import { kpiName, type KpiShape } from '../goals/kpi-shape.ts';
import { findUnit } from '../lookup.ts';
import { addCounts, byName, byUrgency, emptyCounts, type FitSummary, type KpiOfAccount, reasonsFor, sortByName, worstOf } from './attention.ts';
import { computeDocumentedRuns, dueOf } from './due-watch.ts';
import { computeKpiResults, type KpiResult, resultKey } from './kpi-results.ts';
import { monthlyPeriods } from './monthly.ts';
import { readOverviewCached } from './overview-cache.ts';
import type { OverviewKpi, OverviewRow } from './overview-rows.ts';

export const ATTENTION_CAP = 100;

const names = new Map<string, { nb: string; en: string }>();
/** A KPI's display name (pure; by metric and age groups, so the map stays small). */
function nameOf(k: OverviewKpi): { nb: string; en: string } {
  const key = `${k.kind}|${k.metric ?? ''}|${k.ageGroups.join(',')}`;
  let name = names.get(key);
  if (!name) {
    name = kpiName({ kind: k.kind as KpiShape['kind'], metric: k.metric, ageGroups: k.ageGroups as AgeGroup[] }).name;
    names.set(key, name);
  }
  return name;
}

type Fit = Omit<FitSummary, 'snapshotDay'>;
/**
 * Audience fits by distribution (the shared, frozen objects overview-rows.ts parses once per
 * text) and target groups: a pure function of the two, so a hit cannot be stale, and 500 fits a
 * request cost time and garbage. The fit does not depend on the snapshot's day.
 */
const fits = new WeakMap<object, Map<string, Fit>>();
function fitOf(targetAgeGroups: readonly string[], snapshot: OverviewRow['snapshot']): Fit {
  const compute = (): Fit => {
    const f = audienceFit(targetAgeGroups, snapshot ? { day: snapshot.day, ageDistribution: snapshot.ageDistribution } : null);
    return Object.freeze({ status: f.status, largestGroup: f.largestGroup, largestShare: f.largestShare, targetAgeGroups: Object.freeze(f.targetAgeGroups) as AgeGroup[] });
  };
  if (!snapshot || !Object.isFrozen(snapshot.ageDistribution)) return compute();
  let byTargets = fits.get(snapshot.ageDistribution);
  if (!byTargets) fits.set(snapshot.ageDistribution, (byTargets = new Map()));
  const key = targetAgeGroups.join(',');
  let fit = byTargets.get(key);
  if (!fit) byTargets.set(key, (fit = compute()));
  return fit;
}

export async function overview(ctx: Context, query: OverviewQuery = {}): Promise<OverviewOut> {
  const orgId = ctx.actor.organisationId;
  const { access } = ctx.actor;
  const today = dayOf(ctx.now);
  const p = monthlyPeriods(query.period ?? today.slice(0, 7), ctx.now);
  const asOf = minDay(p.period.end, today);

  let scope: typeof units.$inferSelect | null = null;
  if (query.unit) {
    scope = await findUnit(ctx.db, orgId, query.unit);
    authorize(ctx, 'read', scope.id, 'unit');
  }
  const scopePath = scope?.path ?? null;
  const inScope = (path: string) => scopePath === null || path === scopePath || path.startsWith(`${scopePath}/`);
  const { units: unitRows, accounts: allRows, windowOverrides: overrides } = await readOverviewCached(ctx.db, orgId, scopePath, asOf, today);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const ref = (id: string): UnitRef => {
    const u = unitById.get(id)!;
    return { id: u.id, slug: u.slug, name: u.name };
  };
  const counted = allRows
    .filter((a) => unitById.has(a.unitId) && access.can('read', a.unitId))
    .map((a) => (a.goals.every((g) => access.can('read', g.goalUnitId)) ? a : { ...a, goals: a.goals.filter((g) => access.can('read', g.goalUnitId)) }));
  sortByName(counted, (a) => a.name);

  // What is not cached yet for this day is computed (and stored) now.
  const missingKpis = counted.filter((a) => a.goals.some((g) => g.details.some((k) => k.status === null)));
  const missingRuns = counted.filter((a) => a.status === 'active' && a.runs === null);
  const [computed, runs] = await Promise.all([
    missingKpis.length > 0 ? computeKpiResults(ctx.db, orgId, missingKpis, asOf, ctx.now) : new Map<string, KpiResult>(),
    missingRuns.length > 0 ? computeDocumentedRuns(ctx.db, orgId, missingRuns, ctx.now) : new Map<string, DayRange[]>(),
  ]);

  const goalsOf = new Map<string, string[]>();
  const rows: OverviewAccount[] = counted.map((a) => {
    const counts = emptyCounts();
    const flagged: KpiOfAccount[] = [];
    const goals = new Set<string>();
    for (const g of a.goals) {
      addCounts(counts, g.counts);
      const c = g.counts;
      if (c.met > 0 || c.on_track > 0 || c.at_risk > 0 || c.missed > 0 || c.not_measured > 0) goals.add(g.goalId);
      for (const k of g.details) {
        // Cached missed and at-risk KPIs are counted already; those not cached get their fresh status.
        const fresh = k.status === null ? computed.get(resultKey(k.kpiId, a.id))?.status : undefined;
        // A KPI replaced while its results were computed has none: it no longer exists.
        if (k.status === null && !fresh) continue;
        if (fresh) counts[fresh] += 1;
        goals.add(g.goalId);
        const status = (k.status ?? fresh)!;
        if (status === 'missed' || status === 'at_risk') flagged.push({ goalId: g.goalId, kpiId: k.kpiId, name: nameOf(k), status });
      }
    }
    goalsOf.set(a.id, [...goals]);
    const fit = fitOf(a.targetAgeGroups, a.snapshot);
    const due = dueOf(a, a.runs ?? runs.get(a.id) ?? [], overrides, today);
    const cadence = historyWindowDefaults[a.platform as Platform].cadence;
    return {
      account: accountRef(a),
      unit: ref(a.unitId),
      counts,
      worst: worstOf(counts),
      audienceFit: fit.status,
      due: due?.assessment.status ?? null,
      reasons: reasonsFor(flagged, { ...fit, snapshotDay: a.snapshot?.day ?? null }, due ? { assessment: due.assessment, cadence } : undefined, a.overdueEvaluations),
    };
  });

  // Each account counts in its unit and every unit above it (the ids of its unit's path); the
  // goals are counted for the totals only.
  const summaries = new Map<string, Omit<OverviewUnit, 'unit'>>();
  const summary = (id: string) => {
    let s = summaries.get(id);
    if (!s) {
      s = { accounts: 0, counts: emptyCounts(), needingAttention: 0, misfits: 0, gaps: 0 };
      summaries.set(id, s);
    }
    return s;
  };
  const total = summary('');
  const totalGoals = new Set<string>();
  const summariesOf = new Map<string, Omit<OverviewUnit, 'unit'>[]>();
  counted.forEach((a, i) => {
    const row = rows[i]!;
    let list = summariesOf.get(a.unitId);
    if (!list) summariesOf.set(a.unitId, (list = ['', ...(unitById.get(a.unitId)?.path ?? '').split('/')].map(summary)));
    for (const s of list) {
      s.accounts += 1;
      addCounts(s.counts, row.counts);
      if (row.reasons.length > 0) s.needingAttention += 1;
      if (row.audienceFit === 'misfit') s.misfits += 1;
      if (row.due === 'overdue' || row.due === 'due') s.gaps += 1;
    }
    for (const g of goalsOf.get(a.id) ?? []) totalGoals.add(g);
  });
  const present = (u: (typeof unitRows)[number]): OverviewUnit => ({ unit: { ...ref(u.id), parentId: u.parentId }, ...(summaries.get(u.id) ?? summary(u.id)) });

  const shown = unitRows.filter((u) => !u.archived && inScope(u.path) && access.can('read', u.id));
  const children = shown
    .filter((u) => (scope ? u.parentId === scope.id : u.parentId === null || !access.can('read', u.parentId)))
    .sort((x, y) => byName.compare(x.name, y.name))
    .map(present);
  // rows are in name order, so a stable sort by urgency is compareAttention's order.
  const attention = byUrgency(rows.filter((r) => r.reasons.length > 0));
  return {
    asOf,
    periods: { period: p.period, previous: p.previous, sameLastYear: p.sameLastYear },
    scope: {
      unit: scope ? ref(scope.id) : null,
      ancestors: scope
        ? scope.path
            .split('/')
            .filter((id) => id !== scope.id && unitById.has(id) && access.can('read', id))
            .map(ref)
        : [],
    },
    totals: { ...total, goals: totalGoals.size },
    children,
    accounts: scope ? rows.filter((r) => r.unit.id === scope.id) : [],
    attention: attention.slice(0, ATTENTION_CAP),
    attentionTotal: attention.length,
  };
}
