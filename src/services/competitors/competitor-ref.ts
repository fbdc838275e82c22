/** Finding a competitor entry by id or slug, and presenting it. */
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { Action } from '../../core/roles.ts';
import type { Platform } from '../../core/platforms.ts';
import type { CompetitorOut } from '../../contract/competitors.ts';
import { competitors } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { isUuid } from '../lookup.ts';

export type CompetitorRow = typeof competitors.$inferSelect;

/** The competitor, if the actor may take `action` in its unit (not_found when they may not even read it). */
export async function competitorFor(ctx: Context, idOrSlug: string, action: Action): Promise<CompetitorRow> {
  const match = isUuid(idOrSlug) ? eq(competitors.id, idOrSlug) : eq(competitors.slug, idOrSlug);
  const [row] = await ctx.db
    .select()
    .from(competitors)
    .where(and(eq(competitors.organisationId, ctx.actor.organisationId), match));
  if (!row) throw new AppError('not_found', 'No such competitor.');
  authorize(ctx, action, row.unitId, 'competitor');
  return row;
}

export function presentCompetitor(row: CompetitorRow): CompetitorOut {
  return {
    id: row.id,
    slug: row.slug,
    unitId: row.unitId,
    name: row.name,
    platform: row.platform as Platform,
    handle: row.handle,
    url: row.url,
    kind: row.kind,
    note: row.note,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Empty strings from forms mean "no value". */
export const blankToNull = (v: string | null | undefined): string | null | undefined => (v === '' ? null : v);
