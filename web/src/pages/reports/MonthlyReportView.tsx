/**
 * The monthly report as a web page: the month's evaluations by state, the KPI results of all of
 * them by status, the accounts in use with no evaluation prepared, and each evaluation – account,
 * state, decision, the hours and money spent ("not documented", never 0), KPI results and who
 * signed – linked to the evaluation itself.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MonthlyReport } from '../../../../src/contract/reports.ts';
import { platformName } from '../../components/statistics.ts';
import { formatDate, formatNumber } from '../../i18n/index.ts';
import { StatusTiles, countsText } from '../dashboard/StatusTiles.tsx';
import { EvaluationStateBadge, decisionLabel, stateTileClass } from '../evaluations/labels.tsx';
import { ResourceValue } from './labels.tsx';
import { annualStates } from './report-view.ts';

export function MonthlyReportView({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const items = [...report.evaluations].sort((a, b) => a.account.name.localeCompare(b.account.name, 'nb'));
  return (
    <>
      <p className="muted">{t('reports.generatedAt', { time: formatDate(report.generatedAt, true) })}</p>
      <section className="card" aria-labelledby="monthly-states-heading">
        <h2 id="monthly-states-heading">{t('reports.monthlyStatesHeading')}</h2>
        <ul className="status-tiles" aria-labelledby="monthly-states-heading">
          {annualStates.map((s) => (
            <li key={s} className={`status-tile ${stateTileClass[s]}`}>
              <span className="tile-label">{t(`evaluations.state.${s}`)}</span> <span className="tile-count">{formatNumber(report.states[s])}</span>
            </li>
          ))}
        </ul>
        <h3 id="monthly-kpis-heading">{t('reports.monthlyKpisHeading')}</h3>
        <StatusTiles counts={report.counts} headingId="monthly-kpis-heading" />
      </section>

      {report.missing.length > 0 ? (
        <section className="card" aria-labelledby="monthly-missing-heading">
          <h2 id="monthly-missing-heading">{t('reports.missingHeading')}</h2>
          <p className="muted">{t('reports.missingIntro')}</p>
          <ul aria-labelledby="monthly-missing-heading">
            {report.missing.map((a) => (
              <li key={a.id}>
                <Link to={`/accounts/${encodeURIComponent(a.slug)}`}>{a.name}</Link> ({platformName(a.platform)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="monthly-evaluations-heading">
        <h2 id="monthly-evaluations-heading">{t('reports.evaluationsHeading')}</h2>
        {items.length === 0 ? (
          <p className="muted">{t('reports.noEvaluations')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption>{t('reports.evaluationsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evaluations.col.account')}</th>
                  <th scope="col">{t('evaluations.col.state')}</th>
                  <th scope="col">{t('evaluations.col.decision')}</th>
                  <th scope="col" className="num">{t('annualReports.resource.hours')}</th>
                  <th scope="col" className="num">{t('annualReports.resource.money')}</th>
                  <th scope="col">{t('reports.kpiResults')}</th>
                  <th scope="col">{t('evaluations.col.signed')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/evaluations/${encodeURIComponent(e.id)}`}>{e.account.name}</Link>
                      <br />
                      <span className="muted">{e.unit.name}</span>
                    </th>
                    <td>
                      <EvaluationStateBadge state={e.state} />
                    </td>
                    <td>{e.decision ? decisionLabel(t, e.decision) : <span className="not-set">{t('evaluations.notDecided')}</span>}</td>
                    <td className="num">
                      <ResourceValue kind="hours" value={e.hoursSpent} />
                    </td>
                    <td className="num">
                      <ResourceValue kind="money" value={e.moneySpentNok} />
                    </td>
                    <td>{countsText((s) => t(`kpiStatus.${s}`), t('reports.noKpis'), e.figures.counts)}</td>
                    <td>{e.signedBy ? `${e.signedBy.name}, ${formatDate(e.signedAt)}` : <span className="not-set">{t('evaluations.notSigned')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
