/**
 * The rules of monthly evaluations (issue #6), pure:
 * - where an evaluation stands as of a day (signed, upcoming, due, overdue);
 * - which accounts a month's drafts are prepared for;
 * - what must be written before an evaluation can be signed (as field issues);
 * - which status changes are allowed (edit and sign a draft; reopen a signed one).
 */
import type { FieldIssue } from '../errors.ts';
import { AppError } from '../errors.ts';
import type { Day } from '../period/days.ts';
import { evaluationDueOn, monthHasEnded, monthOfDay, type Month } from './months.ts';

export const evaluationDecisions = ['keep', 'adjust_content', 'escalate'] as const;
export type EvaluationDecision = (typeof evaluationDecisions)[number];
export type EvaluationStatus = 'draft' | 'signed';
export type EvaluationState = 'signed' | 'upcoming' | 'due' | 'overdue';
export const evaluationStates = ['signed', 'upcoming', 'due', 'overdue'] as const satisfies readonly EvaluationState[];

/**
 * Signed is signed whatever the day. A draft is upcoming while its month has not ended, due
 * from the month's end up to and including its due day (the 15th of the next month), and
 * overdue after that.
 */
export function evaluationState(status: EvaluationStatus, month: Month, today: Day): EvaluationState {
  if (status === 'signed') return 'signed';
  if (!monthHasEnded(month, today)) return 'upcoming';
  return today <= evaluationDueOn(month) ? 'due' : 'overdue';
}

/**
 * Does the account get a draft for `month`? Active accounts do, from the month they came into
 * use: the month they were registered in, or the month of their first documented statistics if
 * that is earlier (an account registered today with last year's exports imported is evaluated for
 * last year's months too; one registered on 20 March without earlier statistics from March).
 * Paused and closed accounts get none (their status when the drafts are prepared).
 */
export function needsDraft(account: { status: string; registeredOn: Day; firstDocumented?: Day | null }, month: Month): boolean {
  const since = account.firstDocumented && account.firstDocumented < account.registeredOn ? account.firstDocumented : account.registeredOn;
  return account.status === 'active' && monthOfDay(since) <= month;
}

/** The months whose drafts may be prepared as of `today`: any month up to the current one (never a future month). */
export function canPrepareMonth(month: Month, today: Day): boolean {
  return month <= monthOfDay(today);
}

export interface EvaluationText {
  assessment: string;
  decision: EvaluationDecision | null;
  adjustment: string;
}

/**
 * What is missing before an evaluation can be signed: its month must have ended, the assessment
 * must be written, a decision chosen, and an adjustment described when the decision is to
 * adjust the content. An empty list: it may be signed.
 */
export function signIssues(evaluation: EvaluationText & { month: Month }, today: Day): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!monthHasEnded(evaluation.month, today)) issues.push({ path: 'month', message: 'The month has not ended yet; sign it once it has.' });
  if (evaluation.assessment.trim() === '') issues.push({ path: 'assessment', message: 'Write the assessment before signing.' });
  if (evaluation.decision === null) issues.push({ path: 'decision', message: 'Choose a decision: keep as is, adjust content or escalate.' });
  if (evaluation.decision === 'adjust_content' && evaluation.adjustment.trim() === '') {
    issues.push({ path: 'adjustment', message: 'Describe the adjustment to the content.' });
  }
  return issues;
}

/** Throws validation_failed naming every missing field, unless the evaluation may be signed. */
export function assertSignable(evaluation: EvaluationText & { month: Month }, today: Day): void {
  const issues = signIssues(evaluation, today);
  if (issues.length > 0) {
    throw new AppError('validation_failed', `The evaluation cannot be signed yet: ${issues.map((i) => i.message).join(' ')}`, issues);
  }
}

export type EvaluationChange = 'edit' | 'sign' | 'reopen';

/**
 * Editing and signing need a draft; reopening needs a signed evaluation. Anything else is a
 * conflict (a signed evaluation is locked until a manager reopens it).
 */
export function assertTransition(status: EvaluationStatus, change: EvaluationChange): void {
  if (change === 'reopen') {
    if (status !== 'signed') throw new AppError('conflict', 'Only a signed evaluation can be reopened; this one is a draft.');
    return;
  }
  if (status === 'signed') {
    throw new AppError(
      'conflict',
      change === 'sign'
        ? 'This evaluation is already signed.'
        : 'This evaluation is signed and locked; a unit manager may reopen it (with a reason) to change it.',
    );
  }
}
