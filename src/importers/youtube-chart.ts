/**
 * YouTube Studio `Chart data.csv`: one row per day and video (`Date`, `Content` = video id,
 * title, publish date, then the ticked metrics) → daily per-post observations, and each video
 * once as a post. Dates are ISO as exported; a re-saved copy's `DD-MM-YYYY` or `MM/DD/YYYY` is
 * told from the values (youtube-studio.ts), never guessed. A chart without `Content` (the
 * channel's line) is read by youtube-totals.ts.
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
  parseFullDate,
  readTable,
  warnNetChange,
} from './tabular.ts';
import { CONTENT, DATE, PUBLISHED, SUBSCRIBERS_NET, TITLE, dayOrderOf, youtubeMetrics } from './youtube-studio.ts';

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
    const posted = new Set<string>();
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [dateAt, idAt]);
      const at = { file: file.name, row: row.line };
      const date = parseFullDate(row.cells[dateAt]!, { ...at, column: header[dateAt]! }, order ? { order } : {});
      const id = row.cells[idAt]!.trim();
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
      builder.addRow(table, row, matched, date, id);
    }
    warnNetChange(builder, header, SUBSCRIBERS_NET);
    return builder.build(matched, ignored);
  },
};
