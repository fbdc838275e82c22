/** An administrator sets the organisation's history window (days and a note) for one platform. */
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { platforms, type Platform } from '../../core/platforms.ts';
import { HistoryWindowIn, type HistoryWindowOut } from '../../contract/coverage.ts';
import { historyWindows } from '../../db/schema/index.ts';
import { requireAdmin } from '../authorize.ts';
import type { Context } from '../context.ts';
import { loadWindowOverrides, presentHistoryWindow } from './history-window-rows.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export function parsePlatform(value: string): Platform {
  if (!(platforms as readonly string[]).includes(value)) {
    throw new AppError('validation_failed', `"${value}" is not a platform (${platforms.join(', ')}).`, [
      { path: 'platform', message: `choose one of: ${platforms.join(', ')}` },
    ]);
  }
  return value as Platform;
}

export async function setHistoryWindow(ctx: Context, platformKey: string, raw: unknown): Promise<HistoryWindowOut> {
  requireAdmin(ctx);
  const platform = parsePlatform(platformKey);
  const parsed = HistoryWindowIn.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
    throw new AppError('validation_failed', `Invalid history window: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  const note = parsed.data.note?.trim() ? parsed.data.note.trim() : null;
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [before] = await tx
      .select({ days: historyWindows.days, note: historyWindows.note })
      .from(historyWindows)
      .where(and(eq(historyWindows.organisationId, ctx.actor.organisationId), eq(historyWindows.platform, platform)))
      .for('update');
    await tx
      .insert(historyWindows)
      .values({
        organisationId: ctx.actor.organisationId,
        platform,
        days: parsed.data.days,
        note,
        updatedBy: ctx.actor.personId,
        updatedAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: [historyWindows.organisationId, historyWindows.platform],
        set: { days: sql`excluded.days`, note: sql`excluded.note`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`excluded.updated_at` },
      });
    await recordAudit(tx, ctx, {
      action: 'history_window.set',
      entityType: 'history_window',
      entityId: platform,
      unitId: null,
      label: platform,
      before: before ?? null,
      after: { days: parsed.data.days, note },
    });
  });
  const overrides = await loadWindowOverrides(ctx.db, ctx.actor.organisationId);
  return presentHistoryWindow(platform, overrides.get(platform));
}
