/** Evaluation states and decisions in words, with a symbol and a colour that are never the only cue. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EvaluationDecision, EvaluationState, EvaluationSummary } from '../../../../src/contract/evaluations.ts';
import { formatDay } from '../../components/statistics.ts';
import { formatDate } from '../../i18n/index.ts';

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

/** The cells every list of evaluations shares: state, due day, decision, who signed and when. */
export function EvaluationStatusCells({ e }: { e: Pick<EvaluationSummary, 'state' | 'dueOn' | 'decision' | 'signedBy' | 'signedAt'> }) {
  const { t } = useTranslation();
  return (
    <>
      <td>
        <EvaluationStateBadge state={e.state} />
      </td>
      <td>{formatDay(e.dueOn)}</td>
      <td>{e.decision ? decisionLabel(t, e.decision) : <span className="not-set">{t('evaluations.notDecided')}</span>}</td>
      <td>
        {e.signedBy ? (
          t('evaluations.signedByAt', { name: e.signedBy.name, date: formatDate(e.signedAt, true) })
        ) : (
          <span className="not-set">{t('evaluations.notSigned')}</span>
        )}
      </td>
    </>
  );
}
