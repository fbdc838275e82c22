/** A competitor's figures, newest first, each with the values it replaced (history). */
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { FigureFilter, type CompetitorMetric, type FigureOut } from '../../contract/competitors.ts';
import { competitorFigureHistory, competitorFigures, people } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { competitorFor } from './competitor-ref.ts';

export async function listFigures(ctx: Context, competitorRef: string, rawFilter: FigureFilter = {}): Promise<FigureOut[]> {
  const filter = FigureFilter.parse(rawFilter);
  const competitor = await competitorFor(ctx, competitorRef, 'read');
  const where = (t: typeof competitorFigures | typeof competitorFigureHistory): SQL[] => {
    const c: SQL[] = [eq(t.competitorId, competitor.id)];
    if (filter.metric) c.push(eq(t.metric, filter.metric));
    if (filter.from) c.push(gte(t.day, filter.from));
    if (filter.to) c.push(lte(t.day, filter.to));
    return c;
  };
  const names = new Map(
    (await ctx.db.select({ id: people.id, name: people.name }).from(people).where(eq(people.organisationId, ctx.actor.organisationId))).map((p) => [p.id, p.name]),
  );
  const who = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const current = await ctx.db
    .select()
    .from(competitorFigures)
    .where(and(...where(competitorFigures)))
    .orderBy(desc(competitorFigures.day), competitorFigures.metric, competitorFigures.period);
  const old = await ctx.db
    .select()
    .from(competitorFigureHistory)
    .where(and(...where(competitorFigureHistory)))
    .orderBy(desc(competitorFigureHistory.replacedAt));
  const history = new Map<string, FigureOut['history']>();
  for (const h of old) {
    const key = `${h.metric}|${h.period}|${h.day}`;
    const list = history.get(key) ?? [];
    list.push({
      value: h.value,
      note: h.note,
      source: h.source,
      fileName: h.fileName,
      enteredBy: who(h.enteredBy),
      enteredAt: h.enteredAt.toISOString(),
      replacedAt: h.replacedAt.toISOString(),
    });
    history.set(key, list);
  }
  return current.map((f) => ({
    metric: f.metric as CompetitorMetric,
    period: f.period,
    date: f.day,
    value: f.value,
    note: f.note,
    source: f.source,
    fileName: f.fileName,
    enteredBy: who(f.enteredBy),
    enteredAt: f.enteredAt.toISOString(),
    history: history.get(`${f.metric}|${f.period}|${f.day}`) ?? [],
  }));
}
