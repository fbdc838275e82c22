/**
 * The annual report of a scope: one account, a unit and everything below it, or the whole
 * organisation the actor may read ('read' on the scope; not_found otherwise). `accounts` holds
 * every account in use during the year with its annual report (figures frozen when signed,
 * otherwise computed now in one batched call); `summary` rolls them all up and `byUnit` per child
 * unit of the scope (the organisation's top units the actor may read; a unit's direct children,
 * after a row of the unit itself for its own accounts when it has any, so the rows add up to the
 * summary; none for an account), with the pure roll-up of core/reports/annual-rollup.ts.
 */
import { AppError } from '../../core/errors.ts';
import { annualRollup } from '../../core/reports/annual-rollup.ts';
import { yearFirstDay, yearLastDay } from '../../core/reports/annual-rules.ts';
import type { AnnualReport } from '../../contract/reports.ts';
import type { Context } from '../context.ts';
import { checkYear, loadReportAccount } from '../annual-reports/annual-report-rows.ts';
import { presentAnnualReports } from '../annual-reports/present-annual-reports.ts';
import { childUnits, inSubtree, resolveScope } from './report-scope.ts';

export async function buildAnnualReport(ctx: Context, q: { account?: string | undefined; unit?: string | undefined; year: string }): Promise<AnnualReport> {
  checkYear(q.year, ctx.now);
  if (q.account && q.unit) {
    throw new AppError('validation_failed', 'Choose one account or one unit, not both.', [{ path: 'unit', message: 'give either account or unit' }]);
  }
  // One account not in use that year says so (as its annual report does).
  if (q.account) await loadReportAccount(ctx, q.account, q.year);
  const resolved = await resolveScope(ctx, { account: q.account, unit: q.unit }, { first: yearFirstDay(q.year), last: yearLastDay(q.year) });
  const accounts = await presentAnnualReports(ctx, resolved.accounts, q.year);
  const byUnit = childUnits(ctx, resolved).map((u) => {
    const inside = accounts.filter((a) => inSubtree(resolved.units, a.unit.id, u));
    return { unit: { id: u.id, slug: u.slug, name: u.name }, summary: annualRollup(inside) };
  });
  // A unit's own accounts (in no child unit) are a row of the unit itself, first, so the rows add up to the summary.
  const own = resolved.unit ? accounts.filter((a) => a.unit.id === resolved.unit!.id) : [];
  if (resolved.unit && own.length > 0) {
    byUnit.unshift({ unit: { id: resolved.unit.id, slug: resolved.unit.slug, name: resolved.unit.name }, summary: annualRollup(own) });
  }
  return {
    kind: 'annual',
    scope: resolved.scope,
    year: q.year,
    generatedAt: ctx.now.toISOString(),
    summary: annualRollup(accounts),
    byUnit,
    accounts,
  };
}
