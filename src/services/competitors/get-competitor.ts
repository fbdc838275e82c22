/** One competitor entry with its unit and what the actor may do with it. */
import { eq } from 'drizzle-orm';
import type { CompetitorDetail } from '../../contract/competitors.ts';
import { units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { competitorFor, presentCompetitor } from './competitor-ref.ts';

export async function getCompetitor(ctx: Context, idOrSlug: string): Promise<CompetitorDetail> {
  const row = await competitorFor(ctx, idOrSlug, 'read');
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, row.unitId));
  return {
    ...presentCompetitor(row),
    unit: { id: unit!.id, slug: unit!.slug, name: unit!.name },
    canEdit: ctx.actor.access.can('account.write', row.unitId),
    canRecord: ctx.actor.access.can('statistics.write', row.unitId),
  };
}
