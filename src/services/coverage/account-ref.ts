/** Shared bits of the coverage services: the calendar day of `now`, and finding a readable account. */
import { AppError } from '../../core/errors.ts';
import type { Platform } from '../../core/platforms.ts';
import type { Day } from '../../core/period/days.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';

/** The calendar day (UTC) of a moment, as everywhere in Målbar. */
export function dayOfNow(now: Date): Day {
  return now.toISOString().slice(0, 10);
}

export function accountRef(a: { id: string; slug: string; name: string; platform: string }) {
  return { id: a.id, slug: a.slug, name: a.name, platform: a.platform as Platform };
}

/** The account (id or slug) if the actor may read it; not_found otherwise, so other units' accounts do not reveal they exist. */
export async function readableAccount(ctx: Context, ref: string) {
  const account = await findAccount(ctx.db, ctx.actor.organisationId, ref);
  if (!account || !ctx.actor.access.can('read', account.unitId)) throw new AppError('not_found', 'No such account.');
  return account;
}
