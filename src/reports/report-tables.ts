/**
 * A report's figures as rows for spreadsheets. XLSX (src/exports/xlsx.ts): one sheet per section,
 * numbers as numbers, days as dates, not measured / not documented as an empty cell (never 0).
 * CSV (src/exports/csv.ts): one file can hold one table, and a communication adviser opening it
 * in Excel expects one rectangular table with a header row to sort and filter, not sections of
 * different shapes stacked on each other; so the CSV is the report's main table, flattened: one
 * row per account (annual: the figures and the decision) or per evaluation (monthly), and the
 * XLSX has every section. Bokmål CSV uses `;` and decimal commas (Norwegian Excel), English `,`
 * and points. Text people wrote or imported (post texts, assessments) may start with = + - @:
 * both writers guard every text cell against formula injection (exports/cells.ts).
 */
import type { AnnualReport, MonthlyReport } from '../contract/reports.ts';
import type { Cell, SheetData } from '../exports/cells.ts';
import { writeCsv } from '../exports/csv.ts';
import { writeXlsx } from '../exports/xlsx.ts';
import { scopeText } from './report-document.ts';
import { accountCells, accountHeader, pct, postHeader, postRows, round2, sheet, withUnit } from './report-sheet-parts.ts';
import { monthlyEvaluationRows, monthlySheets } from './report-tables-monthly.ts';
import {
  annualDecisionName,
  audienceStatusName,
  kpiStatusKeys,
  kpiStatusName,
  messageText,
  monthlyDecisionName,
  stateKeys,
  stateName,
  t,
  targetBasisText,
  time,
  trendDirectionName,
  unitName,
  type Lang,
} from './report-text.ts';

/** The annual report's main table: one row per account. */
function annualAccountRows(report: AnnualReport, lang: Lang): { header: string[]; rows: Cell[][] } {
  const header = [
    ...accountHeader(lang),
    t(lang, 'state'),
    t(lang, 'dueOn'),
    t(lang, 'suggestion'),
    t(lang, 'evaluatorDecision'),
    t(lang, 'reasoning'),
    t(lang, 'signedBy'),
    lang === 'nb' ? 'Signert tidspunkt' : 'Signed at',
    ...kpiStatusKeys.map((k) => withUnit(t(lang, 'kpis'), kpiStatusName(lang, k))),
    withUnit(t(lang, 'planned'), t(lang, 'hours')),
    withUnit(t(lang, 'documented'), t(lang, 'hours')),
    withUnit(t(lang, 'planned'), 'NOK'),
    withUnit(t(lang, 'documented'), 'NOK'),
    t(lang, 'monthsInUse'),
    withUnit(t(lang, 'documentation'), lang === 'nb' ? 'dokumenterte dager' : 'documented days'),
    withUnit(t(lang, 'documentation'), lang === 'nb' ? 'forventede dager' : 'expected days'),
    withUnit(t(lang, 'audienceFit'), lang === 'nb' ? 'måneder i' : 'months in'),
    withUnit(t(lang, 'audienceFit'), lang === 'nb' ? 'måneder utenfor' : 'months outside'),
  ];
  const rows = report.accounts.map((r) => {
    const f = r.figures;
    return [
      ...accountCells(r),
      stateName(lang, r.state),
      { date: r.dueOn },
      annualDecisionName(lang, f.recommendation.suggestion),
      r.decision ? annualDecisionName(lang, r.decision) : t(lang, 'notDecided'),
      r.reasoning,
      r.signedBy?.name ?? null,
      r.signedAt ? time(lang, r.signedAt) : null,
      ...kpiStatusKeys.map((k) => f.counts[k]),
      f.resources.plannedHours,
      f.resources.documentedHours,
      f.resources.plannedMoneyNok,
      f.resources.documentedMoneyNok,
      f.resources.monthsInUse,
      f.documentation.documentedDays,
      f.documentation.expectedDays,
      f.audience.fitMonths,
      f.audience.misfitMonths,
    ];
  });
  return { header, rows };
}

