/**
 * Many accounts' annual reports for one year, read in a fixed number of queries whatever the
 * number of accounts: the report rows (with the signer's name), their events, the unit tree with
 * its evaluators, and one batched call of annualFigures for every report that is not signed
 * (signed reports keep the figures frozen into them). No authorisation here: the caller has
 * decided the accounts may be read.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { annualReportDueOn, annualReportState, type AnnualReportStatus } from '../../core/reports/annual-rules.ts';
import type { AnnualAccountFigures, AnnualAccountReport, AnnualDecision, AnnualReportSummary } from '../../contract/reports.ts';
import { annualReportEvents, annualReports, people } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { accountRef, dayOfNow } from '../coverage/account-ref.ts';
import { loadEvaluatorDirectory } from '../evaluations/unit-evaluators.ts';
import { annualFigures } from '../reports/annual-figures.ts';
import type { ScopeAccount } from '../reports/report-scope.ts';
import type { AnnualReportRow } from './annual-report-rows.ts';

type Row = AnnualReportRow & { signerName: string | null };

/** The rows of the year for these accounts (signer's name joined), by account id. */
export async function annualReportRows(ctx: Context, accountIds: string[], year: string): Promise<Map<string, Row>> {
  if (accountIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ row: annualReports, signerName: people.name })
    .from(annualReports)
    .leftJoin(people, eq(people.id, annualReports.signedBy))
    .where(and(eq(annualReports.organisationId, ctx.actor.organisationId), eq(annualReports.year, Number(year)), inArray(annualReports.accountId, accountIds)));
  return new Map(rows.map((r) => [r.row.accountId, { ...r.row, signerName: r.signerName }]));
}

/** The list's shape (no figures). */
export function presentSummary(ctx: Context, a: ScopeAccount, row: Row | null, year: string, evaluators: { id: string; name: string }[]): AnnualReportSummary {
  const status = (row?.status ?? 'draft') as AnnualReportStatus;
  return {
    id: row?.id ?? null,
    account: accountRef(a),
    unit: a.unit,
    year,
    status,
    state: annualReportState(status, year, dayOfNow(ctx.now)),
    dueOn: annualReportDueOn(year),
    decision: (row?.decision ?? null) as AnnualDecision | null,
    signedBy: row?.signedBy && row.signerName !== null ? { id: row.signedBy, name: row.signerName } : null,
    signedAt: row?.signedAt ? row.signedAt.toISOString() : null,
    evaluators,
  };
}

export async function presentAnnualReports(ctx: Context, accounts: ScopeAccount[], year: string): Promise<AnnualAccountReport[]> {
  if (accounts.length === 0) return [];
  const orgId = ctx.actor.organisationId;
  const rows = await annualReportRows(ctx, accounts.map((a) => a.id), year);
  const frozen = (row: Row | undefined): boolean => row?.status === 'signed' && row.figures !== null;
  const live = accounts.filter((a) => !frozen(rows.get(a.id)));
  const ids = [...rows.values()].map((r) => r.id);
  const [figures, events, directory] = await Promise.all([
    live.length === 0 ? Promise.resolve(new Map<string, AnnualAccountFigures>()) : annualFigures(ctx.db, orgId, live, year, ctx.now),
    ids.length === 0
      ? Promise.resolve([])
      : ctx.db
          .select({
            reportId: annualReportEvents.annualReportId,
            at: annualReportEvents.at,
            action: annualReportEvents.action,
            reason: annualReportEvents.reason,
            personId: people.id,
            personName: people.name,
          })
          .from(annualReportEvents)
          .leftJoin(people, eq(people.id, annualReportEvents.personId))
          .where(and(eq(annualReportEvents.organisationId, orgId), inArray(annualReportEvents.annualReportId, ids)))
          .orderBy(asc(annualReportEvents.seq)),
    loadEvaluatorDirectory(ctx.db, orgId),
  ]);
  const eventsOf = new Map<string, AnnualAccountReport['events']>();
  for (const ev of events) {
    const list = eventsOf.get(ev.reportId) ?? [];
    list.push({
      at: ev.at.toISOString(),
      person: ev.personId && ev.personName !== null ? { id: ev.personId, name: ev.personName } : null,
      action: ev.action as AnnualAccountReport['events'][number]['action'],
      reason: ev.reason,
    });
    eventsOf.set(ev.reportId, list);
  }
  const { access } = ctx.actor;
  return accounts.map((a) => {
    const row = rows.get(a.id) ?? null;
    const isFrozen = frozen(row ?? undefined);
    // Written by sign-annual-report from annualFigures: the contract's shape, as it was signed.
    const f = isFrozen ? (row!.figures as unknown as AnnualAccountFigures) : figures.get(a.id);
    if (!f) throw new Error(`annualFigures gave nothing for account ${a.id}`);
    const summary = presentSummary(ctx, a, row, year, directory.evaluators(a.unitId));
    return {
      ...summary,
      reasoning: row?.reasoning ?? '',
      figures: f,
      figuresFrozen: isFrozen,
      events: row ? (eventsOf.get(row.id) ?? []) : [],
      canWrite: summary.status === 'draft' && access.can('evaluation.write', a.unitId),
      canReopen: summary.status === 'signed' && access.can('evaluation.reopen', a.unitId),
    };
  });
}
