/**
 * Saves a draft annual report: the decision and the reasoning, either or both. Needs
 * 'evaluation.write' on the account's unit; a signed report is locked (conflict) until a manager
 * reopens it. The first save that changes anything creates the row; every change records an
 * 'edited' event in the same transaction, and saving the same text again changes nothing and
 * records nothing.
 */
import { eq } from 'drizzle-orm';
import { assertAnnualTransition, type AnnualReportStatus } from '../../core/reports/annual-rules.ts';
import { AnnualReportUpdateInput, type AnnualAccountReport } from '../../contract/reports.ts';
import type { Db } from '../../db/client.ts';
import { annualReports } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { auditAnnualReport, findAnnualReport, loadReportAccount, recordAnnualEvent } from './annual-report-rows.ts';
import { getAnnualReport } from './get-annual-report.ts';

export async function updateAnnualReport(ctx: Context, account: string, year: string, rawInput: AnnualReportUpdateInput): Promise<AnnualAccountReport> {
  const input = AnnualReportUpdateInput.parse(rawInput);
  const loaded = await loadReportAccount(ctx, account, year);
  authorize(ctx, 'evaluation.write', loaded.unitId, 'annual report');
  const before = await findAnnualReport(ctx.db, ctx, loaded.id, year);
  if (before) assertAnnualTransition(before.status as AnnualReportStatus, 'edit');

  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // Locked and checked again: it may have been written or signed since it was read.
    let row = await findAnnualReport(tx, ctx, loaded.id, year, true);
    if (row) assertAnnualTransition(row.status as AnnualReportStatus, 'edit');
    const current = { decision: row?.decision ?? null, reasoning: row?.reasoning ?? '' };
    const changes: Partial<Pick<typeof annualReports.$inferInsert, 'decision' | 'reasoning'>> = {};
    if (input.decision !== undefined && input.decision !== current.decision) changes.decision = input.decision;
    if (input.reasoning !== undefined && input.reasoning !== current.reasoning) changes.reasoning = input.reasoning;
    if (Object.keys(changes).length === 0) return;
    if (!row) {
      const [created] = await tx
        .insert(annualReports)
        .values({
          id: crypto.randomUUID(),
          organisationId: ctx.actor.organisationId,
          accountId: loaded.id,
          year: Number(year),
          status: 'draft',
          ...changes,
          createdAt: ctx.now,
          updatedAt: ctx.now,
          updatedBy: ctx.actor.personId,
        })
        // Someone else's first save at the same moment: theirs stands, ours is applied on top below.
        .onConflictDoNothing({ target: [annualReports.accountId, annualReports.year] })
        .returning({ id: annualReports.id });
      if (created) {
        await recordAnnualEvent(tx, ctx, created.id, 'edited');
        await auditAnnualReport(tx, ctx, loaded, year, created.id, 'update', null, { status: 'draft', ...changes });
        return;
      }
      row = (await findAnnualReport(tx, ctx, loaded.id, year, true))!;
      assertAnnualTransition(row.status as AnnualReportStatus, 'edit');
    }
    await tx
      .update(annualReports)
      .set({ ...changes, updatedAt: ctx.now, updatedBy: ctx.actor.personId })
      .where(eq(annualReports.id, row.id));
    await recordAnnualEvent(tx, ctx, row.id, 'edited');
    await auditAnnualReport(tx, ctx, loaded, year, row.id, 'update', row, { ...row, ...changes });
  });
  return getAnnualReport(ctx, loaded.id, year);
}
