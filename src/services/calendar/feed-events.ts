/**
 * A person's deadlines as calendar events, for their feed: monthly evaluations they write (the
 * due day of each unsigned draft of the last year, and of the running month), annual reports
 * (last year's while unsigned, this year's), both for the units where they are evaluator or
 * manager; and the documentation deadline of each account they report for (reporter or manager:
 * the watchdog's deadline — the day the oldest undocumented day leaves the platform's window, or
 * a monthly entry's day). Worded in the person's language; the feed (calendarFeedIcs) is the only
 * way in, by its secret.
 */
import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Locale } from '../../contract/common.ts';
import type { CalendarEvent } from '../../core/calendar/ics.ts';
import { writeCalendar } from '../../core/calendar/ics.ts';
import { AppError } from '../../core/errors.ts';
import { evaluationDueOn, monthOfDay, shiftMonth } from '../../core/evaluations/months.ts';
import type { Day } from '../../core/period/days.ts';
import { annualReportDueOn } from '../../core/reports/annual-rules.ts';
import type { Role } from '../../core/roles.ts';
import { accounts, annualReports, evaluations, units } from '../../db/schema/index.ts';
import { formatMonth } from '../../mail/mail-text.ts';
import type { AnonymousContext, Context } from '../context.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { listDue } from '../coverage/list-due.ts';
import { loadPersonActor } from '../load-actor.ts';
import { annualReportsDue } from '../notifications/reminder-inputs.ts';
import { resolveCalendarFeed } from './calendar-feed.ts';

const words = {
  nb: {
    evaluation: (account: string, month: string) => `Månedsevaluering: ${account}, ${month}`,
    annual: (account: string, year: string) => `Årsrapport ${year}: ${account}`,
    documentation: (account: string) => `Statistikk må dokumenteres: ${account}`,
    unit: 'Enhet',
    open: 'Åpne i Målbar',
    calendar: (name: string) => `Målbar: frister for ${name}`,
  },
  en: {
    evaluation: (account: string, month: string) => `Monthly evaluation: ${account}, ${month}`,
    annual: (account: string, year: string) => `Annual report ${year}: ${account}`,
    documentation: (account: string) => `Document statistics: ${account}`,
    unit: 'Unit',
    open: 'Open in Målbar',
    calendar: (name: string) => `Målbar: deadlines of ${name}`,
  },
};

/** Does the person hold one of `roles` on the unit or above? */
function holds(ctx: Context, roles: Role[], unitId: string): boolean {
  const ancestry = new Set(ctx.actor.access.ancestry(unitId));
  return ctx.actor.grants.some((g) => roles.includes(g.role) && g.unitId !== null && ancestry.has(g.unitId));
}

