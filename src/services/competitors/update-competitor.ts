/** Edits a competitor entry (name, platform, kind, handle, note, unit). Moving needs rights in both units. */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { CompetitorUpdateInput, type CompetitorOut } from '../../contract/competitors.ts';
import { competitors } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { blankToNull, competitorFor, presentCompetitor } from './competitor-ref.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export async function updateCompetitor(ctx: Context, idOrSlug: string, rawInput: CompetitorUpdateInput): Promise<CompetitorOut> {
  const input = CompetitorUpdateInput.parse(rawInput);
  const row = await competitorFor(ctx, idOrSlug, 'account.write');
  const changes: Partial<typeof competitors.$inferInsert> = { updatedAt: ctx.now };
  if (input.name !== undefined) changes.name = input.name;
  if (input.platform !== undefined) changes.platform = input.platform;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.handle !== undefined) changes.handle = blankToNull(input.handle) ?? null;
  if (input.url !== undefined) changes.url = blankToNull(input.url) ?? null;
  if (input.note !== undefined) changes.note = blankToNull(input.note) ?? null;
  if (input.archived !== undefined && input.archived !== (row.archivedAt !== null)) changes.archivedAt = input.archived ? ctx.now : null;
  if (input.unit !== undefined) {
    const unit = await findUnit(ctx.db, ctx.actor.organisationId, input.unit);
    authorize(ctx, 'account.write', unit.id, 'unit');
    if (unit.archivedAt && unit.id !== row.unitId) {
      throw new AppError('validation_failed', `The unit "${unit.name}" is archived.`, [{ path: 'unit', message: 'archived' }]);
    }
    changes.unitId = unit.id;
  }
  const updated = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [changed] = await tx.update(competitors).set(changes).where(eq(competitors.id, row.id)).returning();
    const action = changes.archivedAt instanceof Date ? 'competitor.archive' : changes.archivedAt === null ? 'competitor.restore' : 'competitor.update';
    await recordAudit(tx, ctx, { action, entityType: 'competitor', entityId: row.id, unitId: changed!.unitId, label: changed!.name, before: row, after: changed });
    return changed;
  });
  return presentCompetitor(updated!);
}
