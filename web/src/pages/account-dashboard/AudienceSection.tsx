/**
 * The audience's age distribution against the target groups: the verdict in words (the account
 * page's), the shares as bars with the target groups marked (and an audience-share KPI's target on
 * one age group as its marker), the share in the target groups and the snapshot's day.
 */
import { useTranslation } from 'react-i18next';
import type { AccountDashboardOut } from '../../api/dashboards.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { ageGroupLabel } from '../../components/labels.ts';
import { formatDay } from '../../components/statistics.ts';
import { formatNumber } from '../../i18n/index.ts';
import type { AgeGroup } from '../../../../src/core/platforms.ts';
import { Verdict } from '../account/AudiencePanel.tsx';
import { audienceSpec } from './dashboard-view.ts';

export function AudienceSection({ dashboard: d }: { dashboard: AccountDashboardOut }) {
  const { t } = useTranslation();
  const f = d.audience;
  const targets = d.kpis.filter((k) => k.kpi.kind === 'audience_share').map((k) => ({ ageGroups: k.kpi.ageGroups, target: k.evaluation.target }));
  const spec = audienceSpec(f, targets, {
    title: t('accountDashboard.audienceChart'),
    description: f.snapshot ? t('audience.snapshot', { date: formatDay(f.snapshot.day) }) : undefined,
    share: t('accountDashboard.audienceShare'),
    target: t('chart.target'),
    targetSet: t('audience.targetTag'),
    groupLabel: (g) => ageGroupLabel(t, g as AgeGroup),
  });
  return (
    <section className="card" aria-labelledby="dash-audience-heading">
      <h2 id="dash-audience-heading">{t('audience.heading')}</h2>
      <Verdict fit={f} />
      {spec ? <Chart spec={spec} height={280} /> : null}
      {f.targetShare !== null ? (
        <p>{t('audience.targetShare', { share: t('unit.percent', { value: formatNumber(f.targetShare, { maximumFractionDigits: 1 }) }) })}</p>
      ) : null}
      {f.targetAgeGroups.length > 0 ? (
        <p className="hint">{t('audience.targets', { groups: f.targetAgeGroups.map((g) => ageGroupLabel(t, g)).join(', ') })}</p>
      ) : null}
    </section>
  );
}
