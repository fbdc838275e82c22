/**
 * The old Facebook Page Insights post-level export (until about 2018): one row per post with
 * `Post ID`, `Permalink`, `Post Message`, `Type`, `Posted` (`MM/DD/YYYY HH:MM:SS AM`) and
 * `Lifetime …` totals. The second line is a row of descriptions (`Lifetime: The total number of
 * people…`), not data, and is skipped; header names repeat (the first occurrence is read).
 * Values are the posts' lifetime totals, dated by the day each post was published. Pure.
 */
import { parseDateTime } from './parse/dates.ts';
import { matchColumns } from './parse/headers.ts';
import { parseNumber } from './parse/numbers.ts';
import { readCsv, type CsvRow } from './parse/csv.ts';
import { ImportError } from './errors.ts';
import { ExportBuilder, excerpt } from './tabular.ts';
import { headRows, requireText } from './meta-common.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { names } from './header-sets/types.ts';
import { facebookLegacyFields, facebookLegacyHeaders as H, facebookLegacyMetrics } from './header-sets/meta.ts';

const KEY = 'facebook-legacy';
const KIND = 'facebook_legacy_posts';

const fieldSpec = Object.fromEntries(facebookLegacyFields.map((k) => [k, names(H, k)])) as Record<(typeof facebookLegacyFields)[number], string[]>;
const metricSpec = Object.fromEntries(facebookLegacyMetrics.map((k) => [k, names(H, k)])) as Record<(typeof facebookLegacyMetrics)[number], string[]>;
const spec = { ...fieldSpec, ...metricSpec };
const fieldKeys = new Set(Object.keys(fieldSpec));

/** The description row under the header: no post id, cells such as `Lifetime: The number of…`. */
function isDescriptionRow(row: CsvRow, postIdIndex: number): boolean {
  return (row.cells[postIdIndex] ?? '').trim() === '' && row.cells.some((c) => /^(Lifetime|Daily|Weekly|28 Days):/i.test(c.trim()));
}

export const facebookLegacyImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const rows = headRows(text, 32768);
    const header = rows[0]?.cells;
    if (!header) return null;
    const m = matchColumns(header, spec);
    if (m.index.postId === undefined || m.index.posted === undefined) return null;
    if (!header.some((h) => /^lifetime /i.test(h.trim()))) return null;
    return { importer: KEY, platform: 'facebook', kind: KIND, confidence: 0.95 };
  },
  parse(file, text): ParsedExport {
    const { rows } = readCsv(requireText(file, text).text, { file: file.name });
    const head = rows[0];
    if (!head) throw new ImportError({ file: file.name }, 'the file is empty');
    const header = head.cells;
    const m = matchColumns(header, spec);
    const idx = m.index;
    if (idx.postId === undefined || idx.posted === undefined) {
      throw new ImportError({ file: file.name, row: head.line }, 'the header must have "Post ID" and "Posted" columns');
    }
    const metrics = m.recognised.filter((r) => !fieldKeys.has(r.key));
    if (metrics.length === 0) throw new ImportError({ file: file.name, row: head.line }, 'no metric column of a Facebook post export was recognised');
    const builder = new ExportBuilder(KEY, 'facebook', KIND);
    const get = (cells: readonly string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
    const seen = new Set<string>();
    let data = rows.slice(1);
    if (data[0] && isDescriptionRow(data[0], idx.postId)) data = data.slice(1);
    for (const row of data) {
      const at = (column: string) => ({ file: file.name, row: row.line, column });
      if (row.cells.length <= Math.max(...metrics.map((c) => c.index), idx.posted)) {
        throw new ImportError({ file: file.name, row: row.line }, `the row has ${row.cells.length} of the header's ${header.length} columns (the file may be cut off or damaged)`);
      }
      builder.rows++;
      const postId = get(row.cells, idx.postId);
      if (postId === '') throw new ImportError(at(header[idx.postId]!), 'the row has no post ID');
      if (seen.has(postId)) throw new ImportError(at(header[idx.postId]!), `post ${postId} appears twice`);
      seen.add(postId);
      const posted = parseDateTime(get(row.cells, idx.posted), at(header[idx.posted]!), { order: 'mdy' });
      const text = excerpt(get(row.cells, idx.message));
      const postType = get(row.cells, idx.postType);
      const permalink = get(row.cells, idx.permalink);
      builder.posts.push({
        platformPostId: postId,
        date: posted.date,
        ...(posted.time ? { publishedAt: `${posted.date}T${posted.time}` } : {}),
        ...(postType ? { postType } : {}),
        ...(permalink ? { permalink } : {}),
        ...(text ? { excerpt: text } : {}),
      });
      builder.covers(posted.date);
      for (const col of metrics) {
        const value = parseNumber(row.cells[col.index] ?? '', at(col.header));
        if (value === null) builder.notMeasured++;
        else builder.observations.push({ metric: col.key, date: posted.date, value, postId });
      }
    }
    return builder.build(
      metrics.map((c) => ({ metric: c.key, names: [], header: c.header, index: c.index })),
      [...new Set(m.ignored)],
    );
  },
};
