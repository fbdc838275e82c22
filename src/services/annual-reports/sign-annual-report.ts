/**
 * Signs a draft annual report: needs 'evaluation.write' on the account's unit, an ended year, a
 * decision and the reasoning (core rule, as field issues). The year's figures are computed once
 * more and frozen into the report, so it keeps the numbers it was signed on whatever is imported
 * later. Records a 'signed' event with who and when, in the same transaction. Signing a signed
 * report is a conflict.
 */
import { eq } from 'drizzle-orm';
import { assertAnnualSignable, assertAnnualTransition, type AnnualDecision, type AnnualReportStatus } from '../../core/reports/annual-rules.ts';
import type { AnnualAccountReport } from '../../contract/reports.ts';
import type { Db } from '../../db/client.ts';
import { annualReports } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { annualFigures } from '../reports/annual-figures.ts';
import { auditAnnualReport, findAnnualReport, loadReportAccount, recordAnnualEvent, type AnnualReportRow } from './annual-report-rows.ts';
import { getAnnualReport } from './get-annual-report.ts';

function check(row: AnnualReportRow | null, year: string, today: string): void {
  if (row) assertAnnualTransition(row.status as AnnualReportStatus, 'sign');
  assertAnnualSignable({ year, decision: (row?.decision ?? null) as AnnualDecision | null, reasoning: row?.reasoning ?? '' }, today);
}

export async function signAnnualReport(ctx: Context, account: string, year: string): Promise<AnnualAccountReport> {
  const today = dayOfNow(ctx.now);
  const loaded = await loadReportAccount(ctx, account, year);
  authorize(ctx, 'evaluation.write', loaded.unitId, 'annual report');
  check(await findAnnualReport(ctx.db, ctx, loaded.id, year), year, today);
  const figures = (await annualFigures(ctx.db, ctx.actor.organisationId, [loaded], year, ctx.now)).get(loaded.id);
  if (!figures) throw new Error(`annualFigures gave nothing for account ${loaded.id}`);

  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // Locked and checked again: it may have been edited or signed since it was read.
    const row = await findAnnualReport(tx, ctx, loaded.id, year, true);
    check(row, year, today);
    await tx
      .update(annualReports)
      .set({
        status: 'signed',
        figures: figures as unknown as Record<string, unknown>,
        signedBy: ctx.actor.personId,
        signedAt: ctx.now,
        updatedAt: ctx.now,
        updatedBy: ctx.actor.personId,
      })
      .where(eq(annualReports.id, row!.id));
    await recordAnnualEvent(tx, ctx, row!.id, 'signed');
    await auditAnnualReport(tx, ctx, loaded, year, row!.id, 'sign', row, { ...row, status: 'signed', signedBy: ctx.actor.personId, signedAt: ctx.now });
  });
  return getAnnualReport(ctx, loaded.id, year);
}
