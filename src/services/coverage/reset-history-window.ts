/** An administrator removes the organisation's override for a platform: its default applies again. */
import { and, eq } from 'drizzle-orm';
import type { HistoryWindowOut } from '../../contract/coverage.ts';
import { historyWindows } from '../../db/schema/index.ts';
import { requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';
import { presentHistoryWindow } from './history-window-rows.ts';
import { parsePlatform } from './set-history-window.ts';

export async function resetHistoryWindow(ctx: Context, platformKey: string): Promise<HistoryWindowOut> {
  requireAdmin(ctx);
  const platform = parsePlatform(platformKey);
  await ctx.db
    .delete(historyWindows)
    .where(and(eq(historyWindows.organisationId, ctx.actor.organisationId), eq(historyWindows.platform, platform)));
  return presentHistoryWindow(platform, undefined);
}
