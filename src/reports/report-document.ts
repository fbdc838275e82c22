/**
 * An annual or monthly report → its layout blocks in a language: the title with scope, period
 * and when it was made; for the annual report the roll-up (KPIs by status, resources planned and
 * documented, the rules' suggestions against the decisions, the reports' states, audience fit,
 * by unit) and every account on a page of its own (in full for an account report, compact for a
 * unit's or the organisation's); for the monthly report the states and each evaluation.
 */
import type { AnnualReport, AnnualRollup, MonthlyReport, ReportScope } from '../contract/reports.ts';
import { annualAccountBlocks, postTables } from './report-annual-account.ts';
import { decisionChart, drawChart, statusChart } from './report-charts.ts';
import { facts, heading, left, paragraph, right, table, type Block, type Fact, type ReportDocument } from './report-blocks.ts';
import {
  absoluteChange,
  ageGroupName,
  annualDecisionKeys,
  annualDecisionName,
  audienceStatusName,
  count,
  day,
  dueStatusText,
  kpiStatusKeys,
  kpiStatusName,
  month,
  monthlyDecisionName,
  num,
  percent,
  platformName,
  progressText,
  resource,
  stateKeys,
  stateName,
  t,
  time,
  type Lang,
} from './report-text.ts';

export function scopeText(scope: ReportScope, lang: Lang): string {
  switch (scope.kind) {
    case 'account':
      return t(lang, 'scopeAccount', { account: scope.account.name, platform: platformName(scope.account.platform), unit: scope.unit.name });
    case 'unit':
      return t(lang, 'scopeUnit', { unit: scope.unit.name });
    case 'organisation':
      return t(lang, 'scopeOrganisation', { name: scope.name });
  }
}

function titleFacts(scope: ReportScope, period: string, generatedAt: string, lang: Lang): Fact[] {
  return [
    { label: t(lang, 'scope'), value: scopeText(scope, lang) },
    { label: t(lang, 'period'), value: period },
    { label: t(lang, 'generatedAt'), value: time(lang, generatedAt) },
  ];
}

const statusColumns = (lang: Lang) => kpiStatusKeys.map((k) => right(kpiStatusName(lang, k), 0.8));
const stateColumns = (lang: Lang) => stateKeys.map((k) => right(stateName(lang, k), 0.8));

/** The roll-up; `many` (unit and organisation) adds the chart of the suggestions against the decisions. */
function rollupBlocks(s: AnnualRollup, lang: Lang, many: boolean): Block[] {
  const out: Block[] = [];
  out.push(facts([{ label: t(lang, 'accounts'), value: count(lang, s.accounts) }, { label: t(lang, 'accountMonthsInUse'), value: count(lang, s.resources.accountMonthsInUse) }]));
  out.push(table(t(lang, 'kpiStatusCounts'), statusColumns(lang), [kpiStatusKeys.map((k) => count(lang, s.counts[k]))]));
  out.push({ kind: 'chart', chart: drawChart(statusChart(s.counts, lang), lang, { width: 720, height: 260 }) });
  const r = s.resources;
  out.push(
    table(
      t(lang, 'resourcesPlannedDocumented'),
      [left(t(lang, 'resources'), 1.4), right(t(lang, 'planned')), right(t(lang, 'documented')), right(t(lang, 'monthsDocumented'))],
      [
        [t(lang, 'hours'), resource(lang, r.plannedHours, 'hours'), resource(lang, r.documentedHours, 'hours'), `${count(lang, r.hoursMonths)} / ${count(lang, r.accountMonthsInUse)}`],
        [t(lang, 'money'), resource(lang, r.plannedMoneyNok, 'nok'), resource(lang, r.documentedMoneyNok, 'nok'), `${count(lang, r.moneyMonths)} / ${count(lang, r.accountMonthsInUse)}`],
      ],
    ),
  );
  out.push(
    table(
      t(lang, 'suggestionsDecisions'),
      [left(t(lang, 'decision'), 1.6), right(t(lang, 'suggestion')), right(t(lang, 'decisionCol'))],
      [
        ...annualDecisionKeys.map((k) => [annualDecisionName(lang, k), count(lang, s.suggestions[k]), count(lang, s.decisions[k])]),
        [annualDecisionName(lang, 'undecided'), '', count(lang, s.decisions.undecided)],
      ],
    ),
  );
  if (many) out.push({ kind: 'chart', chart: drawChart(decisionChart(s, lang), lang, { width: 720, height: 260 }) });
  out.push(table(t(lang, 'reportStates'), stateColumns(lang), [stateKeys.map((k) => count(lang, s.reports[k]))]));
  const fit = ['fit', 'misfit', 'broad', 'unknown'] as const;
  out.push(table(t(lang, 'audienceFit'), fit.map((k) => right(audienceStatusName(lang, k))), [fit.map((k) => count(lang, s.audience[k]))]));
  return out;
}

