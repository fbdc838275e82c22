/** Archives (or restores) a competitor entry: it leaves lists and comparisons, its figures stay. */
import type { CompetitorOut } from '../../contract/competitors.ts';
import type { Context } from '../context.ts';
import { updateCompetitor } from './update-competitor.ts';

export function archiveCompetitor(ctx: Context, idOrSlug: string, archived = true): Promise<CompetitorOut> {
  return updateCompetitor(ctx, idOrSlug, { archived });
}
