/**
 * The Målbar CSV template: a long format any tool (or person) can produce for any metric and
 * platform — Snapchat, Threads, social listening, web analytics, applicants, hours and money
 * spent. One value per row:
 *
 *   date,month,metric,value,platform,post_id,post_date,post_url,post_text,note
 *   2026-01-05,,reach,1234,snapchat,,,,,
 *   ,2026-01,hours_spent,12.5,snapchat,,,,,from the time sheet
 *
 * - `date` (YYYY-MM-DD, or DD.MM.YYYY as a Norwegian spreadsheet re-saves it) or `month`
 *   (YYYY-MM, for monthly values such as hours and money): exactly one of them per row. A
 *   monthly value is the month's total (or, for a stock like followers, its value for the month)
 *   and is stored on the month's first day; the file then covers the whole month, and a warning
 *   says how many monthly values there were. A month given both as a monthly value and as daily
 *   values for the same metric is refused (it would be counted twice).
 * - `metric`: a catalogue key (`reach`, `hours_spent`, …; its English or bokmål name is accepted
 *   too). An unknown one is refused with the closest known key.
 * - `value`: a number (`1234`, `1 234`, `12,5`); `-` or empty is "not measured": the row is
 *   skipped and counted, never stored as 0. Negative values (except for a net change such as
 *   `net_followers`), and percentages over 100, are refused.
 * - `post_id` (optional): the value is per post; `post_date`, `post_url`, `post_text` describe
 *   the post (text kept as written, at most 280 characters, formula-like text such as `=SUM(…)`
 *   is data and kept as text: exports must escape it).
 * - `platform` (optional): when given it must be the same in every row and match the account's
 *   platform, else the file is refused naming both.
 * - `note` (optional): for the people filling in the file; not stored apart from the original file.
 * Headers are matched by name in English and bokmål (`dato`, `måned`, `nøkkeltall`, `verdi`, …);
 * other columns are listed as ignored. Lines whose first cell starts with `#` are comments.
 * Detection is by the header set (date or month + metric + value). Pure.
 */
import { readCsv, sniffDelimiter, type CsvRow } from './parse/csv.ts';
import { parseNumber } from './parse/numbers.ts';
import { parseDateTime } from './parse/dates.ts';
import { matchColumns, normaliseHeader, type ColumnMatch } from './parse/headers.ts';
import { ImportError } from './errors.ts';
import { ExportBuilder, excerpt } from './tabular.ts';
import { getMetric, metricCatalogue, metricKeys } from '../core/metrics/catalogue.ts';
import { platformNames, platforms, type Platform } from '../core/platforms.ts';
import type { DecodedText, Detection, Importer, InputFile, ParsedExport, ParseOptions } from './types.ts';

export const TEMPLATE_KEY = 'maalbar-template';
const PLAIN_INTEGER = /^-?\d{1,15}$/;
export const TEMPLATE_KIND = 'maalbar_template';

type Col = 'date' | 'month' | 'metric' | 'value' | 'platform' | 'post_id' | 'post_date' | 'post_url' | 'post_text' | 'note';

/** Column → accepted header names (the first English, the second bokmål is what the template writes). */
export const TEMPLATE_COLUMNS: Record<Col, readonly string[]> = {
  date: ['date', 'dato', 'day', 'dag'],
  month: ['month', 'måned', 'maned', 'mnd'],
  metric: ['metric', 'nøkkeltall', 'metrikk', 'noekkeltall', 'metric_key', 'måltall'],
  value: ['value', 'verdi'],
  platform: ['platform', 'plattform'],
  post_id: ['post_id', 'innlegg_id', 'post id', 'innlegg id', 'innleggs_id'],
  post_date: ['post_date', 'innlegg_dato', 'post date', 'innlegg dato', 'publisert'],
  post_url: ['post_url', 'innlegg_url', 'post url', 'innlegg url', 'lenke'],
  post_text: ['post_text', 'innlegg_tekst', 'post text', 'innlegg tekst', 'tekst'],
  note: ['note', 'merknad', 'notat', 'kommentar'],
};

export const TEMPLATE_COLUMN_ORDER: readonly Col[] = ['date', 'month', 'metric', 'value', 'platform', 'post_id', 'post_date', 'post_url', 'post_text', 'note'];

const isComment = (cells: readonly string[]) => (cells[0] ?? '').replace(/^\uFEFF/, '').trimStart().startsWith('#');

