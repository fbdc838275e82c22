/**
 * The overview's tables: the units directly below the scope (each a link to drill down, with its
 * KPI statuses as numbers and what needs attention) and the accounts placed directly in the unit
 * (each a link to its dashboard, with KPI status, audience fit and documentation).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverviewAccount, OverviewUnit } from '../../../../src/contract/overview.ts';
import { platformLabel } from '../../components/labels.ts';
import type { CompareChoice } from '../../components/period-picker.ts';
import { formatNumber } from '../../i18n/index.ts';
import { accountDashboardPath, statusOrder, unitDashboardPath, withPeriod } from './overview-view.ts';
import { countsText } from './StatusTiles.tsx';

interface Keep {
  period: string;
  compare: CompareChoice;
}

export function UnitTable({ units, caption, keep }: { units: OverviewUnit[]; caption: string; keep: Keep }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table unit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.units.unit')}</th>
            <th scope="col" className="num">
              {t('dashboard.totals.accounts')}
            </th>
            {statusOrder.map((s) => (
              <th key={s} scope="col" className="num">
                {t(`kpiStatus.${s}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('dashboard.units.needingAttention')}
            </th>
            <th scope="col" className="num">
              {t('dashboard.units.misfits')}
            </th>
            <th scope="col" className="num">
              {t('dashboard.units.gaps')}
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit.id}>
              <th scope="row">
                <Link to={withPeriod(unitDashboardPath(u.unit.slug), keep.period, keep.compare)}>{u.unit.name}</Link>
              </th>
              <td className="num">{formatNumber(u.accounts)}</td>
              {statusOrder.map((s) => (
                <td key={s} className="num">
                  {formatNumber(u.counts[s])}
                </td>
              ))}
              <td className="num">{formatNumber(u.needingAttention)}</td>
              <td className="num">{formatNumber(u.misfits)}</td>
              <td className="num">{formatNumber(u.gaps)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WorstBadge({ account }: { account: OverviewAccount }) {
  const { t } = useTranslation();
  if (account.worst === null) return <span className="muted">{t('dashboard.noKpis')}</span>;
  return <span className={`badge kpi-${account.worst}`}>{t(`kpiStatus.${account.worst}`)}</span>;
}

export function AccountTable({ accounts, caption, keep }: { accounts: OverviewAccount[]; caption: string; keep: Keep }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.accounts.account')}</th>
            <th scope="col">{t('dashboard.accounts.platform')}</th>
            <th scope="col">{t('dashboard.accounts.worst')}</th>
            <th scope="col">{t('dashboard.accounts.kpis')}</th>
            <th scope="col">{t('dashboard.accounts.audience')}</th>
            <th scope="col">{t('dashboard.accounts.due')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.account.id}>
              <th scope="row">
                <Link to={withPeriod(accountDashboardPath(a.account.slug), keep.period, keep.compare)}>{a.account.name}</Link>
              </th>
              <td>{platformLabel(a.account.platform)}</td>
              <td>
                <WorstBadge account={a} />
              </td>
              <td>{countsText((s) => t(`kpiStatus.${s}`), t('dashboard.noKpis'), a.counts)}</td>
              <td>{t(`dashboard.fit.${a.audienceFit}`)}</td>
              <td>{a.due === null ? <span className="muted">{t('dashboard.noDue')}</span> : t(`due.status.${a.due}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