export function annualDocument(report: AnnualReport, lang: Lang): ReportDocument {
  const title = t(lang, 'annualTitle', { year: report.year });
  const blocks: Block[] = [{ kind: 'title', text: title, facts: titleFacts(report.scope, `${day(lang, `${report.year}-01-01`)} – ${day(lang, `${report.year}-12-31`)}`, report.generatedAt, lang) }];
  const compact = report.scope.kind !== 'account';
  blocks.push(heading(1, t(lang, 'summary')));
  blocks.push(...rollupBlocks(report.summary, lang, compact));
  if (report.byUnit.length > 0) {
    blocks.push(heading(2, t(lang, 'byUnit')));
    blocks.push(
      table(
        t(lang, 'byUnit'),
        [left(t(lang, 'unit'), 1.4), right(t(lang, 'accounts'), 0.8), ...statusColumns(lang), ...stateColumns(lang)],
        report.byUnit.map((u) => [u.unit.name, count(lang, u.summary.accounts), ...kpiStatusKeys.map((k) => count(lang, u.summary.counts[k])), ...stateKeys.map((k) => count(lang, u.summary.reports[k]))]),
      ),
    );
  }
  if (compact && report.accounts.length > 0) blocks.push(paragraph(t(lang, 'compactNote'), 'muted'));
  for (const account of report.accounts) {
    blocks.push({ kind: 'pageBreak' });
    blocks.push(...annualAccountBlocks(account, lang, compact));
  }
  return { lang, title: `${title} – ${scopeText(report.scope, lang)}`, subject: t(lang, 'subjectAnnual'), blocks };
}

type Evaluation = MonthlyReport['evaluations'][number];

