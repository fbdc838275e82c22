/**
 * X account content export (`account_analytics_content_*.csv`): one row per post with its
 * lifetime numbers. Both header generations: `Link` or `Post Link`, `Share` or `Shares`,
 * `Url clicks` or `URL Clicks` (matched case-insensitively). Each row becomes a post (id, day
 * `Mon Feb 17 2025`, link, text excerpt) and per-post observations dated on the post's day: a
 * later export of the same post carries larger numbers and updates the same values. Replies →
 * comments, reposts → shares, bookmarks → saves, URL clicks → link clicks, new follows → new
 * followers; detail expands, hashtag and permalink clicks and X's own `Share` are ignored.
 */
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { xContentHeaders as H } from './header-sets/x.ts';
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

const KEY = 'x-content';
const KIND = 'x_content';
const ID = names(H, 'id');
const DATE = names(H, 'date');
const TEXT = names(H, 'text');
const LINK = names(H, 'link');
const METRICS = metricColumns(H);

/** X writes the post text HTML-escaped (`Wormhole &lt;3`): the excerpt is plain text. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/gi, (all, code: string) => {
    const c = code.toLowerCase();
    if (c.startsWith('#x')) return String.fromCodePoint(Math.min(parseInt(c.slice(2), 16), 0x10ffff));
    if (c.startsWith('#')) return String.fromCodePoint(Math.min(Number(c.slice(1)), 0x10ffff));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[c] ?? all;
  });
}

export const xContentImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const header = firstLineCells(text);
    if (!header || !hasColumns(header, ID, LINK, ['Impressions', 'Visninger'])) return null;
    return { importer: KEY, platform: 'x', kind: KIND, confidence: 0.95 };
  },
  parse(file, text): ParsedExport {
    const table = readTable(file, text);
    const { header } = table;
    const [idAt, dateAt, textAt, linkAt] = [ID, DATE, TEXT, LINK].map((names) => findColumn(header, names)) as [number, number, number, number];
    if (idAt === -1 || dateAt === -1) throw new ImportError({ file: file.name, row: table.headerLine }, 'the header has no "Post id" or "Date" column');
    const { matched, ignored } = matchMetricColumns(header, METRICS, [ID, DATE, TEXT, LINK]);
    if (matched.length === 0) throw new ImportError({ file: file.name, row: table.headerLine }, 'no metric column was recognised');
    const builder = new ExportBuilder(KEY, 'x', KIND);
    const seen = new Set<string>();
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [idAt, dateAt]);
      const at = { file: file.name, row: row.line };
      const id = row.cells[idAt]!.trim();
      if (!/^\d{1,25}$/.test(id)) throw new ImportError({ ...at, column: header[idAt]! }, `"${id}" is not a post id (a spreadsheet may have rounded it)`);
      if (seen.has(id)) throw new ImportError({ ...at, column: header[idAt]! }, `post ${id} is listed twice`);
      seen.add(id);
      const date = parseFullDate(row.cells[dateAt]!, { ...at, column: header[dateAt]! }, { order: 'mdy' });
      const link = linkAt === -1 ? '' : (row.cells[linkAt] ?? '').trim();
      const words = textAt === -1 ? undefined : excerpt(unescapeHtml(row.cells[textAt] ?? ''));
      builder.posts.push({ platformPostId: id, date, ...(link ? { permalink: link } : {}), ...(words ? { excerpt: words } : {}) });
      builder.addRow(table, row, matched, date, id);
    }
    return builder.build(matched, ignored);
  },
};
