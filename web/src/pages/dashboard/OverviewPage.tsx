/**
 * The overview (issue #5): the organisation (`/dashboard`) or a unit and everything below it
 * (`/dashboard/units/:unit`) in a period from the address. Breadcrumbs, the period picker, KPI
 * status tiles, totals, the units below (drill down), the accounts placed directly in the unit,
 * the accounts needing attention with their reasons, and a metric by unit as a chart.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OverviewOut } from '../../../../src/contract/overview.ts';
import { getOverview } from '../../api/dashboards.ts';
import { Loaded } from '../../components/feedback.tsx';
import { PeriodPicker, usePeriodParam } from '../../components/PeriodPicker.tsx';
import type { CompareChoice } from '../../components/period-picker.ts';
import { formatDay } from '../../components/statistics.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { AttentionList } from './AttentionList.tsx';
import { StatusTiles, Totals } from './StatusTiles.tsx';
import { UnitMetricChart } from './UnitMetricChart.tsx';
import { AccountTable, UnitTable } from './UnitTables.tsx';
import { unitDashboardPath, withPeriod } from './overview-view.ts';

export default function OverviewPage() {
  const { t } = useTranslation();
  const { unit } = useParams();
  const { period, setPeriod, compare, setCompare, invalidPeriod } = usePeriodParam();
  const overview = useLoad(() => getOverview({ unit, period }), [unit, period]);
  const scopeName = overview.data?.scope.unit?.name;
  usePageTitle(unit ? (scopeName ?? t('dashboard.title')) : t('dashboard.title'));

  return (
    <>
      <Breadcrumbs data={overview.data} unit={unit} keep={{ period, compare }} />
      <div className="page-head">
        <h1>{unit ? (scopeName ?? t('dashboard.title')) : t('dashboard.title')}</h1>
      </div>
      {invalidPeriod ? <p className="alert alert-warn">{t('periodPicker.invalidAddress', { reason: invalidPeriod })}</p> : null}
      <PeriodPicker value={period} onChange={setPeriod} compare={compare} onCompareChange={setCompare} wholeMonths />
      <Loaded data={overview.data} error={overview.error}>
        {(data) => (
          <div aria-busy={overview.loading || undefined}>
            {overview.loading ? (
              <p className="muted" role="status">
                {t('dashboard.updating')}
              </p>
            ) : null}
            <OverviewView data={data} unit={unit} period={period} compare={compare} />
          </div>
        )}
      </Loaded>
    </>
  );
}

function Breadcrumbs({ data, unit, keep }: { data: OverviewOut | undefined; unit: string | undefined; keep: { period: string; compare: CompareChoice } }) {
  const { t } = useTranslation();
  const session = useSession();
  const orgName = session.state.status === 'signedIn' ? session.state.me.organisation.name : t('dashboard.title');
  if (!unit) return null;
  return (
    <nav aria-label={t('dashboard.breadcrumbs')} className="breadcrumbs">
      <ol>
        <li>
          <Link to={withPeriod('/dashboard', keep.period, keep.compare)}>{orgName}</Link>
        </li>
        {(data?.scope.ancestors ?? []).map((a) => (
          <li key={a.id}>
            <Link to={withPeriod(unitDashboardPath(a.slug), keep.period, keep.compare)}>{a.name}</Link>
          </li>
        ))}
        {data?.scope.unit ? <li aria-current="page">{data.scope.unit.name}</li> : null}
      </ol>
    </nav>
  );
}

function EmptyState({ data }: { data: OverviewOut }) {
  const { t } = useTranslation();
  if (data.totals.accounts === 0) {
    return (
      <div className="card empty-dashboard">
        <h2>{t('dashboard.empty.noAccountsTitle')}</h2>
        <p>{t('dashboard.empty.noAccounts')}</p>
        <p>
          <Link to="/accounts/new" className="button primary">
            {t('dashboard.empty.addAccount')}
          </Link>
        </p>
      </div>
    );
  }
  if (data.totals.goals === 0) {
    return (
      <div className="card empty-dashboard">
        <h2>{t('dashboard.empty.noGoalsTitle')}</h2>
        <p>{t('dashboard.empty.noGoals')}</p>
        <p>
          <Link to="/goals/new" className="button primary">
            {t('dashboard.empty.newGoal')}
          </Link>
        </p>
      </div>
    );
  }
  return null;
}

function OverviewView({ data, unit, period, compare }: { data: OverviewOut; unit: string | undefined; period: string; compare: CompareChoice }) {
  const { t } = useTranslation();
  const id = useId();
  const keep = { period, compare };
  const session = useSession();
  const scopeName = data.scope.unit?.name ?? (session.state.status === 'signedIn' ? session.state.me.organisation.name : t('dashboard.title'));
  // The scope in all (a unit, not the organisation: its top units are its parts), then its units.
  const chartUnits = useMemo(
    () => [
      ...(data.scope.unit ? [{ id: data.scope.unit.id, label: t('dashboard.chart.total', { name: data.scope.unit.name }) }] : []),
      ...data.children.map((c) => ({ id: c.unit.id })),
    ],
    [data, t],
  );
  return (
    <>
      <p className="muted">{t('dashboard.asOf', { date: formatDay(data.asOf, 'long') })}</p>
      <EmptyState data={data} />

      <section aria-labelledby={`${id}-status`} className="dashboard-section">
        <h2 id={`${id}-status`}>{t('dashboard.tilesHeading')}</h2>
        <StatusTiles counts={data.totals.counts} headingId={`${id}-status`} />
        <h3 id={`${id}-totals`}>{t('dashboard.totals.heading')}</h3>
        <Totals totals={data.totals} />
      </section>

      {data.children.length > 0 ? (
        <section aria-labelledby={`${id}-units`} className="dashboard-section">
          <h2 id={`${id}-units`}>{t('dashboard.units.heading')}</h2>
          <UnitTable units={data.children} caption={t('dashboard.units.caption', { name: scopeName })} keep={keep} />
        </section>
      ) : null}

      {data.accounts.length > 0 || unit ? (
        <section aria-labelledby={`${id}-accounts`} className="dashboard-section">
          <h2 id={`${id}-accounts`}>{t('dashboard.accounts.heading', { name: scopeName })}</h2>
          {data.accounts.length > 0 ? (
            <AccountTable accounts={data.accounts} caption={t('dashboard.accounts.caption', { name: scopeName })} keep={keep} />
          ) : (
            <p className="muted">{t('dashboard.accounts.none')}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby={`${id}-attention`} className="dashboard-section">
        <h2 id={`${id}-attention`}>{t('dashboard.attention.heading', { count: data.attentionTotal })}</h2>
        <AttentionList accounts={data.attention} total={data.attentionTotal} keep={keep} />
      </section>

      {chartUnits.length > 0 ? <UnitMetricChart unit={unit} period={period} compare={compare} units={chartUnits} /> : null}
    </>
  );
}
