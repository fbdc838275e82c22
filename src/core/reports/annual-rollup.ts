/**
 * The roll-up of many accounts' annual reports (a unit's, the organisation's), pure: counts added
 * up, resources summed over the accounts that have them (null when none has: not documented is
 * never 0), the rules' suggestions, the evaluators' decisions (signed reports only; the rest are
 * undecided), where each account's newest audience snapshot in the year stands, and the reports'
 * states.
 */

type Decision = 'continue' | 'continue_with_changes' | 'close';
type KpiStatus = 'met' | 'on_track' | 'at_risk' | 'missed' | 'not_measured';
type AudienceStatus = 'fit' | 'misfit' | 'broad' | 'unknown';
type ReportState = 'signed' | 'upcoming' | 'due' | 'overdue';

/** What the roll-up reads of one account's annual report (the contract's AnnualAccountReport has it). */
export interface RollupInput {
  status: 'draft' | 'signed';
  state: ReportState;
  decision: Decision | null;
  figures: {
    counts: Record<KpiStatus, number>;
    resources: {
      plannedHours: number | null;
      documentedHours: number | null;
      hoursMonths: number;
      plannedMoneyNok: number | null;
      documentedMoneyNok: number | null;
      moneyMonths: number;
      monthsInUse: number;
    };
    recommendation: { suggestion: Decision };
    audience: { snapshots: { day: string; status: AudienceStatus }[] };
  };
}

export interface Rollup {
  accounts: number;
  counts: Record<KpiStatus, number>;
  resources: {
    plannedHours: number | null;
    documentedHours: number | null;
    hoursMonths: number;
    plannedMoneyNok: number | null;
    documentedMoneyNok: number | null;
    moneyMonths: number;
    accountMonthsInUse: number;
  };
  suggestions: Record<Decision, number>;
  decisions: Record<Decision | 'undecided', number>;
  audience: Record<AudienceStatus, number>;
  reports: Record<ReportState, number>;
}

/** a + b where null means "not documented": null + null stays null, null + 3 is 3. */
export function addDocumented(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return a + b;
}

/** The newest snapshot's status in the year; unknown without any. */
export function latestAudienceStatus(snapshots: readonly { day: string; status: AudienceStatus }[]): AudienceStatus {
  let newest: { day: string; status: AudienceStatus } | null = null;
  for (const s of snapshots) if (newest === null || s.day > newest.day) newest = s;
  return newest?.status ?? 'unknown';
}

export function annualRollup(reports: readonly RollupInput[]): Rollup {
  const out: Rollup = {
    accounts: reports.length,
    counts: { met: 0, on_track: 0, at_risk: 0, missed: 0, not_measured: 0 },
    resources: { plannedHours: null, documentedHours: null, hoursMonths: 0, plannedMoneyNok: null, documentedMoneyNok: null, moneyMonths: 0, accountMonthsInUse: 0 },
    suggestions: { continue: 0, continue_with_changes: 0, close: 0 },
    decisions: { continue: 0, continue_with_changes: 0, close: 0, undecided: 0 },
    audience: { fit: 0, misfit: 0, broad: 0, unknown: 0 },
    reports: { signed: 0, upcoming: 0, due: 0, overdue: 0 },
  };
  for (const r of reports) {
    const f = r.figures;
    for (const key of Object.keys(out.counts) as KpiStatus[]) out.counts[key] += f.counts[key];
    const res = out.resources;
    res.plannedHours = addDocumented(res.plannedHours, f.resources.plannedHours);
    res.documentedHours = addDocumented(res.documentedHours, f.resources.documentedHours);
    res.hoursMonths += f.resources.hoursMonths;
    res.plannedMoneyNok = addDocumented(res.plannedMoneyNok, f.resources.plannedMoneyNok);
    res.documentedMoneyNok = addDocumented(res.documentedMoneyNok, f.resources.documentedMoneyNok);
    res.moneyMonths += f.resources.moneyMonths;
    res.accountMonthsInUse += f.resources.monthsInUse;
    out.suggestions[f.recommendation.suggestion] += 1;
    if (r.status === 'signed' && r.decision !== null) out.decisions[r.decision] += 1;
    else out.decisions.undecided += 1;
    out.audience[latestAudienceStatus(f.audience.snapshots)] += 1;
    out.reports[r.state] += 1;
  }
  return out;
}
