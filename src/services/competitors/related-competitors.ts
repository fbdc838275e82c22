/**
 * The competitor entries that apply to a unit: those kept by the unit, the units above it and the
 * units below it, not archived, and readable by the actor.
 */
import { and, eq, inArray, isNull, like, or, type SQL } from 'drizzle-orm';
import { competitors, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import type { CompetitorRow } from './competitor-ref.ts';

export async function relatedCompetitors(ctx: Context, unit: { id: string; path: string }, filter: { platform?: string | undefined; kind?: string | undefined } = {}): Promise<CompetitorRow[]> {
  const above = unit.path.split('/').filter(Boolean);
  const conditions: SQL[] = [
    eq(competitors.organisationId, ctx.actor.organisationId),
    isNull(competitors.archivedAt),
    or(inArray(units.id, [...above, unit.id]), like(units.path, `${unit.path}/%`))!,
  ];
  if (filter.platform) conditions.push(eq(competitors.platform, filter.platform));
  if (filter.kind) conditions.push(eq(competitors.kind, filter.kind as 'competitor' | 'peer'));
  const rows = await ctx.db
    .select({ competitor: competitors })
    .from(competitors)
    .innerJoin(units, eq(units.id, competitors.unitId))
    .where(and(...conditions));
  return rows.map((r) => r.competitor).filter((c) => ctx.actor.access.can('read', c.unitId));
}
