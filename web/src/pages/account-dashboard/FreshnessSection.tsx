/**
 * Coverage and freshness on the account dashboard: the newest documented day and how long before
 * the dashboard's day that is, the due watchdog's verdict with the history-window warning (days
 * about to leave, or already gone from, what the platform still shows), and the coverage
 * calendar of the period's days up to yesterday.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountDashboardOut } from '../../api/dashboards.ts';
import { formatDay, todayLocal } from '../../components/statistics.ts';
import { formatNumber } from '../../i18n/index.ts';
import { lang } from '../../components/goals.tsx';
import { addDays, minDay } from '../../../../src/core/period/days.ts';
import { CoverageCalendar } from '../account/CoverageCalendar.tsx';

type Due = NonNullable<AccountDashboardOut['due']>;

export function FreshnessSection({ dashboard: d }: { dashboard: AccountDashboardOut }) {
  const { t } = useTranslation();
  const f = d.freshness;
  const from = d.periods.period.start;
  const to = minDay(d.periods.period.end, addDays(todayLocal(), -1));
  return (
    <section className="card" aria-labelledby="dash-coverage-heading">
      <h2 id="dash-coverage-heading">{t('accountDashboard.coverageHeading')}</h2>
      <p className="freshness">
        {f.lastDocumented ? (
          <strong>
            {t('accountDashboard.lastDocumented', {
              asOf: formatDay(d.asOf),
              date: formatDay(f.lastDocumented),
              count: Math.max(0, f.daysSince ?? 0),
              days: formatNumber(Math.max(0, f.daysSince ?? 0)),
            })}
          </strong>
        ) : (
          <strong>{t('accountDashboard.nothingDocumented')}</strong>
        )}
      </p>
      {d.due ? <DueStatus due={d.due} /> : <p className="muted">{t('accountDashboard.noWindow')}</p>}
      <h3>{t('accountDashboard.calendarHeading')}</h3>
      {from <= to ? <CoverageCalendar accountId={d.account.id} from={from} to={to} /> : <p className="muted">{t('accountDashboard.periodAhead')}</p>}
    </section>
  );
}

function DueStatus({ due }: { due: Due }) {
  const { t } = useTranslation();
  const l = lang();
  const warn = due.status !== 'ok';
  return (
    <div className={warn ? 'alert alert-warn' : 'verdict-box verdict-likely'} role={warn ? 'note' : undefined}>
      <p className="alert-title">
        {t('accountDashboard.dueStatus', { status: t(`due.status.${due.status}`) })}
      </p>
      {due.toCoverDays > 0 ? <p>{t('due.toCover', { count: due.toCoverDays, days: formatNumber(due.toCoverDays) }).replace(/:$/, '.')}</p> : null}
      {due.leavesWindowOn && due.daysUntilLost !== null ? (
        <p>
          {due.daysUntilLost >= 0
            ? t('accountDashboard.leavesWindow', { date: formatDay(due.leavesWindowOn), count: due.daysUntilLost, days: formatNumber(due.daysUntilLost) })
            : t('accountDashboard.leftWindow', { date: formatDay(due.leavesWindowOn) })}
        </p>
      ) : null}
      {due.lostDays > 0 ? <p>{t('due.lost', { count: due.lostDays, days: formatNumber(due.lostDays) })}</p> : null}
      <p className="muted">
        {due.window.days === null ? t('due.windowLifetime') : t('due.window', { count: due.window.days, days: formatNumber(due.window.days) })}{' '}
        {warn ? t('due.download', { export: due.exportName[l] }) : null}
      </p>
      {warn ? (
        <p>
          <Link to="/due">{t('accountDashboard.toDue')}</Link>
        </p>
      ) : null}
    </div>
  );
}