export async function personDeadlines(ctx: Context, baseUrl: string): Promise<CalendarEvent[]> {
  const today = dayOfNow(ctx.now);
  const lang: Locale = ctx.actor.locale === 'en' ? 'en' : 'nb';
  const w = words[lang];
  const orgId = ctx.actor.organisationId;
  const base = baseUrl.replace(/\/+$/, '');
  const thisMonth = monthOfDay(today);
  const thisYear = today.slice(0, 4);
  const lastYear = String(Number(thisYear) - 1);

  const all = await ctx.db
    .select({ id: accounts.id, slug: accounts.slug, name: accounts.name, status: accounts.status, unitId: accounts.unitId, unit: units.name })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(eq(accounts.organisationId, orgId));
  const evaluated = all.filter((a) => holds(ctx, ['evaluator', 'manager'], a.unitId));
  const documented = new Set(all.filter((a) => holds(ctx, ['reporter', 'manager'], a.unitId)).map((a) => a.id));
  const ids = evaluated.map((a) => a.id);
  const event = (uid: string, day: Day, summary: string, unit: string, link: string): CalendarEvent => ({
    uid: `${uid}@maalbar`,
    day,
    summary,
    description: `${w.unit}: ${unit}\n${w.open}: ${base}${link}`,
    url: `${base}${link}`,
    categories: ['Målbar'],
  });
  const events: CalendarEvent[] = [];

  if (ids.length > 0) {
    const [drafts, lastYearReports, thisYearSigned] = await Promise.all([
      ctx.db
        .select({ id: evaluations.id, accountId: evaluations.accountId, month: evaluations.month, status: evaluations.status })
        .from(evaluations)
        .where(and(inArray(evaluations.accountId, ids), gte(evaluations.month, `${shiftMonth(thisMonth, -12)}-01`))),
      annualReportsDue(ctx, lastYear),
      ctx.db
        .select({ accountId: annualReports.accountId })
        .from(annualReports)
        .where(and(inArray(annualReports.accountId, ids), eq(annualReports.year, Number(thisYear)), eq(annualReports.status, 'signed'))),
    ]);
    const byId = new Map(evaluated.map((a) => [a.id, a]));
    const seenMonth = new Set<string>();
    for (const d of drafts) {
      const a = byId.get(d.accountId)!;
      const month = d.month.slice(0, 7);
      seenMonth.add(`${a.id} ${month}`);
      if (d.status === 'signed') continue;
      events.push(event(`evaluation-${a.id}-${month}`, evaluationDueOn(month), w.evaluation(a.name, formatMonth(month, lang)), a.unit, `/evaluations/${d.id}`));
    }
    // The running month's evaluation is due on the 15th of the next; its draft comes when the month ends.
    for (const a of evaluated) {
      if (a.status !== 'active' || seenMonth.has(`${a.id} ${thisMonth}`)) continue;
      events.push(event(`evaluation-${a.id}-${thisMonth}`, evaluationDueOn(thisMonth), w.evaluation(a.name, formatMonth(thisMonth, lang)), a.unit, `/evaluations?account=${a.slug}`));
    }
    // Last year's report while unsigned (accounts in use that year, as the annual reports count them).
    for (const r of lastYearReports) {
      const a = byId.get(r.account.id);
      if (!a || r.status === 'signed') continue;
      events.push(event(`annual-report-${a.id}-${lastYear}`, annualReportDueOn(lastYear), w.annual(a.name, lastYear), a.unit, `/annual-reports/${a.slug}/${lastYear}`));
    }
    const signed = new Set(thisYearSigned.map((r) => r.accountId));
    for (const a of evaluated) {
      if (a.status === 'closed' || signed.has(a.id)) continue;
      events.push(event(`annual-report-${a.id}-${thisYear}`, annualReportDueOn(thisYear), w.annual(a.name, thisYear), a.unit, `/annual-reports/${a.slug}/${thisYear}`));
    }
  }

  if (documented.size > 0) {
    const due = await listDue(ctx, { at: today });
    for (const item of due.items) {
      if (!documented.has(item.account.id) || item.deadline === null || item.toCoverDays === 0) continue;
      const page = item.cadence === 'monthly' ? 'monthly-entry' : 'import';
      events.push(event(`documentation-${item.account.id}`, item.deadline, w.documentation(item.account.name), item.unit.name, `/accounts/${item.account.slug}/${page}`));
    }
  }
  return events.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.uid < y.uid ? -1 : 1));
}

/** The ICS text of the feed with this secret; not_found (saying nothing more) for an unknown or ended one, or a deactivated person. */
export async function calendarFeedIcs(anon: AnonymousContext, secret: string, baseUrl: string): Promise<string> {
  const personId = await resolveCalendarFeed(anon.db, secret, anon.now);
  const actor = personId ? await loadPersonActor(anon.db, personId) : null;
  if (!actor) throw new AppError('not_found', 'No such calendar.');
  const ctx: Context = { db: anon.db, actor, now: anon.now };
  const events = await personDeadlines(ctx, baseUrl);
  const lang: Locale = actor.locale === 'en' ? 'en' : 'nb';
  return writeCalendar(events, { name: words[lang].calendar(actor.name), stamp: anon.now });
}
