/**
 * Pure helpers of <Chart>: the table alternative (the same numbers as the chart, in the locale's
 * formats, "ikke målt" for not measured), the download formats and the bytes of a data: URL.
 */
import { formatTable } from '../../../../src/charts/table.ts';
import type { ChartLocale, ChartSpec } from '../../../../src/charts/spec.ts';

export interface TableView {
  columns: string[];
  /** Each row: its heading (the day, month or category) and the other cells. */
  rows: { header: string; cells: string[] }[];
}

export function tableView(spec: ChartSpec, locale: ChartLocale): TableView {
  const table = formatTable(spec, locale);
  return { columns: table.columns, rows: table.rows.map(([header, ...cells]) => ({ header: header ?? '', cells })) };
}

/** Whether the spec has anything to draw (a chart of only "not measured" still draws: its gaps are the news). */
export function hasData(spec: ChartSpec): boolean {
  return spec.kind === 'time' ? spec.series.some((s) => s.points.length > 0) || !!spec.forecast?.points.length : spec.categories.length > 0 && spec.series.length > 0;
}

export const downloadFormats = ['png', 'svg', 'csv', 'xlsx'] as const;
export type DownloadFormat = (typeof downloadFormats)[number];

export const mimeTypes: Record<DownloadFormat, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The bytes of a base64 data: URL (as ECharts' getDataURL gives), without fetch (the CSP limits connect-src). */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new Error('not a data: URL');
  const meta = url.slice(5, comma);
  const data = url.slice(comma + 1);
  if (!meta.endsWith(';base64')) return new TextEncoder().encode(decodeURIComponent(data));
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
