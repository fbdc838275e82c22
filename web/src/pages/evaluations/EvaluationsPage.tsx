/**
 * Monthly evaluations (issue #6), per unit: how many are overdue, due, upcoming and signed (tiles
 * that filter), the filters in the address (?unit=&month=&state=), and a table of the evaluations
 * – the account (to its dashboard), unit, month (to the evaluation), state in words, due day,
 * decision, who signed when, and the unit's named evaluators.
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EvaluationState } from '../../../../src/contract/evaluations.ts';
import { api } from '../../api/index.ts';
import { listEvaluations, type EvaluationList } from '../../api/evaluations.ts';
import { Loaded } from '../../components/feedback.tsx';
import { SelectField } from '../../components/forms.tsx';
import { formatDay, formatMonth } from '../../components/statistics.ts';
import { unitFilterOptions } from '../../components/units.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { formatNumber } from '../../i18n/index.ts';
import { EvaluationStatusCells, stateTileClass } from './labels.tsx';
import { countsByUnit, evaluationStates, monthChoices, readFilters, type EvaluationFilters } from './evaluation-view.ts';

const MONTHS_OFFERED = 12;

export default function EvaluationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('evaluations.title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const units = useLoad(() => api.units.list(true), []);
  const list = useLoad(
    () => listEvaluations({ unit: filters.unit || undefined, month: filters.month || undefined, state: filters.state || undefined }),
    [filters.unit, filters.month, filters.state],
  );

  const setParam = (key: keyof EvaluationFilters, value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  const filtered = Boolean(filters.unit || filters.month || filters.state);
  const unitList = units.data ?? [];
  const asOf = list.data?.asOf ?? new Date().toISOString().slice(0, 10);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('evaluations.title')}</h1>
          <p className="subtitle">{t('evaluations.intro')}</p>
        </div>
        <div className="head-actions">
          <Link to="/annual-reports" className="button">
            {t('annualReports.title')}
          </Link>
        </div>
      </div>

      <form className="filters card" role="search" aria-label={t('evaluations.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('evaluations.filterUnit')}
          hint={t('evaluations.filterUnitHint')}
          value={filters.unit}
          onChange={(e) => setParam('unit', e.target.value)}
          options={unitFilterOptions(unitList, filters.unit, t('evaluations.allUnits'))}
        />
        <SelectField
          label={t('evaluations.filterMonth')}
          value={filters.month}
          onChange={(e) => setParam('month', e.target.value)}
          options={[
            { value: '', label: t('evaluations.allMonths') },
            ...monthChoices(asOf, MONTHS_OFFERED, filters.month).map((m) => ({ value: m, label: formatMonth(m) })),
          ]}
        />
        <SelectField
          label={t('evaluations.filterState')}
          value={filters.state}
          onChange={(e) => setParam('state', e.target.value)}
          options={[{ value: '', label: t('evaluations.allStates') }, ...evaluationStates.map((s) => ({ value: s, label: t(`evaluations.state.${s}`) }))]}
        />
        {filtered ? (
          <div className="field">
            <button type="button" className="button subtle" onClick={() => setParams({}, { replace: true })}>
              {t('evaluations.clearFilters')}
            </button>
          </div>
        ) : null}
      </form>

      <Loaded data={list.data} error={list.error}>
        {(data) => <ListView data={data} filters={filters} filtered={filtered} params={params} />}
      </Loaded>
    </>
  );
}

/** The address of the list with the state filter set (or cleared when it is already the one shown). */
function stateLink(params: URLSearchParams, state: EvaluationState, current: string): string {
  const next = new URLSearchParams(params);
  if (current === state) next.delete('state');
  else next.set('state', state);
  const qs = next.toString();
  return qs ? `/evaluations?${qs}` : '/evaluations';
}

function ListView({ data, filters, filtered, params }: { data: EvaluationList; filters: EvaluationFilters; filtered: boolean; params: URLSearchParams }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="evaluation-counts-heading">
        <h2 id="evaluation-counts-heading">{t('evaluations.countsHeading')}</h2>
        <p className="muted">
          {t('evaluations.asOf', { date: formatDay(data.asOf) })} {t('evaluations.countsNote')}
        </p>
        <ul className="status-tiles" aria-labelledby="evaluation-counts-heading">
          {evaluationStates.map((s) => (
            <li key={s}>
              <Link
                to={stateLink(params, s, filters.state)}
                className={`status-tile ${stateTileClass[s]}`}
                aria-current={filters.state === s ? 'true' : undefined}
                replace
              >
                <span className="tile-label">{t(`evaluations.state.${s}`)}</span> <span className="tile-count">{formatNumber(data.counts[s])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {!filters.state && data.items.length > 0 ? <UnitCountsTable data={data} params={params} /> : null}

      <p className="result-count" role="status" aria-live="polite">
        {t('evaluations.count', { count: data.items.length })}
      </p>
      {data.items.length === 0 ? (
        <p className="muted">{filtered ? t('evaluations.none') : t('evaluations.noneAtAll')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('evaluations.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.col.account')}</th>
                <th scope="col">{t('evaluations.col.unit')}</th>
                <th scope="col">{t('evaluations.col.month')}</th>
                <th scope="col">{t('evaluations.col.state')}</th>
                <th scope="col">{t('evaluations.col.dueOn')}</th>
                <th scope="col">{t('evaluations.col.decision')}</th>
                <th scope="col">{t('evaluations.col.signed')}</th>
                <th scope="col">{t('evaluations.col.evaluators')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/accounts/${encodeURIComponent(e.account.slug)}/dashboard`}>{e.account.name}</Link>
                  </th>
                  <td>{e.unit.name}</td>
                  <td>
                    <Link to={`/evaluations/${encodeURIComponent(e.id)}`}>{formatMonth(e.month)}</Link>
                  </td>
                  <EvaluationStatusCells e={e} />
                  <td>
                    {e.evaluators.length > 0 ? e.evaluators.map((p) => p.name).join(', ') : <span className="not-set">{t('evaluations.noEvaluators')}</span>}
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

/** Per unit: how many evaluations are overdue, due, upcoming and signed; each unit filters the list. */
function UnitCountsTable({ data, params }: { data: EvaluationList; params: URLSearchParams }) {
  const { t } = useTranslation();
  const unitLink = (slug: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', slug);
    return `/evaluations?${next.toString()}`;
  };
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('evaluations.perUnitCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluations.col.unit')}</th>
              {evaluationStates.map((s) => (
                <th key={s} scope="col" className="num">
                  {t(`evaluations.state.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {countsByUnit(data.items).map((u) => (
              <tr key={u.unit.id}>
                <th scope="row">
                  <Link to={unitLink(u.unit.slug)} replace>
                    {u.unit.name}
                  </Link>
                </th>
                {evaluationStates.map((s) => (
                  <td key={s} className="num">
                    {formatNumber(u.counts[s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('evaluations.perUnitNote')}</p>
    </>
  );
}
