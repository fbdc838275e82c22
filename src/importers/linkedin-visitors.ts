/**
 * LinkedIn page "visitors" export (.xls or .xlsx, detected by content: a sheet, usually named
 * `Visitor metrics`, with `Date` and a total page views or total unique visitors column, below
 * LinkedIn's note line in a native file). No such file is among the fixtures: the layout is
 * LinkedIn's published one, one row per day (text dates `MM/DD/YYYY`, or date serials after a
 * re-save) with page views and unique visitors per page section (`Overview`, `Life`, `Jobs`, …)
 * and per device (`(desktop)`, `(mobile)`, `(total)`), and the whole page's columns
 * `Total page views (total)` and `Total unique visitors (total)`.
 *
 * Stored: `Total page views (total)` → profile_views (the catalogue's LinkedIn "Page views") and
 * `Total unique visitors (total)` → unique_visitors (people per day; a person seen on two
 * devices counts once, which is why the device columns are never added up). The section and
 * device columns are parts of these totals: they are listed as ignored. A file with neither
 * total column is refused rather than read from its parts.
 *
 * The demographic sheets (`Location`, `Job function`, `Seniority`, `Industry`, `Company size`:
 * page views per group over the whole period) have no age groups and no catalogue metric: they
 * are named in a warning, not stored (as in linkedin-followers.ts).
 *
 * Header sets: English as LinkedIn writes them (matched case-insensitively, so the older
 * `Total Page Views (Total)` capitalisation too, and `(mobile devices)`), and bokmål. Pure.
 */
import type { Detection, Importer, ParsedExport } from './types.ts';
import { findTable, maybeWorkbook, missingSheet, sheetDate, workbookOf } from './linkedin-common.ts';
import { ExportBuilder, checkRowLength, findColumn, matchMetricColumns, onceADay } from './tabular.ts';
import type { Workbook } from './parse/workbook.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { linkedinVisitorsHeaders as H } from './header-sets/linkedin.ts';

const KEY = 'linkedin-visitors';
const KIND = 'linkedin_visitors';
const DATE = names(H, 'date');
const PAGE_VIEWS = names(H, 'page_views');
const UNIQUE_VISITORS = names(H, 'unique_visitors');
const SHEETS = names(H, 'sheet');

const METRICS = metricColumns(H);

const dailyTable = (workbook: Workbook, file: string) => findTable(workbook, file, SHEETS, [DATE, PAGE_VIEWS]) ?? findTable(workbook, file, SHEETS, [DATE, UNIQUE_VISITORS]);

export const linkedinVisitorsImporter: Importer = {
  key: KEY,
  detect(file): Detection | null {
    const workbook = maybeWorkbook(file);
    if (!workbook || !dailyTable(workbook, file.name)) return null;
    return { importer: KEY, platform: 'linkedin', kind: KIND, confidence: 0.9 };
  },
  parse(file): ParsedExport {
    const workbook = workbookOf(file);
    const table = dailyTable(workbook, file.name);
    if (!table) throw missingSheet(file.name, '"Visitor metrics"', workbook);
    const { header } = table;
    const { matched, ignored } = matchMetricColumns(header, METRICS, [DATE]);
    const dateAt = findColumn(header, DATE);
    const builder = new ExportBuilder(KEY, 'linkedin', KIND);
    const seen = new Set<string>();
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [dateAt]);
      const at = { file: table.file, row: row.line, column: header[dateAt]! };
      const date = sheetDate(row.cells[dateAt]!, at);
      onceADay(seen, date, at);
      builder.addRow(table, row, matched, date);
    }
    for (const metric of METRICS) {
      if (!matched.some((m) => m.metric === metric.metric)) {
        builder.warnings.push(`the file has no "${metric.names[0]}" column: ${metric.metric} is not stored`);
      }
    }
    const daily = table.file.slice(file.name.length);
    const others = workbook.sheets.filter((s) => !daily.includes(`"${s.name}"`) && s.rows.length > 0).map((s) => `"${s.name}"`);
    if (others.length > 0) builder.warnings.push(`the sheets ${others.join(', ')} (visitor demographics) are not stored`);
    return builder.build(matched, ignored);
  },
};
