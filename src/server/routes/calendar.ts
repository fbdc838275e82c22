/**
 * The personal calendar feed: making, showing and ending its secret address (signed in), and the
 * feed itself (ICS), which calendar apps fetch without a session: the secret in the path is the
 * only key. An unknown, replaced or ended secret is a plain 404 that does not say which.
 */
import type { Context as HonoContext } from 'hono';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CalendarFeedCreated, CalendarFeedInfo } from '../../contract/notifications.ts';
import { AppError } from '../../core/errors.ts';
import { createCalendarFeed, deleteCalendarFeed, getCalendarFeed } from '../../services/calendar/calendar-feed.ts';
import { calendarFeedIcs } from '../../services/calendar/feed-events.ts';
import { anonymousContext, requireContext } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { errors, jsonContent, noContent, router, signedIn } from '../openapi-helpers.ts';

/** Where people reach Målbar: MAALBAR_PUBLIC_URL, or the origin the request came to. */
function baseUrl(c: HonoContext<AppEnv>): string {
  return c.get('deps').config.publicUrl ?? new URL(c.req.url).origin;
}

const own = { 401: errors[401], 403: errors[403] };

export const calendarRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/calendar-feed',
      tags: ['calendar'],
      summary: 'Whether you have a calendar feed, the first characters of its secret, and when it was made and last fetched',
      security: signedIn,
      responses: { 200: jsonContent(CalendarFeedInfo, 'Your calendar feed'), ...own },
    }),
    async (c) => c.json(await getCalendarFeed(requireContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/calendar-feed',
      tags: ['calendar'],
      summary: 'Make a new secret calendar address (ICS) with your deadlines; shown only now. An earlier address stops working',
      security: signedIn,
      responses: { 201: jsonContent(CalendarFeedCreated, 'The new address'), ...own },
    }),
    async (c) => c.json(await createCalendarFeed(requireContext(c), baseUrl(c)), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/me/calendar-feed',
      tags: ['calendar'],
      summary: 'End your calendar address',
      security: signedIn,
      responses: { 204: noContent, ...own },
    }),
    async (c) => {
      await deleteCalendarFeed(requireContext(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/calendar/{feed}',
      tags: ['calendar'],
      summary: 'The calendar feed itself, `<secret>.ics` (iCalendar, all-day events): no session, the secret address is the key',
      request: { params: z.object({ feed: z.string().describe('the secret followed by .ics') }) },
      responses: {
        200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string() } } },
        404: errors[404],
      },
    }),
    async (c) => {
      const match = /^(.+)\.ics$/.exec(c.req.valid('param').feed);
      if (!match) throw new AppError('not_found', 'No such calendar.');
      const ics = await calendarFeedIcs(anonymousContext(c), match[1]!, baseUrl(c));
      return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store' });
    },
  );