/** The line offset of the first line that is not a comment (`#…`) or empty. */
function headerStart(text: string): number {
  const lineRe = /([^\r\n]*)(\r\n|\n|\r|$)/y;
  lineRe.lastIndex = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lineRe.lastIndex < text.length) {
    const start = lineRe.lastIndex;
    const m = lineRe.exec(text);
    if (!m) return start;
    const line = m[1]!.trimStart();
    if (line.trim() !== '' && !line.startsWith('#') && !line.startsWith('"#')) return start;
    if (m[2] === '') return text.length;
  }
  return text.length;
}

function headerCells(text: DecodedText | null): string[] | null {
  if (!text) return null;
  const head = text.text.slice(0, 16384);
  const start = headerStart(head);
  const rest = head.slice(start);
  const end = rest.search(/\r\n|\n|\r/);
  try {
    const first = readCsv(end === -1 ? rest : rest.slice(0, end)).rows[0];
    return first ? first.cells.map((c) => c.replace(/^\uFEFF/, '').trim()) : null;
  } catch {
    return null;
  }
}

const normKey = (s: string) => normaliseHeader(s).replace(/[\s-]+/g, '_');

/** Catalogue keys and the English and bokmål names, normalised → key. */
const metricByName = new Map<string, string>();
for (const m of metricCatalogue) {
  for (const name of [m.key, m.name.en, m.name.nb]) if (!metricByName.has(normKey(name))) metricByName.set(normKey(name), m.key);
}

