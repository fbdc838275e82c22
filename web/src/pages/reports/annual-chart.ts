/**
 * The annual report's charts as specs (pure): a metric month by month through the year against
 * the same months the year before (null stays "not measured", drawn as a gap), and which metrics
 * get a chart: the first ones (the KPIs' metrics come first) that were measured in either year.
 */
import type { ChartPoint, TimeSeriesSpec } from '../../../../src/charts/spec.ts';
import type { AnnualMetric } from '../../../../src/contract/reports.ts';
import { chartUnit } from '../account-dashboard/kpi-chart.ts';

export interface YearChartTexts {
  title: string;
  description?: string;
  /** The series names: "2025" and "2024". */
  year: string;
  previousYear: string;
}

/** The metric's months of `year` and of the year before, on the months of `year`. */
export function yearOverYearSpec(metric: Pick<AnnualMetric, 'unit' | 'months'>, year: string, texts: YearChartTexts): TimeSeriesSpec {
  const months = [...metric.months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return {
    kind: 'time',
    title: texts.title,
    ...(texts.description ? { description: texts.description } : {}),
    unit: chartUnit(metric.unit),
    granularity: 'month',
    from: `${year}-01`,
    to: `${year}-12`,
    series: [
      { key: 'year', name: texts.year, points: months.map((m): ChartPoint => ({ at: m.month, value: m.value })) },
      { key: 'previous', name: texts.previousYear, points: months.map((m): ChartPoint => ({ at: m.month, value: m.previousYear })) },
    ],
  };
}

/** Whether any month of either year has a value. */
export function isMeasured(metric: Pick<AnnualMetric, 'months'>): boolean {
  return metric.months.some((m) => m.value !== null || m.previousYear !== null);
}

/** The main metrics: the first `max` that were measured, in the report's order. */
export function mainMetrics<M extends Pick<AnnualMetric, 'months'>>(metrics: readonly M[], max: number): M[] {
  return metrics.filter(isMeasured).slice(0, max);
}
