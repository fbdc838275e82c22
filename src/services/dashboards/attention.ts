/**
 * What the overview says about one account: its KPI status counts, the worst status, and the
 * reasons it needs attention (missed or at-risk KPIs, an audience that misses the target groups,
 * documentation about to leave the platform's history window), most urgent first. Pure.
 */
import type { DueAssessment } from '../../core/coverage/due.ts';
import type { KpiStatus } from '../../core/kpi/status.ts';
import type { AttentionReason, OverviewAccount, StatusCounts } from '../../contract/overview.ts';
import type { AudienceFitOut } from '../../contract/coverage.ts';
import type { Cadence } from '../../core/coverage/history-windows.ts';
import type { Day } from '../../core/period/days.ts';

/** Names in Norwegian order; one collator (localeCompare with a locale builds one per call). */
export const byName = new Intl.Collator('nb');

/**
 * Each name seen so far with its rank in Norwegian order (names the collator holds equal share a
 * rank). The order of names does not depend on which others are sorted with them, so sorting by
 * these ranks gives exactly what sorting with the collator gives; comparing 500 names with the
 * collator cost about 2 ms per overview, a number about 0.1 ms. Bounded; rebuilt when full.
 */
let ranks = new Map<string, number>();
const MAX_RANKED = 20_000;

/** Sorts `list` in place by `name` in Norwegian order (stable, as Array.prototype.sort with byName). */
export function sortByName<T>(list: T[], name: (x: T) => string): T[] {
  const known = list.every((x) => ranks.has(name(x)));
  if (known) return list.sort((x, y) => ranks.get(name(x))! - ranks.get(name(y))!);
  list.sort((x, y) => byName.compare(name(x), name(y)));
  const names = [...new Set([...(ranks.size + list.length > MAX_RANKED ? [] : ranks.keys()), ...list.map(name)])].sort(byName.compare);
  const next = new Map<string, number>();
  names.forEach((n, i) => next.set(n, i > 0 && byName.compare(names[i - 1]!, n) === 0 ? next.get(names[i - 1]!)! : i));
  ranks = next;
  return list;
}

export const emptyCounts = (): StatusCounts => ({ met: 0, on_track: 0, at_risk: 0, missed: 0, not_measured: 0 });

export function addCounts(into: StatusCounts, from: StatusCounts): void {
  into.met += from.met;
  into.on_track += from.on_track;
  into.at_risk += from.at_risk;
  into.missed += from.missed;
  into.not_measured += from.not_measured;
}

/** The worst status counted (missed < at_risk < not_measured < on_track < met); null without KPIs. */
export function worstOf(counts: StatusCounts): KpiStatus | null {
  const order: KpiStatus[] = ['missed', 'at_risk', 'not_measured', 'on_track', 'met'];
  return order.find((s) => counts[s] > 0) ?? null;
}

export interface KpiOfAccount {
  goalId: string;
  kpiId: string;
  name: { nb: string; en: string };
  status: KpiStatus;
}

/** Reason kinds by urgency: missed, overdue gap, overdue evaluation, misfit, at risk, due gap. */
function urgency(r: AttentionReason): number {
  switch (r.kind) {
    case 'missed_kpis':
      return 0;
    case 'documentation_gap':
      return r.status === 'overdue' ? 1 : 5;
    case 'overdue_evaluations':
      return 2;
    case 'audience_misfit':
      return 3;
    case 'at_risk_kpis':
      return 4;
  }
}

/** What attention needs of an audience fit (core/audience/fit.ts) and its snapshot's day. */
export type FitSummary = Pick<AudienceFitOut, 'status' | 'largestGroup' | 'largestShare' | 'targetAgeGroups'> & { snapshotDay: Day | null };

export function reasonsFor(
  kpis: readonly KpiOfAccount[],
  fit: FitSummary | undefined,
  due: { assessment: DueAssessment; cadence: Cadence } | undefined,
  overdueEvaluations: readonly string[] = [],
): AttentionReason[] {
  const out: AttentionReason[] = [];
  const ref = (k: KpiOfAccount) => ({ goalId: k.goalId, kpiId: k.kpiId, name: k.name });
  const missed = kpis.filter((k) => k.status === 'missed');
  if (missed.length > 0) out.push({ kind: 'missed_kpis', count: missed.length, kpis: missed.map(ref) });
  const atRisk = kpis.filter((k) => k.status === 'at_risk');
  if (atRisk.length > 0) out.push({ kind: 'at_risk_kpis', count: atRisk.length, kpis: atRisk.map(ref) });
  if (fit?.status === 'misfit' && fit.largestGroup !== null && fit.largestShare !== null && fit.snapshotDay !== null) {
    out.push({
      kind: 'audience_misfit',
      largestGroup: fit.largestGroup,
      largestShare: fit.largestShare,
      targetAgeGroups: [...fit.targetAgeGroups],
      snapshotDay: fit.snapshotDay,
    });
  }
  if (due && due.assessment.status !== 'ok') {
    const a = due.assessment;
    out.push({
      kind: 'documentation_gap',
      status: a.status as 'overdue' | 'due',
      cadence: due.cadence,
      toCoverDays: a.toCoverDays,
      lostDays: a.lostDays,
      leavesWindowOn: a.leavesWindowOn,
      daysUntilLost: a.daysUntilLost,
    });
  }
  if (overdueEvaluations.length > 0) out.push({ kind: 'overdue_evaluations', count: overdueEvaluations.length, months: [...overdueEvaluations] });
  return out.sort((x, y) => urgency(x) - urgency(y));
}

const top = (a: OverviewAccount) => (a.reasons[0] ? urgency(a.reasons[0]) : 9);
const lost = (a: OverviewAccount) => {
  const gap = a.reasons.find((r) => r.kind === 'documentation_gap');
  return gap && gap.kind === 'documentation_gap' ? (gap.daysUntilLost ?? Infinity) : Infinity;
};

/** Most urgent first: by the most urgent reason, then more missed KPIs, more at risk, the gap nearest to loss, then by name. */
export function compareAttention(x: OverviewAccount, y: OverviewAccount): number {
  return compareUrgency(x, y) || byName.compare(x.account.name, y.account.name);
}

/** compareAttention without the names: for accounts already in name order, a stable sort by this gives the same order. */
function compareUrgency(x: OverviewAccount, y: OverviewAccount): number {
  const lx = lost(x);
  const ly = lost(y);
  return top(x) - top(y) || y.counts.missed - x.counts.missed || y.counts.at_risk - x.counts.at_risk || (lx === ly ? 0 : lx < ly ? -1 : 1);
}

/** Accounts in name order (sortByName) sorted most urgent first, as by compareAttention. */
export function byUrgency(inNameOrder: readonly OverviewAccount[]): OverviewAccount[] {
  const keyed = inNameOrder.map((a) => ({ a, top: top(a), lost: lost(a) }));
  keyed.sort(
    (x, y) =>
      x.top - y.top ||
      y.a.counts.missed - x.a.counts.missed ||
      y.a.counts.at_risk - x.a.counts.at_risk ||
      (x.lost === y.lost ? 0 : x.lost < y.lost ? -1 : 1),
  );
  return keyed.map((k) => k.a);
}
