/**
 * One account's part of the annual report as layout blocks: KPIs, resources and cost per result,
 * the statistics over the year (with charts against the year before), content formats and
 * posts, audience fit, documentation, the year's monthly evaluations, the rules' recommendation
 * with every finding, and the evaluator's decision. `compact` (unit and organisation reports of
 * up to hundreds of accounts) keeps the figures and the decision and leaves out charts, posts,
 * formats, snapshots and the months.
 */
import type { AnnualAccountReport } from '../contract/reports.ts';
import { ageGroupChart, chartedMetrics, drawChart, metricChart } from './report-charts.ts';
import { facts, heading, left, paragraph, right, table, type Block } from './report-blocks.ts';
import {
  ageGroupName,
  annualDecisionName,
  audienceStatusName,
  count,
  day,
  kpiStatusName,
  messageText,
  month,
  monthlyDecisionName,
  num,
  percent,
  platformName,
  progressText,
  relativeChange,
  resource,
  stateName,
  t,
  targetBasisText,
  time,
  trendDirectionName,
  type Lang,
} from './report-text.ts';

const comparatorSign = (c: 'at_least' | 'at_most') => (c === 'at_least' ? '≥' : '≤');

export function annualAccountBlocks(report: AnnualAccountReport, lang: Lang, compact: boolean): Block[] {
  const f = report.figures;
  const out: Block[] = [];
  out.push(heading(1, `${report.account.name} · ${platformName(report.account.platform)}`));
  out.push(
    facts([
      { label: t(lang, 'unit'), value: report.unit.name },
      { label: t(lang, 'state'), value: `${stateName(lang, report.state)} (${t(lang, 'dueIn', { day: day(lang, report.dueOn) })})` },
      { label: t(lang, 'evaluators'), value: report.evaluators.length > 0 ? report.evaluators.map((p) => p.name).join(', ') : t(lang, 'noEvaluators') },
      { label: t(lang, 'period'), value: `${day(lang, f.period.start)} – ${day(lang, f.period.end)}` },
    ]),
  );
  out.push(paragraph(report.figuresFrozen ? t(lang, 'figuresFrozen', { time: time(lang, f.computedAt) }) : t(lang, 'figuresLive', { time: time(lang, f.computedAt), asOf: day(lang, f.asOf) }), 'muted'));

  // KPIs
  out.push(heading(2, t(lang, 'kpis')));
  if (f.kpis.length === 0) out.push(paragraph(t(lang, 'noKpis'), 'muted'));
  else
    out.push(
      table(
        t(lang, 'kpis'),
        [left(t(lang, 'kpi'), 2.6), right(t(lang, 'target'), 1.2), right(t(lang, 'actual'), 1.2), left(t(lang, 'status'), 1), right(t(lang, 'progress'), 1.2), left(t(lang, 'targetBasis'), 1.4)],
        f.kpis.map((k) => [
          `${k.kpi.name[lang]} — ${t(lang, 'goal')}: ${k.goal.qualitativeGoal}`,
          k.kpi.target === null ? t(lang, 'noTarget') : `${comparatorSign(k.kpi.comparator)} ${num(lang, k.kpi.target, k.kpi.unit)}`,
          num(lang, k.actual, k.kpi.unit),
          kpiStatusName(lang, k.status),
          progressText(lang, k.progress),
          targetBasisText(lang, k.targetBasis),
        ]),
      ),
    );

  // Resources and cost per result
  const r = f.resources;
  out.push(heading(2, t(lang, 'resourcesPlannedDocumented')));
  out.push(
    table(
      t(lang, 'resources'),
      [left(t(lang, 'resources'), 1.4), right(t(lang, 'planned')), right(t(lang, 'documented')), right(t(lang, 'monthsDocumented'))],
      [
        [t(lang, 'hours'), resource(lang, r.plannedHours, 'hours'), resource(lang, r.documentedHours, 'hours'), `${count(lang, r.hoursMonths)} / ${count(lang, r.monthsInUse)}`],
        [t(lang, 'money'), resource(lang, r.plannedMoneyNok, 'nok'), resource(lang, r.documentedMoneyNok, 'nok'), `${count(lang, r.moneyMonths)} / ${count(lang, r.monthsInUse)}`],
      ],
    ),
  );
  if (f.costPerResult.length > 0)
    out.push(
      table(
        t(lang, 'costPerResult'),
        [left(t(lang, 'result'), 1.6), right(t(lang, 'results')), right(t(lang, 'cost')), right(t(lang, 'costPerResult'))],
        f.costPerResult.map((c) => [c.name[lang], num(lang, c.results), resource(lang, c.moneyNok, 'nok'), num(lang, c.costPerResult, 'nok')]),
      ),
    );

  // Statistics over the year
  out.push(heading(2, t(lang, 'statistics')));
  if (f.metrics.length === 0) out.push(paragraph(t(lang, 'noMetrics'), 'muted'));
  else {
    out.push(
      table(
        t(lang, 'statistics'),
        [left(t(lang, 'metric'), 1.8), right(t(lang, 'year')), right(t(lang, 'previousYear')), right(t(lang, 'change'), 0.9), left(t(lang, 'trend'), 0.9), left(t(lang, 'peakMonth')), left(t(lang, 'lowMonth'))],
        f.metrics.map((m) => [
          m.name[lang],
          num(lang, m.year, m.unit),
          num(lang, m.previousYear, m.unit),
          relativeChange(lang, m.change),
          trendDirectionName(lang, m.trend.direction),
          m.seasonality.peakMonth ? month(lang, m.seasonality.peakMonth) : t(lang, 'notMeasured'),
          m.seasonality.lowMonth ? month(lang, m.seasonality.lowMonth) : t(lang, 'notMeasured'),
        ]),
      ),
    );
    if (!compact) for (const m of chartedMetrics(f)) out.push({ kind: 'chart', chart: drawChart(metricChart(m, f.year, lang), lang) });
  }

  if (!compact) {
    out.push(heading(2, t(lang, 'formats')));
    if (f.formats.length === 0) out.push(paragraph(t(lang, 'noFormats'), 'muted'));
    else
      out.push(
        table(
          t(lang, 'formats'),
          [left(t(lang, 'postType'), 1.4), right(t(lang, 'posts'), 0.7), left(t(lang, 'metric'), 1.4), right(t(lang, 'mean')), right(t(lang, 'median'))],
          f.formats.map((x) => [x.postType, count(lang, x.posts), x.name[lang], num(lang, x.mean), num(lang, x.median)]),
        ),
      );
    for (const group of f.posts) out.push(...postTables(group, lang));
  }

  // Audience over the year
  const a = f.audience;
  out.push(heading(2, t(lang, 'audience')));
  out.push(
    facts([
      { label: t(lang, 'targetGroups'), value: a.targetAgeGroups.length > 0 ? a.targetAgeGroups.map((g) => ageGroupName(lang, g)).join(', ') : t(lang, 'noTargetGroups') },
      { label: t(lang, 'audienceFit'), value: t(lang, 'fitMonths', { fit: count(lang, a.fitMonths), misfit: count(lang, a.misfitMonths) }) },
    ]),
  );
  if (!compact) {
    if (a.snapshots.length === 0) out.push(paragraph(t(lang, 'noSnapshots'), 'muted'));
    else {
      out.push(
        table(
          t(lang, 'audience'),
          [left(t(lang, 'snapshot')), left(t(lang, 'largestGroup')), right(t(lang, 'largestShare'), 0.8), right(t(lang, 'targetShare')), left(t(lang, 'status'), 1.3)],
          a.snapshots.map((s) => [
            day(lang, s.day),
            s.largestGroup ? ageGroupName(lang, s.largestGroup) : t(lang, 'notMeasured'),
            percent(lang, s.largestShare),
            percent(lang, s.targetShare),
            audienceStatusName(lang, s.status),
          ]),
        ),
      );
      const chart = ageGroupChart(a, lang);
      if (chart) out.push({ kind: 'chart', chart: drawChart(chart, lang, { width: 720, height: 280 }) });
    }
  }
  out.push(heading(2, t(lang, 'documentation')));
  out.push(paragraph(t(lang, 'documentedDays', { documented: count(lang, f.documentation.documentedDays), expected: count(lang, f.documentation.expectedDays) })));

  if (!compact) {
    out.push(heading(2, t(lang, 'monthlyDecisions')));
    out.push(
      table(
        t(lang, 'monthlyDecisions'),
        [left(t(lang, 'month'), 1.1), left(t(lang, 'state'), 0.9), left(t(lang, 'decision'), 1.4), right(t(lang, 'hours'), 0.8), right(t(lang, 'money'), 1), left(t(lang, 'signedBy'), 1.2)],
        f.months.map((m) => [
          month(lang, m.month),
          m.state ? stateName(lang, m.state) : t(lang, 'noEvaluation'),
          m.decision ? monthlyDecisionName(lang, m.decision) : t(lang, 'noDecision'),
          resource(lang, m.hoursSpent, 'hours'),
          resource(lang, m.moneySpentNok, 'nok'),
          m.signedBy?.name ?? t(lang, 'notSigned'),
        ]),
      ),
    );
    // What the evaluators wrote flows as paragraphs (a long assessment is never cut to fit a cell).
    for (const m of f.months) {
      if (m.assessment.trim() === '' && m.adjustment.trim() === '') continue;
      out.push(heading(3, month(lang, m.month)));
      if (m.assessment.trim() !== '') out.push(paragraph(`${t(lang, 'assessment')}: ${m.assessment}`, 'quote'));
      if (m.adjustment.trim() !== '') out.push(paragraph(`${t(lang, 'adjustment')}: ${m.adjustment}`, 'quote'));
    }
  }

  // The rules' recommendation, every finding explained
  out.push(heading(2, t(lang, 'recommendation')));
  out.push(paragraph(t(lang, 'recommendationIs', { decision: annualDecisionName(lang, f.recommendation.suggestion) }), 'strong'));
  if (f.recommendation.findings.length > 0)
    out.push(
      table(
        t(lang, 'recommendation'),
        [left(t(lang, 'finding'), 4), left(t(lang, 'triggered'), 0.7), left(t(lang, 'pointsTo'), 1.5)],
        f.recommendation.findings.map((x) => [messageText(lang, x.message), x.triggered ? t(lang, 'yes') : t(lang, 'no'), annualDecisionName(lang, x.points)]),
      ),
    );

  // The evaluator's decision
  out.push(heading(2, t(lang, 'evaluatorDecision')));
  out.push(paragraph(report.decision ? annualDecisionName(lang, report.decision) : t(lang, 'notDecided'), 'strong'));
  out.push(heading(3, t(lang, 'reasoning')));
  out.push(report.reasoning.trim() === '' ? paragraph(t(lang, 'noReasoning'), 'muted') : paragraph(report.reasoning, 'quote'));
  out.push(paragraph(report.signedBy && report.signedAt ? t(lang, 'signedByAt', { name: report.signedBy.name, time: time(lang, report.signedAt) }) : t(lang, 'notSigned')));
  return out;
}

