/**
 * A chart spec + locale → an ECharts option object, the same for the browser and the server's SVG.
 * Colours come from a palette that colour-blind readers can tell apart, and every series differs
 * in more than colour: lines by dash and symbol, bars by pattern (decal). Not measured (null) is a
 * gap in a line and no bar, never 0. No animation (reports and reduced motion). Pure: no DOM.
 */
import type { EChartsOption } from 'echarts';
import { chartLabels, formatChartDay, formatChartMonth, formatChartValue } from './format.ts';
import { formatTable, slots, timeColumns } from './table.ts';
import type { BarSpec, ChartLocale, ChartSpec, TimeSeriesSpec } from './spec.ts';

/** Okabe–Ito colours (distinguishable with the common colour-vision deficiencies). */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;
export const targetColour = '#222222';
export const paceColour = '#6E6E6E';
export const forecastColour = '#0072B2';
export const bandFill = 'rgba(86, 180, 233, 0.28)';

/** Line dashes per series index: solid, dashed, dotted, dash-dot, long dash. */
export const dashes: ('solid' | number[])[] = ['solid', [8, 4], [2, 3], [10, 4, 2, 4], [14, 6]];
export const symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'] as const;
/** Bar patterns per series index (the first plain). */
export const decals = [
  { symbol: 'none' },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.6)' },
  { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[3, 3]], dashArrayY: [3, 3], color: 'rgba(255,255,255,0.7)' },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(0,0,0,0.35)' },
];

export interface OptionSettings {
  /** Draw the title in the chart (for downloads and PDFs); a page with its own heading leaves it out. */
  title?: boolean;
}

const at = <T,>(list: readonly T[], i: number): T => list[i % list.length]!;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function base(spec: ChartSpec, settings: OptionSettings): EChartsOption {
  const withTitle = settings.title ?? true;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif' },
    aria: { enabled: true, label: { description: spec.description ?? spec.title } },
    ...(withTitle ? { title: { text: spec.title, left: 8, top: 4, textStyle: { fontSize: 15 } } } : {}),
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 12, right: 20, top: withTitle ? 44 : 16, bottom: 40, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
  };
}

/** The tooltip shows the table row of the pointed slot (so band values read as lower–upper, null as "ikke målt"). */
function tooltipFor(spec: ChartSpec, locale: ChartLocale): EChartsOption['tooltip'] {
  let table: ReturnType<typeof formatTable> | null = null; // made on the first hover, not for every render
  return {
    trigger: 'axis',
    confine: true,
    formatter: (params: unknown) => {
      const first = Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined) : (params as { dataIndex?: number });
      const rows = (table ??= formatTable(spec, locale));
      const row = rows.rows[first?.dataIndex ?? -1];
      if (!row) return '';
      const lines = row.slice(1).map((v, i) => (v === '' ? null : `${escapeHtml(rows.columns[i + 1] ?? '')}: <b>${escapeHtml(v)}</b>`));
      return [`<b>${escapeHtml(row[0] ?? '')}</b>`, ...lines.filter((l) => l !== null)].join('<br/>');
    },
  };
}

function valueAxis(spec: ChartSpec, locale: ChartLocale) {
  return { type: 'value' as const, scale: false, axisLabel: { formatter: (v: number) => formatChartValue(v, spec.unit, locale, 'axis') } };
}

function timeOption(spec: TimeSeriesSpec, locale: ChartLocale, settings: OptionSettings): EChartsOption {
  const keys = slots(spec);
  const columns = timeColumns(spec, locale);
  const labels = keys.map((k) => (spec.granularity === 'day' ? formatChartDay(k, locale, true) : formatChartMonth(k, locale, true)));
  const showSymbol = keys.length <= 92;
  const data = (values: (number | null | undefined)[]) => values.map((v) => (v === undefined ? null : v));
  const series: NonNullable<EChartsOption['series']> = [];
  const legend: string[] = [];
  let n = 0;
  for (const c of columns) {
    if (c.role === 'series') {
      const i = n++;
      legend.push(c.name);
      series.push({
        type: 'line',
        name: c.name,
        data: data(c.values),
        connectNulls: false,
        color: at(palette, i),
        symbol: at(symbols, i),
        symbolSize: 6,
        showSymbol,
        lineStyle: { width: 2, type: at(dashes, i) },
      });
    } else if (c.role === 'target') {
      legend.push(c.name);
      series.push({ type: 'line', name: c.name, data: data(c.values), color: targetColour, symbol: 'none', lineStyle: { width: 2, type: [6, 4] }, z: 3 });
    } else if (c.role === 'pace') {
      legend.push(c.name);
      series.push({ type: 'line', name: c.name, data: data(c.values), color: paceColour, symbol: 'none', connectNulls: false, lineStyle: { width: 1.5, type: [10, 4, 2, 4] } });
    } else if (c.role === 'mean') {
      legend.push(c.name);
      series.push({ type: 'line', name: c.name, data: data(c.values), color: forecastColour, symbol: 'none', lineStyle: { width: 1.5, type: [3, 3] } });
    }
  }
  const lower = columns.find((c) => c.role === 'lower');
  const upper = columns.find((c) => c.role === 'upper');
  if (spec.forecast && lower && upper) {
    // The band: an invisible line at the lower bound, and the width stacked on it as a filled area.
    const stack = 'forecast-band';
    series.push({
      type: 'line',
      name: lower.name,
      data: data(lower.values),
      stack,
      stackStrategy: 'all',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      silent: true,
      color: bandFill,
    });
    series.push({
      type: 'line',
      name: spec.forecast.bandName,
      data: upper.values.map((u, i) => {
        const l = lower.values[i];
        return u === undefined || u === null || l === undefined || l === null ? null : u - l;
      }),
      stack,
      stackStrategy: 'all',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color: bandFill },
      silent: true,
      color: bandFill,
    });
    legend.push(spec.forecast.bandName);
  }
  const b = base(spec, settings);
  return {
    ...b,
    legend: { ...(b.legend as object), data: legend },
    tooltip: tooltipFor(spec, locale),
    xAxis: { type: 'category', data: labels, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: valueAxis(spec, locale),
    series,
  };
}