function evaluationBlocks(e: Evaluation, lang: Lang): Block[] {
  const f = e.figures;
  const out: Block[] = [heading(1, `${e.account.name} · ${platformName(e.account.platform)}`)];
  out.push(
    facts([
      { label: t(lang, 'unit'), value: e.unit.name },
      { label: t(lang, 'state'), value: `${stateName(lang, e.state)} (${t(lang, 'dueIn', { day: day(lang, e.dueOn) })})` },
      { label: t(lang, 'evaluators'), value: e.evaluators.length > 0 ? e.evaluators.map((p) => p.name).join(', ') : t(lang, 'noEvaluators') },
      { label: t(lang, 'resources'), value: t(lang, 'resourcesSpent', { hours: resource(lang, e.hoursSpent, 'hours'), money: resource(lang, e.moneySpentNok, 'nok') }) },
    ]),
  );
  out.push(heading(2, t(lang, 'kpis')));
  if (f.kpis.length === 0) out.push(paragraph(t(lang, 'noKpis'), 'muted'));
  else
    out.push(
      table(
        t(lang, 'kpis'),
        [left(t(lang, 'kpi'), 2.4), right(t(lang, 'target')), right(t(lang, 'actual')), left(t(lang, 'status'), 0.9), right(t(lang, 'progress')), right(t(lang, 'previousMonth')), right(t(lang, 'change'))],
        f.kpis.map((k) => [
          `${k.kpi.name[lang]} — ${t(lang, 'goal')}: ${k.goal.qualitativeGoal}`,
          k.kpi.target === null ? t(lang, 'noTarget') : `${k.kpi.comparator === 'at_least' ? '≥' : '≤'} ${num(lang, k.kpi.target, k.kpi.unit)}`,
          num(lang, k.actual, k.kpi.unit),
          kpiStatusName(lang, k.status),
          progressText(lang, k.progress),
          `${num(lang, k.previousActual, k.kpi.unit)} (${k.previousStatus === null ? t(lang, 'notEvaluatedBefore') : kpiStatusName(lang, k.previousStatus)})`,
          absoluteChange(lang, k.change, k.kpi.unit),
        ]),
      ),
    );
  const a = f.audience;
  out.push(heading(2, t(lang, 'audienceFit')));
  out.push(
    facts([
      { label: t(lang, 'status'), value: audienceStatusName(lang, a.status) },
      { label: t(lang, 'targetGroups'), value: a.targetAgeGroups.length > 0 ? a.targetAgeGroups.map((g) => ageGroupName(lang, g)).join(', ') : t(lang, 'noTargetGroups') },
      { label: t(lang, 'largestGroup'), value: a.largestGroup ? `${ageGroupName(lang, a.largestGroup)} (${percent(lang, a.largestShare)})` : t(lang, 'notMeasured') },
      { label: t(lang, 'targetShare'), value: percent(lang, a.targetShare) },
      { label: t(lang, 'snapshot'), value: a.snapshotDay ? day(lang, a.snapshotDay) : t(lang, 'none') },
    ]),
  );
  const d = f.documentation;
  out.push(heading(2, t(lang, 'documentation')));
  out.push(paragraph(t(lang, 'documentedDays', { documented: count(lang, d.documentedDays), expected: count(lang, d.expectedDays) })));
  if (d.gaps.length === 0) out.push(paragraph(t(lang, 'noGaps')));
  else out.push(facts([{ label: t(lang, 'gaps'), value: d.gaps.map(([from, to]) => (from === to ? day(lang, from) : `${day(lang, from)} – ${day(lang, to)}`)).join('; ') }]));
  if (d.due) out.push(paragraph(dueStatusText(lang, d.due), 'muted'));
  for (const group of f.posts) out.push(...postTables(group, lang));
  out.push(heading(2, t(lang, 'evaluations')));
  out.push(facts([{ label: t(lang, 'decision'), value: e.decision ? monthlyDecisionName(lang, e.decision) : t(lang, 'noDecision') }]));
  out.push(heading(3, t(lang, 'assessment')));
  out.push(e.assessment.trim() === '' ? paragraph(t(lang, 'noReasoning'), 'muted') : paragraph(e.assessment, 'quote'));
  out.push(heading(3, t(lang, 'adjustment')));
  out.push(e.adjustment.trim() === '' ? paragraph('–', 'muted') : paragraph(e.adjustment, 'quote'));
  out.push(paragraph(e.signedBy && e.signedAt ? t(lang, 'signedByAt', { name: e.signedBy.name, time: time(lang, e.signedAt) }) : t(lang, 'notSigned')));
  return out;
}

export function monthlyDocument(report: MonthlyReport, lang: Lang): ReportDocument {
  const title = t(lang, 'monthlyTitle', { month: month(lang, report.month) });
  const blocks: Block[] = [{ kind: 'title', text: title, facts: titleFacts(report.scope, month(lang, report.month), report.generatedAt, lang) }];
  blocks.push(heading(1, t(lang, 'summary')));
  blocks.push(table(t(lang, 'evaluationStates'), stateColumns(lang), [stateKeys.map((k) => count(lang, report.states[k]))]));
  blocks.push(table(t(lang, 'kpiStatusCounts'), statusColumns(lang), [kpiStatusKeys.map((k) => count(lang, report.counts[k]))]));
  blocks.push({ kind: 'chart', chart: drawChart(statusChart(report.counts, lang), lang, { width: 720, height: 260 }) });
  if (report.missing.length > 0)
    blocks.push(table(t(lang, 'missing'), [left(t(lang, 'account'), 2), left(t(lang, 'platform'))], report.missing.map((a) => [a.name, platformName(a.platform)])));
  for (const e of report.evaluations) {
    blocks.push({ kind: 'pageBreak' });
    blocks.push(...evaluationBlocks(e, lang));
  }
  return { lang, title: `${title} – ${scopeText(report.scope, lang)}`, subject: t(lang, 'subjectMonthly'), blocks };
}

export function reportDocument(report: AnnualReport | MonthlyReport, lang: Lang): ReportDocument {
  return report.kind === 'annual' ? annualDocument(report, lang) : monthlyDocument(report, lang);
}
