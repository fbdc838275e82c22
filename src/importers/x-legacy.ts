/**
 * Twitter's older tweet activity export (`tweet_activity_metrics_*.csv`): one row per tweet,
 * `time` like `2017-04-04 00:00 +0000`, numbers written `"29.0"`. Each tweet becomes a post and
 * per-post observations dated on its day (as written, UTC). Older files say `favorites` where
 * newer say `likes`. The engagement rate (a fraction) is not stored: it is recomputed from
 * engagements and impressions. The `promoted …` columns (paid reach, `-` when the tweet was not
 * promoted) and app, email, phone and media columns have no catalogue metric and are ignored.
 */
import { parseDateTime } from './parse/dates.ts';
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { xLegacyHeaders as H } from './header-sets/x.ts';
import { ExportBuilder, checkRowLength, excerpt, findColumn, firstLineCells, hasColumns, matchMetricColumns, readTable } from './tabular.ts';

const KEY = 'x-legacy';
const KIND = 'x_tweet_activity';
const ID = names(H, 'id');
const LINK = names(H, 'link');
const TEXT = names(H, 'text');
const TIME = names(H, 'time');
const METRICS = metricColumns(H);

/** ISO date-time with the offset as written (`+0000` → `Z`). */
function publishedAt(raw: string, date: string, time: string | undefined): string | undefined {
  if (!time) return undefined;
  const s = raw.trim();
  const off = /([+-])(\d{2}):?(\d{2})$/.exec(s);
  let zone = /Z$/i.test(s) ? 'Z' : '';
  if (off) zone = off[2] === '00' && off[3] === '00' ? 'Z' : `${off[1]}${off[2]}:${off[3]}`;
  return `${date}T${time}${zone}`;
}

export const xLegacyImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const header = firstLineCells(text);
    if (!header || !hasColumns(header, ID, TIME, ['impressions'])) return null;
    return { importer: KEY, platform: 'x', kind: KIND, confidence: 0.95 };
  },
  parse(file, text): ParsedExport {
    const table = readTable(file, text);
    const { header } = table;
    const [idAt, linkAt, textAt, timeAt] = [ID, LINK, TEXT, TIME].map((n) => findColumn(header, n)) as [number, number, number, number];
    if (idAt === -1 || timeAt === -1) throw new ImportError({ file: file.name, row: table.headerLine }, 'the header has no "Tweet id" or "time" column');
    const { matched, ignored } = matchMetricColumns(header, METRICS, [ID, LINK, TEXT, TIME]);
    const builder = new ExportBuilder(KEY, 'x', KIND);
    const seen = new Set<string>();
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [idAt, timeAt]);
      const at = { file: file.name, row: row.line };
      const id = row.cells[idAt]!.trim();
      if (!/^\d{1,25}$/.test(id)) throw new ImportError({ ...at, column: header[idAt]! }, `"${id}" is not a tweet id (a spreadsheet may have rounded it)`);
      if (seen.has(id)) throw new ImportError({ ...at, column: header[idAt]! }, `tweet ${id} is listed twice`);
      seen.add(id);
      const raw = row.cells[timeAt]!;
      const { date, time } = parseDateTime(raw, { ...at, column: header[timeAt]! });
      const when = publishedAt(raw, date, time);
      const link = linkAt === -1 ? '' : (row.cells[linkAt] ?? '').trim();
      const words = textAt === -1 ? undefined : excerpt(row.cells[textAt]);
      builder.posts.push({
        platformPostId: id,
        date,
        ...(when ? { publishedAt: when } : {}),
        ...(link ? { permalink: link } : {}),
        ...(words ? { excerpt: words } : {}),
      });
      builder.addRow(table, row, matched, date, id);
    }
    return builder.build(matched, ignored);
  },
};
