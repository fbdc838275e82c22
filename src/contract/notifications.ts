/**
 * Reminders that arrive (issue #6): in-app notifications (also sent by e-mail over SMTP when the
 * server has it configured and the person has not turned it off), subscriptions to the monthly
 * report as PDF, and a personal calendar feed (ICS at a secret address) with every deadline.
 */
import { z } from 'zod';
import { Id, IdOrSlug, Locale, Timestamp } from './common.ts';
import { Day } from './goals.ts';

export const notificationKinds = [
  /** A monthly evaluation can be written (its month has ended), or its due day is near. */
  'evaluation_due',
  /** A monthly evaluation is unsigned after its due day. */
  'evaluation_overdue',
  /** Statistics must be documented before days leave the platform's history window (the watchdog's "due"). */
  'documentation_due',
  /** Days are leaving (or have left) the window undocumented. */
  'documentation_overdue',
  'annual_report_due',
  'annual_report_overdue',
  /** A subscribed monthly report was sent by e-mail. */
  'report_delivered',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z
  .object({
    id: Id,
    kind: NotificationKind,
    /** What it is about: account name and slug, unit, month or year, days… (worded by the client from kind + params). */
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    /** A path in the web app, e.g. /evaluations/<id>. */
    link: z.string(),
    dueOn: Day.nullable(),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
    /** When the e-mail went out; null: not sent (no SMTP, turned off, or failed). */
    emailedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional().describe('only unread ones'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const NotificationList = z.object({ unread: z.number().int(), items: z.array(Notification) }).meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

/** Mark some (ids) or all as read. */
export const NotificationReadInput = z
  .union([z.object({ ids: z.array(Id).min(1).max(500) }), z.object({ all: z.literal(true) })])
  .meta({ id: 'NotificationReadInput' });
export type NotificationReadInput = z.infer<typeof NotificationReadInput>;

export const NotificationSettings = z
  .object({
    /** Reminders also by e-mail. */
    email: z.boolean(),
    /** Whether the server can send e-mail at all (SMTP configured). */
    emailAvailable: z.boolean(),
    address: z.string(),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export const NotificationSettingsInput = z.object({ email: z.boolean() }).meta({ id: 'NotificationSettingsInput' });

export const ReportSubscription = z
  .object({
    id: Id,
    kind: z.literal('monthly'),
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('unit'), id: Id, slug: z.string(), name: z.string() }),
      z.object({ kind: z.literal('account'), id: Id, slug: z.string(), name: z.string() }),
      z.object({ kind: z.literal('organisation'), name: z.string() }),
    ]),
    language: Locale,
    createdAt: Timestamp,
    /** The last month sent and when. */
    lastSent: z.object({ period: z.string(), at: Timestamp }).nullable(),
  })
  .meta({ id: 'ReportSubscription' });
export type ReportSubscription = z.infer<typeof ReportSubscription>;

export const ReportSubscriptionInput = z
  .object({
    unit: IdOrSlug.optional(),
    account: IdOrSlug.optional(),
    language: Locale.default('nb'),
  })
  .refine((v) => !(v.unit && v.account), { message: 'a unit or an account, not both', path: ['account'] })
  .meta({ id: 'ReportSubscriptionInput' });
export type ReportSubscriptionInput = z.infer<typeof ReportSubscriptionInput>;

export const CalendarFeedInfo = z
  .object({
    exists: z.boolean(),
    prefix: z.string().nullable(),
    createdAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
  })
  .meta({ id: 'CalendarFeedInfo' });
export type CalendarFeedInfo = z.infer<typeof CalendarFeedInfo>;

/** A new feed address: shown once (only its hash is kept); making a new one ends the old. */
export const CalendarFeedCreated = CalendarFeedInfo.extend({ url: z.string() }).meta({ id: 'CalendarFeedCreated' });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;
