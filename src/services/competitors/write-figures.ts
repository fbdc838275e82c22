/**
 * The one write path of competitors' figures (manual entry, JSON batches, CSV files): one
 * transaction behind a per-competitor lock; each figure compared with what is documented under
 * its key (competitor, metric, period, day): new → inserted; a different value → replaced, the
 * old value (with who entered it and when) kept in competitor_figure_history; the same value →
 * left as it was. Sending the same figures again therefore changes nothing.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { isDay, monthStart } from '../../core/period/days.ts';
import type { CompetitorMetric, FigureBatchResult } from '../../contract/competitors.ts';
import type { Db } from '../../db/client.ts';
import { competitorFigureHistory, competitorFigures } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import type { CompetitorRow } from './competitor-ref.ts';
import { recordAudit } from '../audit/record-audit.ts';

/** At most this many changed figures are listed in the audit event (the counts are always whole). */
const auditedFigures = 200;

export interface NormalisedFigure {
  metric: CompetitorMetric;
  period: 'day' | 'month';
  day: string;
  value: number;
  note: string | null;
  /** Where the figure was given, for error messages ("figures.2", "row 3"). */
  where: string;
}

/**
 * A figure's date as its key: 'YYYY-MM' is a month; 'YYYY-MM-DD' is a day, or its month when
 * the period says month. Returns null when the date is neither.
 */
export function figureKey(date: string, period: 'day' | 'month' | undefined): { period: 'day' | 'month'; day: string } | null {
  const d = date.trim();
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(d)) return period === 'day' ? null : { period: 'month', day: `${d}-01` };
  if (!isDay(d)) return null;
  return period === 'month' ? { period: 'month', day: monthStart(d) } : { period: 'day', day: d };
}

const keyOf = (f: { metric: string; period: string; day: string }) => `${f.metric}|${f.period}|${f.day}`;

/** Refuses a figure dated after today: public figures are read, not forecast. */
export function checkFigures(ctx: Context, figures: readonly NormalisedFigure[], issue: (f: NormalisedFigure, column: string, reason: string) => AppError): void {
  const today = ctx.now.toISOString().slice(0, 10);
  const seen = new Map<string, NormalisedFigure>();
  for (const f of figures) {
    if (f.day > today) throw issue(f, 'date', `${f.day} is in the future`);
    if (f.metric === 'engagement_rate' && f.value > 100) throw issue(f, 'value', 'an engagement rate is a percentage (0–100)');
    if (f.metric !== 'engagement_rate' && !Number.isInteger(f.value)) throw issue(f, 'value', `${f.metric} is a count: a whole number`);
    const earlier = seen.get(keyOf(f));
    if (earlier) throw issue(f, 'date', `the same ${f.metric} for ${f.day} is given twice (also in ${earlier.where})`);
    seen.set(keyOf(f), f);
  }
}

export async function writeFigures(
  ctx: Context,
  competitor: CompetitorRow,
  figures: readonly NormalisedFigure[],
  origin: { source: 'manual' | 'csv' | 'api'; fileName?: string | null },
): Promise<FigureBatchResult> {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${competitor.id}, 11))`);
    const metrics = [...new Set(figures.map((f) => f.metric))];
    const existing = new Map(
      (
        await tx
          .select()
          .from(competitorFigures)
          .where(and(eq(competitorFigures.competitorId, competitor.id), inArray(competitorFigures.metric, metrics)))
      ).map((r) => [keyOf(r), r]),
    );
    const counts = { added: 0, changed: 0, unchanged: 0 };
    const replaced: { metric: string; period: string; day: string; value: number }[] = [];
    const replacedBefore: { metric: string; period: string; day: string; value: number }[] = [];
    const fresh: (typeof competitorFigures.$inferInsert)[] = [];
    for (const f of figures) {
      const row = {
        organisationId: competitor.organisationId,
        competitorId: competitor.id,
        metric: f.metric,
        period: f.period,
        day: f.day,
        value: f.value,
        note: f.note,
        source: origin.source,
        fileName: origin.fileName ?? null,
        enteredBy: ctx.actor.personId,
        enteredAt: ctx.now,
      };
      const old = existing.get(keyOf(f));
      if (!old) {
        fresh.push(row);
        counts.added++;
      } else if (old.value === f.value) {
        counts.unchanged++;
      } else {
        await tx.insert(competitorFigureHistory).values({
          id: crypto.randomUUID(),
          organisationId: old.organisationId,
          competitorId: old.competitorId,
          metric: old.metric,
          period: old.period,
          day: old.day,
          value: old.value,
          note: old.note,
          source: old.source,
          fileName: old.fileName,
          enteredBy: old.enteredBy,
          enteredAt: old.enteredAt,
          replacedBy: ctx.actor.personId,
          replacedAt: ctx.now,
        });
        await tx
          .update(competitorFigures)
          .set({ value: row.value, note: row.note, source: row.source, fileName: row.fileName, enteredBy: row.enteredBy, enteredAt: row.enteredAt })
          .where(
            and(
              eq(competitorFigures.competitorId, competitor.id),
              eq(competitorFigures.metric, f.metric),
              eq(competitorFigures.period, f.period),
              eq(competitorFigures.day, f.day),
            ),
          );
        counts.changed++;
        if (replaced.length < auditedFigures) {
          replaced.push({ metric: f.metric, period: f.period, day: f.day, value: f.value });
          replacedBefore.push({ metric: old.metric, period: old.period, day: old.day, value: old.value });
        }
      }
    }
    for (let i = 0; i < fresh.length; i += 2000) await tx.insert(competitorFigures).values(fresh.slice(i, i + 2000));
    if (counts.added + counts.changed > 0) {
      const added = fresh.slice(0, auditedFigures).map((r) => ({ metric: r.metric, period: r.period, day: r.day, value: r.value }));
      await recordAudit(tx, ctx, {
        action: 'competitor_figures.write',
        entityType: 'competitor_figures',
        entityId: competitor.id,
        unitId: competitor.unitId,
        label: origin.fileName ? `${competitor.name}: ${origin.fileName}` : competitor.name,
        before: { figures: replacedBefore },
        after: { source: origin.source, fileName: origin.fileName ?? null, ...counts, figures: [...replaced, ...added] },
      });
    }
    return counts;
  });
}
