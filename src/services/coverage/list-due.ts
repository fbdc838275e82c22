/**
 * The "due" list: for each active account the actor may document statistics for (reporter,
 * editor or manager of its unit or above; an administrator: all), what is still undocumented
 * inside the platform's history window, when the oldest of it leaves, and what is already lost
 * (core/coverage/due.ts), with the unit's reporters and the export to download. Most urgent
 * first; `unit` narrows to a unit and its sub-units, `account` to one account (its page). A
 * handful of queries whatever the number of accounts.
 */
import { and, asc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { assessDue, compareDue, DUE_WITHIN_DAYS } from '../../core/coverage/due.ts';
import { effectiveWindow, historyWindowDefaults } from '../../core/coverage/history-windows.ts';
import type { Platform } from '../../core/platforms.ts';
import type { DueList, DueQuery } from '../../contract/coverage.ts';
import { accounts, units } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { dayOfNow, readableAccount } from './account-ref.ts';
import { documentedCoreDays } from './documented-core-days.ts';
import { loadWindowOverrides } from './history-window-rows.ts';
import { loadUnitDirectory } from './unit-reporters.ts';
import { dueItem } from './due-item.ts';

export async function listDue(ctx: Context, query: DueQuery = {}): Promise<DueList> {
  const orgId = ctx.actor.organisationId;
  const today = query.at ?? dayOfNow(ctx.now);
  const { access } = ctx.actor;
  const conditions: SQL[] = [eq(accounts.organisationId, orgId), eq(accounts.status, 'active')];
  if (query.unit) {
    const unit = await findUnit(ctx.db, orgId, query.unit);
    authorize(ctx, 'read', unit.id, 'unit');
    conditions.push(or(eq(units.id, unit.id), like(units.path, `${unit.path}/%`))!);
  }
  if (query.account) {
    const account = await readableAccount(ctx, query.account);
    conditions.push(eq(accounts.id, account.id));
  }
  if (!access.isAdmin) {
    const writable = access.unitsWhere('statistics.write');
    if (writable.length === 0) return { asOf: today, dueWithinDays: DUE_WITHIN_DAYS, items: [] };
    conditions.push(inArray(accounts.unitId, writable));
  }
  const rows = await ctx.db
    .select({ account: accounts })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(and(...conditions))
    .orderBy(asc(accounts.name));
  const list = rows.map((r) => r.account);
  const [overrides, documented, directory] = await Promise.all([
    loadWindowOverrides(ctx.db, orgId),
    documentedCoreDays(ctx.db, orgId, list, today),
    loadUnitDirectory(ctx.db, orgId),
  ]);

  const items = list.map((a) => {
    const platform = a.platform as Platform;
    const defaults = historyWindowDefaults[platform];
    const window = effectiveWindow(platform, overrides.get(platform)?.days);
    const assessment = assessDue({
      cadence: defaults.cadence,
      windowDays: window.days,
      createdDay: dayOfNow(a.createdAt),
      documented: documented.get(a.id) ?? [],
      today,
    });
    const item = dueItem(a, directory.unit(a.unitId)!, directory.reporters(a.unitId), assessment, window);
    return { item, assessment };
  });
  // Stable: accounts come ordered by name, so equal urgency keeps that order.
  items.sort((x, y) => compareDue(x.assessment, y.assessment));
  return { asOf: today, dueWithinDays: DUE_WITHIN_DAYS, items: items.map((x) => x.item) };
}
