/**
 * A chart's data as downloads: CSV (`;` and decimal commas in bokmål, `,` in English) and XLSX
 * (one sheet named after the chart, bold header, days as real dates), and a file name from the
 * title. The same table as the accessible alternative, with raw values. Pure.
 */
import { slugify } from '../core/slug.ts';
import type { SheetData } from '../exports/cells.ts';
import { writeCsv } from '../exports/csv.ts';
import { writeXlsx } from '../exports/xlsx.ts';
import type { ChartLocale, ChartSpec } from './spec.ts';
import { chartTable } from './table.ts';

export function chartSheet(spec: ChartSpec, locale: ChartLocale): SheetData {
  const table = chartTable(spec, locale);
  return { name: spec.title, header: true, rows: [table.columns, ...table.rows] };
}

export function chartCsv(spec: ChartSpec, locale: ChartLocale): Uint8Array {
  return writeCsv(chartSheet(spec, locale).rows, { delimiter: locale === 'nb' ? ';' : ',' });
}

export function chartXlsx(spec: ChartSpec, locale: ChartLocale): Uint8Array {
  return writeXlsx([chartSheet(spec, locale)]);
}

/** "rekkevidde-per-dag.csv" from the title ("diagram.csv" when the title has no letters or digits). */
export function chartFileName(spec: ChartSpec, extension: 'png' | 'svg' | 'csv' | 'xlsx'): string {
  const slug = /[\p{L}\p{N}]/u.test(spec.title) ? slugify(spec.title) : 'diagram';
  return `${slug}.${extension}`;
}
