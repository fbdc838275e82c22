/** Labels of competitor kinds and figures in the current language. */
import type { TFunction } from 'i18next';
import { competitorKinds, competitorMetrics, type CompetitorMetric } from '../../../../src/contract/competitors.ts';
import type { Option } from '../../components/forms.tsx';

export const kindLabel = (t: TFunction, kind: 'competitor' | 'peer') => (kind === 'peer' ? t('competitors.kindPeer') : t('competitors.kindCompetitor'));
export const kindOptions = (t: TFunction): Option[] => competitorKinds.map((k) => ({ value: k, label: kindLabel(t, k) }));
export const metricLabel = (t: TFunction, metric: CompetitorMetric) => t(`competitors.metricName.${metric}`);
export const metricOptions = (t: TFunction): Option[] => competitorMetrics.map((m) => ({ value: m, label: metricLabel(t, m) }));
