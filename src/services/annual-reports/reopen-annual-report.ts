/**
 * Reopens a signed annual report: only someone with 'evaluation.reopen' on the account's unit (a
 * unit manager, an administrator), and only with a reason. It becomes a draft again: the decision
 * and the reasoning stay, the signature and the frozen figures are cleared (computed live again
 * until it is signed anew). The history keeps the 'signed' event and adds the 'reopened' one with
 * who, when and why. Reopening a draft (or a report never written) is a conflict.
 */
import { eq } from 'drizzle-orm';
import { assertAnnualTransition, type AnnualReportStatus } from '../../core/reports/annual-rules.ts';
import { AnnualReportReopenInput, type AnnualAccountReport } from '../../contract/reports.ts';
import type { Db } from '../../db/client.ts';
import { annualReports } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { auditAnnualReport, findAnnualReport, loadReportAccount, recordAnnualEvent } from './annual-report-rows.ts';
import { getAnnualReport } from './get-annual-report.ts';

export async function reopenAnnualReport(ctx: Context, account: string, year: string, rawInput: AnnualReportReopenInput): Promise<AnnualAccountReport> {
  const { reason } = AnnualReportReopenInput.parse(rawInput);
  const loaded = await loadReportAccount(ctx, account, year);
  authorize(ctx, 'evaluation.reopen', loaded.unitId, 'annual report');
  const before = await findAnnualReport(ctx.db, ctx, loaded.id, year);
  assertAnnualTransition((before?.status ?? 'draft') as AnnualReportStatus, 'reopen');

  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const row = await findAnnualReport(tx, ctx, loaded.id, year, true);
    assertAnnualTransition((row?.status ?? 'draft') as AnnualReportStatus, 'reopen');
    await tx
      .update(annualReports)
      .set({ status: 'draft', figures: null, signedBy: null, signedAt: null, updatedAt: ctx.now, updatedBy: ctx.actor.personId })
      .where(eq(annualReports.id, row!.id));
    await recordAnnualEvent(tx, ctx, row!.id, 'reopened', reason);
    await auditAnnualReport(tx, ctx, loaded, year, row!.id, 'reopen', row, { ...row, status: 'draft', signedBy: null, signedAt: null }, { reason });
  });
  return getAnnualReport(ctx, loaded.id, year);
}