type PostGroup = AnnualAccountReport['figures']['posts'][number];

/** Best and weakest posts of one metric: the text as text, the link as text (never a live link). */
export function postTables(group: PostGroup, lang: Lang): Block[] {
  const columns = [left(t(lang, 'published'), 0.9), left(t(lang, 'postType'), 0.8), left(t(lang, 'text'), 3), right(t(lang, 'value'), 0.8), left(t(lang, 'link'), 1.6)];
  const rows = (posts: PostGroup['best']) =>
    posts.map((p) => [day(lang, p.publishedOn), p.postType ?? '–', p.excerpt ?? '–', num(lang, p.value, group.unit), p.permalink ?? '']);
  const out: Block[] = [];
  if (group.best.length === 0 && group.weakest.length === 0) return [heading(3, t(lang, 'bestPosts', { metric: group.name[lang] })), paragraph(t(lang, 'noPosts'), 'muted')];
  if (group.best.length > 0) out.push(heading(3, t(lang, 'bestPosts', { metric: group.name[lang] })), table(t(lang, 'bestPosts', { metric: group.name[lang] }), columns, rows(group.best)));
  if (group.weakest.length > 0) out.push(heading(3, t(lang, 'weakestPosts', { metric: group.name[lang] })), table(t(lang, 'weakestPosts', { metric: group.name[lang] }), columns, rows(group.weakest)));
  return out;
}
