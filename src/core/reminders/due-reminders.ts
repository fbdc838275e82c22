/**
 * Which reminders are due as of `today` (issue #6), pure. From the organisation's monthly
 * evaluations, last year's annual reports, the due watchdog's items and the people named on each
 * unit, it drafts notifications `{ personId, kind, key, params, link, dueOn }`. The key says what
 * a reminder is about and at which stage, and a person gets a key once (the notifications table
 * is unique per person and key), so running this every hour repeats nothing.
 *
 * Windows (no reminder storm: at most a few reminders per deadline):
 * - Monthly evaluation (a draft whose month has ended), to the unit's evaluators (managers when
 *   none is named): `evaluation_due:<id>:ready` once the month has ended, `evaluation_due:<id>:soon`
 *   from EVALUATION_SOON_DAYS days before the due day (the 15th) — a draft first seen inside that
 *   window gets only the "soon" one — and `evaluation_overdue:<id>` once after the due day, only
 *   within OVERDUE_WITHIN_DAYS of it (old drafts do not flood a new installation).
 * - Annual report on last year (an account in use that year, unsigned), to the same people:
 *   `annual_report_due:<account>:<year>:ready` from 1 January, `…:soon` from ANNUAL_SOON_DAYS days
 *   before 31 January, `annual_report_overdue:<account>:<year>` once after it (within
 *   OVERDUE_WITHIN_DAYS).
 * - Documentation, to the unit's reporters (managers when none is named): when the watchdog says
 *   'due' or 'overdue' and something can still be documented before a deadline within
 *   DUE_WITHIN_DAYS (or already past for a monthly entry). Once per status change: a reminder is
 *   made when the account has had none, when its kind changed (due → overdue), or when the last
 *   one is DOCUMENTATION_AGAIN_DAYS old and the account still needs documenting. The key is
 *   `documentation_due:<account>:<leavesWindowOn>` (or `documentation_overdue:…`).
 *
 * Params (what the web app and the e-mails word a notification from), besides every kind's
 * accountId, account (name), accountSlug, platform, unitId, unit (name):
 * - evaluation_due / evaluation_overdue: evaluationId, month (YYYY-MM), dueOn, stage (ready | soon | overdue)
 * - annual_report_due / annual_report_overdue: year (YYYY), dueOn, stage (ready | soon | overdue)
 * - documentation_due / documentation_overdue: cadence (daily | monthly), toCoverDays, lostDays,
 *   deadline, leavesWindowOn (days or null)
 * ('report_delivered' is made by services/subscriptions: subscriptionId, scope (name), month, language.)
 */
import type { NotificationKind } from '../../contract/notifications.ts';
import { DUE_WITHIN_DAYS, type DueStatus } from '../coverage/due.ts';
import { evaluationDueOn, monthHasEnded, type Month } from '../evaluations/months.ts';
import { addDays, daysBetween, type Day } from '../period/days.ts';
import { annualReportDueOn, type Year } from '../reports/annual-rules.ts';

export const EVALUATION_SOON_DAYS = 3;
export const ANNUAL_SOON_DAYS = 7;
export const OVERDUE_WITHIN_DAYS = 31;
export const DOCUMENTATION_AGAIN_DAYS = 14;

export type ReminderParams = Record<string, string | number | null>;

export interface ReminderDraft {
  personId: string;
  kind: NotificationKind;
  key: string;
  params: ReminderParams;
  /** A path in the web app. */
  link: string;
  dueOn: Day | null;
}

export interface ReminderAccount {
  id: string;
  slug: string;
  name: string;
  platform: string;
  unitId: string;
  unitName: string;
}

export interface ReminderEvaluation {
  id: string;
  month: Month;
  status: 'draft' | 'signed';
  account: ReminderAccount;
}

export interface ReminderAnnualReport {
  account: ReminderAccount;
  year: Year;
  /** null: nobody has started it yet (no row). */
  status: 'draft' | 'signed' | null;
}

export interface ReminderDueItem {
  account: ReminderAccount;
  status: DueStatus;
  cadence: 'daily' | 'monthly';
  toCoverDays: number;
  lostDays: number;
  /** Daily: when the oldest day to cover leaves the window; monthly: the oldest month's entry day. */
  deadline: Day | null;
  daysLeft: number | null;
  leavesWindowOn: Day | null;
}

export interface PreviousDocumentationReminder {
  kind: 'documentation_due' | 'documentation_overdue';
  /** The day it was made. */
  on: Day;
}

export interface ReminderPeople {
  evaluators(unitId: string): { id: string }[];
  reporters(unitId: string): { id: string }[];
  managers(unitId: string): { id: string }[];
}

export interface ReminderInput {
  today: Day;
  evaluations: readonly ReminderEvaluation[];
  annualReports: readonly ReminderAnnualReport[];
  due: readonly ReminderDueItem[];
  /** The latest documentation reminder made for each account (any person), by account id. */
  previousDocumentation: ReadonlyMap<string, PreviousDocumentationReminder>;
  people: ReminderPeople;
}

