/** Reading an organisation's history-window overrides and presenting them with the defaults. */
import { eq } from 'drizzle-orm';
import { historyWindowDefaults } from '../../core/coverage/history-windows.ts';
import { platforms, type Platform } from '../../core/platforms.ts';
import type { HistoryWindowOut } from '../../contract/coverage.ts';
import type { Db } from '../../db/client.ts';
import { historyWindows, people } from '../../db/schema/index.ts';

export interface WindowOverride {
  days: number;
  note: string | null;
  updatedBy: { id: string; name: string } | null;
  updatedAt: Date;
}

/** The organisation's overrides by platform (one query). */
export async function loadWindowOverrides(db: Db, organisationId: string): Promise<Map<Platform, WindowOverride>> {
  const rows = await db
    .select({
      platform: historyWindows.platform,
      days: historyWindows.days,
      note: historyWindows.note,
      updatedAt: historyWindows.updatedAt,
      personId: people.id,
      personName: people.name,
    })
    .from(historyWindows)
    .leftJoin(people, eq(people.id, historyWindows.updatedBy))
    .where(eq(historyWindows.organisationId, organisationId));
  const out = new Map<Platform, WindowOverride>();
  for (const r of rows) {
    if (!(platforms as readonly string[]).includes(r.platform)) continue;
    out.set(r.platform as Platform, {
      days: r.days,
      note: r.note,
      updatedBy: r.personId && r.personName ? { id: r.personId, name: r.personName } : null,
      updatedAt: r.updatedAt,
    });
  }
  return out;
}

export function presentHistoryWindow(platform: Platform, override: WindowOverride | undefined): HistoryWindowOut {
  const d = historyWindowDefaults[platform];
  return {
    platform,
    cadence: d.cadence,
    days: override ? override.days : d.days,
    defaultDays: d.days,
    override: override
      ? { days: override.days, note: override.note, updatedBy: override.updatedBy, updatedAt: override.updatedAt.toISOString() }
      : null,
    coreMetrics: [...d.coreMetrics],
    exportName: d.exportName,
    instruction: d.instruction,
    basis: d.basis,
  };
}
