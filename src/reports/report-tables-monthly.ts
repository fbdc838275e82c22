/**
 * The monthly report's figures as spreadsheet rows: the summary, one row per evaluation (the
 * CSV's main table), the KPIs with the month before, and the best and weakest posts. Pure.
 */
import type { MonthlyReport } from '../contract/reports.ts';
import type { Cell, SheetData } from '../exports/cells.ts';
import { scopeText } from './report-document.ts';
import { accountHeader, pct, postHeader, postRows, sheet, withUnit } from './report-sheet-parts.ts';
import { ageGroupName, audienceStatusName, kpiStatusKeys, kpiStatusName, monthlyDecisionName, platformName, stateKeys, stateName, t, time, unitName, type Lang } from './report-text.ts';

/** The monthly report's main table: one row per evaluation. */
export function monthlyEvaluationRows(report: MonthlyReport, lang: Lang): { header: string[]; rows: Cell[][] } {
  const header = [
    ...accountHeader(lang),
    t(lang, 'month'),
    t(lang, 'state'),
    t(lang, 'dueOn'),
    t(lang, 'decision'),
    t(lang, 'assessment'),
    t(lang, 'adjustment'),
    t(lang, 'hours'),
    withUnit(t(lang, 'money'), 'NOK'),
    t(lang, 'signedBy'),
    ...kpiStatusKeys.map((k) => withUnit(t(lang, 'kpis'), kpiStatusName(lang, k))),
    t(lang, 'audienceFit'),
    t(lang, 'largestGroup'),
    withUnit(t(lang, 'largestShare'), '%'),
    withUnit(t(lang, 'targetShare'), '%'),
    lang === 'nb' ? 'Dokumenterte dager' : 'Documented days',
    lang === 'nb' ? 'Forventede dager' : 'Expected days',
  ];
  const rows = report.evaluations.map((e) => {
    const f = e.figures;
    return [
      e.unit.name,
      e.account.name,
      platformName(e.account.platform),
      e.month,
      stateName(lang, e.state),
      { date: e.dueOn },
      e.decision ? monthlyDecisionName(lang, e.decision) : null,
      e.assessment,
      e.adjustment,
      e.hoursSpent,
      e.moneySpentNok,
      e.signedBy?.name ?? null,
      ...kpiStatusKeys.map((k) => f.counts[k]),
      audienceStatusName(lang, f.audience.status),
      f.audience.largestGroup ? ageGroupName(lang, f.audience.largestGroup) : null,
      f.audience.largestShare,
      f.audience.targetShare,
      f.documentation.documentedDays,
      f.documentation.expectedDays,
    ];
  });
  return { header, rows };
}

export function monthlySheets(report: MonthlyReport, lang: Lang): SheetData[] {
  const summary: Cell[][] = [
    [t(lang, 'scope'), scopeText(report.scope, lang)],
    [t(lang, 'month'), report.month],
    [t(lang, 'generatedAt'), time(lang, report.generatedAt)],
    ...stateKeys.map((k): Cell[] => [withUnit(t(lang, 'evaluationStates'), stateName(lang, k)), report.states[k]]),
    ...kpiStatusKeys.map((k): Cell[] => [withUnit(t(lang, 'kpis'), kpiStatusName(lang, k)), report.counts[k]]),
    ...report.missing.map((a): Cell[] => [t(lang, 'missing'), `${a.name} (${platformName(a.platform)})`]),
  ];
  const main = monthlyEvaluationRows(report, lang);
  return [
    sheet(t(lang, 'summary'), [t(lang, 'summary'), t(lang, 'value')], summary),
    sheet(t(lang, 'evaluations'), main.header, main.rows),
    sheet(
      t(lang, 'kpis'),
      [...accountHeader(lang), t(lang, 'goal'), t(lang, 'kpi'), t(lang, 'target'), t(lang, 'actual'), lang === 'nb' ? 'Enhet for tallet' : 'Unit of the figure', t(lang, 'status'), withUnit(t(lang, 'progress'), '%'), t(lang, 'previousMonth'), withUnit(t(lang, 'previousMonth'), t(lang, 'status')), t(lang, 'change')],
      report.evaluations.flatMap((e) =>
        e.figures.kpis.map((k) => [
          e.unit.name,
          e.account.name,
          platformName(e.account.platform),
          k.goal.qualitativeGoal,
          k.kpi.name[lang],
          k.kpi.target,
          k.actual,
          unitName(lang, k.kpi.unit),
          kpiStatusName(lang, k.status),
          pct(k.progress),
          k.previousActual,
          k.previousStatus ? kpiStatusName(lang, k.previousStatus) : null,
          k.change,
        ]),
      ),
    ),
    sheet(t(lang, 'posts'), postHeader(lang), report.evaluations.flatMap((e) => postRows(e.figures.posts, [e.unit.name, e.account.name, platformName(e.account.platform)], lang))),
  ];
}

