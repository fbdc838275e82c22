/**
 * What the reminder rules (core/reminders/due-reminders.ts) read for one organisation, in a few
 * batched queries: recent unsigned evaluations, last year's annual reports of the accounts in use
 * that year, the due watchdog (services/coverage/list-due.ts), the people named on each unit
 * (evaluators, reporters, managers) and the latest documentation reminder per account.
 */
import { and, eq, gte, inArray } from 'drizzle-orm';
import { Access } from '../../core/access.ts';
import {
  documentationKeyAccount,
  OVERDUE_WITHIN_DAYS,
  type PreviousDocumentationReminder,
  type ReminderAccount,
  type ReminderAnnualReport,
  type ReminderInput,
} from '../../core/reminders/due-reminders.ts';
import { monthOfDay, shiftMonth } from '../../core/evaluations/months.ts';
import { addDays, type Day } from '../../core/period/days.ts';
import { annualReportDueOn, yearFirstDay, yearLastDay } from '../../core/reports/annual-rules.ts';
import { accounts, annualReports, evaluations, notifications, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { listDue } from '../coverage/list-due.ts';
import { loadNamedPeople } from '../named-people.ts';
import { resolveScope } from '../reports/report-scope.ts';

const accountColumns = { id: accounts.id, slug: accounts.slug, name: accounts.name, platform: accounts.platform, unitId: accounts.unitId, unitName: units.name };

/**
 * The accounts in use at some time in `year` (the annual reports' rule, core/reports/in-use.ts,
 * through the reports' scope: registered or documented by its end, not closed before it began)
 * that the actor may read, with their annual report's status (null: not started).
 */
export async function annualReportsDue(ctx: Context, year: string): Promise<ReminderAnnualReport[]> {
  const { accounts: inUse } = await resolveScope(ctx, {}, { first: yearFirstDay(year), last: yearLastDay(year) });
  if (inUse.length === 0) return [];
  const rows = await ctx.db
    .select({ accountId: annualReports.accountId, status: annualReports.status })
    .from(annualReports)
    .where(and(eq(annualReports.year, Number(year)), inArray(annualReports.accountId, inUse.map((a) => a.id))));
  const status = new Map(rows.map((r) => [r.accountId, r.status as 'draft' | 'signed']));
  return inUse.map((a) => ({
    account: { id: a.id, slug: a.slug, name: a.name, platform: a.platform, unitId: a.unitId, unitName: a.unit.name },
    year,
    status: status.get(a.id) ?? null,
  }));
}

export async function loadReminderInput(ctx: Context, today: Day = dayOfNow(ctx.now)): Promise<ReminderInput> {
  const { db } = ctx;
  const orgId = ctx.actor.organisationId;
  // Drafts older than this are past any reminder window (due on the 15th, overdue reminders for 31 days).
  const fromMonth = shiftMonth(monthOfDay(today), -3);
  const lastYear = String(Number(today.slice(0, 4)) - 1);
  const annualWindow = today <= addDays(annualReportDueOn(lastYear), OVERDUE_WITHIN_DAYS);

  const unitRows = await db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.organisationId, orgId));
  const tree = new Access([], unitRows);
  const [evaluationRows, annualRows, due, evaluators, reporters, managers, previousRows] = await Promise.all([
    db
      .select({ id: evaluations.id, month: evaluations.month, status: evaluations.status, account: accountColumns })
      .from(evaluations)
      .innerJoin(accounts, eq(accounts.id, evaluations.accountId))
      .innerJoin(units, eq(units.id, accounts.unitId))
      .where(and(eq(evaluations.organisationId, orgId), eq(evaluations.status, 'draft'), gte(evaluations.month, `${fromMonth}-01`))),
    annualWindow ? annualReportsDue(ctx, lastYear) : Promise.resolve([]),
    listDue(ctx, { at: today }),
    loadNamedPeople(db, orgId, 'evaluator', tree),
    loadNamedPeople(db, orgId, 'reporter', tree),
    loadNamedPeople(db, orgId, 'manager', tree),
    db
      .select({ key: notifications.key, kind: notifications.kind, createdAt: notifications.createdAt })
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, orgId),
          inArray(notifications.kind, ['documentation_due', 'documentation_overdue']),
          gte(notifications.createdAt, new Date(ctx.now.getTime() - 60 * 86_400_000)),
        ),
      ),
  ]);

  const previousDocumentation = new Map<string, PreviousDocumentationReminder>();
  for (const r of previousRows) {
    const account = documentationKeyAccount(r.key);
    if (!account) continue;
    const on = dayOfNow(r.createdAt);
    const before = previousDocumentation.get(account);
    if (!before || before.on < on) previousDocumentation.set(account, { kind: r.kind as PreviousDocumentationReminder['kind'], on });
  }
  const unitNames = new Map(due.items.map((i) => [i.unit.id, i.unit.name]));
  return {
    today,
    evaluations: evaluationRows.map((e) => ({ id: e.id, month: e.month.slice(0, 7), status: e.status as 'draft' | 'signed', account: e.account as ReminderAccount })),
    annualReports: annualRows,
    due: due.items.map((i) => ({
      account: { id: i.account.id, slug: i.account.slug, name: i.account.name, platform: i.account.platform, unitId: i.unit.id, unitName: unitNames.get(i.unit.id) ?? i.unit.name },
      status: i.status,
      cadence: i.cadence,
      toCoverDays: i.toCoverDays,
      lostDays: i.lostDays,
      deadline: i.deadline,
      daysLeft: i.daysLeft,
      leavesWindowOn: i.leavesWindowOn,
    })),
    previousDocumentation,
    people: { evaluators, reporters, managers },
  };
}
