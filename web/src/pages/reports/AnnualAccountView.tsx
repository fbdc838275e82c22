/**
 * One account's year as the annual report shows it: whether the figures are live or frozen, the
 * KPIs against their targets, resources planned against documented and the cost per result, the
 * statistics through the year (AnnualStatistics), the best and weakest posts, audience fit, the
 * documentation, the year's monthly decisions (linked to the evaluations), and the rules'
 * recommendation with each finding in words. "Not measured" and "not documented" are never 0.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnnualAccountFigures } from '../../../../src/contract/reports.ts';
import { KpiStatusBadge, basisLabel, comparatorLabel, formatValue, lang } from '../../components/goals.tsx';
import { formatMonth } from '../../components/statistics.ts';
import { formatDate, formatNumber } from '../../i18n/index.ts';
import { PostsSection } from '../account-dashboard/PostsSection.tsx';
import { StatusTiles } from '../dashboard/StatusTiles.tsx';
import { EvaluationStateBadge, decisionLabel } from '../evaluations/labels.tsx';
import { AnnualAudience, AnnualFormats, AnnualStatistics } from './AnnualStatistics.tsx';
import { Measured, ResourceValue, annualDecisionLabel, findingText, percentText, resourceText } from './labels.tsx';
import { resourceRows } from './report-view.ts';

const targetBases = ['competitors', 'internal_accounts', 'vendor_insight', 'own_history', 'other'] as const;

export function AnnualFiguresView({ figures: f, frozen }: { figures: AnnualAccountFigures; frozen: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={frozen ? 'alert alert-ok' : 'alert'}>
        {frozen ? t('annualReports.figuresFrozen', { time: formatDate(f.computedAt, true) }) : t('annualReports.figuresLive', { time: formatDate(f.computedAt, true) })}
      </p>
      <KpiSection figures={f} />
      <ResourcesSection figures={f} />
      <AnnualStatistics figures={f} />
      <AnnualFormats formats={f.formats} />
      <PostsSection posts={f.posts} />
      <AnnualAudience audience={f.audience} />
      <section className="card" aria-labelledby="annual-doc-heading">
        <h2 id="annual-doc-heading">{t('annualReports.docHeading')}</h2>
        <p>{t('annualReports.documentedDays', { documented: formatNumber(f.documentation.documentedDays), expected: formatNumber(f.documentation.expectedDays) })}</p>
      </section>
      <MonthsSection figures={f} />
      <RecommendationSection figures={f} />
    </>
  );
}

function KpiSection({ figures: f }: { figures: AnnualAccountFigures }) {
  const { t } = useTranslation();
  const l = lang();
  return (
    <section className="card" aria-labelledby="annual-kpis-heading">
      <h2 id="annual-kpis-heading">{t('annualReports.kpisHeading')}</h2>
      <p className="muted">{t('annualReports.asOfNote', { date: formatDate(f.asOf) })}</p>
      <h3 id="annual-status-heading">{t('annualReports.statusHeading')}</h3>
      <StatusTiles counts={f.counts} headingId="annual-status-heading" />
      {f.kpis.length === 0 ? (
        <p className="muted">{t('annualReports.noKpis')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('annualReports.kpisCaption', { year: f.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('annualReports.kpiCol.kpi')}</th>
                <th scope="col" className="num">{t('annualReports.kpiCol.target')}</th>
                <th scope="col" className="num">{t('annualReports.kpiCol.actual')}</th>
                <th scope="col">{t('annualReports.kpiCol.status')}</th>
                <th scope="col" className="num">{t('annualReports.kpiCol.progress')}</th>
                <th scope="col">{t('annualReports.kpiCol.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {f.kpis.map((row) => (
                <tr key={`${row.goal.id}-${row.kpi.id}`}>
                  <th scope="row">
                    {row.kpi.name[l]}
                    <br />
                    <span className="muted">
                      <Link to={`/goals/${encodeURIComponent(row.goal.id)}`}>{t('evaluations.goalOf', { goal: row.goal.qualitativeGoal })}</Link> ·{' '}
                      {comparatorLabel(t, row.kpi.comparator)}
                    </span>
                  </th>
                  <td className="num">
                    {row.kpi.target === null ? <span className="not-set">{t('kpi.noTarget')}</span> : formatValue(t, row.kpi.target, row.kpi.unit)}
                  </td>
                  <td className="num">
                    <Measured value={row.actual} text={formatValue(t, row.actual, row.kpi.unit)} />
                  </td>
                  <td>
                    <KpiStatusBadge status={row.status} />
                  </td>
                  <td className="num">
                    <Measured value={row.progress} text={t('kpi.progressValue', { value: formatNumber((row.progress ?? 0) * 100, { maximumFractionDigits: 0 }) })} />
                  </td>
                  <td>
                    {row.targetBasis === null ? (
                      <span className="not-set">{t('common.notSet')}</span>
                    ) : (targetBases as readonly string[]).includes(row.targetBasis) ? (
                      basisLabel(t, row.targetBasis)
                    ) : (
                      row.targetBasis
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ResourcesSection({ figures: f }: { figures: AnnualAccountFigures }) {
  const { t } = useTranslation();
  const rows = resourceRows(f.resources, f.resources.monthsInUse);
  return (
    <section className="card" aria-labelledby="annual-resources-heading">
      <h2 id="annual-resources-heading">{t('annualReports.resourcesHeading')}</h2>
      <p className="muted">{t('annualReports.resourcesIntro', { months: formatNumber(f.resources.monthsInUse) })}</p>
      <ResourcesTable rows={rows} caption={t('annualReports.resourcesCaption', { year: f.year })} />
      <h3 id="annual-cost-heading">{t('annualReports.costHeading')}</h3>
      {f.costPerResult.length === 0 ? (
        <p className="muted">{t('annualReports.noCost')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('annualReports.costHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('annualReports.costCol.result')}</th>
                <th scope="col" className="num">{t('annualReports.costCol.results')}</th>
                <th scope="col" className="num">{t('annualReports.costCol.money')}</th>
                <th scope="col" className="num">{t('annualReports.costCol.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {f.costPerResult.map((c) => (
                <tr key={c.metric}>
                  <th scope="row">{c.name[lang()]}</th>
                  <td className="num">
                    <Measured value={c.results} text={formatNumber(c.results ?? 0)} />
                  </td>
                  <td className="num">
                    <ResourceValue kind="money" value={c.moneyNok} />
                  </td>
                  <td className="num">
                    {c.costPerResult === null ? (
                      <span className="not-set">{t('annualReports.noCostPerResult')}</span>
                    ) : (
                      formatValue(t, c.costPerResult, 'nok')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Hours and money: planned, documented, in how many months, and documented as a share of the plan. */
