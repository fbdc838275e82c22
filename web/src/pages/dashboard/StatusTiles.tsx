/**
 * KPI status tiles (met, on track, at risk, missed, not measured) with their counts, and the
 * scope's totals. Each tile carries its status in words and a symbol; colour is never the only cue.
 */
import { useTranslation } from 'react-i18next';
import type { OverviewOut, StatusCounts } from '../../../../src/contract/overview.ts';
import { formatNumber } from '../../i18n/index.ts';
import { kpiResults, statusOrder, type TileStatus } from './overview-view.ts';

export function StatusTiles({ counts, headingId }: { counts: StatusCounts; headingId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="status-tiles" aria-labelledby={headingId}>
        {statusOrder.map((s) => (
          <li key={s} className={`status-tile kpi-${s}`}>
            <span className="tile-label">{t(`kpiStatus.${s}`)}</span> <span className="tile-count">{formatNumber(counts[s])}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('dashboard.tilesNote', { count: kpiResults(counts) })}</p>
    </>
  );
}

export function Totals({ totals }: { totals: OverviewOut['totals'] }) {
  const { t } = useTranslation();
  const rows = [
    ['accounts', totals.accounts],
    ['goals', totals.goals],
    ['needingAttention', totals.needingAttention],
    ['misfits', totals.misfits],
    ['gaps', totals.gaps],
  ] as const;
  return (
    <dl className="dashboard-totals">
      {rows.map(([key, n]) => (
        <div key={key}>
          <dt>{t(`dashboard.totals.${key}`)}</dt>
          <dd>{formatNumber(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "2 met, 1 at risk" for a row of a table; `none` when there are no KPIs. */
export function countsText(label: (status: TileStatus) => string, none: string, counts: StatusCounts): string {
  const parts = statusOrder.filter((s) => counts[s] > 0).map((s) => `${formatNumber(counts[s])} ${label(s).toLocaleLowerCase()}`);
  return parts.length > 0 ? parts.join(', ') : none;
}
