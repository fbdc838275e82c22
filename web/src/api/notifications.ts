/**
 * Typed calls of the reminder routes (issue #6): the person's notifications and marking them
 * read, the e-mail setting, subscriptions to the monthly report, and the personal calendar feed.
 * Marking read tells the header's bell the new unread count (`onUnreadChange`), so the badge
 * follows at once instead of at its next poll.
 */
import type {
  CalendarFeedCreated,
  CalendarFeedInfo,
  Notification,
  NotificationList,
  NotificationReadInput,
  NotificationSettings,
  ReportSubscription,
  ReportSubscriptionInput,
} from '../../../src/contract/notifications.ts';
import { request } from './client.ts';

export type {
  CalendarFeedCreated,
  CalendarFeedInfo,
  Notification,
  NotificationList,
  NotificationReadInput,
  NotificationSettings,
  ReportSubscription,
  ReportSubscriptionInput,
};

type UnreadListener = (unread: number) => void;
const listeners = new Set<UnreadListener>();

/** Listens for a new unread count learnt by any call here; returns the unsubscribe function. */
export function onUnreadChange(listener: UnreadListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce(unread: number): void {
  for (const listener of listeners) listener(unread);
}

/** GET /notifications: newest first; `unread` only the unread ones. The answer's unread count is passed on to the bell. */
export async function listNotifications(query: { unread?: boolean; limit?: number } = {}, signal?: AbortSignal): Promise<NotificationList> {
  const list = await request<NotificationList>('GET', '/notifications', {
    query: { unread: query.unread ? 'true' : undefined, limit: query.limit === undefined ? undefined : String(query.limit) },
    signal,
  });
  announce(list.unread);
  return list;
}

/** POST /notifications/read: some (ids) or all; answers how many are still unread. */
export async function markNotificationsRead(input: NotificationReadInput): Promise<{ unread: number }> {
  const out = await request<{ unread: number }>('POST', '/notifications/read', { body: input });
  announce(out.unread);
  return out;
}

/** GET /me/notification-settings: e-mail reminders on or off, and whether the server can send e-mail. */
export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return request<NotificationSettings>('GET', '/me/notification-settings', { signal });
}

/** PUT /me/notification-settings. */
export function updateNotificationSettings(input: { email: boolean }): Promise<NotificationSettings> {
  return request<NotificationSettings>('PUT', '/me/notification-settings', { body: input });
}

/** GET /me/report-subscriptions. */
export async function listReportSubscriptions(signal?: AbortSignal): Promise<ReportSubscription[]> {
  return (await request<{ items: ReportSubscription[] }>('GET', '/me/report-subscriptions', { signal })).items;
}

/** POST /me/report-subscriptions: the monthly report of a unit or an account (neither: the organisation). */
export function createReportSubscription(input: { unit?: string; account?: string; language: 'nb' | 'en' }): Promise<ReportSubscription> {
  return request<ReportSubscription>('POST', '/me/report-subscriptions', { body: input });
}

/** DELETE /me/report-subscriptions/{id}. */
export function deleteReportSubscription(id: string): Promise<void> {
  return request<void>('DELETE', `/me/report-subscriptions/${encodeURIComponent(id)}`);
}

/** GET /me/calendar-feed: whether a feed exists (never its address, which is kept as a hash). */
export function getCalendarFeed(signal?: AbortSignal): Promise<CalendarFeedInfo> {
  return request<CalendarFeedInfo>('GET', '/me/calendar-feed', { signal });
}

/** POST /me/calendar-feed: a new address (shown once); any older one stops working. */
export function createCalendarFeed(): Promise<CalendarFeedCreated> {
  return request<CalendarFeedCreated>('POST', '/me/calendar-feed', { body: {} });
}

/** DELETE /me/calendar-feed: the address stops working. */
export function deleteCalendarFeed(): Promise<void> {
  return request<void>('DELETE', '/me/calendar-feed');
}
