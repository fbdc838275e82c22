/**
 * LinkedIn page "content" export (.xls or .xlsx, detected by content: a sheet with `Date` and
 * `Impressions (organic|total)`, or one with `Post link` and `Created date`; a native file's note
 * line above the header is skipped).
 *
 * `Metrics` (one row per day, text dates `MM/DD/YYYY`): the *total* (organic + sponsored)
 * columns → impressions, link_clicks (LinkedIn's `Clicks` counts all clicks on the posts; the
 * catalogue's link_clicks is defined for LinkedIn as exactly that), reactions, comments, and
 * reposts → shares. A file with only the organic columns is read from them, with a warning.
 * `Unique impressions` → reach; LinkedIn gives it for organic only, so it is stored for a day
 * only when that day had no sponsored impressions (else not measured). Engagement rates
 * (fractions) are not stored: they are recomputed from the counts, and listed as ignored.
 *
 * `All posts` (one row per post): a post (the URN in `Post link` as id, the link, `Created date`,
 * `Content Type` or else `Post type`, the title as a ≤ 280-character excerpt) with its lifetime
 * impressions, views (video_views), clicks, likes (LinkedIn's reactions), comments and reposts,
 * dated on the post's day like the other per-post exports. Pure.
 */
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { findTable, maybeWorkbook, missingSheet, sheetDate, workbookOf } from './linkedin-common.ts';
import {
  ExportBuilder,
  checkRowLength,
  excerpt,
  findColumn,
  matchMetricColumns,
  onceADay,
  readCell,
  type MatchedColumn,
  type Table,
} from './tabular.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { linkedinContentHeaders as H, linkedinDailyBases } from './header-sets/linkedin.ts';

const KEY = 'linkedin-content';
const KIND = 'linkedin_content';
const DATE = names(H, 'date');
const IMPRESSIONS_ANY = names(H, 'impressions_any');
const SPONSORED_IMPRESSIONS = names(H, 'impressions_sponsored');
const LINK = names(H, 'link');
const CREATED = names(H, 'created');

const DAILY = linkedinDailyBases;
const UNIQUE_TOTAL = names(H, 'unique_total');
const UNIQUE_ORGANIC = names(H, 'unique_organic');

const POST_METRICS = metricColumns(H);
const TITLE = names(H, 'title');
const POST_TYPE = names(H, 'post_type');
const CONTENT_TYPE = names(H, 'content_type');
const POST_STRUCTURAL = [TITLE, LINK, POST_TYPE, CONTENT_TYPE, CREATED, ...(['campaign', 'posted_by', 'campaign_start', 'campaign_end', 'audience'] as const).map((k) => names(H, k))];

export const linkedinContentImporter: Importer = {
  key: KEY,
  detect(file): Detection | null {
    const workbook = maybeWorkbook(file);
    if (!workbook) return null;
    const metrics = findTable(workbook, file.name, ['Metrics'], [DATE, IMPRESSIONS_ANY]);
    const posts = findTable(workbook, file.name, ['All posts'], [LINK, CREATED]);
    if (!metrics && !posts) return null;
    return { importer: KEY, platform: 'linkedin', kind: KIND, confidence: metrics && posts ? 0.95 : 0.85 };
  },
  parse(file): ParsedExport {
    const workbook = workbookOf(file);
    const metrics = findTable(workbook, file.name, ['Metrics'], [DATE, IMPRESSIONS_ANY]);
    const posts = findTable(workbook, file.name, ['All posts'], [LINK, CREATED]);
    if (!metrics && !posts) throw missingSheet(file.name, '"Metrics" or "All posts"', workbook);
    const builder = new ExportBuilder(KEY, 'linkedin', KIND);
    const recognised: MatchedColumn[] = [];
    const ignored: string[] = [];
    if (metrics) readMetrics(metrics, builder, recognised, ignored);
    if (posts) readPosts(posts, builder, recognised, ignored);
    return builder.build(recognised, [...new Set(ignored)]);
  },
};

