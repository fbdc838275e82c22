/**
 * Chart specs of the account dashboard's KPIs (pure): a KPI's evaluation as a time series with its
 * target line, pace line and forecast band, and – where the evaluation has no forecast (the
 * deadline has passed, or the KPI is not forecast) – the metric's months from the series
 * endpoint, with the target line only where a month's value can be read against the target.
 * Texts arrive translated; values stay in the metric's unit and null stays "not measured".
 */
import type { ChartPoint, ChartUnit, TimeSeriesSpec } from '../../../../src/charts/spec.ts';
import type { AccountSeriesOut } from '../../../../src/contract/dashboards.ts';
import { metricUnits } from '../../../../src/core/metrics/catalogue.ts';
import { dayNumber, fromDayNumber } from '../../../../src/core/period/days.ts';

/** A KPI's history, forecast band, target and pace as the goal page draws them (components/goals.tsx chartSeries). */
export interface KpiSeries {
  history: { date: string; value: number }[];
  band: { date: string; mean: number; lower: number; upper: number }[];
  target: number | null;
  pace: { from: { date: string; value: number }; to: { date: string; value: number } } | null;
  /** The history is a running total from the goal's start. */
  cumulative: boolean;
}

export interface KpiChartTexts {
  title: string;
  description?: string;
  actual: string;
  target: string;
  pace: string;
  forecast: string;
  band: string;
}

/** The chart unit of a KPI's unit (a KPI of an unknown unit is drawn as a plain number). */
export function chartUnit(unit: string): ChartUnit {
  return (metricUnits as readonly string[]).includes(unit) ? (unit as ChartUnit) : 'count';
}

/** The longest band drawn day by day; longer gaps between two forecast points are filled in this many steps at most. */
const MAX_FILLED_DAYS = 1100;

/**
 * The band with a point on every day between two points further apart than a day, on straight
 * lines between them (the goal page's drawing of a total's fan from today's total to the projected
 * one): a chart draws a band only where neighbouring days both have a value.
 */
export function fillBand(band: KpiSeries['band']): KpiSeries['band'] {
  const sorted = [...band].sort((a, b) => a.date.localeCompare(b.date));
  const out: KpiSeries['band'] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    out.push(a);
    const b = sorted[i + 1];
    if (!b) continue;
    const n0 = dayNumber(a.date);
    const n1 = dayNumber(b.date);
    const gap = n1 - n0;
    if (gap <= 1 || gap > MAX_FILLED_DAYS) continue;
    for (let d = 1; d < gap; d++) {
      const f = d / gap;
      const mix = (x: number, y: number) => x + (y - x) * f;
      out.push({ date: fromDayNumber(n0 + d), mean: mix(a.mean, b.mean), lower: mix(a.lower, b.lower), upper: mix(a.upper, b.upper) });
    }
  }
  return out;
}

function firstAndLast(dates: string[]): { from: string; to: string } | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  return { from: sorted[0]!, to: sorted[sorted.length - 1]! };
}

/** Days on an axis up to which a few values are still drawn by day. */
const SPARSE_DAYS = 92;
/** Fewer values than this on a longer daily axis are drawn by month. */
const SPARSE_VALUES = 8;

/**
 * Daily for daily forecasts and running totals, monthly for monthly ones – and monthly for a few
 * values (an audience snapshot or two) on a long daily axis, where a lone day would not show.
 */
export function granularityFor(series: Pick<KpiSeries, 'cumulative' | 'history'>, step: 'day' | 'month', range: { from: string; to: string }): 'day' | 'month' {
  if (series.cumulative) return 'day';
  if (step === 'month') return 'month';
  const span = dayNumber(range.to.slice(0, 10)) - dayNumber(range.from.slice(0, 10)) + 1;
  return span > SPARSE_DAYS && series.history.length < SPARSE_VALUES ? 'month' : 'day';
}

/**
 * A KPI's evaluation as a time series: the actual history, a target line, the pace line from the
 * baseline at the start to the target at the deadline, and the forecast band with its mean.
 * Null when there is nothing to draw.
 */
export function kpiTimeSpec(series: KpiSeries, step: 'day' | 'month', unit: string, texts: KpiChartTexts): TimeSeriesSpec | null {
  const dates = [...series.history.map((p) => p.date), ...series.band.map((b) => b.date)];
  if (series.pace) dates.push(series.pace.from.date, series.pace.to.date);
  const range = firstAndLast(dates);
  const granularity = range ? granularityFor(series, step, range) : step;
  const band = granularity === 'day' ? fillBand(series.band) : series.band;
  if (!range || (series.history.length === 0 && band.length === 0)) return null;
  const slot = (d: string) => (granularity === 'month' ? d.slice(0, 7) : d);
  return {
    kind: 'time',
    title: texts.title,
    ...(texts.description ? { description: texts.description } : {}),
    unit: chartUnit(unit),
    granularity,
    from: slot(range.from),
    to: slot(range.to),
    series: [{ key: 'actual', name: texts.actual, points: series.history.map((p): ChartPoint => ({ at: p.date, value: p.value })) }],
    target: series.target === null ? null : { name: texts.target, value: series.target },
    pace: series.pace
      ? { name: texts.pace, from: { at: series.pace.from.date, value: series.pace.from.value }, to: { at: series.pace.to.date, value: series.pace.to.value } }
      : null,
    forecast:
      band.length > 0
        ? { name: texts.forecast, bandName: texts.band, points: band.map((b) => ({ at: b.date, mean: b.mean, lower: b.lower, upper: b.upper })) }
        : null,
  };
}

/** How a KPI is measured, as far as reading its target against a month's value goes. */
export interface KpiMeasure {
  measurement: string;
  target: number | null;
}

/**
 * Whether a month's value of the metric (its total, last value or mean of days) can be read against
 * the KPI's target: a target per month, a stock at the deadline against the last value, a daily
 * target against the month's mean of days. Not a total over the goal's period, nor a per-post value.
 */
export function targetFitsMonths(kpi: KpiMeasure, aggregation: AccountSeriesOut['aggregation']): boolean {
  if (kpi.target === null) return false;
  if (kpi.measurement === 'per_month') return true;
  if (kpi.measurement === 'at_deadline') return aggregation === 'latest';
  if (kpi.measurement === 'per_day') return aggregation === 'mean';
  return false;
}

/** The metric's months of the period (null = not measured), with the target line where it fits. */
export function monthsSpec(series: AccountSeriesOut, kpi: KpiMeasure, unit: string, texts: Pick<KpiChartTexts, 'title' | 'description' | 'actual' | 'target'>): TimeSeriesSpec {
  return {
    kind: 'time',
    title: texts.title,
    ...(texts.description ? { description: texts.description } : {}),
    unit: chartUnit(unit),
    granularity: 'month',
    from: series.periods.period.start.slice(0, 7),
    to: series.periods.period.end.slice(0, 7),
    series: [{ key: 'actual', name: texts.actual, points: series.months.map((m): ChartPoint => ({ at: m.month, value: m.value })) }],
    target: targetFitsMonths(kpi, series.aggregation) && kpi.target !== null ? { name: texts.target, value: kpi.target } : null,
  };
}
