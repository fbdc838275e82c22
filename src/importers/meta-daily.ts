/**
 * Meta Business Suite account-level daily series (`Reach.csv`, `Views.csv`, `Follows.csv`, …):
 * UTF-16 LE with BOM, a `sep=,` line, a title line naming the metric (`"Facebook reach"`,
 * `"Views"`, `"Follows"`), then `"Date","Primary"` and one row per day. The title tells the
 * metric (and sometimes the platform); the date is the date part of timestamps such as
 * `2025-01-01T01:00:00` (the hour flips with US daylight saving: the day is taken as written).
 * `Primary` is the chosen period; a comparison column, if any, is ignored. Pure.
 */
import { parseDate } from './parse/dates.ts';
import { matchColumns } from './parse/headers.ts';
import { parseNumber } from './parse/numbers.ts';
import { ImportError } from './errors.ts';
import { ExportBuilder } from './tabular.ts';
import { isBlank, metaFallback, metaPlatformIn, readTitled, requireText } from './meta-common.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { names } from './header-sets/types.ts';
import { metaDailyHeaders as H, metaDailyTitleMetrics } from './header-sets/meta.ts';

const KEY = 'meta-daily';
const KIND = 'meta_daily';

/** Title (lower case, without the platform's name) → catalogue metric. */
const titles: Record<string, string> = {};
const titleNames: [string, string[]][] = metaDailyTitleMetrics.map((m) => [m, names(H, m)]);
for (const [metric, names] of titleNames) for (const n of names) titles[n] = metric;

/** The metric a title names, or null. */
export function metricOfTitle(title: string): string | null {
  const t = title
    .toLowerCase()
    .replace(/\b(facebook|instagram)(-?\s*)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return titles[t] ?? null;
}

const columnSpec = { date: names(H, 'date'), primary: names(H, 'primary') };

export const metaDailyImporter: Importer = {
  key: KEY,
  detect(file, text): Detection | null {
    const titled = readTitled(text, file.name, 16384);
    const header = titled?.rows.find((r) => !isBlank(r));
    if (!titled || !header) return null;
    const m = matchColumns(header.cells, columnSpec);
    if (m.index.date === undefined || m.index.primary === undefined) return null;
    return {
      importer: KEY,
      platform: metaPlatformIn(titled.title),
      kind: KIND,
      confidence: metricOfTitle(titled.title) ? 0.95 : 0.6,
    };
  },
  parse(file, text, options): ParsedExport {
    const titled = readTitled(requireText(file, text), file.name);
    if (!titled) throw new ImportError({ file: file.name }, 'the file does not start with a title line such as "Facebook reach"');
    const metric = metricOfTitle(titled.title);
    if (!metric) {
      throw new ImportError({ file: file.name, row: titled.titleLine }, `the title "${titled.title}" names no metric Målbar knows`);
    }
    const rows = titled.rows.filter((r) => !isBlank(r));
    const head = rows[0];
    if (!head) throw new ImportError({ file: file.name }, 'the file has no "Date" header');
    const m = matchColumns(head.cells, columnSpec);
    const dateIndex = m.index.date;
    const valueIndex = m.index.primary;
    if (dateIndex === undefined || valueIndex === undefined) {
      throw new ImportError({ file: file.name, row: head.line }, 'the header must have "Date" and "Primary" columns');
    }
    const platform = metaPlatformIn(titled.title) ?? metaFallback(options.platform);
    const builder = new ExportBuilder(KEY, platform, KIND);
    const seen = new Map<string, number>();
    const dateHeader = head.cells[dateIndex]!;
    const valueHeader = head.cells[valueIndex]!;
    for (const row of rows.slice(1)) {
      builder.rows++;
      const date = parseDate(row.cells[dateIndex] ?? '', { file: file.name, row: row.line, column: dateHeader });
      const earlier = seen.get(date);
      if (earlier !== undefined) {
        throw new ImportError({ file: file.name, row: row.line, column: dateHeader }, `${date} appears twice (rows ${earlier} and ${row.line})`);
      }
      seen.set(date, row.line);
      if (row.cells.length <= valueIndex) {
        throw new ImportError({ file: file.name, row: row.line, column: valueHeader }, 'the row has no value (the file may be cut off or damaged)');
      }
      builder.covers(date);
      const value = parseNumber(row.cells[valueIndex]!, { file: file.name, row: row.line, column: valueHeader });
      if (value === null) builder.notMeasured++;
      else builder.observations.push({ metric, date, value });
    }
    if (platform === null) builder.warnings.push(`the title "${titled.title}" does not say whether the values are from Facebook or Instagram`);
    return builder.build([{ metric, names: [], header: titled.title, index: valueIndex }], m.ignored);
  },
};
