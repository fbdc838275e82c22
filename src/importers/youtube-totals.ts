/**
 * YouTube Studio `Totals.csv` (and a chart or table by date without `Content`): one row per day
 * with the channel's ticked metrics (`Date,Views`). Dates are ISO as exported; a copy re-saved
 * by a spreadsheet may hold `DD-MM-YYYY` (as the fixture does) or `MM/DD/YYYY`: the order is told
 * from the values, and a file whose dates fit both orders is refused with a clear message.
 * Detection asks that every other column be a YouTube Studio metric, since `Date,Views` alone
 * is plain; it answers with lower confidence than the other YouTube kinds.
 */
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import {
  ExportBuilder,
  checkRowLength,
  findColumn,
  firstLineCells,
  matchMetricColumns,
  onceADay,
  parseFullDate,
  readTable,
} from './tabular.ts';
import { CONTENT, DATE, allYoutubeColumns, dayOrderOf, youtubeMetrics } from './youtube-studio.ts';

const KEY = 'youtube-totals';
const KIND = 'youtube_totals';

export const youtubeTotalsImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const header = firstLineCells(text);
    if (!header || header.length < 2 || findColumn(header, CONTENT) !== -1) return null;
    const dateAt = findColumn(header, DATE);
    if (dateAt === -1 || !allYoutubeColumns(header, [dateAt])) return null;
    return { importer: KEY, platform: 'youtube', kind: KIND, confidence: 0.6 };
  },
  parse(file, text): ParsedExport {
    const table = readTable(file, text);
    const { header } = table;
    const dateAt = findColumn(header, DATE);
    if (dateAt === -1) throw new ImportError({ file: file.name, row: table.headerLine }, 'the header has no "Date" column');
    const { matched, ignored } = matchMetricColumns(header, youtubeMetrics, [DATE]);
    if (matched.length === 0) throw new ImportError({ file: file.name, row: table.headerLine }, 'no metric column was recognised');
    const order = dayOrderOf(table, dateAt);
    const builder = new ExportBuilder(KEY, 'youtube', KIND);
    const seen = new Set<string>();
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [dateAt]);
      const at = { file: file.name, row: row.line, column: header[dateAt]! };
      const date = parseFullDate(row.cells[dateAt]!, at, order ? { order } : {});
      onceADay(seen, date, at);
      builder.addRow(table, row, matched, date);
    }
    return builder.build(matched, ignored);
  },
};
