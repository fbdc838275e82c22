/**
 * Words of the report pages: annual report states and decisions (a symbol and a colour that are
 * never the only cue), resources in their unit ("not documented", never 0), shares and changes,
 * and the recommendation's findings translated by message key (English text as fallback).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AnnualDecision, AnnualRecommendation, AnnualReportState } from '../../../../src/contract/reports.ts';
import { coreText, formatValue } from '../../components/goals.tsx';
import { formatNumber } from '../../i18n/index.ts';
import { changeText, type ResourceKind } from './report-view.ts';

export const annualDecisionLabel = (t: TFunction, decision: AnnualDecision): string => t(`annualReports.decision.${decision}`);

const badgeClass: Record<AnnualReportState, string> = { overdue: 'refused', due: 'paused', upcoming: 'neutral', signed: 'active' };
const stateIcon: Record<AnnualReportState, string> = { overdue: '✗', due: '!', upcoming: '○', signed: '✓' };

export function AnnualStateBadge({ state }: { state: AnnualReportState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${badgeClass[state]}`}>
      <span aria-hidden="true">{stateIcon[state]} </span>
      {t(`annualReports.state.${state}`)}
    </span>
  );
}

/** Hours as "12,5 t", money as "1 500 kr"; null is "not documented". */
export function resourceText(t: TFunction, kind: ResourceKind, value: number | null): string {
  if (value === null) return t('reports.notDocumented');
  return formatValue(t, value, kind === 'hours' ? 'hours' : 'nok');
}

/** A resource cell: the value, or "not documented" marked as such. */
export function ResourceValue({ kind, value }: { kind: ResourceKind; value: number | null }) {
  const { t } = useTranslation();
  return value === null ? <span className="not-set">{t('reports.notDocumented')}</span> : <>{resourceText(t, kind, value)}</>;
}

/** A share (0.75) as "75 %". */
export const percentText = (t: TFunction, share: number): string => t('unit.percent', { value: formatNumber(share * 100, { maximumFractionDigits: 0 }) });

/** A relative change as "+12,5 %", or "not measured". */
export function changeLabel(t: TFunction, change: number | null): string {
  return changeText(change, (p) => t('unit.percent', { value: formatNumber(p, { maximumFractionDigits: 1 }) })) ?? t('kpi.notMeasured');
}

/** "Not measured" marked as such, or the text. */
export function Measured({ text, value }: { text: string; value: unknown }) {
  const { t } = useTranslation();
  return value === null || value === undefined ? <span className="not-set">{t('kpi.notMeasured')}</span> : <>{text}</>;
}

type Finding = AnnualRecommendation['findings'][number];

/** A finding of the rules in words: the message by its key and parameters, else its English text. */
export const findingText = (t: TFunction, finding: Finding): string => coreText(t, finding.message);
