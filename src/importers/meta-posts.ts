/**
 * Meta Business Suite post ("content") exports, Facebook and Instagram: one row per post with
 * its id, publish time (`MM/DD/YYYY HH:MM`), type, permalink and text, and its totals. The
 * platform comes from the content (Instagram post types `IG reel`/`IG image`/`IG carousel`,
 * instagram.com permalinks, `Account username` columns; facebook.com permalinks, `Page ID`),
 * else from the account it is imported into.
 *
 * Dates. `Date` holds `Lifetime` when the values are the post's totals so far: they are dated
 * by the day the post was published (a newer export of the same post then updates the same
 * values). When `Date` holds a day (a per-day breakdown), that day is used.
 *
 * Columns are matched by name (English, bokmål); a duplicated header (`Views` twice) is read
 * once, from its first occurrence. `Seconds viewed` is stored as hours of watch time. Pure.
 */
import { parseDateTime } from './parse/dates.ts';
import { matchColumns } from './parse/headers.ts';
import { parseNumber } from './parse/numbers.ts';
import { readCsv } from './parse/csv.ts';
import { ImportError } from './errors.ts';
import { ExportBuilder, excerpt } from './tabular.ts';
import { LIFETIME, headRows, metaFallback, metaPlatformIn, requireText } from './meta-common.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { names } from './header-sets/types.ts';
import { metaPostFields, metaPostMetrics, metaPostsHeaders as H } from './header-sets/meta.ts';

const KEY = 'meta-posts';
const KIND = 'meta_posts';

/** Non-metric columns this importer reads (names: header-sets/meta.ts). */
const fieldSpec = Object.fromEntries(metaPostFields.map((k) => [k, names(H, k)])) as Record<(typeof metaPostFields)[number], string[]>;
type Field = keyof typeof fieldSpec;

/** Metric columns; the keys are catalogue keys. `watch_time_hours` is read from seconds. */
const metricSpec = Object.fromEntries(metaPostMetrics.map((k) => [k, names(H, k)])) as Record<(typeof metaPostMetrics)[number], string[]>;
type Metric = keyof typeof metricSpec;

const spec = { ...fieldSpec, ...metricSpec };
const fieldKeys = new Set<string>(Object.keys(fieldSpec));

const INSTAGRAM_TYPE = /^ig\b/i;

function platformOf(headers: readonly string[], types: readonly string[], links: readonly string[]): 'facebook' | 'instagram' | null {
  const match = matchColumns(headers, fieldSpec);
  let ig = 0;
  let fb = 0;
  for (const t of types) if (INSTAGRAM_TYPE.test(t.trim())) ig++;
  for (const l of links) {
    const p = metaPlatformIn(l);
    if (p === 'instagram') ig++;
    else if (p === 'facebook') fb++;
  }
  if (match.index.accountUsername !== undefined || (match.index.accountId !== undefined && match.index.pageId === undefined)) ig++;
  if (match.index.pageId !== undefined) fb++;
  if (ig > fb) return 'instagram';
  if (fb > ig) return 'facebook';
  return null;
}