function barOption(spec: BarSpec, locale: ChartLocale, settings: OptionSettings): EChartsOption {
  const labels = spec.categories.map((c) => c.label);
  const marked = spec.categories.some((c) => c.inTarget);
  const targetSet = spec.targetSetName ?? chartLabels[locale].inTarget;
  const clean = (v: number | null | undefined) => (v !== null && v !== undefined && Number.isFinite(v) ? v : null);
  const series: NonNullable<EChartsOption['series']> = [];
  if (marked && spec.series.length === 1) {
    // One series against a target set: the bars in the set are a second series on the same stack, with a pattern.
    const s = spec.series[0]!;
    const values = spec.categories.map((_, i) => clean(s.values[i]));
    series.push({ type: 'bar', name: s.name, stack: 'one', data: values.map((v, i) => (spec.categories[i]!.inTarget ? null : v)), color: at(palette, 0) });
    series.push({
      type: 'bar',
      name: `${s.name} – ${targetSet}`,
      stack: 'one',
      data: values.map((v, i) => (spec.categories[i]!.inTarget ? v : null)),
      color: at(palette, 1),
      itemStyle: { decal: at(decals, 1), borderColor: '#000', borderWidth: 1 },
    });
  } else {
    spec.series.forEach((s, i) => {
      series.push({
        type: 'bar',
        name: s.name,
        color: at(palette, i),
        itemStyle: { decal: at(decals, i) },
        data: spec.categories.map((c, j) => {
          const v = clean(s.values[j]);
          return c.inTarget ? { value: v, itemStyle: { borderColor: '#000', borderWidth: 2 } } : v;
        }),
      });
    });
  }
  if (spec.target) {
    series.push({
      type: 'scatter',
      name: spec.target.name,
      data: spec.categories.map((_, i) => clean(spec.target!.values[i])),
      color: targetColour,
      symbol: 'rect',
      symbolSize: spec.horizontal ? [4, 22] : [22, 4],
      z: 5,
    });
  }
  // A category with no value at all says so in the chart, so an empty slot is not read as 0.
  const unmeasured = spec.categories.map((_, i) => spec.series.every((s) => clean(s.values[i]) === null));
  if (unmeasured.some(Boolean)) {
    series.push({
      type: 'scatter',
      name: chartLabels[locale].notMeasured,
      data: unmeasured.map((u) => (u ? 0 : null)),
      symbolSize: 0,
      silent: true,
      tooltip: { show: false },
      label: { show: true, formatter: chartLabels[locale].notMeasured, position: spec.horizontal ? 'right' : 'top', color: '#54555a', fontStyle: 'italic' },
    });
  }
  const categoryAxis = {
    type: 'category' as const,
    data: labels,
    axisLabel: { interval: 0, hideOverlap: false, formatter: (label: string, i: number) => (spec.categories[i]?.inTarget ? `{t|${label.replace(/[{}|]/g, ' ')}}` : label), rich: { t: { fontWeight: 'bold' as const } } },
  };
  const b = base(spec, settings);
  return {
    ...b,
    legend: { ...(b.legend as object), data: series.filter((s) => s.type !== 'scatter' || s.name !== chartLabels[locale].notMeasured).map((s) => String(s.name)) },
    tooltip: tooltipFor(spec, locale),
    xAxis: spec.horizontal ? valueAxis(spec, locale) : categoryAxis,
    yAxis: spec.horizontal ? { ...categoryAxis, inverse: true } : valueAxis(spec, locale),
    series,
  };
}

export function chartOption(spec: ChartSpec, locale: ChartLocale, settings: OptionSettings = {}): EChartsOption {
  return spec.kind === 'time' ? timeOption(spec, locale, settings) : barOption(spec, locale, settings);
}
