/**
 * Meta Business Suite `Audience.csv`: UTF-16 with a `sep=,` line, then blocks separated by
 * empty lines, each under a one-cell title: `Age & gender` (a table of age groups × genders in
 * percent of the audience), then `Top countries` and `Top cities` (one row of names and one row
 * of percents). Becomes one audience snapshot: the age distribution summed over genders, and
 * the other blocks under `other` (`gender`, `age_gender`, `countries`, `cities`).
 *
 * The snapshot's date. The file has no date in it. The caller must give the day the export was
 * downloaded as `options.lastDay` (the import service passes the day the user names, defaulting
 * to the import day; a batch may use the last day of the account-level files downloaded with
 * it): without it the file is refused rather than dated by a guess. Pure.
 */
import { parsePercent } from './parse/numbers.ts';
import { normaliseHeader } from './parse/headers.ts';
import type { CsvRow } from './parse/csv.ts';
import { ImportError } from './errors.ts';
import { ExportBuilder } from './tabular.ts';
import { isBlank, metaFallback, readTitled, requireText } from './meta-common.ts';
import { ageGroups, type AgeGroup } from '../core/platforms.ts';
import type { Detection, Importer, ParsedAudience, ParsedExport } from './types.ts';

const KEY = 'meta-audience';
const KIND = 'meta_audience';

const AGE_TITLES = new Set(['age & gender', 'age and gender', 'alder og kjønn', 'alder & kjønn', 'kjønn og alder']);
const LIST_TITLES: Record<string, string> = {
  'top countries': 'countries',
  countries: 'countries',
  toppland: 'countries',
  land: 'countries',
  'top cities': 'cities',
  cities: 'cities',
  toppbyer: 'cities',
  byer: 'cities',
};

function isAudienceTitle(title: string): boolean {
  const t = normaliseHeader(title);
  return AGE_TITLES.has(t) || t in LIST_TITLES;
}

/** '18-24', '18–24', '65+', '65 +' → the age group, else null. */
export function ageGroupOf(label: string): AgeGroup | null {
  const t = label.trim().replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, '');
  return (ageGroups as readonly string[]).includes(t) ? (t as AgeGroup) : null;
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** Splits rows into blocks at empty lines; each block starts with its title row. */
function blocks(rows: readonly CsvRow[]): CsvRow[][] {
  const out: CsvRow[][] = [];
  let current: CsvRow[] = [];
  for (const row of rows) {
    if (isBlank(row)) {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(row);
  }
  if (current.length > 0) out.push(current);
  return out;
}

export const metaAudienceImporter: Importer = {
  key: KEY,
  detect(file, text): Detection | null {
    const titled = readTitled(text, file.name, 16384);
    if (!titled || !AGE_TITLES.has(normaliseHeader(titled.title))) return null;
    const header = titled.rows.find((r) => !isBlank(r));
    if (!header || !header.cells.slice(1).some((c) => c.trim() !== '')) return null;
    return { importer: KEY, platform: null, kind: KIND, confidence: 0.9 };
  },
  parse(file, text, options): ParsedExport {
    const src = requireText(file, text);
    const titled = readTitled(src, file.name);
    if (!titled || !isAudienceTitle(titled.title)) {
      throw new ImportError({ file: file.name }, 'the file does not start with an audience block such as "Age & gender"');
    }
    const date = options.lastDay;
    if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new ImportError(
        { file: file.name },
        date === undefined
          ? 'this audience file has no date: give the day it was downloaded, which becomes the date of the audience snapshot'
          : `"${date}" is not a YYYY-MM-DD date`,
      );
    }
    const platform = metaFallback(options.platform);
    const builder = new ExportBuilder(KEY, platform, KIND);
    const snapshot: ParsedAudience = { date, ageDistribution: {}, other: {} };
    const other = snapshot.other!;
    const ignored: string[] = [];
    const all = blocks([{ line: titled.titleLine, cells: [titled.title] }, ...titled.rows]);
    let sawAge = false;
    for (const block of all) {
      const titleRow = block[0]!;
      const title = titleRow.cells.find((c) => c.trim() !== '')!.trim();
      const t = normaliseHeader(title);
      const body = block.slice(1);
      if (AGE_TITLES.has(t)) {
        sawAge = true;
        const head = body[0];
        if (!head) throw new ImportError({ file: file.name, row: titleRow.line }, `the block "${title}" is empty`);
        const genders = head.cells.map((c) => c.trim());
        const gender: Record<string, number> = {};
        const ageGender: Record<string, number> = {};
        for (const row of body.slice(1)) {
          builder.rows++;
          const label = row.cells[0] ?? '';
          const age = ageGroupOf(label);
          if (!age) throw new ImportError({ file: file.name, row: row.line, column: 1 }, `"${label}" is not an age group`);
          for (let i = 1; i < genders.length; i++) {
            if (genders[i] === '') continue;
            const ctx = { file: file.name, row: row.line, column: genders[i]! };
            const value = parsePercent(row.cells[i] ?? '', ctx);
            if (value === null) {
              builder.notMeasured++;
              continue;
            }
            snapshot.ageDistribution[age] = round((snapshot.ageDistribution[age] ?? 0) + value);
            gender[genders[i]!] = round((gender[genders[i]!] ?? 0) + value);
            ageGender[`${age} ${genders[i]}`] = value;
          }
        }
        other.gender = gender;
        other.age_gender = ageGender;
      } else if (t in LIST_TITLES) {
        const key = LIST_TITLES[t]!;
        const list: Record<string, number> = {};
        if (body.length === 2) {
          // One row of names, one row of values.
          const [names, values] = body as [CsvRow, CsvRow];
          builder.rows++;
          names.cells.forEach((name, i) => {
            if (name.trim() === '') return;
            const value = parsePercent(values.cells[i] ?? '', { file: file.name, row: values.line, column: name.trim() });
            if (value === null) builder.notMeasured++;
            else list[name.trim()] = value;
          });
        } else {
          // One row per name: name, value.
          for (const row of body) {
            builder.rows++;
            const name = (row.cells[0] ?? '').trim();
            const value = parsePercent(row.cells[1] ?? '', { file: file.name, row: row.line, column: 2 });
            if (value === null) builder.notMeasured++;
            else list[name] = value;
          }
        }
        other[key] = list;
      } else {
        ignored.push(title);
      }
    }
    if (!sawAge) throw new ImportError({ file: file.name }, 'the file has no "Age & gender" block');
    builder.covers(date);
    builder.audience.push(snapshot);
    if (platform === null) builder.warnings.push('the file does not say whether the audience is on Facebook or Instagram');
    return builder.build([], ignored);
  },
};
