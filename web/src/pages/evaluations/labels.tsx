/** Evaluation states and decisions in words, with a symbol and a colour that are never the only cue. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EvaluationDecision, EvaluationState } from '../../../../src/contract/evaluations.ts';

export const decisionLabel = (t: TFunction, decision: EvaluationDecision): string => t(`evaluations.decision.${decision}`);

/** The tile styles of the KPI statuses, reused for the evaluation states (each with its own symbol). */
export const stateTileClass: Record<EvaluationState, string> = {
  overdue: 'kpi-missed',
  due: 'kpi-at_risk',
  upcoming: 'kpi-not_measured',
  signed: 'kpi-met',
};

const badgeClass: Record<EvaluationState, string> = { overdue: 'refused', due: 'paused', upcoming: 'neutral', signed: 'active' };
const stateIcon: Record<EvaluationState, string> = { overdue: '✗', due: '!', upcoming: '○', signed: '✓' };

export function EvaluationStateBadge({ state }: { state: EvaluationState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${badgeClass[state]}`}>
      <span aria-hidden="true">{stateIcon[state]} </span>
      {t(`evaluations.state.${state}`)}
    </span>
  );
}
