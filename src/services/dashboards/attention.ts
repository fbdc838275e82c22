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
      targetAgeGroups: fit.targetAgeGroups,
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

/** Most urgent first: by the most urgent reason, then more missed KPIs, the gap nearest to loss, then by name. */
export function compareAttention(x: OverviewAccount, y: OverviewAccount): number {
  const top = (a: OverviewAccount) => (a.reasons[0] ? urgency(a.reasons[0]) : 9);
  const missed = (a: OverviewAccount) => a.counts.missed;
  const lost = (a: OverviewAccount) => {
    const gap = a.reasons.find((r) => r.kind === 'documentation_gap');
    return gap && gap.kind === 'documentation_gap' ? (gap.daysUntilLost ?? Infinity) : Infinity;
  };
  return (
    top(x) - top(y) ||
    missed(y) - missed(x) ||
    y.counts.at_risk - x.counts.at_risk ||
    (lost(x) === lost(y) ? 0 : lost(x) < lost(y) ? -1 : 1) ||
    byName.compare(x.account.name, y.account.name)
  );
}