export const metaPostsImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const rows = headRows(text);
    const header = rows[0]?.cells ?? [];
    const m = matchColumns(header, spec);
    if (m.index.postId === undefined || m.index.publishTime === undefined) return null;
    const metrics = m.recognised.filter((r) => !fieldKeys.has(r.key)).length;
    if (metrics === 0) return null;
    const sample = rows.slice(1, 21);
    const types = m.index.postType === undefined ? [] : sample.map((r) => r.cells[m.index.postType!] ?? '');
    const links = m.index.permalink === undefined ? [] : sample.map((r) => r.cells[m.index.permalink!] ?? '');
    return { importer: KEY, platform: platformOf(header, types, links), kind: KIND, confidence: m.index.permalink !== undefined ? 0.9 : 0.8 };
  },
  parse(file, text, options): ParsedExport {
    const { rows } = readCsv(requireText(file, text).text, { file: file.name });
    const head = rows[0];
    if (!head) throw new ImportError({ file: file.name }, 'the file is empty');
    const header = head.cells;
    const m = matchColumns(header, spec);
    const idx = m.index;
    for (const need of ['postId', 'publishTime'] as const) {
      if (idx[need] === undefined) {
        throw new ImportError({ file: file.name, row: head.line }, `the header has no "${fieldSpec[need][0]}" column`);
      }
    }
    const metrics = m.recognised.filter((r) => !fieldKeys.has(r.key)).map((r) => ({ ...r })) as { header: string; key: Metric; index: number }[];
    if (metrics.length === 0) throw new ImportError({ file: file.name, row: head.line }, 'no metric column of a Meta post export was recognised');
    const data = rows.slice(1);
    const get = (cells: readonly string[], key: Field) => (idx[key] === undefined ? '' : (cells[idx[key]!] ?? '').trim());
    const platform =
      platformOf(
        header,
        data.map((r) => get(r.cells, 'postType')),
        data.map((r) => get(r.cells, 'permalink')),
      ) ?? metaFallback(options.platform);
    // Facebook counts likes as reactions (the catalogue has no Facebook likes): a Facebook file
    // with `Likes` and no `Reactions` column stores them as reactions.
    if (platform === 'facebook' && idx.reactions === undefined) {
      for (const col of metrics) if (col.key === 'likes') col.key = 'reactions';
    }
    const builder = new ExportBuilder(KEY, platform, KIND);
    const seenPosts = new Set<string>();
    const seenValues = new Set<string>();
    for (const row of data) {
      const at = (column: string) => ({ file: file.name, row: row.line, column });
      if (row.cells.length < header.length && row.cells.length <= Math.max(...metrics.map((c) => c.index))) {
        throw new ImportError(
          { file: file.name, row: row.line },
          `the row has ${row.cells.length} of the header's ${header.length} columns (the file may be cut off or damaged)`,
        );
      }
      builder.rows++;
      const postId = get(row.cells, 'postId');
      if (postId === '') throw new ImportError(at(header[idx.postId!]!), 'the row has no post ID');
      const published = parseDateTime(get(row.cells, 'publishTime'), at(header[idx.publishTime!]!), { order: 'mdy' });
      const rawDate = get(row.cells, 'date');
      const date =
        rawDate === '' || LIFETIME.has(rawDate.toLowerCase()) ? published.date : parseDateTime(rawDate, at(header[idx.date!]!), { order: 'mdy' }).date;
      if (!seenPosts.has(postId)) {
        seenPosts.add(postId);
        const text = excerpt(get(row.cells, 'title') || get(row.cells, 'description'));
        const postType = get(row.cells, 'postType');
        const permalink = get(row.cells, 'permalink');
        builder.posts.push({
          platformPostId: postId,
          date: published.date,
          ...(published.time ? { publishedAt: `${published.date}T${published.time}` } : {}),
          ...(postType ? { postType } : {}),
          ...(permalink ? { permalink } : {}),
          ...(text ? { excerpt: text } : {}),
        });
      }
      const valueKey = `${postId}|${date}`;
      if (seenValues.has(valueKey)) {
        throw new ImportError({ file: file.name, row: row.line }, `post ${postId} appears twice for ${date}`);
      }
      seenValues.add(valueKey);
      builder.covers(date);
      for (const col of metrics) {
        const value = parseNumber(row.cells[col.index] ?? '', at(col.header));
        if (value === null) {
          builder.notMeasured++;
          continue;
        }
        const stored = col.key === 'watch_time_hours' ? value / 3600 : value;
        builder.observations.push({ metric: col.key, date, value: stored, postId });
      }
    }
    if (platform === null) builder.warnings.push('the file does not say whether it is from Facebook or Instagram');
    return builder.build(
      metrics.map((c) => ({ metric: c.key, names: [], header: c.header, index: c.index })),
      m.ignored,
    );
  },
};
