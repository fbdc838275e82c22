/**
 * TikTok Studio `Content.csv`: one row per video with its lifetime likes, comments, shares and
 * views as of the export (`Time` is the export's day, the same on every row). Each video becomes
 * a post (id from its link, title as excerpt) and its totals per-post observations dated on the
 * post's day, so a later export of the same video updates the same values instead of adding new
 * ones. `Post time` has no year: the video id encodes the moment it was posted, which places the
 * day exactly; only when an id cannot is the day placed back from `Time` (which then needs
 * `options.lastDay`, see tiktok-studio.ts). English and bokmål headers.
 */
import { parseMonthDay, resolveYearless } from './parse/dates.ts';
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { tiktokContentHeaders as H } from './header-sets/tiktok.ts';
import { ExportBuilder, checkRowLength, excerpt, findColumn, firstLineCells, hasColumns, matchMetricColumns, readTable } from './tabular.ts';
import { type TikTokOptions, placeByVideoId, requireLastDay, videoIdFromLink } from './tiktok-studio.ts';

const KEY = 'tiktok-content';
const KIND = 'tiktok_content';
const TIME = names(H, 'time');
const TITLE = names(H, 'title');
const LINK = names(H, 'link');
const POST_TIME = names(H, 'post_time');
const METRICS = metricColumns(H);

export const tiktokContentImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const header = firstLineCells(text);
    if (!hasColumns(header, LINK, POST_TIME)) return null;
    return { importer: KEY, platform: 'tiktok', kind: KIND, confidence: 0.95 };
  },
  parse(file, text, options: TikTokOptions): ParsedExport {
    const table = readTable(file, text);
    const { header } = table;
    const linkAt = findColumn(header, LINK);
    const postAt = findColumn(header, POST_TIME);
    const timeAt = findColumn(header, TIME);
    const titleAt = findColumn(header, TITLE);
    if (linkAt === -1 || postAt === -1) {
      throw new ImportError({ file: file.name, row: table.headerLine }, 'the header has no "Video link" or "Post time" column');
    }
    const { matched, ignored } = matchMetricColumns(header, METRICS, [TIME, TITLE, LINK, POST_TIME]);
    const builder = new ExportBuilder(KEY, 'tiktok', KIND);
    const seen = new Set<string>();
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [linkAt, postAt]);
      const at = { file: file.name, row: row.line };
      const link = row.cells[linkAt]!.trim();
      const id = videoIdFromLink(link);
      if (!id) throw new ImportError({ ...at, column: header[linkAt]! }, `"${link}" is not a TikTok video link`);
      if (seen.has(id)) throw new ImportError({ ...at, column: header[linkAt]! }, `video ${id} is listed twice`);
      seen.add(id);
      const day = parseMonthDay(row.cells[postAt]!, { ...at, column: header[postAt]! });
      let date = placeByVideoId(day, id);
      if (date === undefined) {
        // Back from the export's own day: the latest such day on or before it.
        if (timeAt === -1) throw new ImportError({ ...at, column: header[postAt]! }, 'the post day cannot be placed in a year');
        checkRowLength(table, row, [timeAt]);
        const exportDay = resolveYearless(
          [parseMonthDay(row.cells[timeAt]!, { ...at, column: header[timeAt]! })],
          requireLastDay(table, options, row, header[timeAt]),
          { file: file.name, rows: [row.line] },
        )[0]!;
        date = resolveYearless([day], exportDay, { file: file.name, rows: [row.line] })[0]!;
        builder.warnings.push(`row ${row.line}: the year of video ${id} was taken as the latest before the export's day`);
      }
      const text = titleAt === -1 ? undefined : excerpt(row.cells[titleAt]);
      builder.posts.push({ platformPostId: id, date, postType: 'video', permalink: link, ...(text ? { excerpt: text } : {}) });
      builder.addRow(table, row, matched, date, id);
    }
    return builder.build(matched, ignored);
  },
};