function readMetrics(table: Table, builder: ExportBuilder, recognised: MatchedColumn[], ignored: string[]): void {
  const { header } = table;
  const dateAt = findColumn(header, DATE);
  const totals = matchMetricColumns(header, DAILY.map((d) => ({ metric: d.metric, names: [`${d.base} (total)`] })), [DATE]);
  const missing = DAILY.filter((d) => !totals.matched.some((m) => m.metric === d.metric));
  const organic = matchMetricColumns(header, missing.map((d) => ({ metric: d.metric, names: [`${d.base} (organic)`] })), [DATE]);
  for (const m of organic.matched) {
    builder.warnings.push(`"${m.header}": the file has no total (organic + sponsored) column for ${m.metric}, so organic values only are stored`);
  }
  const columns = [...totals.matched, ...organic.matched];
  if (columns.length === 0) throw new ImportError({ file: table.file, row: table.headerLine }, 'no metric column was recognised');

  let uniqueAt = findColumn(header, UNIQUE_TOTAL);
  const uniqueIsOrganic = uniqueAt === -1;
  if (uniqueIsOrganic) uniqueAt = findColumn(header, UNIQUE_ORGANIC);
  const sponsoredAt = findColumn(header, SPONSORED_IMPRESSIONS);
  const reach: MatchedColumn | null = uniqueAt === -1 ? null : { metric: 'reach', names: [], header: header[uniqueAt]!, index: uniqueAt };
  const used = new Set([dateAt, ...columns.map((c) => c.index), uniqueAt]);
  ignored.push(...header.filter((h, i) => h !== '' && !used.has(i)));
  recognised.push(...columns, ...(reach ? [reach] : []));

  const seen = new Set<string>();
  let sponsoredDays = 0;
  for (const row of table.rows) {
    builder.rows++;
    checkRowLength(table, row, [dateAt]);
    const at = { file: table.file, row: row.line, column: header[dateAt]! };
    const date = sheetDate(row.cells[dateAt]!, at);
    onceADay(seen, date, at);
    builder.addRow(table, row, columns, date);
    if (!reach) continue;
    const sponsored = sponsoredAt === -1 ? 0 : readCell(table, row, { metric: 'impressions', names: [], header: header[sponsoredAt]!, index: sponsoredAt });
    const value = readCell(table, row, reach);
    if (value === null || (uniqueIsOrganic && sponsored !== 0)) {
      builder.notMeasured++;
      if (value !== null) sponsoredDays++;
      continue;
    }
    builder.observations.push({ metric: 'reach', date, value });
  }
  if (sponsoredDays > 0) {
    builder.warnings.push(`"${reach!.header}" counts organic viewers only: reach is not stored for the ${sponsoredDays} day(s) with sponsored impressions`);
  }
}

/** The post's URN (`urn:li:activity:…`) from its link, or the link itself. */
export function linkedinPostId(link: string): string {
  return /urn:li:[a-zA-Z]+:[0-9]+/.exec(decodeURIComponent(link))?.[0] ?? link.trim();
}

function readPosts(table: Table, builder: ExportBuilder, recognised: MatchedColumn[], ignored: string[]): void {
  const { header } = table;
  const [linkAt, createdAt, titleAt, typeAt, contentTypeAt] = [LINK, CREATED, TITLE, POST_TYPE, CONTENT_TYPE].map((n) => findColumn(header, n)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const { matched, ignored: other } = matchMetricColumns(header, POST_METRICS, POST_STRUCTURAL);
  recognised.push(...matched);
  ignored.push(...other);
  const cell = (cells: string[], i: number) => (i === -1 ? '' : (cells[i] ?? '').trim());
  const seen = new Set<string>();
  for (const row of table.rows) {
    builder.rows++;
    checkRowLength(table, row, [linkAt, createdAt]);
    const link = cell(row.cells, linkAt);
    if (link === '') throw new ImportError({ file: table.file, row: row.line, column: header[linkAt]! }, 'the post has no link');
    const id = linkedinPostId(link);
    if (seen.has(id)) throw new ImportError({ file: table.file, row: row.line, column: header[linkAt]! }, `the post ${id} is listed twice`);
    seen.add(id);
    const date = sheetDate(row.cells[createdAt]!, { file: table.file, row: row.line, column: header[createdAt]! });
    const postType = cell(row.cells, contentTypeAt) || cell(row.cells, typeAt);
    const text = excerpt(cell(row.cells, titleAt));
    builder.posts.push({
      platformPostId: id,
      date,
      ...(/^https?:\/\//.test(link) ? { permalink: link } : {}),
      ...(postType ? { postType } : {}),
      ...(text ? { excerpt: text } : {}),
    });
    builder.addRow(table, row, matched, date, id);
  }
}
