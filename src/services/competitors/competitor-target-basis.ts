/**
 * Competitors' values as a basis for targets ("the target came from competitors' values"): for
 * a metric and platform, each competitor's latest documented figure and their median. Goals'
 * target suggestions can show these next to the account's own history.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { median } from '../../core/compare/share-of-voice.ts';
import { TargetBasisQuery, type TargetBasisOut } from '../../contract/competitors.ts';
import { competitorFigures, competitors } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { authorize } from '../authorize.ts';
import { findUnit } from '../lookup.ts';
import { listCompetitors } from './list-competitors.ts';
import { relatedCompetitors } from './related-competitors.ts';

export async function competitorTargetBasis(ctx: Context, rawQuery: TargetBasisQuery): Promise<TargetBasisOut> {
  const q = TargetBasisQuery.parse(rawQuery);
  let rivals: { id: string; slug: string; name: string; kind: 'competitor' | 'peer' }[];
  if (q.unit) {
    const unit = await findUnit(ctx.db, ctx.actor.organisationId, q.unit);
    authorize(ctx, 'read', unit.id, 'unit');
    rivals = await relatedCompetitors(ctx, unit, { platform: q.platform, kind: q.kind });
  } else {
    rivals = await listCompetitors(ctx, { platform: q.platform, ...(q.kind ? { kind: q.kind } : {}) });
  }
  if (rivals.length === 0) return { metric: q.metric, platform: q.platform, values: [], median: null };
  const rows = await ctx.db
    .select({ competitorId: competitorFigures.competitorId, value: competitorFigures.value, period: competitorFigures.period, day: competitorFigures.day })
    .from(competitorFigures)
    .innerJoin(competitors, eq(competitors.id, competitorFigures.competitorId))
    .where(and(inArray(competitorFigures.competitorId, rivals.map((r) => r.id)), eq(competitorFigures.metric, q.metric)))
    .orderBy(desc(competitorFigures.day), competitorFigures.period);
  // Newest day first; on the same day a monthly figure (period 'month') comes after the daily one.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.competitorId)) latest.set(r.competitorId, r);
  const values = rivals
    .filter((r) => latest.has(r.id))
    .map((r) => {
      const f = latest.get(r.id)!;
      return { id: r.id, slug: r.slug, name: r.name, kind: r.kind, value: f.value, period: f.period, date: f.day };
    })
    .sort((a, b) => b.value - a.value);
  return { metric: q.metric, platform: q.platform, values, median: median(values.map((v) => v.value)) };
}
