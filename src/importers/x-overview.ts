/**
 * X account overview export (`account_overview_analytics.csv`): one row per day, newest first,
 * dates like `"Tue, Feb 18, 2025"` → daily impressions, likes, engagements, bookmarks (saves),
 * new follows, unfollows, replies (comments), reposts (shares, as the catalogue counts them for
 * X), profile visits, posts created and video views. X's own `Shares` (sent by message or link)
 * is not a repost and has no catalogue metric, like `Media views`: both are listed as ignored.
 */
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { xOverviewHeaders as H } from './header-sets/x.ts';
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
} from './tabular.ts';

const KEY = 'x-overview';
const KIND = 'x_account_overview';
const DATE = names(H, 'date');
const NEW_FOLLOWS = names(H, 'new_follows');
const METRICS = metricColumns(H);

export const xOverviewImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const header = firstLineCells(text);
    if (!header || !hasColumns(header, DATE, NEW_FOLLOWS, names(H, 'engagements'))) return null;
    if (findColumn(header, ['Post id', 'Tweet id']) !== -1) return null;
    return { importer: KEY, platform: 'x', kind: KIND, confidence: 0.9 };
  },
  parse(file, text): ParsedExport {
    const table = readTable(file, text);
    const dateAt = findColumn(table.header, DATE);
    if (dateAt === -1) throw new ImportError({ file: file.name, row: table.headerLine }, 'the header has no "Date" column');
    const { matched, ignored } = matchMetricColumns(table.header, METRICS, [DATE]);
    if (matched.length === 0) throw new ImportError({ file: file.name, row: table.headerLine }, 'no metric column was recognised');
    const builder = new ExportBuilder(KEY, 'x', KIND);
    const seen = new Set<string>();
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [dateAt]);
      const at = { file: file.name, row: row.line, column: table.header[dateAt]! };
      const date = parseFullDate(row.cells[dateAt]!, at, { order: 'mdy' });
      onceADay(seen, date, at);
      builder.addRow(table, row, matched, date);
    }
    return builder.build(matched, ignored);
  },
};
