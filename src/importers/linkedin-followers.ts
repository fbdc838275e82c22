/**
 * LinkedIn page "followers" export (.xls or .xlsx, detected by content: a sheet with `Date`,
 * `Total followers` and `Organic followers` or `Sponsored followers`, usually named
 * `New followers`, below LinkedIn's note line in a native file). Each row is a day's *new*
 * followers, not a running total: `Total followers` (organic + sponsored + auto-invited) →
 * new_followers; a file without it is read from `Organic followers`, with a warning. The
 * demographic sheets (location, job function, seniority, industry, company size) have no age
 * groups and no catalogue metric yet: they are named in a warning, not stored. Pure.
 */
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedExport } from './types.ts';
import { findTable, maybeWorkbook, missingSheet, sheetDate, workbookOf } from './linkedin-common.ts';
import { ExportBuilder, checkRowLength, findColumn, matchMetricColumns, onceADay } from './tabular.ts';
import type { Workbook } from './parse/workbook.ts';
import { names } from './header-sets/types.ts';
import { linkedinFollowersHeaders as H } from './header-sets/linkedin.ts';

const KEY = 'linkedin-followers';
const KIND = 'linkedin_followers';
const DATE = names(H, 'date');
const TOTAL = names(H, 'total');
const ORGANIC = names(H, 'organic');
const PARTS = [...ORGANIC, ...names(H, 'sponsored')];
const SHEETS = names(H, 'sheet');

const dailyTable = (workbook: Workbook, file: string) => findTable(workbook, file, SHEETS, [DATE, TOTAL, PARTS]) ?? findTable(workbook, file, SHEETS, [DATE, ORGANIC]);

export const linkedinFollowersImporter: Importer = {
  key: KEY,
  detect(file): Detection | null {
    const workbook = maybeWorkbook(file);
    if (!workbook || !dailyTable(workbook, file.name)) return null;
    return { importer: KEY, platform: 'linkedin', kind: KIND, confidence: 0.9 };
  },
  parse(file): ParsedExport {
    const workbook = workbookOf(file);
    const table = dailyTable(workbook, file.name);
    if (!table) throw missingSheet(file.name, '"New followers"', workbook);
    const { header } = table;
    const builder = new ExportBuilder(KEY, 'linkedin', KIND);
    let { matched, ignored } = matchMetricColumns(header, [{ metric: 'new_followers', names: TOTAL }], [DATE]);
    if (matched.length === 0) {
      ({ matched, ignored } = matchMetricColumns(header, [{ metric: 'new_followers', names: ORGANIC }], [DATE]));
      builder.warnings.push(`the file has no "Total followers" column: organic new followers only are stored`);
    }
    if (matched.length === 0) throw new ImportError({ file: table.file, row: table.headerLine }, 'no followers column was recognised');
    const dateAt = findColumn(header, DATE);
    const seen = new Set<string>();
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [dateAt]);
      const at = { file: table.file, row: row.line, column: header[dateAt]! };
      const date = sheetDate(row.cells[dateAt]!, at);
      onceADay(seen, date, at);
      builder.addRow(table, row, matched, date);
    }
    const daily = table.file.slice(file.name.length);
    const others = workbook.sheets.filter((s) => !daily.includes(`"${s.name}"`) && s.rows.length > 0).map((s) => `"${s.name}"`);
    if (others.length > 0) builder.warnings.push(`the sheets ${others.join(', ')} (follower demographics) are not stored`);
    return builder.build(matched, ignored);
  },
};
