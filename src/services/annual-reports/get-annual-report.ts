/**
 * One account's annual report for a year, as the evaluator works on it: the decision and the
 * reasoning written so far, the figures (frozen when signed, otherwise computed now), the history
 * of events, the unit's evaluators and what the actor may do with it now. An account in use
 * during the year has a report even before anything is written (id null, a draft); an account
 * not in use that year has none (a validation error naming the year). Needs 'read' on the
 * account's unit (not_found otherwise).
 */
import type { AnnualAccountReport } from '../../contract/reports.ts';
import type { Context } from '../context.ts';
import { loadReportAccount } from './annual-report-rows.ts';
import { presentAnnualReports } from './present-annual-reports.ts';

export async function getAnnualReport(ctx: Context, account: string, year: string): Promise<AnnualAccountReport> {
  const loaded = await loadReportAccount(ctx, account, year);
  const [report] = await presentAnnualReports(ctx, [loaded], year);
  return report!;
}
