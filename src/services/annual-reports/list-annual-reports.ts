/**
 * The annual reports of a year: every account the actor may read that was in use during the year
 * (whether or not anything has been written), narrowed to a unit and everything below it and to
 * one state. `counts` counts every state among the accounts the other filters select, so a page
 * can show its tabs' counts whichever state is chosen. Four queries whatever the number of
 * accounts (no figures are computed).
 */
import { yearFirstDay, yearLastDay } from '../../core/reports/annual-rules.ts';
import { AnnualReportListQuery, type AnnualReportList } from '../../contract/reports.ts';
import type { Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { loadEvaluatorDirectory } from '../evaluations/unit-evaluators.ts';
import { resolveScope } from '../reports/report-scope.ts';
import { checkYear } from './annual-report-rows.ts';
import { annualReportRows, presentSummary } from './present-annual-reports.ts';

export async function listAnnualReports(ctx: Context, rawQuery: AnnualReportListQuery): Promise<AnnualReportList> {
  const query = AnnualReportListQuery.parse(rawQuery);
  const { year } = query;
  checkYear(year, ctx.now);
  const resolved = await resolveScope(ctx, { unit: query.unit }, { first: yearFirstDay(year), last: yearLastDay(year) });
  const [rows, directory] = await Promise.all([
    annualReportRows(ctx, resolved.accounts.map((a) => a.id), year),
    loadEvaluatorDirectory(ctx.db, ctx.actor.organisationId),
  ]);
  const all = resolved.accounts.map((a) => presentSummary(ctx, a, rows.get(a.id) ?? null, year, directory.evaluators(a.unitId)));
  const counts = { signed: 0, upcoming: 0, due: 0, overdue: 0 };
  for (const item of all) counts[item.state] += 1;
  return { year, asOf: dayOfNow(ctx.now), counts, items: query.state ? all.filter((i) => i.state === query.state) : all };
}