/** The catalogue key a metric cell names, or undefined. */
export function templateMetricKey(raw: string): string | undefined {
  return metricByName.get(normKey(raw));
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The known metric key closest to `raw` (by edit distance to the key and its names). */
export function closestMetricKey(raw: string): string {
  const wanted = normKey(raw);
  let best = metricKeys[0]!;
  let bestScore = Infinity;
  for (const [name, key] of metricByName) {
    // A key containing what was written (`hours` → `hours_spent`) is near, the shorter the nearer.
    const contains = wanted.length > 2 && (name.includes(wanted) || wanted.includes(name));
    const score = Math.min(distance(wanted, name), contains ? 1 + Math.abs(name.length - wanted.length) / 100 : Infinity);
    if (score < bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}

function platformOf(raw: string): Platform | undefined {
  const n = normaliseHeader(raw);
  return platforms.find((p) => p === n || platformNames[p].toLowerCase() === n || (p === 'x' && n === 'twitter'));
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export const templateImporter: Importer = {
  key: TEMPLATE_KEY,
  detect(_file, text): Detection | null {
    const header = headerCells(text);
    if (!header) return null;
    const match = matchColumns(header, TEMPLATE_COLUMNS);
    const has = (k: Col) => match.index[k] !== undefined;
    if (!(has('date') || has('month')) || !has('metric') || !has('value')) return null;
    // The platform, when every sampled row names the same one.
    let platform: Platform | null = null;
    if (has('platform') && text) {
      try {
        const rows = readCsv(text.text.slice(0, 16384).replace(/[^\r\n]*$/, ''), { delimiter: sniffDelimiter(text.text.slice(headerStart(text.text))) }).rows;
        const seen = new Set(rows.filter((r) => !isComment(r.cells)).slice(1, 50).map((r) => platformOf(r.cells[match.index.platform!] ?? '')));
        const only = [...seen][0];
        if (seen.size === 1 && only) platform = only;
      } catch {
        /* detection never fails */
      }
    }
    return { importer: TEMPLATE_KEY, platform, kind: TEMPLATE_KIND, confidence: 0.95 };
  },
  parse: parseTemplate,
};

function parseTemplate(file: InputFile, text: DecodedText | null, options: ParseOptions): ParsedExport {
  if (!text) throw new ImportError({ file: file.name }, 'this is not a text (CSV) file');
  const delimiter = sniffDelimiter(text.text.slice(headerStart(text.text)));
  const all = readCsv(text.text, { file: file.name, delimiter }).rows.filter((r) => !isComment(r.cells));
  const head = all[0];
  if (!head) throw new ImportError({ file: file.name }, 'the file has no header row');
  const header = head.cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  const match = matchColumns(header, TEMPLATE_COLUMNS);
  for (const k of ['metric', 'value'] as const) {
    if (match.index[k] === undefined) throw new ImportError({ file: file.name, row: head.line }, `the header has no "${k}" column`);
  }
  if (match.index.date === undefined && match.index.month === undefined) {
    throw new ImportError({ file: file.name, row: head.line }, 'the header has neither a "date" nor a "month" column');
  }
  const decimal = delimiter === ';' ? { decimal: ',' as const } : {};
  const builder = new ExportBuilder(TEMPLATE_KEY, null, TEMPLATE_KIND);
  const recognised = new Map<string, string>(); // metric cell as written → key
  const seen = new Map<string, number>(); // metric|date|post → row
  const monthly = new Map<string, number>(); // metric|post|YYYY-MM → row
  const dailyMonths = new Map<string, number>(); // metric|post|YYYY-MM → row of a daily value
  const postsById = new Map<string, number>();
  let filePlatform: { platform: Platform; row: number; header: string } | null = null;
  let monthlyCount = 0;

  const get = (row: CsvRow, k: Col): string => {
    const i = match.index[k];
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const at = (row: CsvRow, k: Col) => ({ file: file.name, row: row.line, column: header[match.index[k]!]! });
  const width = Math.max(...(['date', 'month', 'metric', 'value'] as const).map((k) => match.index[k] ?? -1));
  // A file repeats the same few metric names and dates thousands of times: each is read once.
  const metricOf = new Map<string, string | undefined>();
  const dayOf = new Map<string, string>();

  for (const row of all.slice(1)) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    builder.rows++;
    if (row.cells.length <= width) {
      const missing = header[row.cells.length] ?? row.cells.length + 1;
      throw new ImportError(
        { file: file.name, row: row.line, column: missing },
        `the row has ${row.cells.length} of the header's ${header.length} columns (the file may be cut off or damaged)`,
      );
    }

    // Platform: the same in every row, and the account's when known.
    const platformRaw = get(row, 'platform');
    if (platformRaw !== '') {
      const p = platformOf(platformRaw);
      if (!p) throw new ImportError(at(row, 'platform'), `"${platformRaw}" is not a platform Målbar knows; use one of: ${platforms.join(', ')}`);
      if (options.platform && p !== options.platform) {
        throw new ImportError(
          at(row, 'platform'),
          `the file is for ${platformNames[p]}, but the account is on ${platformNames[options.platform]}: import it into a ${platformNames[p]} account`,
        );
      }
      if (filePlatform && filePlatform.platform !== p) {
        throw new ImportError(
          at(row, 'platform'),
          `the file mixes platforms (${platformNames[filePlatform.platform]} in row ${filePlatform.row}, ${platformNames[p]} here): one file holds one account's values`,
        );
      }
      filePlatform ??= { platform: p, row: row.line, header: header[match.index.platform!]! };
    }

    // Metric.
    const metricRaw = get(row, 'metric');
    if (metricRaw === '') throw new ImportError(at(row, 'metric'), 'the metric is missing');
    if (!metricOf.has(metricRaw)) metricOf.set(metricRaw, templateMetricKey(metricRaw));
    const metric = metricOf.get(metricRaw);
    if (!metric) {
      throw new ImportError(at(row, 'metric'), `"${metricRaw}" is not a metric Målbar knows; did you mean "${closestMetricKey(metricRaw)}"? (see the list of metric keys)`);
    }
    recognised.set(metricRaw, metric);

    // Day or month.
    const dateRaw = get(row, 'date');
    const monthRaw = get(row, 'month');
    if (dateRaw !== '' && monthRaw !== '') {
      throw new ImportError(at(row, 'month'), 'give either a date or a month, not both');
    }
    if (dateRaw === '' && monthRaw === '') {
      throw new ImportError(at(row, match.index.date !== undefined ? 'date' : 'month'), 'the date (or month) is missing');
    }
    let date: string;
    let month: string | null = null;
    if (dateRaw !== '') {
      if (dateRaw.includes('/')) throw new ImportError(at(row, 'date'), `"${dateRaw}" is ambiguous: write dates as YYYY-MM-DD`);
      const known = dayOf.get(dateRaw);
      if (known !== undefined) date = known;
      else {
        date = parseDateTime(dateRaw, at(row, 'date')).date;
        dayOf.set(dateRaw, date);
      }
    } else {
      const iso = /^(\d{4})-(\d{1,2})$/.exec(monthRaw);
      const nor = /^(\d{1,2})[./](\d{4})$/.exec(monthRaw);
      const [y, mo] = iso ? [Number(iso[1]), Number(iso[2])] : nor ? [Number(nor[2]), Number(nor[1])] : [NaN, NaN];
      if (!(mo >= 1 && mo <= 12) || y < 1990 || y > 2200) throw new ImportError(at(row, 'month'), `"${monthRaw}" is not a month: write it as YYYY-MM`);
      month = `${y}-${String(mo).padStart(2, '0')}`;
      // The month's last day: where manual monthly entry puts it too, and the day a month's total
      // is complete (a KPI evaluated mid-month does not count a month that has not ended).
      date = lastDayOfMonth(month);
    }

    // Post.
    const postId = get(row, 'post_id') || undefined;
    if (postId !== undefined && month !== null) throw new ImportError(at(row, 'month'), 'a per-post value needs a date, not a month');
    if (postId !== undefined && !postsById.has(postId)) {
      const postDateRaw = get(row, 'post_date');
      const published = postDateRaw === '' ? null : parseDateTime(postDateRaw, at(row, 'post_date'));
      const permalink = get(row, 'post_url');
      if (permalink !== '' && !/^https?:\/\/\S+$/i.test(permalink)) throw new ImportError(at(row, 'post_url'), `"${permalink}" is not a web address (https://…)`);
      const text = excerpt(match.index.post_text === undefined ? undefined : row.cells[match.index.post_text]);
      postsById.set(postId, builder.posts.length);
      builder.posts.push({
        platformPostId: postId,
        date: published?.date ?? date,
        ...(published?.time ? { publishedAt: `${published.date}T${published.time}` } : {}),
        ...(permalink !== '' ? { permalink } : {}),
        ...(text !== undefined ? { excerpt: text } : {}),
      });
    }

    // Value.
    const valueRaw = match.index.value === undefined ? '' : (row.cells[match.index.value] ?? '');
    // Plain integers (most values) need none of the general reader's checks.
    const value = PLAIN_INTEGER.test(valueRaw) ? Number(valueRaw) : parseNumber(valueRaw, at(row, 'value'), decimal);
    if (month !== null) builder.covers(`${month}-01`);
    builder.covers(date);
    if (value === null) {
      builder.notMeasured++;
      continue;
    }
    const def = getMetric(metric)!;
    if (value < 0 && !def.signed) throw new ImportError(at(row, 'value'), `${value} is negative: ${metric} cannot be below 0`);
    if (def.unit === 'percent' && value > 100) throw new ImportError(at(row, 'value'), `${value} is over 100: ${metric} is a percentage (write 12.5 for 12.5 %)`);

    const key = `${metric}|${date}|${postId ?? ''}`;
    const before = seen.get(key);
    if (before !== undefined) {
      throw new ImportError(at(row, 'value'), `${metric} for ${month ?? date}${postId ? ` (post ${postId})` : ''} is already given in row ${before}`);
    }
    seen.set(key, row.line);
    const monthKey = `${metric}|${postId ?? ''}|${date.slice(0, 7)}`;
    if (month !== null) {
      const daily = dailyMonths.get(monthKey);
      if (daily !== undefined) throw new ImportError(at(row, 'month'), `${metric} for ${month} is given both as a monthly value and as a daily value (row ${daily}): it would be counted twice`);
      monthly.set(monthKey, row.line);
      monthlyCount++;
    } else {
      const mon = monthly.get(monthKey);
      if (mon !== undefined) throw new ImportError(at(row, 'date'), `${metric} for ${date.slice(0, 7)} is already given as a monthly value in row ${mon}: it would be counted twice`);
      if (!dailyMonths.has(monthKey)) dailyMonths.set(monthKey, row.line);
    }
    builder.observations.push(postId === undefined ? { metric, date, value } : { metric, date, value, postId });
  }

  if (monthlyCount > 0) {
    builder.warnings.push(`${monthlyCount} monthly ${monthlyCount === 1 ? 'value is' : 'values are'} stored on the last day of ${monthlyCount === 1 ? 'its' : 'their'} month`);
  }
  const result = builder.build([], match.ignored);
  result.platform = filePlatform?.platform ?? options.platform ?? null;
  result.columns.recognised = [...recognised].map(([header, metric]) => ({ header, metric }));
  return result;
}
