/**
 * YouTube Studio `Chart data.csv`: one row per day and line of the chart (`Date`, `Content` =
 * video id, title, publish date, then the ticked metrics).
 *
 * What is stored (decided from the fixtures and their README): the channel's daily values, from
 * the chart's total line (rows whose `Content` is `Total`), as account-level observations; and
 * each video once as a post. The per-video daily rows are read and checked (a damaged cell still
 * refuses the file) but not stored, with a warning saying why: Table data.csv already gives each
 * video's values, dated on its publish day as every other post export is (youtube-table.ts), and
 * a per-video daily value on the publish day would land on the same key (account, metric, day,
 * video) and overwrite that total, or be overwritten by it, depending on the import order. A
 * per-post value in Målbar is one lifetime-style number per post; per-video daily series have
 * no place without a second kind of key. The channel's daily values are also in Totals.csv
 * (youtube-totals.ts): the two agree and land on the same account-level keys, so importing both
 * changes nothing. `from`/`to` cover the stored (total line) days only: a chart of videos alone
 * documents no day of the account.
 *
 * Dates are ISO as exported; a re-saved copy's `DD-MM-YYYY` or `MM/DD/YYYY` is told from the
 * values (youtube-studio.ts), never guessed. A chart without `Content` (the channel's line
 * alone) is read by youtube-totals.ts.
 */
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import {
  ExportBuilder,
  checkRowLength,
  excerpt,
  findColumn,
  firstLineCells,
  hasColumns,
  matchMetricColumns,
  onceADay,
  parseFullDate,
  readCell,
  readTable,
} from './tabular.ts';
import { CONTENT, DATE, PUBLISHED, TITLE, TOTAL_CONTENT, dayOrderOf, youtubeMetrics } from './youtube-studio.ts';

const KEY = 'youtube-chart';
const KIND = 'youtube_chart';

export const youtubeChartImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const header = firstLineCells(text);
    if (!header || !hasColumns(header, DATE, CONTENT)) return null;
    return { importer: KEY, platform: 'youtube', kind: KIND, confidence: 0.9 };
  },
  parse(file, text): ParsedExport {
    const table = readTable(file, text);
    const { header } = table;
    const dateAt = findColumn(header, DATE);
    const idAt = findColumn(header, CONTENT);
    if (dateAt === -1 || idAt === -1) {
      throw new ImportError({ file: file.name, row: table.headerLine }, 'the header has no "Date" or "Content" column');
    }
    const publishedAt = findColumn(header, PUBLISHED);
    const titleAt = findColumn(header, TITLE);
    const { matched, ignored } = matchMetricColumns(header, youtubeMetrics, [DATE, CONTENT, TITLE, PUBLISHED]);
    if (matched.length === 0) throw new ImportError({ file: file.name, row: table.headerLine }, 'no metric column was recognised');
    const order = dayOrderOf(table, dateAt);
    const publishedOrder = publishedAt === -1 ? undefined : dayOrderOf(table, publishedAt);
    const builder = new ExportBuilder(KEY, 'youtube', KIND);
    const seen = new Set<string>();
    const totalDays = new Set<string>();
    const posted = new Set<string>();
    const videos = new Set<string>();
    let videoRows = 0;
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [dateAt, idAt]);
      const at = { file: file.name, row: row.line };
      const date = parseFullDate(row.cells[dateAt]!, { ...at, column: header[dateAt]! }, order ? { order } : {});
      const id = row.cells[idAt]!.trim();
      if (TOTAL_CONTENT.has(id.toLowerCase())) {
        onceADay(totalDays, date, { ...at, column: header[dateAt]! });
        builder.addRow(table, row, matched, date);
        continue;
      }
      if (!/^[A-Za-z0-9_-]{6,20}$/.test(id)) throw new ImportError({ ...at, column: header[idAt]! }, `"${id}" is not a YouTube video id`);
      const key = `${id} ${date}`;
      if (seen.has(key)) throw new ImportError({ ...at, column: header[dateAt]! }, `video ${id} on ${date} is listed twice`);
      seen.add(key);
      if (!posted.has(id) && publishedAt !== -1 && row.cells[publishedAt]?.trim()) {
        posted.add(id);
        const published = parseFullDate(row.cells[publishedAt]!, { ...at, column: header[publishedAt]! }, publishedOrder ? { order: publishedOrder } : {});
        const title = titleAt === -1 ? undefined : excerpt(row.cells[titleAt]);
        builder.posts.push({
          platformPostId: id,
          date: published,
          postType: 'video',
          permalink: `https://www.youtube.com/watch?v=${id}`,
          ...(title ? { excerpt: title } : {}),
        });
      }
      // checked like every other row (a damaged cell refuses the file), not stored
      checkRowLength(table, row, matched.map((c) => c.index));
      for (const col of matched) readCell(table, row, col);
      videos.add(id);
      videoRows++;
    }
    if (videoRows > 0) {
      builder.warnings.push(
        `the daily values per video (${videoRows} rows, ${videos.size} video${videos.size === 1 ? '' : 's'}) are not stored: per-video values come from Table data.csv, ` +
          'dated on each video\'s publish day, and daily values on that day would overwrite them; the channel\'s daily values come from ' +
          'the chart\'s Total line or Totals.csv',
      );
    }
    return builder.build(matched, ignored);
  },
};
