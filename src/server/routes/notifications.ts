/** A person's own notifications (the bell), their e-mail reminder setting, and their report subscriptions. All personal: each caller sees only their own. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Id } from '../../contract/common.ts';
import {
  NotificationList,
  NotificationListQuery,
  NotificationReadInput,
  NotificationSettings,
  NotificationSettingsInput,
  ReportSubscription,
  ReportSubscriptionInput,
} from '../../contract/notifications.ts';
import { listNotifications } from '../../services/notifications/list-notifications.ts';
import { markNotificationsRead } from '../../services/notifications/mark-read.ts';
import { getNotificationSettings, updateNotificationSettings } from '../../services/notifications/notification-settings.ts';
import { createSubscription } from '../../services/subscriptions/create-subscription.ts';
import { deleteSubscription } from '../../services/subscriptions/delete-subscription.ts';
import { listSubscriptions } from '../../services/subscriptions/list-subscriptions.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, noContent, router, signedIn } from '../openapi-helpers.ts';

const UnreadCount = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' });
const SubscriptionList = z.object({ items: z.array(ReportSubscription) }).meta({ id: 'ReportSubscriptionList' });
const own = { 400: errors[400], 401: errors[401], 403: errors[403] };

export const notificationRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      tags: ['notifications'],
      summary: 'Your notifications (reminders of evaluations, documentation and annual reports due; reports delivered), newest first, with the unread count',
      security: signedIn,
      request: { query: NotificationListQuery },
      responses: { 200: jsonContent(NotificationList, 'Your notifications'), ...own },
    }),
    async (c) => c.json(await listNotifications(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read',
      tags: ['notifications'],
      summary: 'Mark some of your notifications (ids) or all of them as read; answers how many are still unread',
      security: signedIn,
      request: { body: jsonBody(NotificationReadInput) },
      responses: { 200: jsonContent(UnreadCount, 'Unread notifications left'), ...own },
    }),
    async (c) => c.json(await markNotificationsRead(requireContext(c), c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/notification-settings',
      tags: ['notifications'],
      summary: 'Whether your reminders also come by e-mail, and whether the server can send e-mail (MAALBAR_SMTP_URL)',
      security: signedIn,
      responses: { 200: jsonContent(NotificationSettings, 'Your setting'), ...own },
    }),
    async (c) => c.json(await getNotificationSettings(requireContext(c), c.get('deps').config.mail !== null), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/me/notification-settings',
      tags: ['notifications'],
      summary: 'Turn e-mail reminders on or off for yourself',
      security: signedIn,
      request: { body: jsonBody(NotificationSettingsInput) },
      responses: { 200: jsonContent(NotificationSettings, 'Your setting'), ...own },
    }),
    async (c) => c.json(await updateNotificationSettings(requireContext(c), c.req.valid('json'), c.get('deps').config.mail !== null), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/report-subscriptions',
      tags: ['notifications'],
      summary: 'Your subscriptions to the monthly report (PDF by e-mail on the 16th), with the last month sent',
      security: signedIn,
      responses: { 200: jsonContent(SubscriptionList, 'Your subscriptions'), ...own },
    }),
    async (c) => c.json(await listSubscriptions(requireContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/report-subscriptions',
      tags: ['notifications'],
      summary: 'Subscribe to the monthly report of a unit or an account you may read (neither: the organisation), in bokmål or English; the same again gives the existing one',
      security: signedIn,
      request: { body: jsonBody(ReportSubscriptionInput) },
      responses: { 201: jsonContent(ReportSubscription, 'The subscription'), ...own, 404: errors[404] },
    }),
    async (c) => c.json(await createSubscription(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/me/report-subscriptions/{id}',
      tags: ['notifications'],
      summary: 'End one of your subscriptions',
      security: signedIn,
      request: { params: z.object({ id: Id }) },
      responses: { 204: noContent, ...own, 404: errors[404] },
    }),
    async (c) => {
      await deleteSubscription(requireContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