export function ResourcesTable({ rows, caption, monthsLabel = 'annualReports.monthsDocumented' }: { rows: ReturnType<typeof resourceRows>; caption: string; monthsLabel?: 'annualReports.monthsDocumented' | 'annualReports.accountMonthsDocumented' }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('annualReports.resourceCol.resource')}</th>
            <th scope="col" className="num">{t('annualReports.resourceCol.planned')}</th>
            <th scope="col" className="num">{t('annualReports.resourceCol.documented')}</th>
            <th scope="col" className="num">{t('annualReports.resourceCol.months')}</th>
            <th scope="col" className="num">{t('annualReports.resourceCol.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.kind}>
              <th scope="row">{t(`annualReports.resource.${r.kind}`)}</th>
              <td className="num">{r.planned === null ? <span className="not-set">{t('annualReports.noPlan')}</span> : resourceText(t, r.kind, r.planned)}</td>
              <td className="num">
                <ResourceValue kind={r.kind} value={r.documented} />
              </td>
              <td className="num">{t(monthsLabel, { months: formatNumber(r.months), of: formatNumber(r.monthsInUse) })}</td>
              <td className="num">{r.share === null ? <span className="not-set">–</span> : percentText(t, r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MonthsSection({ figures: f }: { figures: AnnualAccountFigures }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="annual-months-heading">
      <h2 id="annual-months-heading">{t('annualReports.monthsHeading')}</h2>
      {f.months.length === 0 ? (
        <p className="muted">{t('annualReports.noMonths')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('annualReports.monthsCaption', { year: f.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.col.month')}</th>
                <th scope="col">{t('evaluations.col.state')}</th>
                <th scope="col">{t('evaluations.col.decision')}</th>
                <th scope="col" className="num">{t('annualReports.resource.hours')}</th>
                <th scope="col" className="num">{t('annualReports.resource.money')}</th>
                <th scope="col">{t('evaluations.col.signed')}</th>
              </tr>
            </thead>
            <tbody>
              {f.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">
                    {m.evaluationId ? <Link to={`/evaluations/${encodeURIComponent(m.evaluationId)}`}>{formatMonth(m.month)}</Link> : formatMonth(m.month)}
                  </th>
                  <td>{m.state ? <EvaluationStateBadge state={m.state} /> : <span className="not-set">{t('annualReports.noEvaluation')}</span>}</td>
                  <td>{m.decision ? decisionLabel(t, m.decision) : <span className="not-set">{t('evaluations.notDecided')}</span>}</td>
                  <td className="num">
                    <ResourceValue kind="hours" value={m.hoursSpent} />
                  </td>
                  <td className="num">
                    <ResourceValue kind="money" value={m.moneySpentNok} />
                  </td>
                  <td>{m.signedBy ? m.signedBy.name : <span className="not-set">{t('evaluations.notSigned')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RecommendationSection({ figures: f }: { figures: AnnualAccountFigures }) {
  const { t } = useTranslation();
  const r = f.recommendation;
  // The rule "suggestion" sums the others up; it explains the suggestion itself.
  const summary = r.findings.find((x) => x.rule === 'suggestion');
  const rules = r.findings.filter((x) => x.rule !== 'suggestion');
  const triggered = rules.filter((x) => x.triggered);
  const others = rules.filter((x) => !x.triggered);
  return (
    <section className="card" aria-labelledby="annual-recommendation-heading">
      <h2 id="annual-recommendation-heading">{t('annualReports.recommendationHeading')}</h2>
      <div className="verdict-box">
        <p className="alert-title">{t('annualReports.suggestion', { decision: annualDecisionLabel(t, r.suggestion) })}</p>
        {summary ? <p>{findingText(t, summary)}</p> : null}
        <p className="muted">{t('annualReports.suggestionNote')}</p>
      </div>
      {triggered.length > 0 ? (
        <>
          <h3 id="annual-findings-heading">{t('annualReports.findingsHeading')}</h3>
          <ul aria-labelledby="annual-findings-heading">
            {triggered.map((x) => (
              <li key={x.rule}>
                {findingText(t, x)} <span className="muted">({t('annualReports.pointsTo', { decision: annualDecisionLabel(t, x.points) })})</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('annualReports.noFindings')}</p>
      )}
      {others.length > 0 ? (
        <details>
          <summary>{t('annualReports.otherFindings', { count: others.length })}</summary>
          <ul>
            {others.map((x) => (
              <li key={x.rule}>{findingText(t, x)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
