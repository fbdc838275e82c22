/**
 * The rules of annual reports (issue #6), pure: when a year's report is due (31 January of the
 * following year), where it stands as of a day, what must be written before it can be signed,
 * and which status changes are allowed. `today` is always an argument.
 */
import { AppError, type FieldIssue } from '../errors.ts';
import type { Day } from '../period/days.ts';

export const annualDecisions = ['continue', 'continue_with_changes', 'close'] as const;
export type AnnualDecision = (typeof annualDecisions)[number];
export type AnnualReportStatus = 'draft' | 'signed';
export type AnnualReportState = 'signed' | 'upcoming' | 'due' | 'overdue';

/** A year as 'YYYY'. */
export type Year = string;

export function isYear(value: unknown): value is Year {
  return typeof value === 'string' && /^\d{4}$/.test(value) && Number(value) >= 1;
}

export function yearFirstDay(year: Year): Day {
  return `${year}-01-01`;
}

export function yearLastDay(year: Year): Day {
  return `${year}-12-31`;
}

/** The report on `year` is due on 31 January of the year after. */
export function annualReportDueOn(year: Year): Day {
  return `${String(Number(year) + 1).padStart(4, '0')}-01-31`;
}

export function yearHasEnded(year: Year, today: Day): boolean {
  return today > yearLastDay(year);
}

/** Signed whatever the day; a draft is upcoming while the year runs, due up to and including its due day, overdue after. */
export function annualReportState(status: AnnualReportStatus, year: Year, today: Day): AnnualReportState {
  if (status === 'signed') return 'signed';
  if (!yearHasEnded(year, today)) return 'upcoming';
  return today <= annualReportDueOn(year) ? 'due' : 'overdue';
}

export interface AnnualReportText {
  year: Year;
  decision: AnnualDecision | null;
  reasoning: string;
}

/** What is missing before the report can be signed: the year must have ended, a decision chosen and the reasoning written. */
export function annualSignIssues(report: AnnualReportText, today: Day): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!yearHasEnded(report.year, today)) issues.push({ path: 'year', message: 'The year has not ended yet; sign the report once it has.' });
  if (report.decision === null) issues.push({ path: 'decision', message: 'Choose the decision: continue, continue with changes or close.' });
  if (report.reasoning.trim() === '') issues.push({ path: 'reasoning', message: 'Write the reasoning behind the decision.' });
  return issues;
}

export function assertAnnualSignable(report: AnnualReportText, today: Day): void {
  const issues = annualSignIssues(report, today);
  if (issues.length > 0) {
    throw new AppError('validation_failed', `The annual report cannot be signed yet: ${issues.map((i) => i.message).join(' ')}`, issues);
  }
}

/** Editing and signing need a draft; reopening a signed report. Anything else is a conflict. */
export function assertAnnualTransition(status: AnnualReportStatus, change: 'edit' | 'sign' | 'reopen'): void {
  if (change === 'reopen') {
    if (status !== 'signed') throw new AppError('conflict', 'Only a signed annual report can be reopened; this one is a draft.');
    return;
  }
  if (status === 'signed') {
    throw new AppError(
      'conflict',
      change === 'sign' ? 'This annual report is already signed.' : 'This annual report is signed and locked; a unit manager may reopen it (with a reason) to change it.',
    );
  }
}
