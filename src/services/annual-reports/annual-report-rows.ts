/**
 * Shared by the annual report services: the year checked, one account's report found by account
 * (id or slug) and year — the account readable (else not_found) and in use during the year (else
 * a validation error naming the year) —, the row locked for a change, and its events.
 */
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { isYear, yearFirstDay, yearLastDay } from '../../core/reports/annual-rules.ts';
import { inUseSince } from '../../core/reports/in-use.ts';
import type { Db } from '../../db/client.ts';
import { annualReportEvents, annualReports } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { resolveScope, type ScopeAccount } from '../reports/report-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';

export type AnnualReportRow = typeof annualReports.$inferSelect;

/** validation_failed (path `year`) for anything but YYYY, and for a year that has not begun by `now`. */
export function checkYear(year: string, now: Date): void {
  if (!isYear(year)) throw new AppError('validation_failed', `"${year}" is not a year (YYYY).`, [{ path: 'year', message: 'a year as YYYY' }]);
  if (yearFirstDay(year) > dayOfNow(now)) throw new AppError('validation_failed', `${year} has not begun yet.`, [{ path: 'year', message: 'a year that has begun' }]);
}

/** The account (id or slug) if the actor may read it and it was in use in `year`. */
export async function loadReportAccount(ctx: Context, account: string, year: string): Promise<ScopeAccount> {
  checkYear(year, ctx.now);
  const resolved = await resolveScope(ctx, { account }, { first: yearFirstDay(year), last: yearLastDay(year) });
  const found = resolved.accounts[0];
  if (found) return found;
  const out = resolved.outOfUse[0]!;
  const since = inUseSince(out.use);
  const why =
    since > yearLastDay(year)
      ? `it came into use on ${since} (registered on ${out.use.registeredOn}, nothing documented for ${year} or earlier)`
      : `it was closed on ${out.use.closedOn}`;
  throw new AppError('validation_failed', `${out.name} (${out.slug}) has no annual report for ${year}: it was not in use that year; ${why}.`, [
    { path: 'year', message: `a year the account was in use (from ${since.slice(0, 4)})` },
  ]);
}

/** The account's report row for the year, if one has been written; with `lock`, locked for the rest of the transaction `db` is. */
export async function findAnnualReport(db: Db, ctx: Context, accountId: string, year: string, lock = false): Promise<AnnualReportRow | null> {
  const query = db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.organisationId, ctx.actor.organisationId), eq(annualReports.accountId, accountId), eq(annualReports.year, Number(year))));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** An annual report as the audit trail keeps it (never the frozen figures). */
function annualSnapshot(r: Partial<AnnualReportRow> | null) {
  if (!r) return null;
  return { status: r.status ?? 'draft', decision: r.decision ?? null, reasoning: r.reasoning ?? '', signedBy: r.signedBy ?? null, signedAt: r.signedAt ?? null };
}

/** Records an annual report's change in the audit trail (in the change's transaction). */
export async function auditAnnualReport(
  tx: Db,
  ctx: Context,
  account: ScopeAccount,
  year: string,
  reportId: string,
  action: 'update' | 'sign' | 'reopen',
  before: Partial<AnnualReportRow> | null,
  after: Partial<AnnualReportRow>,
  extra: Record<string, string> = {},
): Promise<void> {
  await recordAudit(tx, ctx, {
    action: `annual_report.${action}`,
    entityType: 'annual_report',
    entityId: reportId,
    unitId: account.unitId,
    label: `${account.name} ${year}`,
    before: annualSnapshot(before),
    after: { ...annualSnapshot(after), ...extra },
  });
}

export type AnnualReportAction = 'edited' | 'signed' | 'reopened';

export async function recordAnnualEvent(db: Db, ctx: Context, annualReportId: string, action: AnnualReportAction, reason: string | null = null): Promise<void> {
  await db.insert(annualReportEvents).values({
    id: crypto.randomUUID(),
    organisationId: ctx.actor.organisationId,
    annualReportId,
    at: ctx.now,
    personId: ctx.actor.personId,
    action,
    reason,
  });
}
