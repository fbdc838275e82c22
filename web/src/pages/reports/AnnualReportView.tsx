/**
 * The annual report as a web page. For one account: its year (AnnualFiguresView) and the
 * evaluator's decision and reasoning, with a link to the report's own page where it is written
 * and signed. For a unit or the organisation: the roll-up (accounts, KPI status tiles, resources
 * planned against documented, the rules' suggestions against the evaluators' decisions, audience
 * fit and the reports' states), a table per child unit, and the accounts with their reports.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { annualDecisions, type AnnualAccountReport, type AnnualReport, type AnnualRollup } from '../../../../src/contract/reports.ts';
import { formatDate, formatNumber } from '../../i18n/index.ts';
import { StatusTiles } from '../dashboard/StatusTiles.tsx';
import { AnnualFiguresView, ResourcesTable } from './AnnualAccountView.tsx';
import { AnnualStateBadge, annualDecisionLabel } from './labels.tsx';
import { annualReportPath, annualStates, resourceRows } from './report-view.ts';

export function AnnualReportView({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  const account = report.scope.kind === 'account' ? report.accounts[0] : undefined;
  return (
    <>
      <p className="muted">{t('reports.generatedAt', { time: formatDate(report.generatedAt, true) })}</p>
      {account ? (
        <>
          <AnnualFiguresView figures={account.figures} frozen={account.figuresFrozen} />
          <DecisionText report={account} />
        </>
      ) : (
        <RollupView report={report} />
      )}
    </>
  );
}

/** The evaluator's decision and reasoning as text, with the report's state and a link to its page. */
export function DecisionText({ report: r, withLink = true }: { report: AnnualAccountReport; withLink?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="annual-decision-text-heading">
      <h2 id="annual-decision-text-heading">{t('annualReports.decisionHeading')}</h2>
      <p>
        <AnnualStateBadge state={r.state} />{' '}
        <span>{r.signedBy ? t('annualReports.signedBy', { name: r.signedBy.name, date: formatDate(r.signedAt, true) }) : t('annualReports.notSignedYet')}</span>
      </p>
      <dl className="facts">
        <dt>{t('annualReports.decisionLegend')}</dt>
        <dd>{r.decision ? annualDecisionLabel(t, r.decision) : <span className="not-set">{t('annualReports.notDecided')}</span>}</dd>
        <dt>{t('annualReports.reasoning')}</dt>
        <dd className="pre-wrap">{r.reasoning.trim() ? r.reasoning : <span className="not-set">{t('annualReports.notWritten')}</span>}</dd>
      </dl>
      {withLink ? (
        <p>
          <Link to={annualReportPath(r.account.slug, r.year)}>{r.canWrite && r.status === 'draft' ? t('annualReports.writeLink') : t('annualReports.openLink')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function RollupView({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  const s = report.summary;
  return (
    <>
      <section className="card" aria-labelledby="annual-summary-heading">
        <h2 id="annual-summary-heading">{t('reports.summaryHeading')}</h2>
        <RollupTotals summary={s} />
        <h3 id="annual-rollup-status-heading">{t('annualReports.statusHeading')}</h3>
        <StatusTiles counts={s.counts} headingId="annual-rollup-status-heading" />
        <h3>{t('annualReports.resourcesHeading')}</h3>
        <ResourcesTable
          rows={resourceRows(s.resources, s.resources.accountMonthsInUse)}
          caption={t('annualReports.resourcesCaption', { year: report.year })}
          monthsLabel="annualReports.accountMonthsDocumented"
        />
        <h3>{t('reports.decisionsHeading')}</h3>
        <DecisionsTable summary={s} />
      </section>
      {report.byUnit.length > 0 ? <ByUnitTable report={report} /> : null}
      <AccountsTable report={report} />
    </>
  );
}

function RollupTotals({ summary: s }: { summary: AnnualRollup }) {
  const { t } = useTranslation();
  const items = [
    ['accounts', s.accounts],
    ['signed', s.reports.signed],
    ['due', s.reports.due],
    ['overdue', s.reports.overdue],
    ['fit', s.audience.fit],
    ['misfit', s.audience.misfit],
  ] as const;
  return (
    <dl className="dashboard-totals">
      {items.map(([key, n]) => (
        <div key={key}>
          <dt>{t(`reports.totals.${key}`)}</dt>
          <dd>{formatNumber(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

function DecisionsTable({ summary: s }: { summary: AnnualRollup }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('reports.decisionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('annualReports.decisionLegend')}</th>
            <th scope="col" className="num">{t('reports.suggested')}</th>
            <th scope="col" className="num">{t('reports.decided')}</th>
          </tr>
        </thead>
        <tbody>
          {annualDecisions.map((d) => (
            <tr key={d}>
              <th scope="row">{annualDecisionLabel(t, d)}</th>
              <td className="num">{formatNumber(s.suggestions[d])}</td>
              <td className="num">{formatNumber(s.decisions[d])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('annualReports.notDecided')}</th>
            <td className="num">–</td>
            <td className="num">{formatNumber(s.decisions.undecided)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function ByUnitTable({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="annual-units-heading">
      <h2 id="annual-units-heading">{t('reports.byUnitHeading')}</h2>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('reports.byUnitCaption', { year: report.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluations.col.unit')}</th>
              <th scope="col" className="num">{t('reports.totals.accounts')}</th>
              {annualStates.map((st) => (
                <th key={st} scope="col" className="num">
                  {t(`annualReports.state.${st}`)}
                </th>
              ))}
              <th scope="col" className="num">{t('kpiStatus.met')}</th>
              <th scope="col" className="num">{t('kpiStatus.missed')}</th>
              <th scope="col" className="num">{t('annualReports.decision.close')}</th>
            </tr>
          </thead>
          <tbody>
            {report.byUnit.map(({ unit, summary }) => (
              <tr key={unit.id}>
                <th scope="row">
                  <Link to={`/reports?kind=annual&scope=unit&unit=${encodeURIComponent(unit.slug)}&year=${report.year}`}>{unit.name}</Link>
                </th>
                <td className="num">{formatNumber(summary.accounts)}</td>
                {annualStates.map((st) => (
                  <td key={st} className="num">
                    {formatNumber(summary.reports[st])}
                  </td>
                ))}
                <td className="num">{formatNumber(summary.counts.met)}</td>
                <td className="num">{formatNumber(summary.counts.missed)}</td>
                <td className="num">{formatNumber(summary.decisions.close)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('reports.byUnitNote')}</p>
    </section>
  );
}

function AccountsTable({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="annual-accounts-heading">
      <h2 id="annual-accounts-heading">{t('reports.accountsHeading')}</h2>
      {report.accounts.length === 0 ? (
        <p className="muted">{t('reports.noAccounts')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('reports.accountsCaption', { year: report.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.col.account')}</th>
                <th scope="col">{t('evaluations.col.unit')}</th>
                <th scope="col">{t('evaluations.col.state')}</th>
                <th scope="col">{t('reports.suggested')}</th>
                <th scope="col">{t('annualReports.decisionLegend')}</th>
              </tr>
            </thead>
            <tbody>
              {report.accounts.map((a) => (
                <tr key={a.account.id}>
                  <th scope="row">
                    <Link to={annualReportPath(a.account.slug, a.year)}>{a.account.name}</Link>
                  </th>
                  <td>{a.unit.name}</td>
                  <td>
                    <AnnualStateBadge state={a.state} />
                  </td>
                  <td>{annualDecisionLabel(t, a.figures.recommendation.suggestion)}</td>
                  <td>{a.decision ? annualDecisionLabel(t, a.decision) : <span className="not-set">{t('annualReports.notDecided')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
