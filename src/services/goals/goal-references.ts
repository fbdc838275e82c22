/**
 * Resolving and checking the references of a goal: accounts of one unit, strategic goal, owner, dates.
 */
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { compareDays } from '../../core/period/days.ts';
import { strategicGoals } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findAccount, findPerson } from '../lookup.ts';
import type { AccountRow } from './goal-bundles.ts';

/**
 * The accounts of a goal: each must exist and be readable, and all must belong to one unit
 * (a campaign). Refuses with validation_failed naming the accounts at fault.
 */
export async function resolveGoalAccounts(ctx: Context, refs: readonly string[]): Promise<{ rows: AccountRow[]; unitId: string }> {
  const found: AccountRow[] = [];
  const unknown: string[] = [];
  for (const ref of [...new Set(refs)]) {
    const row = await findAccount(ctx.db, ctx.actor.organisationId, ref);
    if (!row || !ctx.actor.access.can('read', row.unitId)) unknown.push(ref);
    else if (!found.some((f) => f.id === row.id)) found.push(row);
  }
  if (unknown.length > 0) {
    const list = unknown.map((u) => `"${u}"`).join(', ');
    throw new AppError('validation_failed', `No such account: ${list}.`, [{ path: 'accounts', message: `No such account: ${list}` }]);
  }
  const units = [...new Set(found.map((a) => a.unitId))];
  if (units.length > 1 || found.length === 0) {
    const list = found.map((a) => a.name).join(', ');
    const text = `The accounts of one goal must belong to one unit; these belong to ${units.length} units: ${list}.`;
    throw new AppError('validation_failed', text, [{ path: 'accounts', message: text }]);
  }
  return { rows: found, unitId: units[0]! };
}

/** A strategic goal the goal can link to: exists, not archived, organisation-wide or of the goal's unit or above. */
export async function resolveStrategicGoal(ctx: Context, id: string | null | undefined, unitId: string): Promise<string | null> {
  if (!id) return null;
  const [row] = /^[0-9a-f-]{36}$/i.test(id)
    ? await ctx.db.select().from(strategicGoals).where(and(eq(strategicGoals.organisationId, ctx.actor.organisationId), eq(strategicGoals.id, id)))
    : [];
  const fail = (text: string) => new AppError('validation_failed', text, [{ path: 'strategicGoal', message: text }]);
  if (!row) throw fail('No such strategic goal.');
  if (row.archivedAt) throw fail(`The strategic goal "${row.title}" is archived.`);
  if (row.unitId && !ctx.actor.access.ancestry(unitId).includes(row.unitId)) {
    throw fail(`The strategic goal "${row.title}" belongs to another unit.`);
  }
  return row.id;
}

export async function resolveOwner(ctx: Context, owner: string | null | undefined): Promise<string | null> {
  if (!owner) return null;
  try {
    return (await findPerson(ctx.db, ctx.actor.organisationId, owner)).id;
  } catch {
    throw new AppError('validation_failed', `No person "${owner}".`, [{ path: 'owner', message: 'No such person' }]);
  }
}

export function checkDates(start: string | null | undefined, deadline: string | null | undefined): void {
  if (start && deadline && compareDays(deadline, start) < 0) {
    const text = `The deadline ${deadline} is before the start ${start}.`;
    throw new AppError('validation_failed', text, [{ path: 'deadline', message: text }]);
  }
}
