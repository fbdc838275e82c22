/**
 * Figures of a competitor entered by hand or sent as a JSON batch (one figure is a batch of one):
 * all or nothing, each problem named by its place in the batch, sending the same again changes
 * nothing, and a corrected value keeps the old one in history. Reporters may do this: entering
 * figures is documenting statistics ('statistics.write').
 */
import { AppError } from '../../core/errors.ts';
import { FigureBatch, type FigureBatchResult, type FigureInput } from '../../contract/competitors.ts';
import type { Context } from '../context.ts';
import { competitorFor } from './competitor-ref.ts';
import { checkFigures, figureKey, writeFigures, type NormalisedFigure } from './write-figures.ts';

export async function recordFigures(ctx: Context, competitorRef: string, rawBatch: FigureBatch, source: 'manual' | 'api' = 'manual'): Promise<FigureBatchResult> {
  // Who may write comes first: the body is not examined for someone who may not write here.
  const competitor = await competitorFor(ctx, competitorRef, 'statistics.write');
  const batch = FigureBatch.parse(rawBatch);
  const figures: NormalisedFigure[] = batch.figures.map((f, i) => {
    const key = figureKey(f.date, f.period);
    if (!key) {
      throw new AppError('validation_failed', `figures.${i}.date: "${f.date}" is not a day (YYYY-MM-DD) or a month (YYYY-MM)`, [
        { path: `figures.${i}.date`, message: 'Expected YYYY-MM-DD or YYYY-MM' },
      ]);
    }
    return { metric: f.metric, ...key, value: f.value, note: f.note?.trim() || null, where: `figures.${i}` };
  });
  checkFigures(ctx, figures, (f, column, reason) => new AppError('validation_failed', `${f.where}.${column}: ${reason}`, [{ path: `${f.where}.${column}`, message: reason }]));
  return writeFigures(ctx, competitor, figures, { source });
}

export function recordFigure(ctx: Context, competitorRef: string, figure: FigureInput): Promise<FigureBatchResult> {
  return recordFigures(ctx, competitorRef, { figures: [figure] });
}
