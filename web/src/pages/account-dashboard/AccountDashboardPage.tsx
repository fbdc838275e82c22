/**
 * One account's dashboard (issue #5, `/accounts/:account/dashboard?period=&compare=`): where it
 * stands against its active goals in the chosen period – KPI status counts, each goal's KPIs with
 * charts (target, pace, forecast band), the period's figures against the previous period or the
 * same period last year, the best and weakest posts, the audience against the target groups, and
 * how complete and fresh the documentation is. The period lives in the address, so a view can be
 * shared.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getAccountDashboard, type AccountDashboardOut } from '../../api/dashboards.ts';
import { api, type GoalOut } from '../../api/index.ts';
import { Loading, ProblemAlert } from '../../components/feedback.tsx';
import { platformLabel, statusLabel } from '../../components/labels.ts';
import type { AccountStatus } from '../../../../src/core/platforms.ts';
import { PeriodPicker, usePeriodParam, type CompareChoice } from '../../components/PeriodPicker.tsx';
import { formatDay, formatDayRange } from '../../components/statistics.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { AudienceSection } from './AudienceSection.tsx';
import { FreshnessSection } from './FreshnessSection.tsx';
import { KpiSection } from './KpiSection.tsx';
import { PeriodFigures } from './PeriodFigures.tsx';
import { PostsSection } from './PostsSection.tsx';
import { StatusTiles } from '../dashboard/StatusTiles.tsx';
import { wholeMonthsParam } from './dashboard-view.ts';
import { kpiResults } from '../dashboard/overview-view.ts';

export default function AccountDashboardPage() {
  const { t } = useTranslation();
  const { account: param = '' } = useParams();
  const { period, setPeriod, compare, setCompare, invalidPeriod } = usePeriodParam();
  // The dashboard reads monthly figures: a custom range of part months is explained, not asked for.
  const whole = wholeMonthsParam(period);
  // Each answer with the period it is for, so the sections below load the same period's series.
  const dashboard = useLoad(
    () => (whole ? getAccountDashboard(param, { period }).then((out) => ({ out, period })) : Promise.resolve(null)),
    [param, period, whole],
  );
  const goals = useLoad(() => api.goals.list({ account: param }), [param]);
  const d = whole ? dashboard.data?.out : undefined;
  // The picker keeps its place in the page whatever the answer (focus and typed days stay), so a
  // period the dashboard refuses can be changed back.
  return (
    <>
      {invalidPeriod ? (
        <p className="alert alert-warn" role="alert">
          {t('periodPicker.invalidAddress', { reason: invalidPeriod })}
        </p>
      ) : null}
      {d ? <DashboardHead dashboard={d} /> : <h1>{t('accountDashboard.eyebrow')}</h1>}
      <PeriodPicker value={period} onChange={setPeriod} compare={compare} onCompareChange={setCompare} />
      {!whole ? (
        <p className="alert alert-warn" role="alert">
          {t('accountDashboard.wholeMonthsOnly')}
        </p>
      ) : dashboard.error ? (
        <ProblemAlert error={dashboard.error} />
      ) : !d ? (
        <Loading />
      ) : (
        <DashboardBody
          dashboard={d}
          goals={goals.data ?? []}
          goalsError={goals.error}
          period={dashboard.data?.period ?? period}
          compare={compare}
          busy={dashboard.loading}
        />
      )}
    </>
  );
}

function DashboardHead({ dashboard: d }: { dashboard: AccountDashboardOut }) {
  const { t } = useTranslation();
  usePageTitle(t('accountDashboard.title', { account: d.account.name }));
  return (
    <>
      <nav aria-label={t('accountDashboard.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/dashboard">{t('accountDashboard.organisation')}</Link>
          </li>
          <li>
            <Link to={`/dashboard/units/${encodeURIComponent(d.unit.slug)}`}>{d.unit.name}</Link>
          </li>
          <li aria-current="page">{d.account.name}</li>
        </ol>
      </nav>
      <div className="page-head">
        <div>
          <p className="eyebrow">{t('accountDashboard.eyebrow')}</p>
          <h1>{t('accountDashboard.title', { account: d.account.name })}</h1>
          <p className="subtitle">
            {platformLabel(d.account.platform)} · {d.unit.name}
            {d.account.status !== 'active' ? (
              <>
                {' · '}
                <span className={`badge ${d.account.status}`}>{statusLabel(t, d.account.status as AccountStatus)}</span>
              </>
            ) : null}
          </p>
        </div>
        <Link to={`/accounts/${encodeURIComponent(d.account.slug)}`} className="button">
          {t('accountDashboard.toAccount')}
        </Link>
      </div>
    </>
  );
}

function DashboardBody(props: {
  dashboard: AccountDashboardOut;
  goals: GoalOut[];
  goalsError: unknown;
  /** The period the dashboard's answer is for. */
  period: string;
  compare: CompareChoice;
  busy: boolean;
}) {
  const { dashboard: d, period } = props;
  const { t } = useTranslation();
  const goalDates = new Map(props.goals.map((g) => [g.id, { startDate: g.startDate, deadline: g.deadline }]));
  return (
    <>
      <p className="muted" aria-live="polite">
        {props.busy
          ? t('accountDashboard.updating')
          : t('accountDashboard.asOf', { period: formatDayRange(d.periods.period.start, d.periods.period.end), date: formatDay(d.asOf) })}
      </p>
      <div aria-busy={props.busy}>
        <section className="card" aria-labelledby="dash-status-heading">
          <h2 id="dash-status-heading">{t('accountDashboard.statusHeading')}</h2>
          {kpiResults(d.counts) === 0 ? (
            <p className="muted">{t('accountDashboard.noKpis')}</p>
          ) : (
            <StatusTiles counts={d.counts} headingId="dash-status-heading" />
          )}
        </section>

        {props.goalsError ? <ProblemAlert error={props.goalsError} /> : null}
        <KpiSection dashboard={d} period={period} goals={goalDates} />
        <PeriodFigures dashboard={d} period={period} compare={props.compare} />
        <PostsSection posts={d.posts} />
        <AudienceSection dashboard={d} />
        <FreshnessSection dashboard={d} />
      </div>
    </>
  );
}
