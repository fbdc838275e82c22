/** Registers a competitor or peer account in a unit where the actor may register accounts. */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { uniqueSlug } from '../../core/slug.ts';
import { CompetitorCreateInput, type CompetitorOut } from '../../contract/competitors.ts';
import { competitors } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { accountSlug } from '../accounts/create-account.ts';
import { blankToNull, presentCompetitor } from './competitor-ref.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export async function createCompetitor(ctx: Context, rawInput: CompetitorCreateInput): Promise<CompetitorOut> {
  const input = CompetitorCreateInput.parse(rawInput);
  const orgId = ctx.actor.organisationId;
  const unit = await findUnit(ctx.db, orgId, input.unit);
  authorize(ctx, 'account.write', unit.id, 'unit');
  if (unit.archivedAt) throw new AppError('validation_failed', `The unit "${unit.name}" is archived.`, [{ path: 'unit', message: 'archived' }]);

  const taken = new Set((await ctx.db.select({ slug: competitors.slug }).from(competitors).where(eq(competitors.organisationId, orgId))).map((r) => r.slug));
  if (input.slug && taken.has(input.slug)) {
    throw new AppError('conflict', `The slug "${input.slug}" is already used by another competitor.`, [{ path: 'slug', message: 'taken' }]);
  }
  const slug = input.slug ?? uniqueSlug(accountSlug(input.name, input.platform), taken);
  const row = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [created] = await tx
      .insert(competitors)
      .values({
        id: crypto.randomUUID(),
        organisationId: orgId,
        unitId: unit.id,
        slug,
        name: input.name,
        platform: input.platform,
        kind: input.kind,
        handle: blankToNull(input.handle) ?? null,
        url: blankToNull(input.url) ?? null,
        note: blankToNull(input.note) ?? null,
        createdBy: ctx.actor.personId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'competitor.create', entityType: 'competitor', entityId: created!.id, unitId: unit.id, label: created!.name, after: created });
    return created;
  });
  return presentCompetitor(row!);
}
