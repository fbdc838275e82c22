/**
 * The statistics part of the account page: ways to document (import files, enter a month by
 * hand, the import history), the coverage calendar with freshness, and audience fit.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountDetail } from '../../api/index.ts';
import { AudiencePanel } from './AudiencePanel.tsx';
import { CoverageCalendar } from './CoverageCalendar.tsx';

export function AccountStatistics({ account: a, mayWrite }: { account: AccountDetail; mayWrite: boolean }) {
  const { t } = useTranslation();
  const base = `/accounts/${encodeURIComponent(a.slug)}`;
  return (
    <>
      <section className="card" aria-labelledby="statistics-heading">
        <div className="page-head">
          <h2 id="statistics-heading">{t('accountStatistics.heading')}</h2>
          <div className="head-actions">
            {mayWrite ? (
              <>
                <Link to={`${base}/import`} className="button primary">
                  {t('accountStatistics.import')}
                </Link>
                <Link to={`${base}/monthly-entry`} className="button">
                  {t('accountStatistics.monthlyEntry')}
                </Link>
              </>
            ) : null}
            <Link to={`${base}/import#history`} className="button subtle">
              {t('accountStatistics.history')}
            </Link>
          </div>
        </div>
        <CoverageCalendar accountId={a.id} />
      </section>
      <section className="card" aria-labelledby="audience-heading">
        <h2 id="audience-heading">{t('audience.heading')}</h2>
        <AudiencePanel accountId={a.id} />
      </section>
    </>
  );
}
