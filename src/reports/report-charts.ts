/**
 * The reports' charts as chart specs (src/charts/spec.ts), drawn as SVG on the server by
 * src/charts/render-svg.ts (ECharts SSR, no browser) for both the HTML and the PDF: a metric month
 * by month against the year before, KPIs by status, the largest age group per month against the
 * target group, and the rules' suggestions against the decisions. Not measured stays a gap (null).
 */
import type { AnnualAccountFigures, AnnualMetric, AnnualRollup } from '../contract/reports.ts';
import type { StatusCounts } from '../contract/overview.ts';
import { renderChartSvg, type SvgSize } from '../charts/render-svg.ts';
import type { BarSpec, ChartSpec, TimeSeriesSpec } from '../charts/spec.ts';
import { ageGroups } from '../core/platforms.ts';
import { ageGroupName, annualDecisionKeys, annualDecisionName, chartUnit, kpiStatusKeys, kpiStatusName, t, type Lang } from './report-text.ts';

/** How many of an account's metrics get a chart (the KPIs' metrics come first). */
export const CHARTED_METRICS = 3;

/** One metric month by month, the year against the year before (drawn on the same months). */
export function metricChart(metric: AnnualMetric, year: string, lang: Lang): TimeSeriesSpec {
  const previous = String(Number(year) - 1);
  const name = metric.name[lang];
  return {
    kind: 'time',
    title: t(lang, 'metricChart', { metric: name, year, previous }),
    description: t(lang, 'metricChart', { metric: name, year, previous }),
    unit: chartUnit(metric.unit),
    granularity: 'month',
    from: `${year}-01`,
    to: `${year}-12`,
    series: [
      { key: 'year', name: year, points: metric.months.map((m) => ({ at: m.month, value: m.value })) },
      { key: 'previous', name: previous, points: metric.months.map((m) => ({ at: m.month, value: m.previousYear })) },
    ],
  };
}

/** The metrics worth a chart: measured in at least one month of either year, the first few. */
export function chartedMetrics(figures: AnnualAccountFigures): AnnualMetric[] {
  return figures.metrics.filter((m) => m.months.some((x) => x.value !== null || x.previousYear !== null)).slice(0, CHARTED_METRICS);
}

export function statusChart(counts: StatusCounts, lang: Lang): BarSpec {
  return {
    kind: 'bar',
    title: t(lang, 'statusChart'),
    unit: 'count',
    categories: kpiStatusKeys.map((k) => ({ key: k, label: kpiStatusName(lang, k) })),
    series: [{ key: 'count', name: t(lang, 'count'), values: kpiStatusKeys.map((k) => counts[k]) }],
  };
}

/** Months each age group was the largest, the target groups marked. */
export function ageGroupChart(audience: AnnualAccountFigures['audience'], lang: Lang): BarSpec | null {
  if (audience.snapshots.every((s) => s.largestGroup === null)) return null;
  const months = new Map<string, number>();
  for (const s of audience.snapshots) if (s.largestGroup) months.set(s.largestGroup, (months.get(s.largestGroup) ?? 0) + 1);
  const targets = new Set<string>(audience.targetAgeGroups);
  return {
    kind: 'bar',
    title: t(lang, 'ageGroupChart'),
    unit: 'count',
    categories: ageGroups.map((g) => ({ key: g, label: ageGroupName(lang, g), inTarget: targets.has(g) })),
    series: [{ key: 'months', name: t(lang, 'monthsLargest'), values: ageGroups.map((g) => months.get(g) ?? 0) }],
    targetSetName: t(lang, 'targetGroups'),
  };
}

export function decisionChart(rollup: AnnualRollup, lang: Lang): BarSpec {
  return {
    kind: 'bar',
    title: t(lang, 'decisionChart'),
    unit: 'count',
    categories: annualDecisionKeys.map((k) => ({ key: k, label: annualDecisionName(lang, k) })),
    series: [
      { key: 'suggestion', name: t(lang, 'suggestion'), values: annualDecisionKeys.map((k) => rollup.suggestions[k]) },
      { key: 'decision', name: t(lang, 'decisionCol'), values: annualDecisionKeys.map((k) => rollup.decisions[k]) },
    ],
  };
}

export interface DrawnChart {
  spec: ChartSpec;
  svg: string;
  size: SvgSize;
}

export function drawChart(spec: ChartSpec, lang: Lang, size: SvgSize = { width: 720, height: 320 }): DrawnChart {
  return { spec, svg: renderChartSvg(spec, lang, size), size };
}