const accountParams = (a: ReminderAccount): ReminderParams => ({
  accountId: a.id,
  account: a.name,
  accountSlug: a.slug,
  platform: a.platform,
  unitId: a.unitId,
  unit: a.unitName,
});

function orManagers(list: { id: string }[], people: ReminderPeople, unitId: string): { id: string }[] {
  return list.length > 0 ? list : people.managers(unitId);
}

/** A stage of a deadline: within `soonDays` of it (or on it) → 'soon', before that 'ready', after it 'overdue'. */
function stage(today: Day, dueOn: Day, soonDays: number): 'ready' | 'soon' | 'overdue' {
  if (today > dueOn) return 'overdue';
  return today >= addDays(dueOn, -soonDays) ? 'soon' : 'ready';
}

function evaluationReminders(e: ReminderEvaluation, today: Day): Omit<ReminderDraft, 'personId'>[] {
  if (e.status !== 'draft' || !monthHasEnded(e.month, today)) return [];
  const dueOn = evaluationDueOn(e.month);
  const at = stage(today, dueOn, EVALUATION_SOON_DAYS);
  if (at === 'overdue' && daysBetween(dueOn, today) > OVERDUE_WITHIN_DAYS) return [];
  const base = { params: { ...accountParams(e.account), evaluationId: e.id, month: e.month, dueOn, stage: at }, link: `/evaluations/${e.id}`, dueOn };
  return at === 'overdue'
    ? [{ ...base, kind: 'evaluation_overdue', key: `evaluation_overdue:${e.id}` }]
    : [{ ...base, kind: 'evaluation_due', key: `evaluation_due:${e.id}:${at}` }];
}

function annualReminders(r: ReminderAnnualReport, today: Day): Omit<ReminderDraft, 'personId'>[] {
  if (r.status === 'signed' || today <= `${r.year}-12-31`) return [];
  const dueOn = annualReportDueOn(r.year);
  const at = stage(today, dueOn, ANNUAL_SOON_DAYS);
  if (at === 'overdue' && daysBetween(dueOn, today) > OVERDUE_WITHIN_DAYS) return [];
  const base = {
    params: { ...accountParams(r.account), year: r.year, dueOn, stage: at },
    link: `/annual-reports/${r.account.slug}/${r.year}`,
    dueOn,
  };
  return at === 'overdue'
    ? [{ ...base, kind: 'annual_report_overdue', key: `annual_report_overdue:${r.account.id}:${r.year}` }]
    : [{ ...base, kind: 'annual_report_due', key: `annual_report_due:${r.account.id}:${r.year}:${at}` }];
}

/** Can something still be documented against a deadline that is near (or, for a monthly entry, past)? */
function needsDocumenting(d: ReminderDueItem): boolean {
  return d.status !== 'ok' && d.toCoverDays > 0 && d.daysLeft !== null && d.daysLeft <= DUE_WITHIN_DAYS;
}

function documentationReminder(d: ReminderDueItem, today: Day, previous: PreviousDocumentationReminder | undefined): Omit<ReminderDraft, 'personId'> | null {
  if (!needsDocumenting(d)) return null;
  const kind = d.status === 'overdue' ? 'documentation_overdue' : 'documentation_due';
  if (previous && previous.kind === kind && daysBetween(previous.on, today) < DOCUMENTATION_AGAIN_DAYS) return null;
  const when = d.leavesWindowOn ?? d.deadline!;
  const page = d.cadence === 'monthly' ? 'monthly-entry' : 'import';
  return {
    kind,
    key: `${kind}:${d.account.id}:${when}`,
    params: { ...accountParams(d.account), cadence: d.cadence, toCoverDays: d.toCoverDays, lostDays: d.lostDays, deadline: d.deadline, leavesWindowOn: d.leavesWindowOn },
    link: `/accounts/${d.account.slug}/${page}`,
    dueOn: d.deadline,
  };
}

/** Every reminder due as of `input.today`, one draft per person; the caller stores them once per (person, key). */
export function dueReminders(input: ReminderInput): ReminderDraft[] {
  const { today, people } = input;
  const out: ReminderDraft[] = [];
  const toEach = (recipients: { id: string }[], drafts: Omit<ReminderDraft, 'personId'>[]) => {
    for (const d of drafts) for (const p of recipients) out.push({ ...d, personId: p.id });
  };
  for (const e of input.evaluations) {
    toEach(orManagers(people.evaluators(e.account.unitId), people, e.account.unitId), evaluationReminders(e, today));
  }
  for (const r of input.annualReports) {
    toEach(orManagers(people.evaluators(r.account.unitId), people, r.account.unitId), annualReminders(r, today));
  }
  for (const d of input.due) {
    const draft = documentationReminder(d, today, input.previousDocumentation.get(d.account.id));
    if (draft) toEach(orManagers(people.reporters(d.account.unitId), people, d.account.unitId), [draft]);
  }
  return out;
}

/** The account a documentation reminder's key is about (`documentation_due:<account>:<day>`), for the previous-reminder lookup. */
export function documentationKeyAccount(key: string): string | null {
  const m = /^documentation_(?:due|overdue):([^:]+):/.exec(key);
  return m ? m[1]! : null;
}
