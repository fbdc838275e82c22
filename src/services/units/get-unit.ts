/** One unit with its named reporters, evaluators and managers and its number of accounts. */
import { and, count, eq, like, or } from 'drizzle-orm';
import type { UnitDetail } from '../../contract/units.ts';
import { accounts, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { presentUnit } from '../present.ts';
import { namedPeople } from './named-people.ts';

export async function getUnit(ctx: Context, idOrSlug: string): Promise<UnitDetail> {
  const unit = await findUnit(ctx.db, ctx.actor.organisationId, idOrSlug);
  const named = await namedPeople(ctx.db, ctx.actor.organisationId, unit.id);
  let accountCount = 0;
  if (ctx.actor.access.can('read', unit.id)) {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(accounts)
      .innerJoin(units, eq(units.id, accounts.unitId))
      .where(and(eq(accounts.organisationId, ctx.actor.organisationId), or(eq(units.id, unit.id), like(units.path, `${unit.path}/%`))));
    accountCount = row?.n ?? 0;
  }
  return { ...presentUnit(unit), ...named, accountCount };
}
