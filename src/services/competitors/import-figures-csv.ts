/**
 * A CSV file of a competitor's figures, in the simple format `date,metric,value[,note]`:
 *
 *   date,metric,value,note
 *   2026-03-01,followers,12500,from the profile page
 *   2026-02,mentions,340,Meltwater
 *
 * The header row is required (the columns by those names, in any order; `note` optional). A date
 * YYYY-MM-DD is a day, YYYY-MM a month. Comma, semicolon or tab separated; numbers may use
 * Norwegian or English separators. The file is taken whole or not at all: the first problem is
 * refused with the file, row and column; the same file twice changes nothing.
 */
import { competitorMetrics, type CompetitorMetric, type FigureBatchResult } from '../../contract/competitors.ts';
import { ImportError } from '../../importers/errors.ts';
import { readCsv } from '../../importers/parse/csv.ts';
import { decodeText } from '../../importers/parse/decode.ts';
import { parseNumber } from '../../importers/parse/numbers.ts';
import type { Context } from '../context.ts';
import { competitorFor } from './competitor-ref.ts';
import { checkFigures, figureKey, writeFigures, type NormalisedFigure } from './write-figures.ts';

const COLUMNS = ['date', 'metric', 'value', 'note'] as const;
const isMetric = (s: string): s is CompetitorMetric => (competitorMetrics as readonly string[]).includes(s);

export function parseFigureCsv(file: { name: string; bytes: Uint8Array }): NormalisedFigure[] {
  const decoded = decodeText(file.bytes);
  if (!decoded) throw new ImportError({ file: file.name }, 'not a text file: expected CSV with the columns date,metric,value[,note]');
  const { rows } = readCsv(decoded.text, { file: file.name });
  const head = rows[0];
  if (!head) throw new ImportError({ file: file.name }, 'the file is empty: expected a header row date,metric,value[,note]');
  const headers = head.cells.map((c) => c.trim().toLowerCase());
  const index: Partial<Record<(typeof COLUMNS)[number], number>> = {};
  headers.forEach((h, i) => {
    if ((COLUMNS as readonly string[]).includes(h)) index[h as (typeof COLUMNS)[number]] ??= i;
  });
  for (const required of ['date', 'metric', 'value'] as const) {
    if (index[required] === undefined) throw new ImportError({ file: file.name, row: head.line }, `the header has no "${required}" column (expected date,metric,value[,note])`);
  }
  const unknown = head.cells.find((c) => c.trim() && !(COLUMNS as readonly string[]).includes(c.trim().toLowerCase()));
  if (unknown !== undefined) throw new ImportError({ file: file.name, row: head.line, column: unknown }, 'unknown column (expected date,metric,value[,note])');
  const body = rows.slice(1);
  if (body.length === 0) throw new ImportError({ file: file.name }, 'no figures after the header');

  return body.map((r) => {
    const at = (column: (typeof COLUMNS)[number]) => ({ file: file.name, row: r.line, column });
    const get = (column: (typeof COLUMNS)[number]) => {
      const i = index[column];
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    const date = get('date');
    const key = figureKey(date, undefined);
    if (!key) throw new ImportError(at('date'), `"${date}" is not a day (YYYY-MM-DD) or a month (YYYY-MM)`);
    const metric = get('metric').toLowerCase();
    if (!isMetric(metric)) throw new ImportError(at('metric'), `"${metric}" is not one of ${competitorMetrics.join(', ')}`);
    const value = parseNumber(get('value'), at('value'));
    if (value === null) throw new ImportError(at('value'), 'no value: leave the row out instead');
    if (value < 0) throw new ImportError(at('value'), 'must not be negative');
    return { metric, ...key, value, note: get('note') || null, where: `row ${r.line}` };
  });
}

export async function importFiguresCsv(ctx: Context, competitorRef: string, file: { name: string; bytes: Uint8Array }): Promise<FigureBatchResult> {
  const competitor = await competitorFor(ctx, competitorRef, 'statistics.write');
  const figures = parseFigureCsv(file);
  checkFigures(ctx, figures, (f, column, reason) => new ImportError({ file: file.name, row: Number(f.where.slice(4)), column }, reason));
  return writeFigures(ctx, competitor, figures, { source: 'csv', fileName: file.name });
}
