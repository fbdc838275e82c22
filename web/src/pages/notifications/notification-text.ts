/**
 * A notification in words, from its kind and parameters (the server sends no text, only what the
 * reminder is about), in bokmål or English. Pure: the translations come in as `translate`, the
 * language for dates and months as `lang`. Tolerant of a missing parameter: without an account
 * it names the unit (or "an account"), without a period it leaves the period out, without a due
 * day it says what is to be done without "by …".
 */
import type { Notification, NotificationKind } from '../../../../src/contract/notifications.ts';
import { platformNames, type Platform } from '../../../../src/core/platforms.ts';

export type NotificationLanguage = 'nb' | 'en';

const mainKeys = {
  evaluation_due: 'notifications.text.evaluationDue',
  evaluation_overdue: 'notifications.text.evaluationOverdue',
  documentation_due: 'notifications.text.documentationDue',
  documentation_overdue: 'notifications.text.documentationOverdue',
  annual_report_due: 'notifications.text.annualReportDue',
  annual_report_overdue: 'notifications.text.annualReportOverdue',
  report_delivered: 'notifications.text.reportDelivered',
} as const satisfies Record<NotificationKind, string>;

const undatedKeys = {
  evaluation_due: 'notifications.text.evaluationDueUndated',
  evaluation_overdue: 'notifications.text.evaluationOverdueUndated',
  documentation_due: 'notifications.text.documentationDueUndated',
  documentation_overdue: 'notifications.text.documentationOverdueUndated',
  annual_report_due: 'notifications.text.annualReportDueUndated',
  annual_report_overdue: 'notifications.text.annualReportOverdueUndated',
  report_delivered: 'notifications.text.reportDelivered',
} as const satisfies Record<NotificationKind, string>;

/** Monthly platforms (no export): the month's figures are entered by hand by a day. */
const monthlyKeys = {
  documentation_due: 'notifications.text.documentationMonthlyDue',
  documentation_overdue: 'notifications.text.documentationMonthlyOverdue',
} as const;

/** Every translation key the wording uses (all in nb.json and en.json). */
export type NotificationTextKey =
  | (typeof mainKeys)[NotificationKind]
  | (typeof undatedKeys)[NotificationKind]
  | (typeof monthlyKeys)[keyof typeof monthlyKeys]
  | 'notifications.text.forPeriod'
  | 'notifications.text.someAccount'
  | 'notifications.text.toCoverDays'
  | 'notifications.text.lostDays'
  | 'notifications.kind.evaluation_due'
  | 'notifications.kind.evaluation_overdue'
  | 'notifications.kind.documentation_due'
  | 'notifications.kind.documentation_overdue'
  | 'notifications.kind.annual_report_due'
  | 'notifications.kind.annual_report_overdue'
  | 'notifications.kind.report_delivered';

export type Translate = (key: NotificationTextKey, values?: Record<string, string | number>) => string;

type Params = Notification['params'];

const localeTag = (lang: NotificationLanguage) => (lang === 'en' ? 'en-GB' : 'nb-NO');

/** The first of `keys` that holds a non-empty text (numbers as text). */
function text(params: Params, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = Object.hasOwn(params, key) ? params[key] : null;
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return null;
}

function integer(params: Params, ...keys: string[]): number | null {
  for (const key of keys) {
    const v = Object.hasOwn(params, key) ? params[key] : null;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isInteger(n)) return n;
  }
  return null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** 'YYYY-MM-DD' → "15. november" / "15 November", or with the year ("15. november 2026"). */
export function formatDueDay(day: string, lang: NotificationLanguage, withYear = false): string {
  const m = DAY.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC' };
  if (withYear) options.year = 'numeric';
  return new Intl.DateTimeFormat(localeTag(lang), options).format(date);
}

/** 'YYYY-MM' → "oktober 2026" / "October 2026"; anything else as given. */
export function formatMonthName(month: string, lang: NotificationLanguage): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(localeTag(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** What the notification is about: the account (by name, or platform and handle), else the unit or organisation. */
export function notificationSubject(params: Params, translate: Translate): string {
  const account = text(params, 'account', 'accountName');
  if (account) return account;
  const handle = text(params, 'handle', 'accountHandle');
  if (handle) {
    const platform = text(params, 'platform');
    const name = platform && Object.hasOwn(platformNames, platform) ? platformNames[platform as Platform] : platform;
    return name ? `${name} ${handle}` : handle;
  }
  return text(params, 'unit', 'unitName', 'scope', 'organisation', 'accountSlug', 'unitSlug') ?? translate('notifications.text.someAccount');
}

/** The period in words: a month 'YYYY-MM' as its name, a year as it is; null when none is given. */
export function notificationPeriod(params: Params, lang: NotificationLanguage): string | null {
  const month = text(params, 'month', 'period');
  if (month) return formatMonthName(month, lang);
  return text(params, 'year');
}

/** The due day of a notification: its own, else a parameter that names one. */
export function notificationDueOn(n: Pick<Notification, 'dueOn' | 'params'>): string | null {
  if (n.dueOn) return n.dueOn;
  const day = text(n.params, 'dueOn', 'dueBy', 'deadline');
  return day && DAY.test(day) ? day : null;
}

/** The sentence for a notification, e.g. "Månedsevaluering for Instagram @x for oktober 2026 skal signeres innen 15. november". */
export function notificationText(n: Pick<Notification, 'kind' | 'params' | 'dueOn'>, lang: NotificationLanguage, translate: Translate): string {
  const subject = notificationSubject(n.params, translate);
  const period = notificationPeriod(n.params, lang);
  const what = period ? translate('notifications.text.forPeriod', { subject, period }) : subject;
  const dueOn = notificationDueOn(n);
  const monthly = n.params.cadence === 'monthly' && (n.kind === 'documentation_due' || n.kind === 'documentation_overdue');
  const key = dueOn ? (monthly ? monthlyKeys[n.kind as keyof typeof monthlyKeys] : mainKeys[n.kind]) : undatedKeys[n.kind];
  const due = dueOn ? formatDueDay(dueOn, lang, yearIsNeeded(text(n.params, 'month', 'period', 'year'), dueOn)) : '';
  let sentence = translate(key, { what, due });
  if (n.kind === 'documentation_due' || n.kind === 'documentation_overdue') {
    const toCover = integer(n.params, 'toCoverDays');
    if (toCover !== null && toCover > 0) sentence += ` ${translate('notifications.text.toCoverDays', { count: toCover })}`;
    const lost = integer(n.params, 'lostDays');
    if (lost !== null && lost > 0) sentence += ` ${translate('notifications.text.lostDays', { count: lost })}`;
  }
  return sentence;
}

/**
 * Whether the due day needs its year: not when it falls in the period's year or the next ("15.
 * november" for October's evaluation, "31. januar" for last year's annual report), nor when no
 * period is named (a reminder is about the weeks ahead).
 */
function yearIsNeeded(period: string | null, dueOn: string): boolean {
  if (!period || !/^\d{4}/.test(period)) return false;
  const py = Number(period.slice(0, 4));
  const dy = Number(dueOn.slice(0, 4));
  return dy !== py && dy !== py + 1;
}

/** The kind in a few words, for a label beside the sentence ("Evaluering forfalt"). */
export function notificationKindLabel(kind: NotificationKind, translate: Translate): string {
  return translate(`notifications.kind.${kind}`);
}
