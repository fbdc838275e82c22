/**
 * Charts as pure data: what the dashboards and reports draw, independent of how (ECharts in the
 * browser, ECharts' server-side SVG in PDFs) and of the DOM. Values are numbers in the metric's
 * unit (percent as 12.5 for 12,5 %); `null` is "not measured" and is drawn as a gap, never as 0.
 * Names and titles arrive translated; the few fixed words (not measured, interval) come from
 * labels.ts by locale.
 */
import type { MetricUnit } from '../core/metrics/catalogue.ts';

export type ChartLocale = 'nb' | 'en';
export type ChartUnit = MetricUnit;

/** One point of a series: a day 'YYYY-MM-DD' or a month 'YYYY-MM', and its value or null. */
export interface ChartPoint {
  at: string;
  value: number | null;
}

export interface LineSeries {
  key: string;
  name: string;
  points: ChartPoint[];
}

/** Metric lines over days or months, with an optional target, pace line and forecast band. */
export interface TimeSeriesSpec {
  kind: 'time';
  title: string;
  /** One sentence for screen readers and the table's caption (optional). */
  description?: string;
  unit: ChartUnit;
  granularity: 'day' | 'month';
  /** The first and last day/month on the axis (inclusive); every one between is a slot. */
  from: string;
  to: string;
  series: LineSeries[];
  /** A horizontal target line. */
  target?: { name: string; value: number } | null;
  /** A straight line from a baseline to the target at the deadline. */
  pace?: { name: string; from: { at: string; value: number }; to: { at: string; value: number } } | null;
  /** A forecast: its mean (optional) and the band between lower and upper. */
  forecast?: { name: string; bandName: string; points: { at: string; mean: number | null; lower: number; upper: number }[] } | null;
}

export interface BarCategory {
  key: string;
  label: string;
  /** In the target set (e.g. an age group the account aims at): drawn with a pattern and marked. */
  inTarget?: boolean;
}

/** Bars by category (units, age groups, accounts), one or more series, optional targets. */
export interface BarSpec {
  kind: 'bar';
  title: string;
  description?: string;
  unit: ChartUnit;
  categories: BarCategory[];
  /** Each series' values in the order of `categories`. */
  series: { key: string; name: string; values: (number | null)[] }[];
  /** Per-category target values (drawn as markers). */
  target?: { name: string; values: (number | null)[] } | null;
  /** The legend text for categories in the target set. */
  targetSetName?: string;
  horizontal?: boolean;
}

export type ChartSpec = TimeSeriesSpec | BarSpec;
