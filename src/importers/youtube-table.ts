/**
 * YouTube Studio `Table data.csv` by content: one row per video (id in `Content`, title,
 * publish date `"Aug 28, 2025"`) with the ticked metrics over the export's period. The first
 * data row, `Total`, is the channel's sum and not a post: it is skipped. Each video becomes a
 * post and its values per-post observations dated on its publish day, as the other platforms'
 * post exports are (so a later export of the same video updates them, lifetime-style). The file
 * does not say which period the values cover.
 *
 * Per-video values come only from this file: youtube-chart.ts does not store the chart's
 * per-video daily rows, which would land on the same key (account, metric, day, video) on the
 * publish day and overwrite these totals (or be overwritten by them). See youtube-chart.ts.
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
} from './tabular.ts';
import { CONTENT, DATE, PUBLISHED, TITLE, TOTAL_CONTENT, dayOrderOf, youtubeMetrics } from './youtube-studio.ts';

const KEY = 'youtube-table';
const KIND = 'youtube_table';

export const youtubeTableImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const header = firstLineCells(text);
    if (!header || !hasColumns(header, CONTENT, PUBLISHED) || findColumn(header, DATE) !== -1) return null;
    return { importer: KEY, platform: 'youtube', kind: KIND, confidence: 0.9 };
  },
  parse(file, text): ParsedExport {
    const table = readTable(file, text);
    const { header } = table;
    const idAt = findColumn(header, CONTENT);
    const publishedAt = findColumn(header, PUBLISHED);
    const titleAt = findColumn(header, TITLE);
    if (idAt === -1 || publishedAt === -1) {
      throw new ImportError({ file: file.name, row: table.headerLine }, 'the header has no "Content" or "Video publish time" column');
    }
    const { matched, ignored } = matchMetricColumns(header, youtubeMetrics, [CONTENT, TITLE, PUBLISHED]);
    if (matched.length === 0) throw new ImportError({ file: file.name, row: table.headerLine }, 'no metric column was recognised');
    const order = dayOrderOf(table, publishedAt);
    const builder = new ExportBuilder(KEY, 'youtube', KIND);
    const seen = new Set<string>();
    for (const row of table.rows) {
      checkRowLength(table, row, [idAt, publishedAt]);
      const id = row.cells[idAt]!.trim();
      if (TOTAL_CONTENT.has(id.toLowerCase())) continue;
      builder.rows++;
      const at = { file: file.name, row: row.line };
      if (!/^[A-Za-z0-9_-]{6,20}$/.test(id)) throw new ImportError({ ...at, column: header[idAt]! }, `"${id}" is not a YouTube video id`);
      if (seen.has(id)) throw new ImportError({ ...at, column: header[idAt]! }, `video ${id} is listed twice`);
      seen.add(id);
      const date = parseFullDate(row.cells[publishedAt]!, { ...at, column: header[publishedAt]! }, order ? { order } : {});
      const title = titleAt === -1 ? undefined : excerpt(row.cells[titleAt]);
      builder.posts.push({
        platformPostId: id,
        date,
        postType: 'video',
        permalink: `https://www.youtube.com/watch?v=${id}`,
        ...(title ? { excerpt: title } : {}),
      });
      builder.addRow(table, row, matched, date, id);
    }
    return builder.build(matched, ignored);
  },
};
