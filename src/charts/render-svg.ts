/**
 * A chart spec rendered to an SVG string on the server with ECharts' server-side rendering: no
 * browser, no DOM (for PDFs and print-ready HTML).
 */
import { echarts } from './echarts.ts';
import { chartOption } from './option.ts';
import type { ChartLocale, ChartSpec } from './spec.ts';

export interface SvgSize {
  width: number;
  height: number;
}

export function renderChartSvg(spec: ChartSpec, locale: ChartLocale, size: SvgSize = { width: 720, height: 360 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(spec, locale, { title: true }));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
