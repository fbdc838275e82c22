/** An administrator removes the organisation's override for a platform: its default applies again. */
import { and, eq } from 'drizzle-orm';
import type { HistoryWindowOut } from '../../contract/coverage.ts';
import { historyWindows } from '../../db/schema/index.ts';
import { requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';
import { presentHistoryWindow } from './history-window-rows.ts';
import { parsePlatform } from './set-history-window.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export async function resetHistoryWindow(ctx: Context, platformKey: string): Promise<HistoryWindowOut> {
  requireAdmin(ctx);
  const platform = parsePlatform(platformKey);
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const removed = await tx
      .delete(historyWindows)
      .where(and(eq(historyWindows.organisationId, ctx.actor.organisationId), eq(historyWindows.platform, platform)))
      .returning({ days: historyWindows.days, note: historyWindows.note });
    // Resetting a platform that has no override changes nothing, and records nothing.
    if (removed[0]) {
      await recordAudit(tx, ctx, { action: 'history_window.reset', entityType: 'history_window', entityId: platform, unitId: null, label: platform, before: removed[0], after: null });
    }
  });
  return presentHistoryWindow(platform, undefined);
}
