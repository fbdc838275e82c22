/**
 * TikTok Studio follower audience: `FollowerGender.csv` (gender → fraction of followers),
 * `FollowerTopTerritories.csv` (country code → fraction, with `Others`) and
 * `FollowerActivity.csv` (active followers per day and hour, the last 7 days). Each file gives
 * one audience snapshot with its blocks under `other`, fractions as percent (0.59 → 59).
 * TikTok Studio gives no age groups for followers, so `ageDistribution` stays empty (a warning
 * says so): audience fit needs another source for TikTok. Gender and territories carry no date:
 * their snapshot is dated `options.lastDay` (the download day); activity is dated on its last
 * day, with years placed from `options.lastDay` (tiktok-studio.ts).
 */
import { parseMonthDay, resolveYearless } from './parse/dates.ts';
import { parseNumber } from './parse/numbers.ts';
import { ImportError } from './errors.ts';
import type { Detection, Importer, ParsedAudience, ParsedExport } from './types.ts';
import { type Table, ExportBuilder, checkRowLength, findColumn, firstLineCells, hasColumns, readTable } from './tabular.ts';
import { DATE, type TikTokOptions, requireLastDay } from './tiktok-studio.ts';
import { names } from './header-sets/types.ts';
import { tiktokAudienceHeaders as H } from './header-sets/tiktok.ts';

const KEY = 'tiktok-audience';
const GENDER = names(H, 'gender');
const TERRITORY = names(H, 'territory');
const DISTRIBUTION = names(H, 'distribution');
const HOUR = names(H, 'hour');
const ACTIVE = names(H, 'active');

type Kind = 'tiktok_follower_gender' | 'tiktok_follower_territories' | 'tiktok_follower_activity';

const NO_AGE = 'TikTok Studio exports no age groups for followers: the snapshot has no age distribution';

function kindOf(header: string[] | null): Kind | null {
  if (hasColumns(header, GENDER, DISTRIBUTION)) return 'tiktok_follower_gender';
  if (hasColumns(header, TERRITORY, DISTRIBUTION)) return 'tiktok_follower_territories';
  if (hasColumns(header, DATE, HOUR, ACTIVE)) return 'tiktok_follower_activity';
  return null;
}

export const tiktokAudienceImporter: Importer = {
  key: KEY,
  detect(_file, text): Detection | null {
    const kind = kindOf(firstLineCells(text));
    return kind ? { importer: KEY, platform: 'tiktok', kind, confidence: 0.9 } : null;
  },
  parse(file, text, options: TikTokOptions): ParsedExport {
    const table = readTable(file, text);
    const kind = kindOf(table.header);
    if (!kind) throw new ImportError({ file: file.name, row: table.headerLine }, 'this is not a TikTok Studio follower file');
    const builder = new ExportBuilder(KEY, 'tiktok', kind);
    builder.warnings.push(NO_AGE);
    if (kind === 'tiktok_follower_activity') return activity(table, builder, options);
    const nameAt = findColumn(table.header, kind === 'tiktok_follower_gender' ? GENDER : TERRITORY);
    const shareAt = findColumn(table.header, DISTRIBUTION);
    const block: Record<string, number> = {};
    for (const row of table.rows) {
      builder.rows++;
      checkRowLength(table, row, [nameAt, shareAt]);
      const column = table.header[shareAt]!;
      const name = row.cells[nameAt]!.trim();
      const share = parseNumber(row.cells[shareAt]!, { file: file.name, row: row.line, column });
      if (share === null) {
        builder.notMeasured++;
        continue;
      }
      if (share < 0 || share > 1) {
        throw new ImportError({ file: file.name, row: row.line, column }, `"${row.cells[shareAt]}" is not a fraction between 0 and 1`);
      }
      if (name in block) throw new ImportError({ file: file.name, row: row.line, column: table.header[nameAt]! }, `"${name}" is listed twice`);
      block[name] = Math.round(share * 100 * 1e6) / 1e6;
    }
    const date = requireLastDay(table, options);
    builder.audience.push({ date, ageDistribution: {}, other: { [kind === 'tiktok_follower_gender' ? 'gender' : 'territories']: block } });
    return builder.build([], ignoredColumns(table, [nameAt, shareAt]));
  },
};

function ignoredColumns(table: Table, used: number[]): string[] {
  return table.header.filter((h, i) => !used.includes(i) && h !== '');
}

/** Active followers per hour, one block per day: `active_followers_by_hour YYYY-MM-DD` → hour → count. */
function activity(table: Table, builder: ExportBuilder, options: TikTokOptions): ParsedExport {
  const { file, header } = table;
  const [dateAt, hourAt, activeAt] = [findColumn(header, DATE), findColumn(header, HOUR), findColumn(header, ACTIVE)];
  const days: { month: number; day: number }[] = [];
  const firstRows: number[] = [];
  const dayOfRow: number[] = [];
  let previous = '';
  for (const row of table.rows) {
    checkRowLength(table, row, [dateAt, hourAt, activeAt]);
    const raw = row.cells[dateAt]!.trim();
    if (raw !== previous) {
      days.push(parseMonthDay(raw, { file, row: row.line, column: header[dateAt]! }));
      firstRows.push(row.line);
      previous = raw;
    }
    dayOfRow.push(days.length - 1);
  }
  const dates = days.length === 0 ? [] : resolveYearless(days, requireLastDay(table, options), { file, rows: firstRows });
  const other: Record<string, Record<string, number>> = {};
  table.rows.forEach((row, i) => {
    builder.rows++;
    const date = dates[dayOfRow[i]!]!;
    const hour = parseNumber(row.cells[hourAt]!, { file, row: row.line, column: header[hourAt]! });
    if (hour === null || !Number.isInteger(hour) || hour < 0 || hour > 23) {
      throw new ImportError({ file, row: row.line, column: header[hourAt]! }, `"${row.cells[hourAt]}" is not an hour from 0 to 23`);
    }
    const active = parseNumber(row.cells[activeAt]!, { file, row: row.line, column: header[activeAt]! });
    if (active === null) {
      builder.notMeasured++;
      return;
    }
    const block = (other[`active_followers_by_hour ${date}`] ??= {});
    if (String(hour) in block) {
      throw new ImportError({ file, row: row.line, column: header[hourAt]! }, `hour ${hour} of ${date} is listed twice`);
    }
    block[String(hour)] = active;
    builder.covers(date);
  });
  const last = dates[dates.length - 1];
  if (last) builder.audience.push({ date: last, ageDistribution: {}, other });
  return builder.build([], ignoredColumns(table, [dateAt, hourAt, activeAt]));
}
