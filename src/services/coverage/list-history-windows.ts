/** Every platform's history window for the organisation: the default, the override, the window in force. Anyone signed in may read them. */
import { platforms } from '../../core/platforms.ts';
import type { HistoryWindowOut } from '../../contract/coverage.ts';
import type { Context } from '../context.ts';
import { loadWindowOverrides, presentHistoryWindow } from './history-window-rows.ts';

export async function listHistoryWindows(ctx: Context): Promise<HistoryWindowOut[]> {
  const overrides = await loadWindowOverrides(ctx.db, ctx.actor.organisationId);
  return platforms.map((p) => presentHistoryWindow(p, overrides.get(p)));
}
