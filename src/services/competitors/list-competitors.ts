/** Competitor and peer entries the actor may read, filtered by unit (with sub-units), platform and kind. */
import { and, asc, eq, inArray, isNull, like, or, type SQL } from 'drizzle-orm';
import { CompetitorFilter, type CompetitorOut } from '../../contract/competitors.ts';
import { competitors, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { presentCompetitor } from './competitor-ref.ts';

export async function listCompetitors(ctx: Context, rawFilter: CompetitorFilter = {}): Promise<CompetitorOut[]> {
  const filter = CompetitorFilter.parse(rawFilter);
  const orgId = ctx.actor.organisationId;
  const conditions: SQL[] = [eq(competitors.organisationId, orgId)];
  if (!ctx.actor.access.isAdmin) {
    const readable = ctx.actor.access.unitsWhere('read');
    if (readable.length === 0) return [];
    conditions.push(inArray(competitors.unitId, readable));
  }
  if (filter.unit) {
    const unit = await findUnit(ctx.db, orgId, filter.unit);
    conditions.push(or(eq(units.id, unit.id), like(units.path, `${unit.path}/%`))!);
  }
  if (filter.platform) conditions.push(eq(competitors.platform, filter.platform));
  if (filter.kind) conditions.push(eq(competitors.kind, filter.kind));
  if (!filter.includeArchived) conditions.push(isNull(competitors.archivedAt));
  const rows = await ctx.db
    .select({ competitor: competitors })
    .from(competitors)
    .innerJoin(units, eq(units.id, competitors.unitId))
    .where(and(...conditions))
    .orderBy(asc(competitors.name), asc(competitors.platform));
  return rows.map((r) => presentCompetitor(r.competitor));
}