function annualSheets(report: AnnualReport, lang: Lang): SheetData[] {
  const s = report.summary;
  const summary: Cell[][] = [
    [t(lang, 'scope'), scopeText(report.scope, lang)],
    [t(lang, 'year'), report.year],
    [t(lang, 'generatedAt'), time(lang, report.generatedAt)],
    [t(lang, 'accounts'), s.accounts],
    [t(lang, 'accountMonthsInUse'), s.resources.accountMonthsInUse],
    ...kpiStatusKeys.map((k): Cell[] => [withUnit(t(lang, 'kpis'), kpiStatusName(lang, k)), s.counts[k]]),
    [withUnit(t(lang, 'planned'), t(lang, 'hours')), s.resources.plannedHours],
    [withUnit(t(lang, 'documented'), t(lang, 'hours')), s.resources.documentedHours],
    [withUnit(t(lang, 'planned'), 'NOK'), s.resources.plannedMoneyNok],
    [withUnit(t(lang, 'documented'), 'NOK'), s.resources.documentedMoneyNok],
    ...(['continue', 'continue_with_changes', 'close'] as const).map((k): Cell[] => [withUnit(t(lang, 'suggestion'), annualDecisionName(lang, k)), s.suggestions[k]]),
    ...(['continue', 'continue_with_changes', 'close', 'undecided'] as const).map((k): Cell[] => [withUnit(t(lang, 'decisionCol'), annualDecisionName(lang, k)), s.decisions[k]]),
    ...stateKeys.map((k): Cell[] => [withUnit(t(lang, 'reportStates'), stateName(lang, k)), s.reports[k]]),
    ...(['fit', 'misfit', 'broad', 'unknown'] as const).map((k): Cell[] => [withUnit(t(lang, 'audienceFit'), audienceStatusName(lang, k)), s.audience[k]]),
  ];
  const main = annualAccountRows(report, lang);
  const accounts = report.accounts;
  const sheets: SheetData[] = [sheet(t(lang, 'summary'), [t(lang, 'summary'), t(lang, 'value')], summary)];
  if (report.byUnit.length > 0)
    sheets.push(
      sheet(
        t(lang, 'byUnit'),
        [t(lang, 'unit'), t(lang, 'accounts'), ...kpiStatusKeys.map((k) => kpiStatusName(lang, k)), ...stateKeys.map((k) => stateName(lang, k)), withUnit(t(lang, 'documented'), t(lang, 'hours')), withUnit(t(lang, 'documented'), 'NOK')],
        report.byUnit.map((u) => [u.unit.name, u.summary.accounts, ...kpiStatusKeys.map((k) => u.summary.counts[k]), ...stateKeys.map((k) => u.summary.reports[k]), u.summary.resources.documentedHours, u.summary.resources.documentedMoneyNok]),
      ),
    );
  sheets.push(
    sheet(
      t(lang, 'kpis'),
      [...accountHeader(lang), t(lang, 'goal'), t(lang, 'kpi'), lang === 'nb' ? 'Retning' : 'Comparator', t(lang, 'target'), t(lang, 'actual'), lang === 'nb' ? 'Enhet for tallet' : 'Unit of the figure', t(lang, 'status'), withUnit(t(lang, 'progress'), '%'), t(lang, 'targetBasis')],
      accounts.flatMap((r) =>
        r.figures.kpis.map((k) => [
          ...accountCells(r),
          k.goal.qualitativeGoal,
          k.kpi.name[lang],
          k.kpi.comparator === 'at_least' ? '≥' : '≤',
          k.kpi.target,
          k.actual,
          unitName(lang, k.kpi.unit),
          kpiStatusName(lang, k.status),
          pct(k.progress),
          targetBasisText(lang, k.targetBasis),
        ]),
      ),
    ),
    sheet(
      t(lang, 'statistics'),
      [...accountHeader(lang), t(lang, 'metric'), lang === 'nb' ? 'Enhet for tallet' : 'Unit of the figure', t(lang, 'year'), t(lang, 'previousYear'), withUnit(t(lang, 'change'), '%'), t(lang, 'trend'), t(lang, 'peakMonth'), t(lang, 'lowMonth')],
      accounts.flatMap((r) =>
        r.figures.metrics.map((m) => [...accountCells(r), m.name[lang], unitName(lang, m.unit), m.year, m.previousYear, pct(m.change), m.trend.direction ? trendDirectionName(lang, m.trend.direction) : null, m.seasonality.peakMonth, m.seasonality.lowMonth]),
      ),
    ),
    sheet(
      lang === 'nb' ? 'Måltall per måned' : 'Metrics by month',
      [...accountHeader(lang), t(lang, 'metric'), t(lang, 'month'), t(lang, 'value'), t(lang, 'previousYear'), lang === 'nb' ? 'Dokumenterte dager' : 'Documented days', lang === 'nb' ? 'Dager' : 'Days'],
      accounts.flatMap((r) => r.figures.metrics.flatMap((m) => m.months.map((x) => [...accountCells(r), m.name[lang], x.month, x.value, x.previousYear, x.documentedDays, x.days]))),
    ),
    sheet(
      t(lang, 'resources'),
      [...accountHeader(lang), withUnit(t(lang, 'planned'), t(lang, 'hours')), withUnit(t(lang, 'documented'), t(lang, 'hours')), t(lang, 'monthsDocumented'), withUnit(t(lang, 'planned'), 'NOK'), withUnit(t(lang, 'documented'), 'NOK'), t(lang, 'monthsDocumented'), t(lang, 'monthsInUse')],
      accounts.map((r) => {
        const x = r.figures.resources;
        return [...accountCells(r), x.plannedHours, x.documentedHours, x.hoursMonths, x.plannedMoneyNok, x.documentedMoneyNok, x.moneyMonths, x.monthsInUse];
      }),
    ),
    sheet(
      t(lang, 'monthlyDecisions'),
      [...accountHeader(lang), t(lang, 'month'), t(lang, 'state'), t(lang, 'decision'), t(lang, 'assessment'), t(lang, 'adjustment'), t(lang, 'hours'), withUnit(t(lang, 'money'), 'NOK'), t(lang, 'signedBy')],
      accounts.flatMap((r) =>
        r.figures.months.map((m) => [
          ...accountCells(r),
          m.month,
          m.state ? stateName(lang, m.state) : t(lang, 'noEvaluation'),
          m.decision ? monthlyDecisionName(lang, m.decision) : null,
          m.assessment,
          m.adjustment,
          m.hoursSpent,
          m.moneySpentNok,
          m.signedBy?.name ?? null,
        ]),
      ),
    ),
    sheet(
      t(lang, 'costPerResult'),
      [...accountHeader(lang), t(lang, 'result'), t(lang, 'results'), withUnit(t(lang, 'cost'), 'NOK'), withUnit(t(lang, 'costPerResult'), 'NOK')],
      accounts.flatMap((r) => r.figures.costPerResult.map((c) => [...accountCells(r), c.name[lang], c.results, c.moneyNok, round2(c.costPerResult)])),
    ),
    sheet(
      t(lang, 'recommendation'),
      [...accountHeader(lang), t(lang, 'suggestion'), t(lang, 'finding'), t(lang, 'triggered'), t(lang, 'pointsTo')],
      accounts.flatMap((r) =>
        r.figures.recommendation.findings.map((x) => [...accountCells(r), annualDecisionName(lang, r.figures.recommendation.suggestion), messageText(lang, x.message), x.triggered, annualDecisionName(lang, x.points)]),
      ),
    ),
    sheet(t(lang, 'posts'), postHeader(lang), accounts.flatMap((r) => postRows(r.figures.posts, [...accountCells(r)], lang))),
    sheet(t(lang, 'accounts'), main.header, main.rows),
  );
  return sheets;
}

export function reportSheets(report: AnnualReport | MonthlyReport, lang: Lang): SheetData[] {
  return report.kind === 'annual' ? annualSheets(report, lang) : monthlySheets(report, lang);
}

export function reportXlsx(report: AnnualReport | MonthlyReport, lang: Lang): Uint8Array {
  return writeXlsx(reportSheets(report, lang));
}

/** The main table as CSV: accounts (annual) or evaluations (monthly). */
export function reportCsvRows(report: AnnualReport | MonthlyReport, lang: Lang): Cell[][] {
  const main = report.kind === 'annual' ? annualAccountRows(report, lang) : monthlyEvaluationRows(report, lang);
  return [main.header, ...main.rows];
}

export function reportCsv(report: AnnualReport | MonthlyReport, lang: Lang): Uint8Array {
  return writeCsv(reportCsvRows(report, lang), { delimiter: lang === 'nb' ? ';' : ',' });
}
