/**
 * Audience fit on the account page: the newest audience snapshot's distribution by age group as
 * bars, with the target groups marked in words (not by colour alone), the share in the target
 * groups, the snapshot's date, and the verdict – "evaluate before continuing" when the largest
 * group is outside the target or the audience is so broad that no group is near a majority.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, type AudienceFitOut } from '../../api/index.ts';
import { Loaded } from '../../components/feedback.tsx';
import { ageGroupLabel } from '../../components/labels.ts';
import { formatDay } from '../../components/statistics.ts';
import { useLoad } from '../../hooks.ts';
import { formatNumber } from '../../i18n/index.ts';

const percent = (t: TFunction, v: number) => t('unit.percent', { value: formatNumber(v, { maximumFractionDigits: 1 }) });

export function AudiencePanel({ accountId }: { accountId: string }) {
  const fit = useLoad(() => api.coverage.audienceFit(accountId), [accountId]);
  return (
    <Loaded data={fit.data} error={fit.error}>
      {(f) => <AudienceView fit={f} />}
    </Loaded>
  );
}

/** The verdict in words (also on the account dashboard). */
export function Verdict({ fit: f }: { fit: AudienceFitOut }) {
  const { t } = useTranslation();
  const largest = f.largestGroup ? ageGroupLabel(t, f.largestGroup) : '';
  const share = f.largestShare !== null ? percent(t, f.largestShare) : '';
  const targets = f.targetAgeGroups.map((g) => ageGroupLabel(t, g)).join(', ');
  switch (f.status) {
    case 'fit':
      return (
        <div className="verdict-box verdict-likely">
          <p className="alert-title">{t('audience.fitTitle')}</p>
          <p>{t('audience.fitText', { group: largest, share })}</p>
        </div>
      );
    case 'misfit':
      return (
        <div className="verdict-box verdict-unlikely" role="note">
          <p className="alert-title">{t('audience.evaluateTitle')}</p>
          <p>{t('audience.misfitText', { group: largest, share, targets })}</p>
        </div>
      );
    case 'broad':
      return (
        <div className="verdict-box verdict-unlikely" role="note">
          <p className="alert-title">{t('audience.evaluateTitle')}</p>
          <p>{t('audience.broadText', { group: largest, share, limit: percent(t, f.broadBelowPercent) })}</p>
        </div>
      );
    case 'unknown':
      return (
        <div className="verdict-box verdict-insufficient_history">
          <p className="alert-title">{t('audience.unknownTitle')}</p>
          <p>{t(`audience.unknown.${f.reason ?? 'no_snapshot'}`)}</p>
        </div>
      );
  }
}

function AudienceView({ fit: f }: { fit: AudienceFitOut }) {
  const { t } = useTranslation();
  const hasShares = f.distribution.some((d) => d.share !== null);
  const max = Math.max(1, ...f.distribution.map((d) => d.share ?? 0));
  return (
    <div className="audience">
      <Verdict fit={f} />
      {f.snapshot ? <p className="muted">{t('audience.snapshot', { date: formatDay(f.snapshot.day) })}</p> : null}
      {hasShares ? (
        <>
          <ul className="bars" aria-label={t('audience.barsLabel')}>
            {f.distribution.map((d) => (
              <li key={d.ageGroup} className={d.inTarget ? 'in-target' : undefined}>
                <span className="bar-label">
                  {ageGroupLabel(t, d.ageGroup)}
                  {d.inTarget ? <span className="target-tag"> · {t('audience.targetTag')}</span> : null}
                </span>
                <span className="bar-track" aria-hidden="true">
                  {d.share !== null ? <span className="bar" style={{ width: `${(Math.max(0, d.share) / max) * 100}%` }} /> : null}
                </span>
                <span className="bar-value">{d.share === null ? <span className="not-set">{t('kpi.notMeasured')}</span> : percent(t, d.share)}</span>
              </li>
            ))}
          </ul>
          {f.targetShare !== null ? <p>{t('audience.targetShare', { share: percent(t, f.targetShare) })}</p> : null}
        </>
      ) : null}
      {f.targetAgeGroups.length > 0 ? (
        <p className="hint">{t('audience.targets', { groups: f.targetAgeGroups.map((g) => ageGroupLabel(t, g)).join(', ') })}</p>
      ) : null}
    </div>
  );
}
