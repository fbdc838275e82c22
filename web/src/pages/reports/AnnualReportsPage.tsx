/**
 * Annual reports (`/annual-reports?year=&unit=&state=`): a year's reports per account – how many
 * are overdue, due, upcoming and signed (tiles that filter), the filters in the address, and a
 * table: the account (to its report), unit, state in words, due day, decision, who signed when,
 * and the unit's named evaluators.
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AnnualReportState } from '../../../../src/contract/reports.ts';
import { api } from '../../api/index.ts';
import { listAnnualReports, type AnnualReportList } from '../../api/reports.ts';
import { Loaded } from '../../components/feedback.tsx';
import { SelectField } from '../../components/forms.tsx';
import { formatDay, todayLocal } from '../../components/statistics.ts';
import { unitFilterOptions } from '../../components/units.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { formatDate, formatNumber } from '../../i18n/index.ts';
import { stateTileClass } from '../evaluations/labels.tsx';
import { AnnualStateBadge, annualDecisionLabel } from './labels.tsx';
import { annualReportPath, annualStates, readListFilters, yearChoices, type AnnualListFilters } from './report-view.ts';

const YEARS_OFFERED = 5;

export default function AnnualReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('annualReports.title'));
  const [params, setParams] = useSearchParams();
  const today = todayLocal();
  const filters = readListFilters(params, today);
  const units = useLoad(() => api.units.list(true), []);
  const list = useLoad(
    () => listAnnualReports({ year: filters.year, unit: filters.unit || undefined, state: filters.state || undefined }),
    [filters.year, filters.unit, filters.state],
  );
  const setParam = (key: keyof AnnualListFilters, value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (!next.has('year')) next.set('year', filters.year);
        return next;
      },
      { replace: true },
    );
  };
  const unitList = units.data ?? [];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('annualReports.title')}</h1>
          <p className="subtitle">{t('annualReports.intro')}</p>
        </div>
        <div className="head-actions">
          <Link to={`/reports?kind=annual&year=${filters.year}`} className="button">
            {t('annualReports.reportsLink')}
          </Link>
        </div>
      </div>
      <form className="filters card" role="search" aria-label={t('annualReports.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('reports.year')}
          value={filters.year}
          onChange={(e) => setParam('year', e.target.value)}
          options={yearChoices(today, YEARS_OFFERED, filters.year).map((y) => ({ value: y, label: y }))}
        />
        <SelectField
          label={t('evaluations.filterUnit')}
          hint={t('evaluations.filterUnitHint')}
          value={filters.unit}
          onChange={(e) => setParam('unit', e.target.value)}
          options={unitFilterOptions(unitList, filters.unit, t('evaluations.allUnits'))}
        />
        <SelectField
          label={t('evaluations.filterState')}
          value={filters.state}
          onChange={(e) => setParam('state', e.target.value)}
          options={[{ value: '', label: t('evaluations.allStates') }, ...annualStates.map((s) => ({ value: s, label: t(`annualReports.state.${s}`) }))]}
        />
      </form>
      <Loaded data={list.data} error={list.error}>
        {(data) => <ListView data={data} filters={filters} params={params} />}
      </Loaded>
    </>
  );
}

function stateLink(params: URLSearchParams, state: AnnualReportState, current: string, year: string): string {
  const next = new URLSearchParams(params);
  next.set('year', year);
  if (current === state) next.delete('state');
  else next.set('state', state);
  return `/annual-reports?${next.toString()}`;
}

function ListView({ data, filters, params }: { data: AnnualReportList; filters: AnnualListFilters; params: URLSearchParams }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="annual-counts-heading">
        <h2 id="annual-counts-heading">{t('annualReports.countsHeading', { year: data.year })}</h2>
        <p className="muted">
          {t('evaluations.asOf', { date: formatDay(data.asOf) })} {t('annualReports.countsNote')}
        </p>
        <ul className="status-tiles" aria-labelledby="annual-counts-heading">
          {annualStates.map((s) => (
            <li key={s}>
              <Link
                to={stateLink(params, s, filters.state, filters.year)}
                className={`status-tile ${stateTileClass[s]}`}
                aria-current={filters.state === s ? 'true' : undefined}
                replace
              >
                <span className="tile-label">{t(`annualReports.state.${s}`)}</span> <span className="tile-count">{formatNumber(data.counts[s])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <p className="result-count" role="status" aria-live="polite">
        {t('annualReports.count', { count: data.items.length })}
      </p>
      {data.items.length === 0 ? (
        <p className="muted">{filters.unit || filters.state ? t('annualReports.none') : t('annualReports.noneAtAll')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('annualReports.tableCaption', { year: data.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.col.account')}</th>
                <th scope="col">{t('evaluations.col.unit')}</th>
                <th scope="col">{t('evaluations.col.state')}</th>
                <th scope="col">{t('evaluations.col.dueOn')}</th>
                <th scope="col">{t('annualReports.decisionLegend')}</th>
                <th scope="col">{t('evaluations.col.signed')}</th>
                <th scope="col">{t('evaluations.col.evaluators')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.account.id}>
                  <th scope="row">
                    <Link to={annualReportPath(r.account.slug, r.year)}>{r.account.name}</Link>
                  </th>
                  <td>{r.unit.name}</td>
                  <td>
                    <AnnualStateBadge state={r.state} />
                  </td>
                  <td>{formatDay(r.dueOn)}</td>
                  <td>{r.decision ? annualDecisionLabel(t, r.decision) : <span className="not-set">{t('annualReports.notDecided')}</span>}</td>
                  <td>
                    {r.signedBy ? (
                      t('evaluations.signedByAt', { name: r.signedBy.name, date: formatDate(r.signedAt, true) })
                    ) : (
                      <span className="not-set">{t('evaluations.notSigned')}</span>
                    )}
                  </td>
                  <td>
                    {r.evaluators.length > 0 ? r.evaluators.map((p) => p.name).join(', ') : <span className="not-set">{t('evaluations.noEvaluators')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
