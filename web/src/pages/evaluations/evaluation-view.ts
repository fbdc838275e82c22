/**
 * Pure pieces of the evaluation pages: the filters read from the address (only known values
 * pass), the months offered in the month filter, a change with its sign, and what the form
 * needs before signing (the core's rule, which the server enforces too).
 */
import type { EvaluationDecision, EvaluationState } from '../../../../src/contract/evaluations.ts';
import { signIssues } from '../../../../src/core/evaluations/rules.ts';

export const evaluationStates = ['overdue', 'due', 'upcoming', 'signed'] as const satisfies readonly EvaluationState[];

export interface EvaluationFilters {
  unit: string;
  month: string;
  state: EvaluationState | '';
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function isEvaluationState(value: string): value is EvaluationState {
  return (evaluationStates as readonly string[]).includes(value);
}

/** The filters of the list from the address; values that are not a month or a state are dropped. */
export function readFilters(params: URLSearchParams): EvaluationFilters {
  const month = params.get('month') ?? '';
  const state = params.get('state') ?? '';
  return { unit: params.get('unit') ?? '', month: isMonth(month) ? month : '', state: isEvaluationState(state) ? state : '' };
}

/** The month `n` months before 'YYYY-MM' (negative: after). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The months to choose from, newest first: the month of `asOf` and the `count` months before it,
 * and the chosen month when it is outside them (an address can name any month).
 */
export function monthChoices(asOf: string, count: number, chosen = ''): string[] {
  const current = asOf.slice(0, 7);
  const out = Array.from({ length: count + 1 }, (_, i) => addMonths(current, i));
  if (chosen && isMonth(chosen) && !out.includes(chosen)) {
    out.push(chosen);
    out.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  }
  return out;
}

/** "+12" for a rise, the number as formatted for a fall (it carries its minus), "0" unchanged. */
export function withSign(formatted: string, value: number): string {
  return value > 0 ? `+${formatted}` : formatted;
}

export interface DraftFields {
  assessment: string;
  decision: EvaluationDecision | null;
  adjustment: string;
}

export type DraftField = keyof DraftFields;
const draftFields: readonly DraftField[] = ['assessment', 'decision', 'adjustment'];

/**
 * The fields to fill in before signing, by the core's rule (the server checks the same); whether
 * the month has ended is left to the server, which knows the day.
 */
export function missingForSigning(draft: DraftFields, month: string, today: string): DraftField[] {
  const paths = new Set(signIssues({ ...draft, month }, today).map((i) => i.path));
  return draftFields.filter((f) => paths.has(f));
}

/** Whether the form differs from what is saved. */
export function isChanged(saved: DraftFields, draft: DraftFields): boolean {
  return saved.assessment !== draft.assessment || saved.decision !== draft.decision || saved.adjustment !== draft.adjustment;
}

export interface UnitCounts {
  unit: { id: string; slug: string; name: string };
  counts: Record<EvaluationState, number>;
}

/** The evaluations counted by unit and state, the units by name. */
export function countsByUnit(items: readonly { unit: UnitCounts['unit']; state: EvaluationState }[]): UnitCounts[] {
  const byId = new Map<string, UnitCounts>();
  for (const item of items) {
    let entry = byId.get(item.unit.id);
    if (!entry) {
      entry = { unit: item.unit, counts: { overdue: 0, due: 0, upcoming: 0, signed: 0 } };
      byId.set(item.unit.id, entry);
    }
    entry.counts[item.state] += 1;
  }
  return [...byId.values()].sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'nb'));
}
