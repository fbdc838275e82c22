/** A person's e-mail reminder setting (people.notify_by_email), and whether the server can send e-mail at all. */
import { eq } from 'drizzle-orm';
import { NotificationSettingsInput, type NotificationSettings } from '../../contract/notifications.ts';
import { AppError } from '../../core/errors.ts';
import { people } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { ownPersonId } from './list-notifications.ts';

export async function getNotificationSettings(ctx: Context, emailAvailable: boolean): Promise<NotificationSettings> {
  const personId = ownPersonId(ctx);
  const [row] = await ctx.db.select({ email: people.email, notify: people.notifyByEmail }).from(people).where(eq(people.id, personId));
  if (!row) throw new AppError('not_found', 'No such person.');
  return { email: row.notify, emailAvailable, address: row.email };
}

export async function updateNotificationSettings(ctx: Context, rawInput: { email: boolean }, emailAvailable: boolean): Promise<NotificationSettings> {
  const input = NotificationSettingsInput.parse(rawInput);
  const personId = ownPersonId(ctx);
  await ctx.db.update(people).set({ notifyByEmail: input.email, updatedAt: ctx.now }).where(eq(people.id, personId));
  return getNotificationSettings(ctx, emailAvailable);
}
