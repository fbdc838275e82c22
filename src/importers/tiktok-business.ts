/**
 * TikTok business-account overview export: `Date,Video views,Reached audience,Profile views,
 * Likes,Shares,Comments,Website clicks,…,Net growth,New followers,Lost followers`, one row per
 * day with full dates (`2026/05/10`, also ISO or `MM/DD/YYYY`). Unlike TikTok Studio, the dates
 * carry their year, so no `lastDay` is needed. `Net growth` is the net change (it can be
 * negative), stored as `net_followers`, never as the gross `new_followers`.
 */
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { tiktokBusinessHeaders as H } from './header-sets/tiktok.ts';
import {
  ExportBuilder,
  checkRowLength,
  findColumn,
  firstLineCells,
  hasColumns,
  matchMetricColumns,
  onceADay,
  parseFullDate,
  readTable,
  sampleRows,
} from './tabular.ts';

const KEY = 'tiktok-business';
const KIND = 'tiktok_business_overview';
const DATE = names(H, 'date');
const REACHED = names(H, 'reach');
const METRICS = metricColumns(H);

function hasFullDate(cell: string | undefined): boolean {
  if (cell === undefined) return true; // a header-only file is still this kind
  try {
    parseFullDate(cell, { file: '', row: 0, column: '' });
    return true;
  } catch {
    return false;
  }
}

export const tiktokBusinessImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const header = firstLineCells(text);
    if (!header || !hasColumns(header, DATE, REACHED)) return null;
    if (!hasFullDate(sampleRows(text, 1)[0]?.[findColumn(header, DATE)])) return null;
    return { importer: KEY, platform: 'tiktok', kind: KIND, confidence: 0.9 };
  },
  parse(file, text): ParsedExport {
    const table = readTable(file, text);
    const dateAt = findColumn(table.header, DATE);
    if (dateAt === -1) throw new ImportError({ file: file.name, row: table.headerLine }, 'the header has no "Date" column');
    const { matched, ignored } = matchMetricColumns(table.header, METRICS, [DATE]);
    if (matched.length === 0) throw new ImportError({ file: file.name, row: table.headerLine }, 'no column of this TikTok export was recognised');
    const builder = new ExportBuilder(KEY, 'tiktok', KIND);
    const seen = new Set<string>();
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [dateAt]);
      const at = { file: file.name, row: row.line, column: table.header[dateAt]! };
      const date = parseFullDate(row.cells[dateAt]!, at);
      onceADay(seen, date, at);
      builder.addRow(table, row, matched, date);
    }
    return builder.build(matched, ignored);
  },
};
